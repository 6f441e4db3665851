// Shop exports with products in variants import as parents with variants, checked against the
// files themselves (read here with csv-parse, apart from the importer): Bagisto's sample export
// (configurable product + children naming it in parent_sku, values in the parent's variants list)
// and Medusa's (one row per variant grouped by Product Handle, option name/value pairs, no SKUs).
// Then the layouts Italian firms keep by hand, and two variants with the same values refused.
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core.ts'
import type { ColumnMapping } from '../../shared/contract/spreadsheet.ts'
import type { Product } from '../../shared/domain/product.ts'
import { join } from 'node:path'
import { FIXTURES, fixture, openCore, tempFile } from '../spreadsheet/helpers.ts'

let core: Core
afterEach(async () => core?.close())

async function importFile(path: string, targets: Record<string, string>, settings: Record<string, unknown> = {}, mode: 'all-or-nothing' | 'valid-rows' = 'all-or-nothing') {
  const api = core.api()
  const file = { kind: 'path' as const, path }
  const inspection = await api.spreadsheet.inspect({ file })
  const columns: ColumnMapping[] = inspection.headers.map((header, index) => ({ index, header, target: targets[header] ?? 'ignore' }))
  const { jobId, importId } = await api.spreadsheet.importFile({ file, read: inspection.read, columns, settings: settings as never, mode })
  await core.s.jobs.whenIdle()
  const job = await api.jobs.get({ id: jobId })
  const report = await api.spreadsheet.report({ importId, limit: 500 })
  const info = await api.spreadsheet.getImport({ importId })
  return { job, report: report.items, summary: info.summary as unknown as Record<string, number>, state: info.state }
}

const variantsOf = async (p: Product) => Promise.all((await core.api().catalog.listProducts({ parent: p.id, sort: 'created', direction: 'asc', limit: 500 })).items.map((v) => core.api().catalog.getProduct({ id: v.id })))
const csv = (path: string, delimiter = ',') => parse(readFileSync(path), { columns: true, delimiter, bom: true }) as Array<Record<string, string>>

describe('Bagisto sample export (parent/child rows)', () => {
  it('imports the configurable product with its 4 variants and every other product as itself', async () => {
    core = openCore()
    const path = join(FIXTURES, '..', 'shop-exports', 'bagisto-products.csv')
    const rows = csv(path)
    const { job, summary, report } = await importFile(path, {
      sku: 'sku', parent_sku: 'parent', type: 'rowType', name: 'title/en', description: 'description/en', price: 'trade/price',
      inventories: 'trade/stock', configurable_variants: 'variantsSpec', images: 'images'
    }, { numberFormat: 'en' })
    expect(job.state, JSON.stringify(report.filter((r) => r.outcome === 'rejected').slice(0, 3))).toBe('done')
    expect(report.every((r) => r.issues.every((i) => i.severity === 'warning'))).toBe(true)
    expect(summary).toMatchObject({ rows: rows.length, created: rows.length, rejected: 0 })

    const api = core.api()
    const configurable = rows.filter((r) => r.type === 'configurable')
    const children = rows.filter((r) => r.parent_sku)
    expect(configurable).toHaveLength(1)
    const parent = await api.catalog.getProduct({ sku: configurable[0].sku })
    expect(parent.variantCount).toBe(children.length)
    expect(parent.texts.en.title).toBe(configurable[0].name)
    // The values come from the parent's list of its variants; check each against the file.
    const spec = new Map(configurable[0].configurable_variants.split('|').map((part) => {
      const kv = Object.fromEntries(part.split(',').map((x) => x.split('=')))
      return [kv.sku, { color: kv.color, size: kv.size }]
    }))
    expect(parent.variantAxes).toEqual(['color', 'size'])
    const variants = await variantsOf(parent)
    expect(variants.map((v) => v.sku)).toEqual(children.map((c) => c.sku))
    for (const v of variants) {
      const row = children.find((c) => c.sku === v.sku)!
      expect(v.axes).toEqual(spec.get(v.sku))
      expect(v.trade.ladder).toEqual([{ minQty: 1, price: Number(row.price) }])
      expect(v.trade.stock).toBe(Number(row.inventories.split('=')[1]))
    }
    expect(new Set(variants.map((v) => v.axes.color))).toEqual(new Set(['Yellow', 'Green']))
    expect(new Set(variants.map((v) => v.axes.size))).toEqual(new Set(['M', 'L']))
    // Everything else is a product of its own.
    const top = (await api.catalog.listProducts({ limit: 500 })).items
    expect(top).toHaveLength(rows.length - children.length)
    expect(top.filter((p) => p.variantCount > 0).map((p) => p.sku)).toEqual([configurable[0].sku])
  })
})

