// Magento 2's own product import/export sample (a contiguous 276-record excerpt, AFL-3.0; see
// test/fixtures/shop-exports/SOURCES.md) imported with the default mapping — no mapping chosen by
// anyone: no row refused, HTML descriptions kept as rich text with their line breaks, attribute
// sets become families, "A/B/C|A/D" category cells a hierarchy, and each configurable product a
// parent whose variants are the simple products its configurable_variations cell lists (written
// before it in the file), with their size and colour. What the file holds is read by an
// independent RFC 4180 reader (Python's csv module), not by Vetrina's reader.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import type { Product } from '../../shared/domain/product.ts'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core.ts'
import { decodeHTML } from 'entities'
import { openCore, tempDir } from './helpers.ts'

const FILE = join(import.meta.dirname, '../fixtures/shop-exports/magento-products-excerpt.csv')

interface PyRecord {
  sku: string
  set: string
  type: string
  name: string
  description: string
  descriptionText: string
  lines: number
  paragraphs: number
  category: string[]
  children: string[]
  /** A configurable's list of its variants: SKU → option values ("size_general" → "XS"). */
  variations: Record<string, Record<string, string>>
  /** The record's own additional_attributes ("has_options=0,…,color=Gray"). */
  attributes: Record<string, string>
  qty: string
}

