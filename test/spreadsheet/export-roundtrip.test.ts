// Export → import gives back the same catalogue: every row "unchanged", for CSV (Italian and
// English style) and XLSX; formulas are neutralised in the file and restored on import.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core.ts'
import { openCore } from './helpers.ts'
import { cellsOf } from './read-helpers.ts'

let core: Core
afterEach(async () => {
  await core?.close()
})

async function seed(c: Core) {
  const api = c.api()
  const wine = await api.catalog.createCategory({ name: { it: 'Vini', en: 'Wines' } })
  const red = await api.catalog.createCategory({ parentId: wine.id, name: { it: 'Rossi' } })
  await api.catalog.createProduct({
    sku: 'CHI-21', status: 'ready', categoryId: red.id, familyId: 'fam_wine',
    texts: {
      it: { title: 'Chianti Classico DOCG 2021', shortDescription: '=HYPERLINK("http://x")', description: '<p>Rosso <strong>intenso</strong></p>', keywords: ['chianti', 'vino rosso'] },
      en: { title: '+39 Chianti Classico' }, 'zh-CN': { title: '基安蒂经典' }
    },
    attributes: { vintage: 2021, alcohol: { value: 13.5, unit: '% vol' }, wine_type: 'red', grape_varieties: ['sangiovese', 'merlot'], private_label: false, storage: { it: 'Al fresco', en: 'Cool place' } },
    trade: {
      currency: 'EUR', sellingUnit: 'bottle', moq: 120, ladder: [{ minQty: 120, price: 6.8 }, { minQty: 600, price: 6.1 }], fobPort: 'Livorno',
      leadTimes: [{ maxQty: 600, days: 15 }, { maxQty: null, days: 30 }], supplyAbility: { quantity: 20000, unit: 'bottle', period: 'month' }
    },
    logistics: { netWeight: { value: 1.234, unit: 'kg' }, grossWeight: { value: 1500, unit: 'g' }, dimensions: { length: 35, width: 25.5, height: 12, unit: 'cm' }, packaging: 'Cartone da 6', unitsPerCarton: 6, hsCode: '2204.21' },
    origin: { country: 'IT', region: 'Toscana', comune: 'Greve in Chianti', certifications: ['DOCG', 'organic'] }
  })
  await api.catalog.createProduct({ sku: '0042', texts: { it: { title: "'Nduja di Spilinga" } }, trade: { moq: 1 } })
  const bag = await api.catalog.createProduct({ sku: 'BAG-1', familyId: 'fam_leather', variantAxes: ['colour'], texts: { it: { title: 'Borsa in pelle' } }, attributes: { material: 'full_grain' } })
  await api.catalog.createProduct({ sku: 'BAG-1-BLK', parentId: bag.id, axes: { colour: 'Nero' }, texts: { it: { title: 'Borsa nera' } } })
}

async function exportTo(c: Core, input: { format: 'csv' | 'xlsx'; csvLocale?: 'it' | 'en' }) {
  const { jobId } = await c.api().spreadsheet.exportCatalog(input)
  await c.s.jobs.whenIdle()
  const job = await c.api().jobs.get({ id: jobId })
  expect(job.state).toBe('done')
  return (job.result as { download: { path: string }; rows: number }).download.path
}

async function reimport(c: Core, path: string) {
  const api = c.api()
  const file = { kind: 'path' as const, path }
  const inspection = await api.spreadsheet.inspect({ file })
  expect(inspection.columns.every((col) => col.target !== 'ignore' || col.header === '')).toBe(true)
  const { jobId } = await api.spreadsheet.importFile({ file, read: inspection.read, columns: inspection.columns })
  await c.s.jobs.whenIdle()
  return api.jobs.get({ id: jobId })
}

describe('export round-trips through import', () => {
  it.each([
    { format: 'xlsx' as const },
    { format: 'csv' as const, csvLocale: 'it' as const },
    { format: 'csv' as const, csvLocale: 'en' as const }
  ])('$format $csvLocale', async (input) => {
    core = openCore()
    await seed(core)
    const before = await core.api().catalog.getProduct({ sku: 'CHI-21' })
    const path = await exportTo(core, input)
    const job = await reimport(core, path)
    expect(job.state).toBe('done')
    expect(job.result).toMatchObject({ rows: 4, unchanged: 4, created: 0, updated: 0, rejected: 0 })
    const after = await core.api().catalog.getProduct({ sku: 'CHI-21' })
    expect(after.version).toBe(before.version)
  })

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    core = openCore()
    await seed(core)
    const csv = readFileSync(await exportTo(core, { format: 'csv', csvLocale: 'it' }), 'utf8')
    expect(csv).toContain(`'=HYPERLINK`)
    expect(csv).toContain(`'+39 Chianti`)
    expect(csv).toContain(`'Nduja di Spilinga`)
    const rows = await cellsOf(await exportTo(core, { format: 'xlsx' }))
    const header = rows[0] as string[]
    const chi = rows.find((r) => r[0] === 'CHI-21')!
    expect(chi[header.indexOf('shortDescription/it')]).toBe(`'=HYPERLINK("http://x")`)
    expect(chi[header.indexOf('trade/ladder/2/price')]).toBe(6.1)
    expect(header.slice(0, 3)).toEqual(['sku', 'parent', 'status'])
  })

  it('exports a filtered selection with the variants of the chosen products', async () => {
    core = openCore()
    await seed(core)
    const { jobId } = await core.api().spreadsheet.exportCatalog({ format: 'xlsx', filter: { query: 'Borsa' } })
    await core.s.jobs.whenIdle()
    const job = await core.api().jobs.get({ id: jobId })
    const rows = await cellsOf((job.result as { download: { path: string } }).download.path)
    expect(rows.slice(1).map((r) => r[0])).toEqual(['BAG-1', 'BAG-1-BLK'])
  })
})
