// Readiness per variant: an axis value the category cannot take (with the closest options), two
// values that would become the same option, a colour without its picture, a variant without a
// price — each named, pointing at what to fix; a value linked by hand in the Variants tab.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CATEGORIES } from '../../electron/sandbox/catalog-data.ts'
import type { Sandbox } from '../../electron/sandbox/server.ts'
import { SKU_RULES } from '../../electron/sandbox/sku-rules.ts'
import type { ReadinessProblem } from '../../shared/domain/publish.ts'
import { HANDBAG_CATEGORY, WINE_CATEGORY, linkedCategory, makePhotos, openPublishCore, startTestSandbox, tempDir, waitFor, type TestCore } from '../publish/helpers.ts'
import { createBag, createWine } from './variant-fixtures.ts'

let sandbox: Sandbox
let tc: TestCore
let ids: { bagCat: string; wineCat: string }

beforeEach(async () => {
  sandbox = await startTestSandbox()
  tc = await openPublishCore(sandbox, { defaultPhotos: (await makePhotos(tempDir('rv'), 1)) })
  ids = { bagCat: await linkedCategory(tc.core, HANDBAG_CATEGORY, 'Borse'), wineCat: await linkedCategory(tc.core, WINE_CATEGORY, 'Vini') }
  const api = tc.core.api()
  const { jobId } = await api.publish.refreshRules({})
  await waitFor('rules downloaded', async () => (await api.jobs.get({ id: jobId })).state === 'done')
})

afterEach(async () => {
  await tc.close()
  await sandbox.close()
})

async function problemsOf(productId: string): Promise<ReadinessProblem[]> {
  const r = await tc.core.api().publish.readiness({ productIds: [productId] })
  return r.items[0].problems.filter((p) => p.severity === 'error')
}

describe('readiness of variants', () => {
  it('names an axis value the category cannot take, with the closest options, until it is linked by hand', async () => {
    const api = tc.core.api()
    const wine = await createWine(tc.core, 'CHI-RIS-20', ids.wineCat)
    await api.catalog.updateProduct({ id: wine.variants[0].id, patch: { axes: { bottle_volume: '0,2 L' } } })
    const [p] = await problemsOf(wine.parent.id)
    expect(p).toMatchObject({ code: 'variant_value_unmapped', field: 'variantOptions.bottle_volume', params: { axis: 'bottle_volume', value: '0,2 L', attribute: 'Bottle Size' } })
    expect(String(p.params.options).split(', ').slice(0, 2)).toEqual(['187ml', '375ml'])
    // A custom value is refused: the bottle sizes are a fixed list.
    await api.catalog.updateProduct({ id: wine.parent.id, patch: { variantOptions: { bottle_volume: { values: { '0,2 L': { custom: '200 ml' } } } } } })
    expect((await problemsOf(wine.parent.id)).map((x) => x.code)).toEqual(['variant_custom_not_allowed'])
    // Linked to 187ml by hand: ready.
    const rules = tc.core.s.db.prepare("SELECT xml FROM publish_schemas WHERE cat_id = ? AND language = 'en_US'").get(WINE_CATEGORY) as { xml: string }
    const id = /<option displayName="187ml" value="(\d+)"/.exec(rules.xml)![1]
    await api.catalog.updateProduct({ id: wine.parent.id, patch: { variantOptions: { bottle_volume: { values: { '0,2 L': { option: id, name: '187ml' } } } } } })
    expect(await problemsOf(wine.parent.id)).toEqual([])
  })

  it('refuses two values that would be the same option, a colour without a picture, and a variant without a price', async () => {
    const api = tc.core.api()
    const pics = await makePhotos(tempDir('rv-bag'), 5)
    const bag = await createBag(tc.core, tc.photos, pics, 'TOTE-PR', ids.bagCat)
    expect(await problemsOf(bag.parent.id)).toEqual([])
    // "black" next to "nero": both would be Black.
    const black = await api.catalog.createProduct({ sku: 'TOTE-PR-BLACK-M', parentId: bag.parent.id, axes: { colour: 'black', size: 'M' }, trade: { ladder: [{ minQty: 2, price: 190 }] } })
    const clash = (await problemsOf(bag.parent.id)).find((p) => p.code === 'variant_options_clash')!
    expect(clash.params).toMatchObject({ axis: 'colour', other: 'nero', value: 'black', option: 'Black' })
    await api.catalog.deleteProduct({ id: black.id })
    // A custom colour is fine where the category allows it, but it needs its picture.
    const fucsia = await api.catalog.createProduct({ sku: 'TOTE-PR-FUC-M', parentId: bag.parent.id, axes: { colour: 'fucsia', size: 'M' }, trade: { ladder: [{ minQty: 2, price: 190 }] } })
    tc.photos.set(fucsia.id, [])
    const missing = await problemsOf(bag.parent.id)
    expect(missing.map((p) => p.code)).toEqual(['variant_image_missing'])
    expect(missing[0]).toMatchObject({ field: 'images', params: { sku: 'TOTE-PR-FUC-M', value: 'fucsia', variantId: fucsia.id } })
    tc.photos.set(fucsia.id, [pics[4]])
    expect(await problemsOf(bag.parent.id)).toEqual([])
    // A variant without a price, under a parent without a price list.
    await api.catalog.updateProduct({ id: fucsia.id, patch: { trade: { ladder: null } } })
    expect(await problemsOf(bag.parent.id)).toEqual([expect.objectContaining({ code: 'variant_price_missing', params: { sku: 'TOTE-PR-FUC-M', variantId: fucsia.id } })])
    // Out of the category's price range.
    await api.catalog.updateProduct({ id: fucsia.id, patch: { trade: { ladder: [{ minQty: 2, price: 60_000 }] } } })
    expect((await problemsOf(bag.parent.id))[0]).toMatchObject({ code: 'variant_price_range', params: { sku: 'TOTE-PR-FUC-M', max: 50000 } })
  })

  it('says so when the category sells no variants', async () => {
    const api = tc.core.api()
    const sofas = CATEGORIES.find((c) => c.leaf && !SKU_RULES[c.id])!
    const cat = await linkedCategory(tc.core, String(sofas.id), 'Divani')
    const { jobId } = await api.publish.refreshRules({})
    await waitFor('rules downloaded', async () => (await api.jobs.get({ id: jobId })).state === 'done')
    const wine = await createWine(tc.core, 'SOFA-01', cat)
    const problems = await problemsOf(wine.parent.id)
    expect(problems.find((p) => p.code === 'variants_not_supported')).toMatchObject({ field: 'variants', params: { count: 3 } })
  })

  it('never publishes a listing with a readiness error, and says so in the queue', async () => {
    const api = tc.core.api()
    const wine = await createWine(tc.core, 'CHI-RIS-21', ids.wineCat)
    await api.catalog.updateProduct({ id: wine.variants[2].id, patch: { axes: { bottle_volume: 'magnum grande' } } })
    expect(await api.publish.enqueue({ productIds: [wine.parent.id] })).toMatchObject({ queued: 0, needsFixing: 1 })
    const listing = (await api.publish.listings({ productId: wine.parent.id })).items[0]
    expect(listing).toMatchObject({ state: 'needs_fixing', variantCount: 3 })
    expect(listing.problems[0].code).toBe('variant_value_unmapped')
    await tc.core.s.jobs.whenIdle()
    expect(sandbox.stats.calls['alibaba.icbu.product.schema.add'] ?? 0).toBe(0)
  })
})
