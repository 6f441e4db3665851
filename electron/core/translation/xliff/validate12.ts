// XLIFF 1.2 structure checks: what an import relies on (files with languages, a body, trans-units
// with an id and a source, unique ids, consistent languages). Extension content is accepted.
import { attr, elements, XML_NS, type XmlElement } from '../xml/xml.ts'
import { BCP47, XLIFF12_NS } from './names.ts'
import type { XliffViolation } from './validate20.ts'

const STATES_12 = new Set(['new', 'needs-translation', 'needs-l10n', 'needs-adaptation', 'translated', 'needs-review-translation',
  'needs-review-l10n', 'needs-review-adaptation', 'final', 'signed-off'])

export function validateXliff12(root: XmlElement): XliffViolation[] {
  const v: XliffViolation[] = []
  const add = (el: XmlElement, message: string) => v.push({ message, line: el.line, element: el.name })
  const is12 = (el: XmlElement) => el.uri === XLIFF12_NS || el.uri === ''
  if (root.local !== 'xliff' || !is12(root)) {
    add(root, `The root element must be <xliff> (XLIFF 1.2 namespace), found <${root.name}>.`)
    return v
  }
  const version = attr(root, 'version')
  if (!version || !/^1\.[0-2]$/.test(version)) add(root, `Unsupported XLIFF version "${version ?? '(missing)'}".`)
  const files = elements(root, 'file').filter(is12)
  if (!files.length) add(root, 'The document has no <file>.')
  for (const file of files) {
    const src = attr(file, 'source-language')
    const trg = attr(file, 'target-language')
    if (!src) add(file, '<file> needs source-language.')
    else if (!BCP47.test(src)) add(file, `source-language "${src}" is not a valid language tag.`)
    if (trg !== undefined && !BCP47.test(trg)) add(file, `target-language "${trg}" is not a valid language tag.`)
    if (attr(file, 'original') === undefined) add(file, '<file> needs original.')
    const body = elements(file, 'body').filter(is12)
    if (body.length !== 1) {
      add(file, '<file> needs exactly one <body>.')
      continue
    }
    const ids = new Set<string>()
    const walk = (container: XmlElement) => {
      for (const c of container.children) {
        if (c.type !== 'element' || !is12(c)) continue
        if (c.local === 'group') walk(c)
        if (c.local !== 'trans-unit') continue
        const id = attr(c, 'id')
        if (id === undefined) add(c, '<trans-unit> needs an id.')
        else if (ids.has(id)) add(c, `The trans-unit id "${id}" is used twice.`)
        else ids.add(id)
        const sources = elements(c, 'source').filter(is12)
        if (sources.length !== 1) add(c, `<trans-unit id="${id}"> needs exactly one <source>.`)
        const targets = elements(c, 'target').filter(is12)
        if (targets.length > 1) add(c, `<trans-unit id="${id}"> has more than one <target>.`)
        for (const t of targets) {
          const state = attr(t, 'state')
          if (state !== undefined && !STATES_12.has(state) && !state.startsWith('x-')) add(t, `Unknown target state "${state}".`)
          const lang = attr(t, 'lang', XML_NS)
          if (lang && trg && lang.toLowerCase() !== trg.toLowerCase()) add(t, `<target> is in "${lang}" but the file's target-language is "${trg}".`)
        }
        const approved = attr(c, 'approved')
        if (approved !== undefined && approved !== 'yes' && approved !== 'no') add(c, 'approved must be "yes" or "no".')
      }
    }
    walk(body[0])
  }
  return v
}