describe('Medusa exports (one row per variant with a group column)', () => {
  const medusaTargets = (price: string) => ({
    'Product Handle': 'group', 'Product Title': 'title/en', 'Product Description': 'description/en',
    'Variant Sku': 'sku', 'Variant SKU': 'sku', [price]: 'trade/price', 'Variant Inventory Quantity': 'trade/stock',
    'Variant Option 1 Name': 'axisName/1', 'Variant Option 1 Value': 'axisValue/1', 'Variant Option 2 Name': 'axisName/2', 'Variant Option 2 Value': 'axisValue/2',
    'Option 1 Name': 'axisName/1', 'Option 1 Value': 'axisValue/1'
  })

  for (const [file, delimiter] of [['medusa-exported-products-comma.csv', ','], ['medusa-exported-products-semicolon.csv', ';']] as const) {
    it(`groups ${file} into parents with variants, SKUs made from the group and values`, async () => {
      core = openCore()
      const path = fixture('shop-variants', file)
      const rows = csv(path, delimiter)
      const { summary, report } = await importFile(path, medusaTargets('Variant Price USD'), { numberFormat: 'en' })
      const groups = [...new Set(rows.map((r) => r['Product Handle']))]
      expect(summary).toMatchObject({ rows: rows.length, created: rows.length + groups.length, rejected: 0 })
      expect(report.flatMap((r) => r.issues.map((i) => i.code)).filter((c) => c === 'sku_generated')).toHaveLength(rows.length)
      expect(report.flatMap((r) => r.issues.map((i) => i.code)).filter((c) => c === 'group_parent_created')).toHaveLength(groups.length)
      for (const handle of groups) {
        const parent = await core.api().catalog.getProduct({ sku: handle })
        const mine = rows.filter((r) => r['Product Handle'] === handle)
        expect(parent.texts.en.title).toBe(mine[0]['Product Title'])
        expect(parent.variantAxes).toEqual([mine[0]['Variant Option 1 Name'], mine[0]['Variant Option 2 Name']])
        const variants = await variantsOf(parent)
        expect(variants.map((v) => v.axes)).toEqual(mine.map((r) => ({ [r['Variant Option 1 Name']]: r['Variant Option 1 Value'], [r['Variant Option 2 Name']]: r['Variant Option 2 Value'] })))
        expect(variants.map((v) => v.trade.ladder?.[0].price)).toEqual(mine.map((r) => Number(r['Variant Price USD'])))
        expect(variants.map((v) => v.sku)).toEqual(mine.map((r) => `${handle}-${r['Variant Option 1 Value'].toUpperCase()}-${r['Variant Option 2 Value'].toUpperCase()}`))
      }
      // A typed multi-line description is kept as a paragraph with its line break (the shop-export rule).
      const lines = String(rows[0]['Product Description']).split('\n')
      expect((await core.api().catalog.getProduct({ sku: 'base-product' })).texts.en.description).toBe(`<p>${lines.join('<br />')}</p>`)
    })
  }

  it("imports Medusa's own import template (5 variants of 2 products, stock per variant)", async () => {
    core = openCore()
    const path = fixture('shop-variants', 'medusa-product-import-template.csv')
    const rows = csv(path, ';')
    const { summary } = await importFile(path, medusaTargets('Price EUR'), { numberFormat: 'en' })
    expect(summary).toMatchObject({ rows: 5, created: 7, rejected: 0 })
    const sweatpants = await core.api().catalog.getProduct({ sku: 'sweatpants-v2' })
    const variants = await variantsOf(sweatpants)
    expect(variants.map((v) => v.axes.size)).toEqual(rows.filter((r) => r['Product Handle'] === 'sweatpants-v2').map((r) => r['Option 1 Value']))
    expect(variants.map((v) => v.trade.stock)).toEqual([100, 100, 100, 100])
    expect((await variantsOf(await core.api().catalog.getProduct({ sku: 'coffee-mug-v2' }))).map((v) => [v.sku, v.axes])).toEqual([['coffee-mug-v2-ONESIZE', { size: 'One Size' }]])
  })
})

