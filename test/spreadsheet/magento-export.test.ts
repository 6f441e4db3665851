// Magento 2's own product import/export sample (a contiguous 276-record excerpt, AFL-3.0; see
// test/fixtures/shop-exports/SOURCES.md) imported with the default mapping — no mapping chosen by
// anyone: no row refused, HTML descriptions kept as rich text with their line breaks, attribute
// sets become families, "A/B/C|A/D" category cells a hierarchy. What the file holds is read by an
// independent RFC 4180 reader (Python's csv module), not by Vetrina's reader.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core.ts'
import { decodeHTML } from 'entities'
import { openCore } from './helpers.ts'

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
        children = [dict(kv.split('=', 1) for kv in v.split(',')).get('sku') for v in r['configurable_variations'].split('|') if v]
        out.append({'sku': r['sku'], 'set': r['attribute_set_code'], 'type': r['product_type'], 'name': html.unescape(r['name']).strip(),
                    'description': r['description'], 'descriptionText': ' '.join(text.split()),
                    'lines': r['description'].count('\n') + 1, 'paragraphs': r['description'].count('<p>'),
                    'category': deepest, 'children': children})
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
      // Variant import (parent/child rows) is the variants area's: a child is either a plain product or a variant of its own parent.
      if (p.parentId) expect((await api.catalog.getProduct({ id: p.parentId })).sku).toBe(parentOf.get(r.sku))
    }
    const titles = new Set(records.map((r) => r.name))
    expect(titles.has('Erikssen CoolTech™ Fitness Tank')).toBe(true)
    // One hierarchy: "Default Category/Men/Tops/Tanks" and "Default Category/Men/Bottoms/Pants" share their first two levels.
    const roots = [...categories.values()].filter((c) => c.parentId === null)
    expect(roots.map((c) => c.name.it)).toEqual(['Default Category'])
    expect([...categories.values()].some((c) => c.name.it.includes('|'))).toBe(false)
  }, 120_000)
})
