// Small XML parts of a workbook (relationships, workbook, styles) parsed into a light tree with
// namespaces resolved, so "r:id", "ns:id" and Strict OOXML namespaces all read the same.
import type * as Saxes from 'saxes'
import { sheetError } from '../errors.ts'
import { onFirstUse } from '../../platform/on-first-use.ts'

const saxes = onFirstUse<typeof Saxes>('saxes')

export interface XmlNode {
  local: string
  uri: string
  attrs: Array<{ local: string; uri: string; value: string }>
  children: XmlNode[]
}

export function parseXml(text: string, part: string): XmlNode {
  const parser = new (saxes().SaxesParser)({ xmlns: true })
  const root: XmlNode = { local: '#document', uri: '', attrs: [], children: [] }
  const stack: XmlNode[] = [root]
  parser.on('opentag', (tag) => {
    const node: XmlNode = {
      local: tag.local ?? tag.name,
      uri: tag.uri ?? '',
      attrs: Object.values(tag.attributes).map((a) => {
        const attr = a as { local?: string; uri?: string; name: string; value: string }
        return { local: attr.local ?? attr.name, uri: attr.uri ?? '', value: attr.value }
      }),
      children: []
    }
    stack[stack.length - 1].children.push(node)
    stack.push(node)
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  try {
    parser.write(text).close()
  } catch (err) {
    throw sheetError('xlsx_corrupt', `The workbook is damaged: its part "${part}" is not valid XML (${(err as Error).message}).`, { part })
  }
  return root
}

/** Attribute by local name; `namespaced` asks for one in a namespace (like r:id), not a plain one (like sheetId). */
export function attr(node: XmlNode, local: string, namespaced = false): string | undefined {
  return node.attrs.find((a) => a.local === local && (namespaced ? a.uri !== '' : a.uri === ''))?.value
}

export function* descendants(node: XmlNode, local: string): Generator<XmlNode> {
  for (const child of node.children) {
    if (child.local === local) yield child
    yield* descendants(child, local)
  }
}

export function child(node: XmlNode, local: string): XmlNode | undefined {
  return node.children.find((c) => c.local === local)
}

/** Decodes the _xHHHH_ escapes Excel writes for control characters, one level only (_x005F_ is "_"). */
export function decodeExcelEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text
}