describe('layouts kept by hand', () => {
  it('takes rows with colours and sizes as variants of the row above them, and says so', async () => {
    core = openCore()
    const path = tempFile('listino-borse.csv', [
      'Codice;Descrizione;Colore;Taglia;Prezzo;Giacenza',
      'BORSA-01;Borsa tote in pelle;;;;',
      'BORSA-01-NER-M;;nero;M;180,00;12',
      'BORSA-01-NER-L;;nero;L;210,00;8',
      'BORSA-01-COG-M;;cognac;M;190,00;5',
      'CINTURA-07;Cintura in cuoio;;;45,00;100'
    ].join('\n'))
    const { summary, report } = await importFile(path, {
      Codice: 'sku', Descrizione: 'title/it', Colore: 'axis/colour', Taglia: 'axis/size', Prezzo: 'trade/price', Giacenza: 'trade/stock'
    }, { family: 'leather' })
    expect(summary).toMatchObject({ rows: 5, created: 5, rejected: 0 })
    expect(report.find((r) => r.sku === 'BORSA-01-NER-M')!.issues[0]).toMatchObject({ code: 'variant_follows_parent', params: { parent: 'BORSA-01' }, severity: 'warning' })
    const bag = await core.api().catalog.getProduct({ sku: 'BORSA-01' })
    expect(bag.variantAxes).toEqual(['colour', 'size'])
    expect((await variantsOf(bag)).map((v) => [v.sku, v.axes.colour, v.axes.size, v.trade.ladder?.[0].price, v.trade.stock])).toEqual([
      ['BORSA-01-NER-M', 'nero', 'M', 180, 12], ['BORSA-01-NER-L', 'nero', 'L', 210, 8], ['BORSA-01-COG-M', 'cognac', 'M', 190, 5]
    ])
    expect((await core.api().catalog.getProduct({ sku: 'CINTURA-07' })).parentId).toBeNull()
  })

  it('refuses a second variant with the same values, naming both SKUs, and keeps the rest', async () => {
    core = openCore()
    const path = tempFile('doppioni.csv', [
      'Codice;Padre;Tipo;Colore;Taglia;Prezzo',
      'BORSA-02;;configurabile;;;',
      'BORSA-02-A;BORSA-02;;nero;M;180',
      'BORSA-02-B;BORSA-02;;Nero;m;185',
      'BORSA-02-C;BORSA-02;;cognac;M;190'
    ].join('\n'))
    const targets = { Codice: 'sku', Padre: 'parent', Tipo: 'rowType', Colore: 'axis/colour', Taglia: 'axis/size', Prezzo: 'trade/price' }
    const { summary, report, state } = await importFile(path, targets)
    expect(state).toBe('rolled-back')
    expect(summary).toMatchObject({ rows: 4, rejected: 1, written: false })
    const bad = report.find((r) => r.sku === 'BORSA-02-B')!
    expect(bad.outcome).toBe('rejected')
    expect(bad.issues[0]).toMatchObject({ code: 'duplicate_combination', params: { sku: 'BORSA-02-B', other: 'BORSA-02-A', parent: 'BORSA-02' } })
    // All or nothing: nothing was written; with valid rows only, the other three are.
    expect((await core.api().catalog.stats()).total).toBe(0)
    const again = await importFile(path, targets, {}, 'valid-rows')
    expect(again.summary).toMatchObject({ rejected: 1, created: 3 })
    const parent = await core.api().catalog.getProduct({ sku: 'BORSA-02' })
    expect((await variantsOf(parent)).map((v) => v.sku)).toEqual(['BORSA-02-A', 'BORSA-02-C'])
  })
})

