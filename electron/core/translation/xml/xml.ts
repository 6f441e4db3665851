// Safe XML for exchange files (XLIFF, TMX, TBX). saxes is a strict, non-validating parser that
// never fetches anything. A DOCTYPE that only names an external DTD (<!DOCTYPE tmx SYSTEM "tmx14.dtd">,
// as OmegaT, the LISA kit and TBX tools write) is accepted and ignored: nothing is fetched and no
// entity is declared, so only the five XML entities exist. A DOCTYPE with an internal subset ([…]:
// entity declarations, "billion laughs", external entities) is refused. We also cap the size, the
// nesting depth and the number of nodes, and keep everything else (comments, CDATA, PIs, attribute
// order, prefixes) so a document can be written back without losing what we do not understand.
import type * as Saxes from 'saxes'
import type { SaxesTagNS } from 'saxes'
import { onFirstUse } from '../../platform/on-first-use.ts'

const saxes = onFirstUse<typeof Saxes>('saxes')

export interface XmlAttr { name: string; prefix: string; local: string; uri: string; value: string }
export interface XmlElement {
  type: 'element'
  name: string
  prefix: string
  local: string
  uri: string
  attrs: XmlAttr[]
  children: XmlNode[]
  line: number
  column: number
}
export type XmlNode =
  | XmlElement
  | { type: 'text'; text: string }
  | { type: 'cdata'; text: string }
  | { type: 'comment'; text: string }
  | { type: 'pi'; target: string; body: string }

export interface XmlDocument { root: XmlElement; prolog: XmlNode[]; epilog: XmlNode[]; encoding: string }

export interface XmlLimits { maxBytes: number; maxDepth: number; maxNodes: number }
export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 64 * 1024 * 1024, maxDepth: 128, maxNodes: 5_000_000 }

/** Why a file was not read: not XML, a DTD we refuse, bytes that are not text, a compressed file, a limit. */
export type XmlErrorKind = 'malformed' | 'dtd' | 'encoding' | 'compressed' | 'limit'

export class XmlError extends Error {
  readonly line: number | null
  readonly column: number | null
  readonly reason: string
  readonly kind: XmlErrorKind
  /** What the kind refers to: the encoding or the archive format. */
  readonly detail: string | null
  constructor(reason: string, line: number | null = null, column: number | null = null, kind: XmlErrorKind = 'malformed', detail: string | null = null) {
    super(line !== null ? `${reason} (line ${line}, column ${column})` : reason)
    this.name = 'XmlError'
    this.reason = reason
    this.line = line
    this.column = column
    this.kind = kind
    this.detail = detail
  }
}

/** Archives people send instead of the file inside them. */
const ARCHIVES: Array<[string, number[]]> = [['gzip', [0x1f, 0x8b]], ['zip', [0x50, 0x4b, 0x03, 0x04]], ['zip', [0x50, 0x4b, 0x05, 0x06]], ['7z', [0x37, 0x7a, 0xbc, 0xaf]], ['rar', [0x52, 0x61, 0x72, 0x21]]]

/** A DOCTYPE body (what follows "<!DOCTYPE") that names a DTD and declares nothing itself. */
const EXTERNAL_DOCTYPE = /^\s*[\p{L}_:][\p{L}\p{N}._:-]*(?:\s+(?:SYSTEM\s+(?:"[^"]*"|'[^']*')|PUBLIC\s+(?:"[^"]*"|'[^']*')(?:\s+(?:"[^"]*"|'[^']*'))?))?\s*$/u

