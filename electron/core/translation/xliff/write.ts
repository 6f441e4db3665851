// Writes units as XLIFF 2.0 or 1.2: one group per product (name, category in notes), one unit per
// field with a stable id (product + field), limits as notes and size restrictions, statuses mapped
// to XLIFF states, rich-text markup as inline codes, and whatever a CAT tool added last time put back.
import { htmlToInline, type InlineCode, type InlinePart } from '../../../../shared/domain/translation/inline.ts'
import { toXliff12State, toXliff20State } from '../../../../shared/domain/translation/xliff-states.ts'
import { fieldToText, unitId, type FieldLimits } from '../../../../shared/domain/translation/units.ts'
import type { TextField } from '../../../../shared/domain/product.ts'
import { el, indent, serializeXml, text, type XmlElement, type XmlNode } from '../xml/xml.ts'
import { alignToSource } from '../text-forms.ts'
import { MODULE_NS, XLIFF12_NS, XLIFF20_NS } from './names.ts'
import { VETRINA_NS, type XliffExtra } from './read.ts'

export interface ExportUnit {
  productId: string
  sku: string
  field: TextField
  status: 'new' | 'machine' | 'translated' | 'reviewed' | 'approved'
  stale: boolean
  rev: number
  /** Stored forms (HTML for descriptions, JSON list for keywords). */
  source: string
  target: string
  baseSource: string | null
  limits: FieldLimits
  extra: XliffExtra | null
}

export interface ExportProduct { productId: string; sku: string; title: string; categoryPath: string }

export interface ExportInput {
  sourceLang: string
  targetLang: string
  toolVersion: string
  products: ExportProduct[]
  units: ExportUnit[]
  exportedAt: string
}

const FIELD_LABEL: Record<TextField, string> = { title: 'Title', shortDescription: 'Short description', description: 'Description (rich text)', keywords: 'Keywords, one per line' }

function asText(field: TextField, stored: string): string {
  return fieldToText(field, field === 'keywords' && stored ? JSON.parse(stored) : stored)
}

function limitNote(u: ExportUnit): string {
  const l = u.limits
  const bits = [FIELD_LABEL[u.field]]
  if (l.maxChars) bits.push(u.field === 'keywords' ? `each keyword at most ${l.maxChars} characters` : `at most ${l.maxChars} characters`)
  if (l.maxItems) bits.push(`at most ${l.maxItems} keywords, no "," or ";"`)
  if (l.ascii) bits.push('ASCII characters only, no @ ! ?')
  return bits.join('; ')
}

function partsOf(u: ExportUnit): { source: InlinePart[]; target: InlinePart[] | null; codes: InlineCode[] } {
  const src = asText(u.field, u.source)
  const tgt = u.target ? asText(u.field, u.target) : ''
  if (u.field !== 'description') return { source: [src], target: tgt ? [tgt] : null, codes: [] }
  const s = htmlToInline(src)
  return { source: s.parts, target: tgt ? alignToSource(tgt, s.codes) : null, codes: s.codes }
}

function keptExtra(extra: XliffExtra | null, unit: XmlElement): { elements: XmlNode[]; notes: XmlNode[] } {
  if (!extra) return { elements: [], notes: [] }
  for (const [prefix, uri] of Object.entries(extra.ns)) {
    if (prefix === 'vetrina' || prefix === 'slr' || prefix === 'mda') continue
    unit.attrs.push({ name: `xmlns:${prefix}`, prefix: 'xmlns', local: prefix, uri: 'http://www.w3.org/2000/xmlns/', value: uri })
  }
  for (const a of extra.attrs) if (!unit.attrs.some((b) => b.name === a.name)) unit.attrs.push(a)
  return { elements: extra.elements, notes: extra.notes }
}

// ---- XLIFF 2.0 ----

