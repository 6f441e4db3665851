// TMX 1.4 import and export. Rich text travels as TMX inline codes: <bpt>/<ept> carry the native
// opening and closing tags as text, <ph> a standalone tag, so HTML survives CAT tools intact.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { htmlToInline } from '../../../../shared/domain/translation/inline.ts'
import { attr, elements, parseXml, textContent, XML_NS, type XmlElement, type XmlLimits, type XmlNode } from '../xml/xml.ts'
import type { TmEntryInput } from './tm-store.ts'

export interface TmxProblem { code: string; message: string; line: number | null }

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

export function readTmx(bytes: Uint8Array, knownLocales: string[], limits?: Partial<XmlLimits>): { entries: TmEntryInput[]; problems: TmxProblem[] } {
  const doc = parseXml(bytes, limits)
  const root = doc.root
  if (root.local !== 'tmx') throw new Error(`This is not a TMX file (root element <${root.name}>).`)
  const header = elements(root, 'header')[0]
  const body = elements(root, 'body')[0]
  if (!body) throw new Error('The TMX file has no <body>.')
  const srcLangAttr = header ? attr(header, 'srclang') : undefined
  const problems: TmxProblem[] = []
  const entries: TmEntryInput[] = []
  for (const tu of elements(body, 'tu')) {
    const tuvs = elements(tu, 'tuv')
    const segs = tuvs.map((t) => ({ lang: normalizeLang(langOf(t), knownLocales), seg: elements(t, 'seg')[0], line: t.line }))
    const srcLang = srcLangAttr && srcLangAttr !== '*all*' ? normalizeLang(attr(tu, 'srclang') ?? srcLangAttr, knownLocales) : 'it'
    const src = segs.find((s) => s.lang === srcLang)
    const id = attr(tu, 'tuid') ?? `line ${tu.line}`
    if (!src || !src.seg) {
      problems.push({ code: 'tmx_no_source', message: `Translation unit ${id} has no ${srcLang} text.`, line: tu.line })
      continue
    }
    const s = segText(src.seg)
    if (!s.text.trim()) continue
    const context = elements(tu, 'prop').find((p) => attr(p, 'type') === 'x-vetrina-context')
    const [productId, field] = context ? textContent(context).split('/') : [null, null]
    for (const t of segs) {
      if (t === src || !t.seg) continue
      if (!t.lang) {
        problems.push({ code: 'tmx_no_lang', message: `A variant of unit ${id} has no xml:lang.`, line: t.line })
        continue
      }
      const tt = segText(t.seg)
      if (!tt.text.trim()) continue
      entries.push({ sourceLang: srcLang, targetLang: t.lang, source: s.text, target: tt.text, productId: productId ?? null, field: field ?? (s.html ? 'description' : null), origin: 'tmx' })
    }
  }
  return { entries, problems }
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
