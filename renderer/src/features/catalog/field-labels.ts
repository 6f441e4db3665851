// Human names for product field paths ("trade.moq" → "Minimum order quantity (MOQ)").
import type { TFunction } from 'i18next'
import { LOCALE_NAMES } from '../../../../shared/domain/locales.ts'

const LEAF_KEYS: Record<string, string> = {
  sku: 'sku', status: 'status', categoryId: 'category', familyId: 'family', variantAxes: 'variantAxes',
  title: 'title', shortDescription: 'shortDescription', description: 'description', keywords: 'keywords',
  currency: 'currency', sellingUnit: 'sellingUnit', moq: 'moq', ladder: 'ladder', fobPort: 'fobPort', leadTimes: 'leadTimes',
  supplyAbility: 'supplyAbility', netWeight: 'netWeight', grossWeight: 'grossWeight', dimensions: 'dimensions',
  packaging: 'packaging', unitsPerCarton: 'unitsPerCarton', hsCode: 'hsCode', country: 'country', region: 'region',
  comune: 'comune', certifications: 'certifications'
}

export function fieldLabel(path: string, t: TFunction): string {
  const parts = path.split('.')
  if (parts[0] === 'texts' && parts.length === 3) {
    const field = LEAF_KEYS[parts[2]]
    return `${field ? t(`catalog:fields.${field}`) : parts[2]} (${LOCALE_NAMES[parts[1]] ?? parts[1]})`
  }
  if (parts[0] === 'attributes' || parts[0] === 'axes') return `${t(`catalog:tabs.${parts[0] === 'axes' ? 'variants' : 'attributes'}`)}: ${parts[1]}`
  const leaf = LEAF_KEYS[parts[parts.length - 1]]
  return leaf ? t(`catalog:fields.${leaf}`) : path
}