function inline20(parts: InlinePart[], codes: Map<string, InlineCode>): XmlNode[] {
  const out: XmlNode[] = []
  const stack: XmlElement[] = []
  const push = (n: XmlNode) => (stack.length ? stack[stack.length - 1].children.push(n) : out.push(n))
  for (const p of parts) {
    if (typeof p === 'string') {
      push(text(p))
      continue
    }
    const known = codes.has(p.id)
    if (p.kind === 'ph') push(el('ph', { id: p.id, dataRef: known ? `d${p.id}` : undefined }))
    else if (p.kind === 'open') {
      const pc = el('pc', { id: p.id, dataRefStart: known ? `d${p.id}s` : undefined, dataRefEnd: known ? `d${p.id}e` : undefined })
      push(pc)
      stack.push(pc)
    } else {
      const at = stack.map((s) => s.attrs[0]?.value).lastIndexOf(p.id)
      if (at >= 0) stack.splice(at)
    }
  }
  return out
}

export function writeXliff20(input: ExportInput): string {
  const file = el('file', { id: 'f1', original: 'vetrina-catalogue' })
  file.children.push(el('slr:profiles', { generalProfile: 'xliff:codepoints' }))
  file.children.push(el('notes', {}, [el('note', { category: 'vetrina:export' }, [text(`Exported by Vetrina ${input.toolVersion} on ${input.exportedAt}. Keep unit ids unchanged.`)])]))
  const byProduct = new Map<string, ExportUnit[]>()
  for (const u of input.units) byProduct.set(u.productId, [...(byProduct.get(u.productId) ?? []), u])
  for (const p of input.products) {
    const units = byProduct.get(p.productId)
    if (!units?.length) continue
    const notes = [el('note', { category: 'vetrina:product' }, [text(`Product ${p.sku}: ${p.title}`)])]
    if (p.categoryPath) notes.push(el('note', { category: 'vetrina:category' }, [text(`Category: ${p.categoryPath}`)]))
    const group = el('group', { id: p.productId, name: p.sku }, [el('notes', {}, notes)])
    for (const u of units) group.children.push(unit20(u))
    file.children.push(group)
  }
  const root = el('xliff', {
    xmlns: XLIFF20_NS, 'xmlns:slr': MODULE_NS.slr, 'xmlns:vetrina': VETRINA_NS,
    version: '2.0', srcLang: input.sourceLang, trgLang: input.targetLang
  }, [file])
  return serializeXml({ root: indent(root) })
}

function unit20(u: ExportUnit): XmlElement {
  const { source, target, codes } = partsOf(u)
  const unit = el('unit', {
    id: unitId(u.productId, u.field), name: `${u.sku}/${u.field}`, 'vetrina:rev': String(u.rev),
    'slr:sizeRestriction': u.limits.maxChars && u.field !== 'keywords' ? String(u.limits.maxChars) : undefined
  })
  const kept = keptExtra(u.extra, unit)
  unit.children.push(...kept.elements)
  const notes: XmlNode[] = [el('note', { category: 'vetrina:limits' }, [text(limitNote(u))])]
  if (u.stale && u.baseSource !== null) {
    notes.push(el('note', { category: 'vetrina:previous-source', appliesTo: 'source' }, [text(`The Italian text changed since this translation. It was: ${asText(u.field, u.baseSource)}`)]))
  }
  notes.push(...kept.notes)
  unit.children.push(el('notes', {}, notes))
  if (codes.length) {
    const data: XmlNode[] = []
    for (const c of codes) {
      if (c.kind === 'ph') data.push(el('data', { id: `d${c.id}` }, [text(c.open)]))
      else {
        data.push(el('data', { id: `d${c.id}s` }, [text(c.open)]))
        data.push(el('data', { id: `d${c.id}e` }, [text(c.close ?? `</${c.tag}>`)]))
      }
    }
    unit.children.push(el('originalData', {}, data))
  }
  const byId = new Map(codes.map((c) => [c.id, c]))
  const st = toXliff20State({ status: u.status, stale: u.stale }, target !== null)
  const space = u.field === 'keywords' ? 'preserve' : undefined
  const segment = el('segment', { id: 's1', state: st.state, subState: st.subState }, [el('source', { 'xml:space': space }, inline20(source, byId))])
  if (target) segment.children.push(el('target', { 'xml:space': space }, inline20(target, byId)))
  unit.children.push(segment)
  return unit
}