describe('Magento layout: parents listing variants that come before them', () => {
  it('makes the listed simple products variants (first list wins), leaves unlisted ones alone, with the suggested mapping', async () => {
    core = openCore()
    const path = tempFile('magento-borse.csv', [
      'sku,product_type,name,price,qty,configurable_variations',
      'BORSA-NERO-M,simple,Borsa nero M,180,12,',
      'BORSA-NERO-L,simple,Borsa nero L,210,8,',
      'CINTURA-07,simple,Cintura in cuoio,45,100,',
      'BORSA-01,configurable,Borsa tote,180,0,"sku=BORSA-NERO-M,colore=nero,taglia=M|sku=BORSA-NERO-L,colore=nero,taglia=L"',
      'BORSA-02,configurable,Borsa a mano,190,0,"sku=BORSA-NERO-L,colore=nero,taglia=L|sku=BORSA-02-C,colore=cognac,taglia=M"',
      'BORSA-02-C,simple,Borsa cognac M,190,5,'
    ].join('\n'))
    const api = core.api()
    const file = { kind: 'path' as const, path }
    const inspection = await api.spreadsheet.inspect({ file })
    const columns = inspection.columns.map(({ index, header, target }) => ({ index, header, target }))
    expect(Object.fromEntries(columns.map((c) => [c.header, c.target]))).toMatchObject({ product_type: 'rowType', configurable_variations: 'variantsSpec', qty: 'trade/stock' })
    const { importId } = await api.spreadsheet.importFile({ file, read: inspection.read, columns, settings: { numberFormat: 'en' } })
    await core.s.jobs.whenIdle()
    expect((await api.spreadsheet.getImport({ importId })).summary).toMatchObject({ rows: 6, created: 6, rejected: 0 })
    const report = (await api.spreadsheet.report({ importId, limit: 50 })).items
    // The one thing the file leaves open is said, on the row that causes it.
    expect(report.flatMap((r) => r.issues.map((i) => [r.sku, i.code, i.params]))).toEqual([['BORSA-02', 'variant_listed_twice', { sku: 'BORSA-NERO-L', parent: 'BORSA-01' }]])
    const tote = await api.catalog.getProduct({ sku: 'BORSA-01' })
    expect(tote.variantAxes).toEqual(['colore', 'taglia'])
    expect((await variantsOf(tote)).map((v) => [v.sku, v.axes, v.trade.stock])).toEqual([['BORSA-NERO-M', { colore: 'nero', taglia: 'M' }, 12], ['BORSA-NERO-L', { colore: 'nero', taglia: 'L' }, 8]])
    expect((await variantsOf(await api.catalog.getProduct({ sku: 'BORSA-02' }))).map((v) => [v.sku, v.axes])).toEqual([['BORSA-02-C', { colore: 'cognac', taglia: 'M' }]])
    expect(await api.catalog.getProduct({ sku: 'CINTURA-07' })).toMatchObject({ parentId: null, axes: {}, variantCount: 0 })
  })
})

describe('suggested mapping of variant columns', () => {
  it('recognises the variant columns of Bagisto and Medusa exports by their headers', async () => {
    core = openCore()
    const targetsOf = async (file: string) => Object.fromEntries((await core.api().spreadsheet.inspect({ file: { kind: 'path', path: file.startsWith('/') ? file : fixture('shop-variants', file) } })).columns.map((c) => [c.header, c.target]))
    expect(await targetsOf(join(FIXTURES, '..', 'shop-exports', 'bagisto-products.csv'))).toMatchObject({ sku: 'sku', parent_sku: 'parent', type: 'rowType', configurable_variants: 'variantsSpec', inventories: 'trade/stock' })
    expect(await targetsOf('medusa-exported-products-comma.csv')).toMatchObject({
      'Product Handle': 'group', 'Variant Sku': 'sku', 'Variant Option 1 Name': 'axisName/1', 'Variant Option 1 Value': 'axisValue/1',
      'Variant Option 2 Name': 'axisName/2', 'Variant Option 2 Value': 'axisValue/2'
    })
    expect(await targetsOf('medusa-product-import-template.csv')).toMatchObject({ 'Variant SKU': 'sku', 'Variant Inventory Quantity': 'trade/stock', 'Option 1 Name': 'axisName/1', 'Option 1 Value': 'axisValue/1' })
  })
})