/** The file as Python's csv module reads it (RFC 4180), with the facts the test compares. */
function readWithPython(): PyRecord[] | null {
  const script = String.raw`
import csv, html, json, re, sys
out = []
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        paths = [[p.strip() for p in path.split('/') if p.strip()] for path in r['categories'].split('|')]
        deepest = max(paths, key=len) if paths else []
        text = html.unescape(re.sub(r'<[^>]+>', ' ', r['description']))
        variations = [dict(kv.split('=', 1) for kv in v.split(',')) for v in r['configurable_variations'].split('|') if v]
        children = [v.get('sku') for v in variations]
        out.append({'sku': r['sku'], 'set': r['attribute_set_code'], 'type': r['product_type'], 'name': html.unescape(r['name']).strip(),
                    'description': r['description'], 'descriptionText': ' '.join(text.split()),
                    'lines': r['description'].count('\n') + 1, 'paragraphs': r['description'].count('<p>'),
                    'category': deepest, 'children': children,
                    'variations': {v['sku']: {k: x for k, x in v.items() if k != 'sku'} for v in variations},
                    'attributes': dict(kv.split('=', 1) for kv in r['additional_attributes'].split(',') if kv), 'qty': r['qty']})
json.dump(out, sys.stdout)
`
  const r = spawnSync('python3', ['-c', script, FILE], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (r.error) return null
  if (r.status !== 0) throw new Error(r.stderr)
  return JSON.parse(r.stdout) as PyRecord[]
}

const python = readWithPython()

let core: Core | undefined
afterEach(async () => {
  await core?.close()
  core = undefined
})

describe.skipIf(python === null)('Magento 2 product export (python3 reads the expected records)', () => {
  const records = python ?? []

  it('is the file described in SOURCES.md: 276 records, two attribute sets, parents after their children, multi-line HTML', () => {
    expect(records).toHaveLength(276)
    expect(new Set(records.map((r) => r.set))).toEqual(new Set(['Top', 'Bottom']))
    const parents = records.filter((r) => r.type === 'configurable')
    expect(parents).toHaveLength(26)
    expect(records.every((r) => r.lines >= 2 && r.paragraphs >= 2)).toBe(true)
    expect(records.some((r) => r.category.length >= 4)).toBe(true)
    // Every variant comes before the configurable that lists it, and its own additional_attributes
    // agree with the values its parent's list gives it.
    const row = new Map(records.map((r, i) => [r.sku, i]))
    for (const p of parents) {
      expect(p.children.length).toBeGreaterThan(0)
      for (const [sku, values] of Object.entries(p.variations)) {
        expect(row.get(sku)).toBeLessThan(row.get(p.sku)!)
        const own = records[row.get(sku)!].attributes
        expect(Object.fromEntries(Object.keys(values).map((k) => [k, own[k]]))).toEqual(values)
      }
    }
  })

  it('imports every record with the default mapping: nothing refused, rich text, families from attribute sets, category hierarchy', async () => {
    core = openCore()
    const api = core.api()
    const file = { kind: 'path' as const, path: FILE }
    // Exactly what the app and the CLI do when the user changes nothing.
    const inspection = await api.spreadsheet.inspect({ file, countRows: true })
    expect(inspection.rowCount).toBe(records.length)
    const columns = inspection.columns.map(({ confidence: _c, ...c }) => c)
    const target = (header: string) => columns.find((c) => c.header === header)?.target
    expect(target('attribute_set_code')).toBe('family')
    expect(target('categories')).toBe('category')
    expect(target('description')).toBe('description/it')
    expect(inspection.settings).toMatchObject({ createFamilies: true })
    const settings = { numberFormat: inspection.numberFormat, ...inspection.settings }

    // The check writes nothing, not even the families it would create.
    const dry = await api.spreadsheet.dryRun({ file, read: inspection.read, columns, settings })
    await core.s.jobs.whenIdle()
    expect((await api.jobs.get({ id: dry.jobId })).result).toMatchObject({ rows: records.length, rejected: 0, newFamilies: ['Top', 'Bottom'], written: false })
    expect((await api.catalog.listFamilies()).items.map((f) => f.label.it)).not.toContain('Top')

    const { importId, jobId } = await api.spreadsheet.importFile({ file, read: inspection.read, columns, settings })
    await core.s.jobs.whenIdle()
    const job = await api.jobs.get({ id: jobId })
    expect(job.state, JSON.stringify(job.error)).toBe('done')
    const summary = job.result as { rows: number; created: number; merged: number; rejected: number; newFamilies: string[] }
    expect(summary).toMatchObject({ rows: records.length, rejected: 0, newFamilies: ['Top', 'Bottom'] })
    expect(summary.created + summary.merged).toBe(records.length)
    const report = await api.spreadsheet.report({ importId, limit: 1000 })
    expect(report.items).toHaveLength(records.length)
    expect(report.items.filter((r) => r.outcome === 'rejected')).toEqual([])
    // Not even a warning about a column nobody mapped.
    expect(report.items.flatMap((r) => r.issues)).toEqual([])

    const families = new Map((await api.catalog.listFamilies()).items.map((f) => [f.id, f]))
    const categories = new Map((await api.catalog.listCategories()).items.map((c) => [c.id, c]))
    const pathOf = (id: string | null): string[] => {
      const out: string[] = []
      for (let c = id ? categories.get(id) : undefined; c; c = c.parentId ? categories.get(c.parentId) : undefined) out.unshift(c.name.it)
      return out
    }
    const parentOf = new Map(records.flatMap((r) => r.children.map((child) => [child, r.sku] as const)))
    const byParent = new Map(records.map((r) => [r.sku, r]))
    for (const r of records) {
      const p = await api.catalog.getProduct({ sku: r.sku })
      // Names as the shop meant them ("CoolTech&trade;" → "CoolTech™").
      expect(p.texts.it?.title).toBe(r.name)
      // Rich text: formatting kept, the line break inside the quoted cell kept, nothing lost.
      const html = p.texts.it?.description ?? ''
      expect(html.split('\n')).toHaveLength(r.lines)
      expect(html.match(/<p>/g)).toHaveLength(r.paragraphs)
      expect(html).toContain('<br />')
      expect(decodeHTML(html.replace(/<[^>]+>/g, ' ')).split(/\s+/).filter(Boolean).join(' ')).toBe(r.descriptionText)
      expect(families.get(p.familyId ?? '')?.label.it).toBe(r.set)
      expect(pathOf(p.categoryId)).toEqual(r.category)
      // A configurable is a parent with the axes its list names; a product it lists is its variant with
      // the values the list gives; a simple product no configurable lists stays a product of its own.
      const parentSku = parentOf.get(r.sku)
      if (r.type === 'configurable') {
        expect(p.parentId).toBeNull()
        expect(p.variantAxes).toEqual(Object.keys(Object.values(r.variations)[0]))
        expect(p.variantCount).toBe(r.children.length)
        const variants = (await api.catalog.listProducts({ parent: p.id, limit: 500 })).items.map((v) => v.sku)
        expect(variants.sort()).toEqual([...r.children].sort())
      } else if (parentSku) {
        expect(p.parentId).toBe((await api.catalog.getProduct({ sku: parentSku })).id)
        expect(p.axes).toEqual(byParent.get(parentSku)!.variations[r.sku])
        expect(p.trade.stock).toBe(Number(r.qty))
        expect(p.variantCount).toBe(0)
      } else {
        expect(p.parentId).toBeNull()
        expect(p.axes).toEqual({})
      }
    }
    const parents = records.filter((r) => r.type === 'configurable')
    const top = (await api.catalog.listProducts({ limit: 500 })).items
    expect(top).toHaveLength(records.length - parentOf.size)
    expect(top.filter((t) => t.variantCount > 0).map((t) => t.sku).sort()).toEqual(parents.map((r) => r.sku).sort())
    expect(summary.created).toBe(records.length)
    const titles = new Set(records.map((r) => r.name))
    expect(titles.has('Erikssen CoolTech™ Fitness Tank')).toBe(true)
    // One hierarchy: "Default Category/Men/Tops/Tanks" and "Default Category/Men/Bottoms/Pants" share their first two levels.
    const roots = [...categories.values()].filter((c) => c.parentId === null)
    expect(roots.map((c) => c.name.it)).toEqual(['Default Category'])
    expect([...categories.values()].some((c) => c.name.it.includes('|'))).toBe(false)
  }, 120_000)

  it('round-trips: the same file again changes nothing, and an export imports as the same parents and variants', async () => {
    core = openCore()
    const first = await importWithDefaults(core, FILE)
    expect(first).toMatchObject({ rows: records.length, created: records.length, rejected: 0 })
    expect(await importWithDefaults(core, FILE)).toMatchObject({ rows: records.length, created: 0, updated: 0, unchanged: records.length, rejected: 0 })
    const before = await shape(core)
    expect(Object.keys(before)).toHaveLength(records.filter((r) => r.type === 'configurable').length)

    for (const format of ['csv', 'xlsx'] as const) {
      const path = join(tempDir(), `catalogo.${format}`)
      const { jobId } = await core.api().spreadsheet.exportCatalog({ format, path, variantLayout: 'rows' })
      await core.s.jobs.whenIdle()
      expect((await core.api().jobs.get({ id: jobId })).state).toBe('done')
      // Back into the catalogue it came from: nothing to change.
      expect(await importWithDefaults(core, path)).toMatchObject({ rows: records.length, created: 0, updated: 0, rejected: 0 })
      // Into an empty catalogue (which lacks the shop's families Top and Bottom: create them).
      const target = openCore()
      try {
        expect(await importWithDefaults(target, path, [], { createFamilies: true })).toMatchObject({ created: records.length, rejected: 0 })
        expect(await shape(target)).toEqual(before)
      } finally {
        await target.close()
      }
    }
  }, 120_000)

  it('makes variants of the plain products an earlier import left (configurables not read then)', async () => {
    core = openCore()
    // What an import that knew nothing of configurables did: every record a product of its own.
    await importWithDefaults(core, FILE, ['product_type', 'configurable_variations'])
    expect((await core.api().catalog.listProducts({ limit: 500 })).items).toHaveLength(records.length)
    const children = records.filter((r) => r.type !== 'configurable').length
    expect(await importWithDefaults(core, FILE)).toMatchObject({ rows: records.length, created: 0, rejected: 0, updated: records.length })
    const top = (await core.api().catalog.listProducts({ limit: 500 })).items
    expect(top).toHaveLength(records.length - children)
    for (const r of records.filter((x) => x.type === 'configurable')) {
      const parent = await core.api().catalog.getProduct({ sku: r.sku })
      const variants = await variantsOf(core, parent)
      expect(Object.fromEntries(variants.map((v) => [v.sku, v.axes]))).toEqual(r.variations)
    }
  }, 120_000)
})

/** Imports a file as the app and the CLI do when nobody changes the mapping (less the columns named in `ignore`). */
async function importWithDefaults(c: Core, path: string, ignore: string[] = [], settings: Record<string, unknown> = {}) {
  const api = c.api()
  const file = { kind: 'path' as const, path }
  const inspection = await api.spreadsheet.inspect({ file })
  const columns = inspection.columns.map(({ index, header, target }) => ({ index, header, target: ignore.includes(header) ? 'ignore' : target }))
  const { importId, jobId } = await api.spreadsheet.importFile({ file, read: inspection.read, columns, settings: { numberFormat: inspection.numberFormat, ...inspection.settings, ...settings } })
  await c.s.jobs.whenIdle()
  const job = await api.jobs.get({ id: jobId })
  expect(job.state, JSON.stringify(job.error)).toBe('done')
  const report = await api.spreadsheet.report({ importId, limit: 1000 })
  expect(report.items.flatMap((r) => r.issues)).toEqual([])
  return job.result as { rows: number; created: number; updated: number; unchanged: number; rejected: number }
}

const variantsOf = async (c: Core, p: Product) =>
  Promise.all((await c.api().catalog.listProducts({ parent: p.id, sort: 'sku', direction: 'asc', limit: 500 })).items.map((v) => c.api().catalog.getProduct({ id: v.id })))

/** Parents as publishing sees them: axes, and each variant's values, price and stock. */
async function shape(c: Core) {
  const out: Record<string, unknown> = {}
  for (const t of (await c.api().catalog.listProducts({ sort: 'sku', direction: 'asc', limit: 500 })).items) {
    const p = await c.api().catalog.getProduct({ id: t.id })
    if (p.variantCount === 0) continue
    out[p.sku] = {
      title: p.texts.it?.title, variantAxes: p.variantAxes,
      variants: (await variantsOf(c, p)).map((v) => ({ sku: v.sku, axes: v.axes, ladder: v.trade.ladder ?? p.trade.ladder, stock: v.trade.stock, title: v.texts.it?.title }))
    }
  }
  return out
}
