// Realistic parents with variants for the publish tests: a Florentine leather tote in three
// colours and two sizes, and a Chianti Classico Riserva in three bottle sizes.
import type { Core } from '../../electron/core/core.ts'
import type { ListingImage } from '../../electron/core/platform/product-media.ts'
import type { ProductCreate } from '../../shared/domain/product.ts'

export const BAG_COLOURS = ['nero', 'cognac', 'bordeaux'] as const
export const BAG_SIZES = ['M', 'L'] as const
export const WINE_SIZES = ['0,375 L', '0,75 L', '1,5 L'] as const

export function bagParent(sku: string, categoryId: string, over: Partial<ProductCreate> = {}): ProductCreate {
  return {
    sku, status: 'ready', categoryId, familyId: 'fam_leather', variantAxes: ['colour', 'size'],
    texts: {
      it: { title: `Borsa tote in pelle pieno fiore ${sku}`, description: '<p>Borsa fatta a mano a Firenze.</p>' },
      en: {
        title: `Full Grain Leather Tote Bag Handmade in Florence ${sku}`,
        description: '<p>Vegetable-tanned full-grain leather tote, hand-stitched in Florence.</p>',
        keywords: ['leather tote bag', 'made in italy handbag']
      }
    },
    attributes: { brand_name: 'Pelletteria Demo', material: 'full_grain' },
    trade: { currency: 'USD', sellingUnit: 'piece', moq: 2, leadTimes: [{ maxQty: 50, days: 20 }, { maxQty: null, days: 35 }] },
    origin: { country: 'IT', region: 'Toscana' },
    ...over
  }
}

/** The six bag variants: M costs 180–200, L 210–230 per piece (so prices differ per SKU). */
export function bagVariants(parentSku: string, parentId: string): ProductCreate[] {
  return BAG_COLOURS.flatMap((colour, c) => BAG_SIZES.map((size, s) => ({
    sku: `${parentSku}-${colour.toUpperCase().slice(0, 3)}-${size}`, parentId, axes: { colour, size }, status: 'ready' as const,
    trade: { ladder: [{ minQty: 2, price: 180 + 30 * s + 10 * c }, { minQty: 20, price: 160 + 30 * s + 10 * c }], stock: 10 + c * 2 + s }
  })))
}

export function wineParent(sku: string, categoryId: string, over: Partial<ProductCreate> = {}): ProductCreate {
  return {
    sku, status: 'ready', categoryId, familyId: 'fam_wine', variantAxes: ['bottle_volume'],
    texts: {
      it: { title: `Chianti Classico Riserva DOCG 2019 ${sku}`, description: '<p>Vino rosso toscano.</p>' },
      en: {
        title: `Chianti Classico Riserva DOCG 2019 Red Wine ${sku}`,
        description: '<p>Tuscan red wine from Sangiovese, aged 24 months.</p>',
        keywords: ['chianti classico riserva', 'italian red wine']
      }
    },
    attributes: { brand_name: 'Fattoria Demo', wine_type: 'red', grape_varieties: ['sangiovese'], alcohol: { value: 14, unit: '% vol' } },
    trade: { currency: 'USD', sellingUnit: 'bottle', moq: 120, leadTimes: [{ maxQty: 1200, days: 15 }, { maxQty: null, days: 30 }] },
    origin: { country: 'IT', region: 'Toscana', certifications: ['DOCG'] },
    ...over
  }
}

export const WINE_PRICES: Array<[number, number]> = [[7.9, 7.1], [12.5, 11.2], [27, 24.5]]

export function wineVariants(parentSku: string, parentId: string): ProductCreate[] {
  return WINE_SIZES.map((size, i) => ({
    sku: `${parentSku}-${['0375', '075', '150'][i]}`, parentId, axes: { bottle_volume: size }, status: 'ready' as const,
    trade: { ladder: [{ minQty: 120, price: WINE_PRICES[i][0] }, { minQty: 600, price: WINE_PRICES[i][1] }], stock: 600 - i * 200 }
  }))
}

/** Creates a bag (with a photo per colour on its variants) and returns the ids. */
export async function createBag(core: Core, photos: Map<string, ListingImage[]>, pics: ListingImage[], sku: string, categoryId: string) {
  const api = core.api()
  const parent = await api.catalog.createProduct(bagParent(sku, categoryId))
  photos.set(parent.id, pics.slice(0, 2))
  const variants = []
  for (const v of bagVariants(sku, parent.id)) {
    const created = await api.catalog.createProduct(v)
    photos.set(created.id, [pics[2 + BAG_COLOURS.indexOf(v.axes!.colour as (typeof BAG_COLOURS)[number])]])
    variants.push(created)
  }
  return { parent, variants }
}

export async function createWine(core: Core, sku: string, categoryId: string) {
  const api = core.api()
  const parent = await api.catalog.createProduct(wineParent(sku, categoryId))
  const variants = []
  for (const v of wineVariants(sku, parent.id)) variants.push(await api.catalog.createProduct(v))
  return { parent, variants }
}

/**
 * For the bulk fault and crash tests: top-level product `i` of a run, every tenth one a wine with
 * three bottle sizes (one listing, three SKUs), written directly through the product store.
 */
export function createBulkProduct(s: Core['s'], i: number, categoryId: string, wineCreate: (i: number, over: Partial<ProductCreate>) => ProductCreate): string {
  const ctx = { source: 'import' as const, emit: false }
  if (i % 10 !== 0) return s.products.create(wineCreate(i, { categoryId }) as never, ctx).id
  const parent = s.products.create(wineCreate(i, { categoryId, variantAxes: ['bottle_volume'] }) as never, ctx)
  WINE_SIZES.forEach((size, k) => s.products.create({
    sku: `${parent.sku}-${['0375', '075', '150'][k]}`, parentId: parent.id, axes: { bottle_volume: size }, status: 'ready',
    trade: { ladder: [{ minQty: 120, price: WINE_PRICES[k][0] }, { minQty: 600, price: WINE_PRICES[k][1] }], stock: 100 + k }
  } as never, ctx))
  return parent.id
}

/** SKU codes of every listing the sandbox holds that has SKUs (plain product id → codes). */
export function sandboxSkus(store: { db: { prepare(sql: string): { all(): unknown[] } } }): Map<number, string[]> {
  const out = new Map<number, string[]>()
  for (const row of store.db.prepare("SELECT id, values_json FROM products WHERE kind = 'product'").all() as Array<{ id: number; values_json: string }>) {
    const doc = JSON.parse(row.values_json) as { sku?: { items?: Array<{ skuCode?: { values: Array<{ text: string }> } }> } }
    const items = doc.sku?.items ?? []
    if (items.length) out.set(row.id, items.map((x) => x.skuCode?.values[0]?.text ?? ''))
  }
  return out
}