/** Turns the file's bytes into text: BOM first, then the XML declaration (UTF-8 by default). */
export function decodeXml(bytes: Uint8Array): string {
  for (const [kind, magic] of ARCHIVES) {
    if (magic.every((b, i) => bytes[i] === b)) throw new XmlError(`The file is a ${kind} archive, not XML: extract the file inside it and import that.`, null, null, 'compressed', kind)
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeStrict('utf-8', bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeStrict('utf-16le', bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeStrict('utf-16be', bytes.subarray(2))
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return decodeStrict('utf-16le', bytes)
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return decodeStrict('utf-16be', bytes)
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200))
  const enc = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase() ?? 'utf-8'
  if (enc === 'utf-8' || enc === 'utf8') return decodeStrict('utf-8', bytes)
  if (['iso-8859-1', 'latin1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii'].includes(enc)) return new TextDecoder('windows-1252').decode(bytes)
  throw new XmlError(`Unsupported character encoding "${enc}" (use UTF-8 or UTF-16).`, null, null, 'encoding', enc)
}

function decodeStrict(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    throw new XmlError(`The file is not valid ${encoding.toUpperCase()} text.`, null, null, 'encoding', encoding)
  }
}

export function parseXml(input: Uint8Array | string, limits: Partial<XmlLimits> = {}): XmlDocument {
  const lim = { ...DEFAULT_XML_LIMITS, ...limits }
  const size = typeof input === 'string' ? input.length : input.byteLength
  if (size > lim.maxBytes) throw new XmlError(`The file is too large (${Math.round(size / 1024 / 1024)} MB; the limit is ${Math.round(lim.maxBytes / 1024 / 1024)} MB).`, null, null, 'limit')
  const text = typeof input === 'string' ? input : decodeXml(input)
  const parser = new (saxes().SaxesParser)({ xmlns: true, position: true })
  const stack: XmlElement[] = []
  const prolog: XmlNode[] = []
  const epilog: XmlNode[] = []
  let root: XmlElement | null = null
  let nodes = 0
  let failure: XmlError | null = null
  let encoding = 'UTF-8'
  const fail = (reason: string, kind: XmlErrorKind = 'malformed') => {
    if (!failure) failure = new XmlError(reason, parser.line, parser.column, kind)
    throw failure
  }
  const append = (node: XmlNode) => {
    if (++nodes > lim.maxNodes) fail(`Too many XML nodes (limit ${lim.maxNodes}).`, 'limit')
    const parent = stack[stack.length - 1]
    if (parent) {
      const last = parent.children[parent.children.length - 1]
      if (node.type === 'text' && last?.type === 'text') last.text += node.text
      else parent.children.push(node)
    } else if (node.type !== 'text') (root ? epilog : prolog).push(node)
  }
  parser.on('xmldecl', (d) => {
    if (d.encoding) encoding = d.encoding
  })
  parser.on('doctype', (body) => {
    if (!EXTERNAL_DOCTYPE.test(body)) fail('The DOCTYPE declares its own DTD content (entities or other definitions in [ … ]); such files are refused, as no DTD is processed.', 'dtd')
  })
  parser.on('text', (t) => append({ type: 'text', text: t }))
  parser.on('cdata', (t) => append({ type: 'cdata', text: t }))
  parser.on('comment', (t) => append({ type: 'comment', text: t }))
  parser.on('processinginstruction', (pi) => append({ type: 'pi', target: pi.target, body: pi.body }))
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length >= lim.maxDepth) fail(`The XML is nested too deeply (limit ${lim.maxDepth} levels).`, 'limit')
    const el: XmlElement = {
      type: 'element', name: tag.name, prefix: tag.prefix, local: tag.local, uri: tag.uri,
      attrs: Object.values(tag.attributes).map((a) => ({ name: a.name, prefix: a.prefix, local: a.local, uri: a.uri, value: a.value })),
      children: [], line: parser.line, column: parser.column
    }
    if (stack.length === 0) {
      if (root) fail('More than one root element.')
      root = el
      nodes++
    } else append(el)
    stack.push(el)
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.on('error', (err) => {
    if (!failure) failure = new XmlError(err.message.replace(/^undefined:/, '').replace(/^\d+:\d+:\s*/, ''), parser.line, parser.column)
    throw failure
  })
  try {
    parser.write(text).close()
  } catch (err) {
    if (failure) throw failure
    throw new XmlError((err as Error).message)
  }
  if (!root) throw new XmlError('The file has no root element.')
  return { root, prolog, epilog, encoding }
}

