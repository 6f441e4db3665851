// Reads an XLIFF 1.2 or 2.x document (already parsed and validated) into units: id, source and
// target as text with numbered inline codes, state, and everything we do not interpret (foreign
// attributes and elements, other tools' notes) kept verbatim for the next export.
import type { InlinePart } from '../../../../shared/domain/translation/inline.ts'
import { attr, elements, textContent, XML_NS, type XmlAttr, type XmlElement, type XmlNode } from '../xml/xml.ts'
import { XLIFF12_NS, XLIFF20_NS, XLIFF22_NS } from './names.ts'

export const VETRINA_NS = 'urn:vetrina:xliff:1'

export interface XliffUnitIn {
  id: string
  name: string | null
  line: number
  source: InlinePart[]
  target: InlinePart[] | null
  /** 2.0: segment state (lowest over the unit's segments); 1.2: target state. */
  state: string | undefined
  subState: string | undefined
  approved: boolean
  /** Segments without a target in a unit that has some translated segments. */
  partial: boolean
  /** Our revision stamp from the export, if the file came from Vetrina. */
  rev: number | null
  /** What we keep for the next export (see XliffExtra). */
  extra: XliffExtra
  /** Problems found while reading inline content (unknown elements…). */
  problems: string[]
}

/** Foreign content of a unit, kept so a round trip through Vetrina loses nothing. */
export interface XliffExtra {
  attrs: XmlAttr[]
  elements: XmlNode[]
  notes: XmlNode[]
  /** Namespace declarations the kept content needs (prefix → uri). */
  ns: Record<string, string>
}

export interface XliffFileIn {
  id: string
  original: string | null
  sourceLang: string
  targetLang: string | null
  units: XliffUnitIn[]
}

export interface XliffDocIn {
  /** The grammar family: 1.2, or 2.0 for every 2.x (2.1 and 2.2 extend 2.0). */
  version: '1.2' | '2.0'
  /** The version the file declares ("1.2", "2.0", "2.1", "2.2"). */
  declaredVersion: string
  files: XliffFileIn[]
}

const STATE_RANK: Record<string, number> = { initial: 0, translated: 1, reviewed: 2, final: 3 }

function isCore20(el: XmlElement): boolean {
  return el.uri === XLIFF20_NS || el.uri === XLIFF22_NS
}

function pushText(parts: InlinePart[], t: string): void {
  if (!t) return
  const last = parts[parts.length - 1]
  if (typeof last === 'string') parts[parts.length - 1] = last + t
  else parts.push(t)
}

/** Inline content → parts. Codes keep their XLIFF ids; markers (mrk, sm/em) are transparent. */
function inline(nodes: XmlNode[], parts: InlinePart[], problems: string[], v2: boolean): void {
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'cdata') {
      pushText(parts, n.text)
      continue
    }
    if (n.type !== 'element') continue
    const id = attr(n, 'id') ?? attr(n, 'rid') ?? ''
    switch (n.local) {
      case 'cp': {
        const code = parseInt(attr(n, 'hex') ?? '', 16)
        if (Number.isFinite(code)) pushText(parts, String.fromCodePoint(code))
        break
      }
      case 'pc':
      case 'g':
        parts.push({ kind: 'open', id })
        inline(n.children, parts, problems, v2)
        parts.push({ kind: 'close', id })
        break
      case 'ph':
      case 'x':
        parts.push({ kind: 'ph', id })
        break
      case 'sc':
      case 'bx':
        parts.push({ kind: 'open', id })
        break
      case 'bpt':
        parts.push({ kind: 'open', id: attr(n, 'rid') ?? attr(n, 'id') ?? '' })
        break
      case 'ec':
        parts.push({ kind: 'close', id: attr(n, 'startRef') ?? attr(n, 'rid') ?? id })
        break
      case 'ex':
      case 'ept':
        parts.push({ kind: 'close', id: attr(n, 'rid') ?? attr(n, 'startRef') ?? id })
        break
      case 'it':
        parts.push({ kind: attr(n, 'pos') === 'close' ? 'close' : 'open', id })
        break
      case 'mrk':
        inline(n.children, parts, problems, v2)
        break
      case 'sm':
      case 'em':
        break
      default:
        problems.push(`unexpected inline element <${n.name}> (line ${n.line})`)
        pushText(parts, textContent(n))
    }
  }
}