// ---- XLIFF 1.2 ----

function inline12(parts: InlinePart[], codes: Map<string, InlineCode>): XmlNode[] {
  const out: XmlNode[] = []
  const stack: XmlElement[] = []
  const push = (n: XmlNode) => (stack.length ? stack[stack.length - 1].children.push(n) : out.push(n))
  for (const p of parts) {
    if (typeof p === 'string') {
      push(text(p))
      continue
    }
    const tag = codes.get(p.id)?.tag
    if (p.kind === 'ph') push(el('x', { id: p.id, ctype: tag ? `x-html-${tag}` : undefined }))
    else if (p.kind === 'open') {
      const g = el('g', { id: p.id, ctype: tag ? `x-html-${tag}` : undefined })
      push(g)
      stack.push(g)
    } else {
      const at = stack.map((s) => s.attrs[0]?.value).lastIndexOf(p.id)
      if (at >= 0) stack.splice(at)
    }
  }
  return out
}

export function writeXliff12(input: ExportInput): string {
  const body = el('body')
  const byProduct = new Map<string, ExportUnit[]>()
  for (const u of input.units) byProduct.set(u.productId, [...(byProduct.get(u.productId) ?? []), u])
  for (const p of input.products) {
    const units = byProduct.get(p.productId)
    if (!units?.length) continue
    const group = el('group', { id: p.productId, resname: p.sku })
    for (const u of units) group.children.push(unit12(u, p))
    body.children.push(group)
  }
  const file = el('file', {
    original: 'vetrina-catalogue', 'source-language': input.sourceLang, 'target-language': input.targetLang, datatype: 'html', 'tool-id': 'vetrina'
  }, [
    el('header', {}, [
      el('tool', { 'tool-id': 'vetrina', 'tool-name': 'Vetrina', 'tool-version': input.toolVersion }),
      el('note', { from: 'vetrina' }, [text(`Exported on ${input.exportedAt}. Keep trans-unit ids unchanged.`)])
    ]),
    body
  ])
  const root = el('xliff', { xmlns: XLIFF12_NS, 'xmlns:vetrina': VETRINA_NS, version: '1.2' }, [file])
  return serializeXml({ root: indent(root) })
}

function unit12(u: ExportUnit, p: ExportProduct): XmlElement {
  const { source, target, codes } = partsOf(u)
  const st = toXliff12State({ status: u.status, stale: u.stale }, target !== null)
  const tu = el('trans-unit', {
    id: unitId(u.productId, u.field), resname: `${u.sku}/${u.field}`,
    maxwidth: u.limits.maxChars && u.field !== 'keywords' ? String(u.limits.maxChars) : undefined,
    'size-unit': u.limits.maxChars && u.field !== 'keywords' ? 'char' : undefined,
    approved: st.approved ? 'yes' : undefined, 'vetrina:rev': String(u.rev),
    'xml:space': u.field === 'keywords' ? 'preserve' : undefined
  })
  const kept = keptExtra(u.extra, tu)
  const byId = new Map(codes.map((c) => [c.id, c]))
  tu.children.push(el('source', {}, inline12(source, byId)))
  if (target) tu.children.push(el('target', { state: st.state, 'state-qualifier': st.qualifier }, inline12(target, byId)))
  tu.children.push(el('note', { from: 'vetrina', annotates: 'general' }, [text(`Product ${p.sku}: ${p.title}${p.categoryPath ? ` — ${p.categoryPath}` : ''}`)]))
  tu.children.push(el('note', { from: 'vetrina', annotates: 'general' }, [text(limitNote(u))]))
  if (u.stale && u.baseSource !== null) {
    tu.children.push(el('note', { from: 'vetrina', annotates: 'source' }, [text(`The Italian text changed since this translation. It was: ${asText(u.field, u.baseSource)}`)]))
  }
  tu.children.push(...kept.elements)
  return tu
}
