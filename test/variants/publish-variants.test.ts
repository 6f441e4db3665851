// A parent with variants goes to the pavilion as ONE listing with its SKU block: a leather bag in
// 3 colours × 2 sizes and a wine in 3 bottle sizes, against the real sandbox over loopback. The
// sandbox's stored listing and its product.get reply must match what Vetrina holds; re-pricing,
// adding or archiving a variant updates that listing (only the fields that changed), never adds one.
import { afterEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../electron/sandbox/server.ts'
import { HANDBAG_CATEGORY, WINE_CATEGORY, drain, linkedCategory, makePhotos, openPublishCore, startTestSandbox, tempDir, type TestCore } from '../publish/helpers.ts'
import { call, type Reply } from '../publish/sandbox-calls.ts'
import { BAG_COLOURS, WINE_PRICES, createBag, createWine } from './variant-fixtures.ts'

let sandbox: Sandbox | null = null
let tc: TestCore | null = null

afterEach(async () => {
  await tc?.close()
  await sandbox?.close()
  tc = sandbox = null
})

async function setup() {
  sandbox = await startTestSandbox()
  const pics = await makePhotos(tempDir('variant-photos'), 6)
  tc = await openPublishCore(sandbox, { defaultPhotos: [pics[0]] })
  const bagCat = await linkedCategory(tc.core, HANDBAG_CATEGORY, 'Borse')
  const wineCat = await linkedCategory(tc.core, WINE_CATEGORY, 'Vini')
  const bag = await createBag(tc.core, tc.photos, pics, 'TOTE-FI', bagCat)
  const wine = await createWine(tc.core, 'CHI-RIS-19', wineCat)
  return { api: tc.core.api(), bag, wine, pics }
}

type Stored = Record<string, { values: Array<{ text: string; attrs: Record<string, string> }>; complex?: Stored; items?: Stored[] }>
const stored = (remoteId: string) => JSON.parse(sandbox!.store.product(Number(remoteId))!.values_json) as Stored
const get = async (remoteId: string, simplify = true) => {
  const r = await call(sandbox!, 'alibaba.icbu.product.get', { product_id: remoteId, language: 'ENGLISH' }, { simplify })
  return (simplify ? r.product : r.alibaba_icbu_product_get_response.product) as Reply
}
const calls = (m: string) => sandbox!.stats.calls[`alibaba.icbu.product.schema.${m}`] ?? 0

describe('variants on the pavilion', () => {
  it('publishes a bag (3 colours × 2 sizes) and a wine (3 bottle sizes) as one listing each, priced per SKU, with colour pictures', async () => {
    const { api, bag, wine } = await setup()
    expect(await api.publish.enqueue({})).toEqual({ queued: 2, unchanged: 0, needsFixing: 0 })
    await drain(tc!.core)
    expect(sandbox!.store.counts().products).toBe(2)
    expect(calls('add')).toBe(2)
    const { items } = await api.publish.listings({})
    expect(items.map((l) => [l.sku, l.variantCount, l.state]).sort()).toEqual([['CHI-RIS-19', 3, 'published'], ['TOTE-FI', 6, 'published']])

    // The bag: 6 SKUs, price by SKU, each colour with its own picture.
    const bagListing = items.find((l) => l.sku === 'TOTE-FI')!
    const p = await get(bagListing.remoteId!)
    expect(p.price_type).toBe('sku_price')
    expect(p.product_sku.skus).toHaveLength(6)
    const colours = p.product_sku.sku_attributes.find((a: Reply) => a.attribute_name === 'Color').values as Reply[]
    expect(colours.map((c) => c.system_value_name)).toEqual(['Black', 'Cognac', 'Burgundy'])
    expect(new Set(colours.map((c) => c.image_url)).size).toBe(3)
    expect(colours.every((c) => /\/kf\/H[0-9a-f]+\.jpg$/.test(c.image_url))).toBe(true)
    const sizes = p.product_sku.sku_attributes.find((a: Reply) => a.attribute_name === 'Size').values as Reply[]
    expect(sizes.map((s) => s.system_value_name)).toEqual(['M', 'L'])
    for (const v of bag.variants) {
      const sku = (p.product_sku.skus as Reply[]).find((s) => s.sku_code === v.sku)!
      expect(sku.bulk_discount_prices).toEqual(v.trade.ladder!.map((t) => ({ start_quantity: t.minQty, price: t.price.toFixed(2) })))
      expect(sku.inventory_dto_list).toEqual([{ store_code: 'default', inventory: v.trade.stock }])
      const pair = JSON.parse(sku.attr2_value) as Record<string, number>
      const colour = colours.find((c) => Object.values(pair).includes(c.value_id))!
      expect(colour.system_value_name).toBe({ nero: 'Black', cognac: 'Cognac', bordeaux: 'Burgundy' }[v.axes.colour])
    }
    // The colour pictures are the variants' own photos, uploaded once each: 2 main photos + 3 colours.
    expect(sandbox!.store.counts().images).toBe(2 + BAG_COLOURS.length)

    // The wine: 3 bottle sizes (0,375 L → 375ml …), each SKU with its own ladder.
    const wineListing = items.find((l) => l.sku === 'CHI-RIS-19')!
    const w = await get(wineListing.remoteId!, false)
    expect(w.price_type).toBe('sku_price')
    const defs = w.product_sku.skus.sku_definition as Reply[]
    expect(defs).toHaveLength(3)
    expect(w.product_sku.sku_attributes.sku_attribute[0].values.sku_attribute_value.map((v: Reply) => v.system_value_name)).toEqual(['375ml', '750ml', '1.5L'])
    expect(defs.map((d) => d.bulk_discount_prices.bulk_discount_price.map((t: Reply) => Number(t.price)))).toEqual(WINE_PRICES)
    expect(defs.map((d) => d.sku_code)).toEqual(wine.variants.map((v) => v.sku))

    // The sandbox's stored listing and its product.get reply say the same.
    const doc = stored(wineListing.remoteId!)
    const rows = doc.sku.items!
    expect(rows.map((r) => r.skuCode.values[0].text)).toEqual(defs.map((d) => d.sku_code))
    expect(rows.map((r) => r.skuLadderPrice.items!.map((t) => Number(t.price.values[0].text)))).toEqual(WINE_PRICES)
    expect(rows.map((r) => Number(r.inventory.values[0].text))).toEqual(defs.map((d) => d.inventory_dto_list.product_inventory_dto[0].inventory))
    expect(doc.scPrice.values[0].text).toBe('3')
    expect(doc.ladderPrice).toBeUndefined()
  })

  it('re-pricing, adding and archiving a variant each send one update of the same listing, never a new one', async () => {
    const { api, wine } = await setup()
    await api.publish.enqueue({})
    await drain(tc!.core)
    const listing = (await api.publish.listings({ productId: wine.parent.id })).items[0]
    const before = await get(listing.remoteId!)
    const skuIds = (before.product_sku.skus as Reply[]).map((s) => s.sku_id)

    // Re-price the 0,75 L bottle.
    await api.catalog.updateProduct({ id: wine.variants[1].id, patch: { trade: { ladder: [{ minQty: 120, price: 13.2 }, { minQty: 600, price: 11.9 }] } } })
    expect(await api.publish.enqueue({})).toEqual({ queued: 1, unchanged: 1, needsFixing: 0 })
    await drain(tc!.core)
    expect(calls('add')).toBe(2)
    expect(calls('update')).toBe(1)
    expect(sandbox!.store.counts().products).toBe(2)
    const repriced = await get(listing.remoteId!)
    expect((repriced.product_sku.skus as Reply[])[1].bulk_discount_prices).toEqual([{ start_quantity: 120, price: '13.20' }, { start_quantity: 600, price: '11.90' }])
    expect((repriced.product_sku.skus as Reply[]).map((s) => s.sku_id)).toEqual(skuIds)
    // Only the SKU block and the fields checked with it were sent, not the title or photos again.
    const updated = (await api.publish.listing({ id: listing.id })).history.find((h) => h.event === 'update')!
    // (The history says how many fields went, in words: a handful, where the whole document — title,
    // descriptions, photos, keywords, attributes, trade terms — has well over ten.)
    const sent = (updated.detail as { key: string; params: { count: number } })
    expect(sent.key).toBe('publish:detail.changedFields')
    expect(sent.params.count).toBeGreaterThan(0)
    expect(sent.params.count).toBeLessThan(10)

    // Add a 3 L bottle.
    await api.catalog.createProduct({ sku: 'CHI-RIS-19-300', parentId: wine.parent.id, axes: { bottle_volume: '3 L' }, trade: { ladder: [{ minQty: 120, price: 58 }], stock: 40 } })
    expect((await api.publish.enqueue({ productIds: [wine.parent.id] })).queued).toBe(1)
    await drain(tc!.core)
    const added = await get(listing.remoteId!)
    expect((added.product_sku.skus as Reply[]).map((s) => s.sku_code)).toEqual(['CHI-RIS-19-0375', 'CHI-RIS-19-075', 'CHI-RIS-19-150', 'CHI-RIS-19-300'])
    expect(added.product_sku.sku_attributes[0].values.map((v: Reply) => v.system_value_name)).toContain('3L')

    // Archive the half bottle: it leaves the listing.
    await api.catalog.updateProduct({ id: wine.variants[0].id, patch: { status: 'archived' } })
    expect((await api.publish.enqueue({ productIds: [wine.parent.id] })).queued).toBe(1)
    await drain(tc!.core)
    const archived = await get(listing.remoteId!)
    expect((archived.product_sku.skus as Reply[]).map((s) => s.sku_code)).toEqual(['CHI-RIS-19-075', 'CHI-RIS-19-150', 'CHI-RIS-19-300'])
    expect(calls('add')).toBe(2)
    expect(calls('update')).toBe(3)
    expect(sandbox!.store.counts()).toMatchObject({ products: 2, bySubject: [] })
    expect((await api.publish.listings({ productId: wine.parent.id })).items[0]).toMatchObject({ state: 'published', variantCount: 4, remoteId: listing.remoteId })
  })

  it('falls back to one price list when every variant costs the same', async () => {
    const { api, wine } = await setup()
    for (const v of wine.variants) await api.catalog.updateProduct({ id: v.id, patch: { trade: { ladder: null } } })
    await api.catalog.updateProduct({ id: wine.parent.id, patch: { trade: { ladder: [{ minQty: 120, price: 9.9 }, { minQty: 1200, price: 8.8 }] } } })
    await api.publish.enqueue({ productIds: [wine.parent.id] })
    await drain(tc!.core)
    const listing = (await api.publish.listings({ productId: wine.parent.id })).items[0]
    const p = await get(listing.remoteId!)
    expect(p.price_type).toBe('ladder_price')
    expect((p.product_sku.skus as Reply[]).map((s) => s.bulk_discount_prices)).toEqual(Array(3).fill([{ start_quantity: 120, price: '9.90' }, { start_quantity: 1200, price: '8.80' }]))
    expect(stored(listing.remoteId!).scPrice.values[0].text).toBe('1')
  })
})