function collectNs(nodes: XmlNode[], attrs: XmlAttr[], out: Record<string, string>): void {
  for (const a of attrs) if (a.prefix && a.prefix !== 'xml' && a.prefix !== 'xmlns' && a.uri) out[a.prefix] = a.uri
  for (const n of nodes) {
    if (n.type !== 'element') continue
    if (n.prefix && n.uri) out[n.prefix] = n.uri
    collectNs(n.children, n.attrs, out)
  }
}

function extraOf(attrs: XmlAttr[], elementsKept: XmlNode[], notes: XmlNode[]): XliffExtra {
  const ns: Record<string, string> = {}
  collectNs([...elementsKept, ...notes], attrs, ns)
  return { attrs, elements: elementsKept, notes, ns }
}

function isOurs(a: XmlAttr): boolean {
  return a.uri === VETRINA_NS || a.uri === 'http://www.w3.org/2000/xmlns/'
}

export function readXliff(root: XmlElement): XliffDocIn {
  const version = attr(root, 'version') ?? ''
  if (version.startsWith('2')) return { ...read20(root), declaredVersion: version }
  return { ...read12(root), declaredVersion: version || '1.2' }
}

function read20(root: XmlElement): Omit<XliffDocIn, 'declaredVersion'> {
  const srcLang = attr(root, 'srcLang') ?? ''
  const trgLang = attr(root, 'trgLang') ?? null
  const files: XliffFileIn[] = []
  for (const file of elements(root, 'file').filter(isCore20)) {
    const units: XliffUnitIn[] = []
    const walk = (container: XmlElement) => {
      for (const c of container.children) {
        if (c.type !== 'element' || !isCore20(c)) continue
        if (c.local === 'group') walk(c)
        if (c.local === 'unit') units.push(unit20(c))
      }
    }
    walk(file)
    files.push({ id: attr(file, 'id') ?? '', original: attr(file, 'original') ?? null, sourceLang: srcLang, targetLang: trgLang, units })
  }
  return { version: '2.0', files }
}

function unit20(u: XmlElement): XliffUnitIn {
  const problems: string[] = []
  const source: InlinePart[] = []
  const parts = u.children.filter((c): c is XmlElement => c.type === 'element' && isCore20(c) && (c.local === 'segment' || c.local === 'ignorable'))
  const withTargets: Array<{ order: number; part: XmlElement; target: XmlElement | undefined }> = []
  let state: string | undefined
  let subState: string | undefined
  let translated = 0
  let untranslated = 0
  parts.forEach((p, i) => {
    const src = elements(p, 'source').find(isCore20)
    const tgt = elements(p, 'target').find(isCore20)
    if (src) inline(src.children, source, problems, true)
    withTargets.push({ order: Number(attr(tgt ?? p, 'order') ?? i + 1), part: p, target: tgt })
    if (p.local === 'segment') {
      if (tgt) {
        translated++
        const s = attr(p, 'state') ?? 'translated'
        if (state === undefined || (STATE_RANK[s] ?? 1) < (STATE_RANK[state] ?? 1)) {
          state = s
          subState = attr(p, 'subState')
        } else if (s === state && !subState) subState = attr(p, 'subState')
      } else untranslated++
    }
  })
  let target: InlinePart[] | null = null
  if (translated > 0) {
    target = []
    for (const t of withTargets.sort((a, b) => a.order - b.order)) {
      // An ignorable without target keeps its source (usually whitespace between segments).
      const content = t.target ?? (t.part.local === 'ignorable' ? elements(t.part, 'source').find(isCore20) : undefined)
      if (content) inline(content.children, target, problems, true)
    }
  }
  const kept = u.children.filter((c): c is XmlElement => c.type === 'element' && !isCore20(c) && c.uri !== VETRINA_NS)
  const notesEl = elements(u, 'notes').find(isCore20)
  const foreignNotes = (notesEl ? elements(notesEl, 'note') : []).filter((n) => !(attr(n, 'category') ?? '').startsWith('vetrina'))
  const revAttr = u.attrs.find((a) => a.uri === VETRINA_NS && a.local === 'rev')?.value
  return {
    id: attr(u, 'id') ?? '',
    name: attr(u, 'name') ?? null,
    line: u.line,
    source,
    target,
    state,
    subState,
    approved: state === 'final',
    partial: translated > 0 && untranslated > 0,
    rev: revAttr !== undefined && /^\d+$/.test(revAttr) ? Number(revAttr) : null,
    extra: extraOf(u.attrs.filter((a) => a.uri !== '' && !isOurs(a) && a.uri !== XML_NS), kept, foreignNotes),
    problems
  }
}

