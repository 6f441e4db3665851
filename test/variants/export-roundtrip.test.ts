// Export writes products with variants back the way they were read: parent/child rows (the
// parent's row, then its variants naming it) or one row per variant with a group column. Both
// files, in CSV and XLSX, import into an empty catalogue as the same parents with the same
// variants, axis values, prices and stock — and a second import of the same file changes nothing.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core.ts'
import type { Product } from '../../shared/domain/product.ts'
import { openCore, tempDir } from '../spreadsheet/helpers.ts'
import { bagParent, bagVariants, wineParent, wineVariants } from './variant-fixtures.ts'

const cores: Core[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

async function catalogue(): Promise<Core> {
  const core = openCore()
  cores.push(core)
  const api = core.api()
  const bags = await api.catalog.createCategory({ name: { it: 'Borse' } })
  const wines = await api.catalog.createCategory({ name: { it: 'Vini' } })
  const bag = await api.catalog.createProduct(bagParent('TOTE-FI', bags.id, { variantOptions: { colour: { values: { bordeaux: { custom: 'Bordeaux' } } } } }))
  for (const v of bagVariants('TOTE-FI', bag.id)) await api.catalog.createProduct(v)
  const wine = await api.catalog.createProduct(wineParent('CHI-RIS', wines.id, { trade: { currency: 'EUR', sellingUnit: 'bottle', moq: 120, ladder: [{ minQty: 120, price: 9.5 }] } }))
  for (const v of wineVariants('CHI-RIS', wine.id)) await api.catalog.createProduct(v)
  // A variant without a price of its own: it sells at its parent's.
  await api.catalog.createProduct({ sku: 'CHI-RIS-300', parentId: wine.id, axes: { bottle_volume: '3 L' }, trade: { stock: 12 } })
  await api.catalog.createProduct({ sku: 'OLIO-05', texts: { it: { title: 'Olio extravergine 0,5 L' } }, trade: { currency: 'EUR', ladder: [{ minQty: 24, price: 8.9 }] } })
  return core
}

async function exportTo(core: Core, format: 'csv' | 'xlsx', variantLayout: 'rows' | 'group'): Promise<string> {
  const path = join(tempDir(), `catalogo.${format}`)
  const { jobId } = await core.api().spreadsheet.exportCatalog({ format, path, variantLayout })
  await core.s.jobs.whenIdle()
  expect((await core.api().jobs.get({ id: jobId })).state).toBe('done')
  return path
}

async function importInto(core: Core, path: string) {
  const api = core.api()
  const file = { kind: 'path' as const, path }
  const inspection = await api.spreadsheet.inspect({ file })
  const columns = inspection.columns.map(({ index, header, target }) => ({ index, header, target }))
  const { importId } = await api.spreadsheet.importFile({ file, read: inspection.read, columns })
  await core.s.jobs.whenIdle()
  return (await api.spreadsheet.getImport({ importId })).summary!
}

/** What publishing sees of a catalogue: parents with their variants' values, prices and stock. */
async function shape(core: Core) {
  const api = core.api()
  const top = (await api.catalog.listProducts({ sort: 'sku', direction: 'asc', limit: 500 })).items
  const out: Record<string, unknown> = {}
  for (const t of top) {
    const p = await api.catalog.getProduct({ id: t.id })
    const variants = await Promise.all((await api.catalog.listProducts({ parent: p.id, sort: 'created', direction: 'asc', limit: 500 })).items.map((v) => api.catalog.getProduct({ id: v.id })))
    const effective = (v: Product) => ({ ladder: v.trade.ladder ?? p.trade.ladder, moq: v.trade.moq ?? p.trade.moq, stock: v.trade.stock })
    out[p.sku] = {
      title: p.texts.it?.title, category: p.categoryId ? (await api.catalog.listCategories()).items.find((c) => c.id === p.categoryId)?.name.it : null,
      variantAxes: p.variantAxes, currency: p.trade.currency,
      variants: variants.map((v) => ({ sku: v.sku, axes: v.axes, ...effective(v) }))
    }
  }
  return out
}

describe('export and import of variants', () => {
  for (const layout of ['rows', 'group'] as const) {
    for (const format of ['csv', 'xlsx'] as const) {
      it(`round-trips parents with variants as ${layout === 'rows' ? 'parent/child rows' : 'one row per variant'} in ${format.toUpperCase()}`, async () => {
        const source = await catalogue()
        const path = await exportTo(source, format, layout)
        if (format === 'csv') {
          const rows = parse(readFileSync(path), { columns: true, delimiter: ';', bom: true }) as Array<Record<string, string>>
          if (layout === 'rows') {
            // The parent's row, then its variants, each naming it.
            const i = rows.findIndex((r) => r.sku === 'TOTE-FI')
            expect(rows.slice(i + 1, i + 7).map((r) => [r.parent, r['axis/colour'], r['axis/size']])).toEqual(bagVariants('TOTE-FI', '').map((v) => ['TOTE-FI', v.axes!.colour, v.axes!.size]))
            expect(rows).toHaveLength(2 + 6 + 4 + 1)
          } else {
            expect(rows.map((r) => r.group).filter(Boolean)).toEqual([...Array(4).fill('CHI-RIS'), ...Array(6).fill('TOTE-FI')])
            expect(rows.find((r) => r.sku === 'TOTE-FI')).toBeUndefined()
            expect(rows.filter((r) => r.group === 'TOTE-FI').every((r) => r['title/it'] === 'Borsa tote in pelle pieno fiore TOTE-FI')).toBe(true)
            expect(rows.find((r) => r.sku === 'CHI-RIS-300')!['trade/ladder/1/price']).toBe('9,5')
            expect(rows).toHaveLength(6 + 4 + 1)
          }
        }
        const target = openCore()
        cores.push(target)
        const first = await importInto(target, path)
        expect(first).toMatchObject({ rejected: 0, created: 2 + 6 + 4 + 1 })
        // (In the group layout a variant that sold at its parent's price carries that price itself: the same on the pavilion.)
        expect(await shape(target)).toEqual(await shape(source))
        const again = await importInto(target, path)
        expect(again).toMatchObject({ rejected: 0, created: 0, updated: 0 })
      })
    }
  }
})
