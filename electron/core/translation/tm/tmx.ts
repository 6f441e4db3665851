// TMX 1.4 import and export. Rich text travels as TMX inline codes: <bpt>/<ept> carry the native
// opening and closing tags as text, <ph> a standalone tag, so HTML survives CAT tools intact.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { AppError } from '../../../../shared/contract/errors.ts'
import { htmlToInline } from '../../../../shared/domain/translation/inline.ts'
import { attr, elements, parseXml, textContent, XML_NS, type XmlElement, type XmlLimits, type XmlNode } from '../xml/xml.ts'
import type { TmEntryInput } from './tm-store.ts'

type TmxEntry = TmEntryInput

/** Something in the file that was not imported, or not as the standard says: a code, its parameters and a sentence. */
export interface TmxProblem { code: string; message: string; line: number | null; params: Record<string, string | number> }

/** The catalogue's languages: entries are kept only from its source into one of its targets. */
export interface TmxLocales { source: string; targets: string[] }

function escText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
function escAttr(s: string): string {
  return escText(s).replace(/"/g, '&quot;')
}

const HTML_TAG = /<[a-zA-Z/][^>]*>/

/** A unit text as TMX <seg> content. */
export function segContent(text: string): string {
  if (!HTML_TAG.test(text)) return escText(text)
  const { parts, codes } = htmlToInline(text)
  const byId = new Map(codes.map((c) => [c.id, c]))
  return parts.map((p) => {
    if (typeof p === 'string') return escText(p)
    const c = byId.get(p.id)
    if (!c) return ''
    if (p.kind === 'ph') return `<ph x="${p.id}">${escText(c.open)}</ph>`
    if (p.kind === 'open') return `<bpt i="${p.id}">${escText(c.open)}</bpt>`
    return `<ept i="${p.id}">${escText(c.close ?? `</${c.tag}>`)}</ept>`
  }).join('')
}

/** Reads <seg> back: inline codes give their native text (HTML tags), other text is escaped. */
function segText(seg: XmlElement): { text: string; html: boolean } {
  let html = false
  const walk = (nodes: XmlNode[]): string => nodes.map((n) => {
    if (n.type === 'text' || n.type === 'cdata') return n.text
    if (n.type !== 'element') return ''
    if (['bpt', 'ept', 'ph', 'it'].includes(n.local)) {
      const native = textContent(n)
      if (HTML_TAG.test(native)) html = true
      return `\u0000${native}\u0000`
    }
    if (n.local === 'hi') return walk(n.children)
    if (n.local === 'ut' || n.local === 'sub') return ''
    return walk(n.children)
  }).join('')
  const raw = walk(seg.children)
  if (!html) return { text: raw.replace(/\u0000[^\u0000]*\u0000/g, ''), html: false }
  // Text outside codes is plain: escape it so the result is HTML.
  return { text: raw.split('\u0000').map((chunk, i) => (i % 2 === 1 ? chunk : escText(chunk))).join(''), html: true }
}

function langOf(tuv: XmlElement): string {
  return attr(tuv, 'lang', XML_NS) ?? attr(tuv, 'lang') ?? ''
}

/** Normalizes "it-IT" → "it", "zh-cn" → "zh-CN" to match the catalogue's locale codes. */
export function normalizeLang(lang: string, known: string[]): string {
  const l = lang.trim()
  const exact = known.find((k) => k.toLowerCase() === l.toLowerCase())
  if (exact) return exact
  const [base, region] = l.split(/[-_]/)
  const byBase = known.find((k) => k.toLowerCase() === base.toLowerCase())
  if (byBase && (!region || base.toLowerCase() !== 'zh')) return byBase
  return region ? `${base.toLowerCase()}-${region.length === 2 ? region.toUpperCase() : region[0].toUpperCase() + region.slice(1).toLowerCase()}` : base.toLowerCase()
}

const REQUIRED_HEADER = ['creationtool', 'creationtoolversion', 'segtype', 'o-tmf', 'adminlang', 'srclang', 'datatype']
const VERSIONS = new Set(['1.1', '1.2', '1.3', '1.4'])

export function readTmx(bytes: Uint8Array, locales: TmxLocales, limits?: Partial<XmlLimits>): { entries: TmxEntry[]; problems: TmxProblem[] } {
  const doc = parseXml(bytes, limits)
  const root = doc.root
  if (root.local !== 'tmx') throw new AppError('tmx_not_tmx', `This is not a TMX file: its root element is <${root.name}> instead of <tmx>.`, { params: { root: root.name } })
  const body = elements(root, 'body')[0]
  if (!body) throw new AppError('tmx_no_body', 'The TMX file has no <body>, so it holds no translation units.')
  const known = [locales.source, ...locales.targets]
  const problems: TmxProblem[] = []
  const problem = (code: string, message: string, line: number | null, params: Record<string, string | number> = {}) =>
    problems.push({ code, message: line !== null ? `${message} (line ${line})` : message, line, params: { ...params, ...(line !== null ? { line } : {}) } })

  const version = attr(root, 'version') ?? ''
  if (!VERSIONS.has(version)) problem('tmx_version', `The file says it is TMX version "${version}"; it was read as TMX 1.4.`, root.line, { version })
  const header = elements(root, 'header')[0]
  if (!header) problem('tmx_no_header', 'The file has no <header>; units without their own language were read as Italian.', root.line)
  else {
    const missing = REQUIRED_HEADER.filter((a) => attr(header, a) === undefined)
    if (missing.length) problem('tmx_header_incomplete', `The <header> lacks required attributes (${missing.join(', ')}); the file was read anyway.`, header.line, { missing: missing.join(', ') })
  }
  const headerSrc = header ? attr(header, 'srclang') : undefined
  const otherPairs = new Map<string, { source: string; target: string; count: number }>()
  const other = (source: string, target: string) => {
    const key = `${source}>${target}`
    const pair = otherPairs.get(key) ?? { source, target, count: 0 }
    pair.count++
    otherPairs.set(key, pair)
  }
  const entries: TmxEntry[] = []

  for (const tu of elements(body)) {
    if (tu.local !== 'tu') {
      problem('tmx_unexpected_element', `<${tu.name}> is not allowed in <body> (only <tu>); it was skipped.`, tu.line, { element: tu.name })
      continue
    }
    const tuid = attr(tu, 'tuid')
    const unit = tuid ?? `line ${tu.line}`
    const variants: Array<{ lang: string; seg: XmlElement; line: number }> = []
    for (const tuv of elements(tu, 'tuv')) {
      const rawLang = langOf(tuv)
      if (!rawLang) {
        problem('tmx_no_lang', `A variant of unit ${unit} has no xml:lang, so its language is unknown; it was skipped.`, tuv.line, { unit })
        continue
      }
      const lang = normalizeLang(rawLang, known)
      const segs = elements(tuv, 'seg')
      if (segs.length !== 1) {
        problem(segs.length ? 'tmx_two_segs' : 'tmx_no_seg', `The ${lang} variant of unit ${unit} has ${segs.length ? 'more than one <seg>' : 'no <seg>'}; it was skipped.`, tuv.line, { unit, lang })
        if (!segs.length) continue
      }
      variants.push({ lang, seg: segs[0], line: tuv.line })
    }
    const declared = attr(tu, 'srclang') ?? (headerSrc && headerSrc !== '*all*' ? headerSrc : undefined)
    const srcLang = declared && declared !== '*all*' ? normalizeLang(declared, known) : locales.source
    const src = variants.find((v) => v.lang === srcLang)
    if (!src) {
      problem('tmx_no_source', `Unit ${unit} has no ${srcLang} text (its source language); it was skipped.`, tu.line, { unit, lang: srcLang })
      continue
    }
    const s = segText(src.seg)
    if (!s.text.trim()) {
      problem('tmx_empty_source', `Unit ${unit} has an empty ${srcLang} text; it was skipped.`, src.line, { unit, lang: srcLang })
      continue
    }
    const targets = variants.filter((v) => v !== src)
    if (!targets.length) {
      problem('tmx_no_translation', `Unit ${unit} has only its ${srcLang} text, no translation; it was skipped.`, tu.line, { unit, lang: srcLang })
      continue
    }
    const context = elements(tu, 'prop').find((p) => attr(p, 'type') === 'x-vetrina-context')
    const [productId, field] = context ? textContent(context).split('/') : [null, null]
    for (const t of targets) {
      const tt = segText(t.seg)
      if (!tt.text.trim()) {
        problem('tmx_empty_target', `The ${t.lang} translation of "${short(s.text)}" (unit ${unit}) is empty; it was skipped.`, t.line, { unit, lang: t.lang, source: short(s.text) })
        continue
      }
      if (srcLang !== locales.source || !locales.targets.includes(t.lang)) {
        other(srcLang, t.lang)
        continue
      }
      entries.push({ sourceLang: srcLang, targetLang: t.lang, source: s.text, target: tt.text, productId: productId ?? null, field: field ?? (s.html ? 'description' : null), origin: 'tmx' })
    }
  }
  for (const p of otherPairs.values()) {
    problem('tmx_other_languages', `${p.count} translation(s) from ${p.source} into ${p.target} were skipped: the catalogue translates from ${locales.source} into ${locales.targets.join(', ')}.`, null, p)
  }
  return { entries, problems }
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** Writes entries as TMX, streaming (memories can be large). */
export async function writeTmx(path: string, entries: Iterable<TmEntryInput & { id: number; createdAt: string; updatedAt: string }>, toolVersion: string): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' })
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain')
  }
  const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  await write(`<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n  <header creationtool="Vetrina" creationtoolversion="${escAttr(toolVersion)}" segtype="block" o-tmf="Vetrina" adminlang="en" srclang="it" datatype="html"/>\n  <body>\n`)
  let n = 0
  for (const e of entries) {
    const ctx = e.productId && e.field ? `\n      <prop type="x-vetrina-context">${escText(`${e.productId}/${e.field}`)}</prop>` : ''
    await write(`    <tu tuid="${e.id}" srclang="${escAttr(e.sourceLang)}" creationdate="${stamp(e.createdAt)}" changedate="${stamp(e.updatedAt)}">${ctx}
      <prop type="x-origin">${escText(e.origin)}</prop>
      <tuv xml:lang="${escAttr(e.sourceLang)}"><seg>${segContent(e.source)}</seg></tuv>
      <tuv xml:lang="${escAttr(e.targetLang)}"><seg>${segContent(e.target)}</seg></tuv>
    </tu>\n`)
    n++
  }
  await write('  </body>\n</tmx>\n')
  out.end()
  await once(out, 'finish')
  return n
}