const CORE12_UNIT_CHILDREN = new Set(['source', 'seg-source', 'target'])

function read12(root: XmlElement): Omit<XliffDocIn, 'declaredVersion'> {
  const files: XliffFileIn[] = []
  const is12 = (el: XmlElement) => el.uri === XLIFF12_NS || el.uri === ''
  for (const file of elements(root, 'file').filter(is12)) {
    const units: XliffUnitIn[] = []
    const body = elements(file, 'body').find(is12)
    const walk = (container: XmlElement) => {
      for (const c of container.children) {
        if (c.type !== 'element' || !is12(c)) continue
        if (c.local === 'group') walk(c)
        if (c.local === 'trans-unit') units.push(unit12(c, is12))
      }
    }
    if (body) walk(body)
    files.push({
      id: attr(file, 'original') ?? '',
      original: attr(file, 'original') ?? null,
      sourceLang: attr(file, 'source-language') ?? '',
      targetLang: attr(file, 'target-language') ?? null,
      units
    })
  }
  return { version: '1.2', files }
}

function unit12(u: XmlElement, is12: (el: XmlElement) => boolean): XliffUnitIn {
  const problems: string[] = []
  const source: InlinePart[] = []
  const src = elements(u, 'source').find(is12)
  const tgt = elements(u, 'target').find(is12)
  if (src) inline(src.children, source, problems, false)
  let target: InlinePart[] | null = null
  if (tgt) {
    target = []
    inline(tgt.children, target, problems, false)
  }
  const kept = u.children.filter((c): c is XmlElement => c.type === 'element' && !(is12(c) && CORE12_UNIT_CHILDREN.has(c.local)) && !(is12(c) && c.local === 'note' && attr(c, 'from') === 'vetrina') && c.uri !== VETRINA_NS)
  const revAttr = u.attrs.find((a) => a.uri === VETRINA_NS && a.local === 'rev')?.value
  return {
    id: attr(u, 'id') ?? '',
    name: attr(u, 'resname') ?? null,
    line: u.line,
    source,
    target,
    state: tgt ? attr(tgt, 'state') : undefined,
    subState: tgt ? attr(tgt, 'state-qualifier') : undefined,
    approved: attr(u, 'approved') === 'yes',
    partial: false,
    rev: revAttr !== undefined && /^\d+$/.test(revAttr) ? Number(revAttr) : null,
    extra: extraOf(u.attrs.filter((a) => a.uri !== '' && !isOurs(a) && a.uri !== XML_NS), kept, []),
    problems
  }
}

/** Plain text of parts (for generic key/value views and tests). */
export function partsText(parts: InlinePart[] | null): string {
  return (parts ?? []).filter((p): p is string => typeof p === 'string').join('')
}
