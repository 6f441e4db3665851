// The SKU part of a leaf category's rules, built from its sale properties (sku-rules.ts):
// `saleProp` declares the values a listing uses on each SKU-defining attribute (with a custom
// text and a picture where allowed), and `sku` lists the SKUs as combinations of those values,
// each with its code, stock and — when the price is set per SKU — its own price tiers.
import type { FieldSpec } from './schema.ts'
import { skuRules, type SaleAttribute } from './sku-rules.ts'

const n = (en: string, zh: string) => ({ en, zh })

/** Field id of a sale attribute, as for category attributes. */
export const saleFieldId = (a: SaleAttribute) => `p-${a.id}`

const options = (a: SaleAttribute) => a.values.map((v) => ({ value: String(v.id), name: v.name }))

export function salePropField(leafId: number): FieldSpec[] {
  const rules = skuRules(leafId)
  if (!rules) return []
  return [{
    id: 'saleProp', name: n('Sales Properties', '销售属性'), type: 'complex',
    children: rules.attributes.map((a) => ({
      id: saleFieldId(a), name: a.name, type: 'multiCheck' as const, options: options(a), allowCustom: a.custom,
      maxInputNum: a.maxValues, countCode: 'PUB_BIZCHECK_PRODUCT_SKU_INVALID', valueImage: a.image === 'none' ? undefined : a.image
    }))
  }]
}

export function skuField(leafId: number): FieldSpec[] {
  const rules = skuRules(leafId)
  if (!rules) return []
  const range = { minValue: rules.price.min, maxValue: rules.price.max, rangeCode: 'PUB_BIZCHECK_PRODUCT_SKU_INVALID' }
  return [{
    id: 'sku', name: n('SKU', 'SKU'), type: 'multiComplex', maxInputNum: rules.maxSkus, countCode: 'PUB_BIZCHECK_PRODUCT_SKU_INVALID',
    children: [
      ...rules.attributes.map((a) => ({ id: saleFieldId(a), name: a.name, type: 'singleCheck' as const, options: options(a), allowCustom: a.custom, customById: a.custom })),
      { id: 'skuCode', name: n('SKU Code', 'SKU编码'), type: 'input', maxLength: { value: 64 } },
      { id: 'inventory', name: n('Stock', '库存'), type: 'input', valueType: 'integer', minValue: 0, maxValue: 99_999_999 },
      {
        id: 'skuLadderPrice', name: n('SKU Price', 'SKU价格'), type: 'multiComplex', maxInputNum: 4, requiredWhen: { field: 'scPrice', value: '3' },
        countCode: 'PUB_BIZCHECK_PRODUCT_SKU_INVALID',
        children: [
          { id: 'quantity', name: n('Min. quantity', '起订量'), type: 'input', required: true, valueType: 'integer', minValue: 1, maxValue: 99_999_999, rangeCode: 'CHK_STEP_LADDER_PERIOD_VALUE_ERROR' },
          { id: 'price', name: n('Price (USD)', '价格（美元）'), type: 'input', required: true, valueType: 'decimal', ...range }
        ]
      }
    ]
  }]
}
