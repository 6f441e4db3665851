// The SKU block as `product.get` returns it (pavilion-api.md §2.5): `product_sku` with the sale
// attributes and their values (system name, custom name, picture) and one `sku_definition` per
// SKU (id, code, `attr2_value`, price tiers, stock), plus `price_type`. The TOP list wrappers of
// the non-simplified form are added by `wrapProductSku`.
import { createHash } from 'node:crypto'
import { saleFieldId } from './sku-schema.ts'
import { skuRules } from './sku-rules.ts'
import type { FieldValue } from './validate.ts'

type Stored = Record<string, { values: FieldValue['values']; complex?: Stored; items?: Stored[] }>

export interface SkuAttributeOut {
  attribute_id: number
  attribute_name: string
  values: Array<{ value_id: number; system_value_name: string; custom_value_name: string; image_url: string; mark_info: string }>
}

export interface SkuDefinitionOut {
  sku_id: number
  sku_code: string
  attr2_value: string
  bulk_discount_prices: Array<{ start_quantity: number; price: string }>
  inventory_dto_list: Array<{ store_code: string; inventory: number }>
}

export interface ProductSkuOut {
  sku_attributes: SkuAttributeOut[]
  skus: SkuDefinitionOut[]
}

const text = (f: Stored[string] | undefined) => f?.values[0]?.text.trim() ?? ''

/** A SKU keeps its id while its combination stays the same (ids are stable across updates). */
function skuId(productId: number, attr2value: string): number {
  const h = createHash('sha256').update(`${productId}|${attr2value}`).digest('hex')
  return 1_000_000_000_000 + (Number.parseInt(h.slice(0, 12), 16) % 9_000_000_000_000)
}

function tiers(items: Stored[] | undefined): Array<{ start_quantity: number; price: string }> {
  return (items ?? []).map((t) => ({ start_quantity: Number(text(t.quantity)), price: Number(text(t.price)).toFixed(2) }))
}

/** `product_sku` and `price_type` of a stored listing; null when it has no SKUs. */
export function productSkuOf(productId: number, catId: number, stored: Stored, imageHost: string): { product_sku: ProductSkuOut; price_type: string } | null {
  const rules = skuRules(catId)
  const rows = stored.sku?.items ?? []
  if (!rules || rows.length === 0) return null
  const declared = stored.saleProp?.complex ?? {}
  const bySku = text(stored.scPrice) === '3'
  const ladder = tiers(stored.ladderPrice?.items)
  const attributes = rules.attributes.filter((a) => (declared[saleFieldId(a)]?.values ?? []).length > 0)
  const sku_attributes: SkuAttributeOut[] = attributes.map((a) => ({
    attribute_id: a.id,
    attribute_name: a.name.en,
    values: declared[saleFieldId(a)].values.map((v) => {
      const option = a.values.find((o) => String(o.id) === v.text.trim())
      const image = v.attrs.imageUrl ? `//${imageHost}${v.attrs.imageUrl.trim().replace(/^(https?:)?\/\/[^/]+/i, '')}` : ''
      return {
        value_id: Number(v.text.trim()),
        system_value_name: option?.name.en ?? '',
        custom_value_name: option ? (v.attrs.inputValue && v.attrs.inputValue !== option.name.en ? v.attrs.inputValue : '') : v.attrs.inputValue ?? '',
        image_url: image,
        mark_info: ''
      }
    })
  }))
  const skus: SkuDefinitionOut[] = rows.map((row) => {
    const pairs = Object.fromEntries(attributes.map((a) => [String(a.id), Number(text(row[saleFieldId(a)]))]))
    const attr2 = JSON.stringify(pairs)
    const stock = text(row.inventory)
    return {
      sku_id: skuId(productId, attr2),
      sku_code: text(row.skuCode),
      attr2_value: attr2,
      bulk_discount_prices: bySku ? tiers(row.skuLadderPrice?.items) : ladder,
      inventory_dto_list: stock ? [{ store_code: 'default', inventory: Number(stock) }] : []
    }
  })
  return { product_sku: { sku_attributes, skus }, price_type: bySku ? 'sku_price' : 'ladder_price' }
}

/** The TOP list wrappers of the non-simplified response form. */
export function wrapProductSku(ps: ProductSkuOut) {
  return {
    sku_attributes: { sku_attribute: ps.sku_attributes.map((a) => ({ ...a, values: { sku_attribute_value: a.values } })) },
    skus: {
      sku_definition: ps.skus.map((s) => ({
        ...s,
        bulk_discount_prices: { bulk_discount_price: s.bulk_discount_prices },
        inventory_dto_list: { product_inventory_dto: s.inventory_dto_list }
      }))
    }
  }
}