// ---- helpers ----

export function elements(el: XmlElement, local?: string, uri?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.type === 'element' && (local === undefined || c.local === local) && (uri === undefined || c.uri === uri))
}

export function child(el: XmlElement, local: string, uri?: string): XmlElement | undefined {
  return elements(el, local, uri)[0]
}

/** Attribute without namespace (or in the given namespace). */
export function attr(el: XmlElement, local: string, uri = ''): string | undefined {
  return el.attrs.find((a) => a.local === local && a.uri === uri)?.value
}

export const XML_NS = 'http://www.w3.org/XML/1998/namespace'

export function textContent(node: XmlNode): string {
  if (node.type === 'text' || node.type === 'cdata') return node.text
  if (node.type !== 'element') return ''
  return node.children.map(textContent).join('')
}

export function el(name: string, attrs: Record<string, string | undefined> = {}, children: XmlNode[] = []): XmlElement {
  const colon = name.indexOf(':')
  return {
    type: 'element', name, prefix: colon > 0 ? name.slice(0, colon) : '', local: colon > 0 ? name.slice(colon + 1) : name, uri: '',
    attrs: Object.entries(attrs).filter(([, v]) => v !== undefined).map(([k, v]) => {
      const c = k.indexOf(':')
      return { name: k, prefix: c > 0 ? k.slice(0, c) : '', local: c > 0 ? k.slice(c + 1) : k, uri: '', value: v as string }
    }),
    children, line: 0, column: 0
  }
}

export function text(t: string): XmlNode {
  return { type: 'text', text: t }
}

// ---- writing ----

function escText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;')
}
function escAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
}

export function serializeNode(node: XmlNode, out: string[]): void {
  switch (node.type) {
    case 'text': out.push(escText(node.text)); return
    case 'cdata': out.push(`<![CDATA[${node.text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`); return
    case 'comment': out.push(`<!--${node.text}-->`); return
    case 'pi': out.push(`<?${node.target}${node.body ? ' ' + node.body : ''}?>`); return
    case 'element': {
      out.push('<', node.name)
      for (const a of node.attrs) out.push(' ', a.name, '="', escAttr(a.value), '"')
      if (node.children.length === 0) {
        out.push('/>')
        return
      }
      out.push('>')
      for (const c of node.children) serializeNode(c, out)
      out.push('</', node.name, '>')
    }
  }
}

export function serializeXml(doc: { root: XmlElement; prolog?: XmlNode[]; epilog?: XmlNode[] }): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n']
  for (const n of doc.prolog ?? []) {
    serializeNode(n, out)
    out.push('\n')
  }
  serializeNode(doc.root, out)
  for (const n of doc.epilog ?? []) {
    out.push('\n')
    serializeNode(n, out)
  }
  out.push('\n')
  return out.join('')
}

/** Elements whose content is text (never re-indented: whitespace there is content). */
const CONTENT_ELEMENTS = new Set(['source', 'target', 'note', 'data', 'seg', 'skeleton', 'pc', 'g', 'mrk', 'term', 'definition'])

/** Indents an element tree for readability (only structural elements, never text content). */
export function indent(node: XmlElement, depth = 0, unit = '  '): XmlElement {
  const hasText = node.children.some((c) => (c.type === 'text' && c.text.trim()) || c.type === 'cdata')
  if (hasText || node.children.length === 0 || CONTENT_ELEMENTS.has(node.local)) return node
  const kids: XmlNode[] = []
  for (const c of node.children) {
    if (c.type === 'text') continue
    kids.push(text('\n' + unit.repeat(depth + 1)))
    kids.push(c.type === 'element' ? indent(c, depth + 1, unit) : c)
  }
  kids.push(text('\n' + unit.repeat(depth)))
  node.children = kids
  return node
}
