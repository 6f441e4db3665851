// The Variants tab's view of the pavilion: for a parent, the sale properties of its linked
// category (from the cached rules), the one each axis maps to, and per axis value what it goes out
// as (linked by hand, found by name or size, custom, or nothing yet), the closest options, and
// whether the picture the category wants for it is there. Computed with the same functions the
// SKU block uses, so what the tab shows is what publishing sends.
import type { VariantOptionsInfo } from '../../../shared/contract/publish-variants.ts'
import { PAVILION_LANGUAGE, type PublishTarget } from '../../../shared/domain/publish.ts'
import type { Product } from '../../../shared/domain/product.ts'
import { axisValueKey } from '../../../shared/domain/variants.ts'
import type { Services } from '../core.ts'
import type { RulesCache } from './caches.ts'
import { listingContent } from './listing-content.ts'
import { closestOptions, matchOption } from './option-match.ts'
import { pavilionCategoryOf } from './outbox.ts'
import type { Readiness } from './readiness.ts'
import { displayNameMatches } from './names.ts'
import { findField, valueAttributeRequired, valueAttributes, type SchemaField } from './schema-xml.ts'
import { chosenMapping, customText, saleAttributeFor } from './sku-block.ts'

type Info = VariantOptionsInfo

export function describeVariantOptions(s: Services, rules: RulesCache, target: PublishTarget, product: Product, readiness: () => Readiness): Info {
  const empty = (state: Info['state'], catId: string | null = null): Info => ({ state, pavilionCategoryId: catId, attributes: [], axes: [], problems: [] })
  if (!product.categoryId) return empty('no_category')
  const catId = pavilionCategoryOf(s.categories, product.categoryId)
  if (!catId) return empty('not_linked')
  const cached = rules.get(target, catId, PAVILION_LANGUAGE.en.schema)
  if (!cached) return empty('rules_not_downloaded', catId)
  const sale = findField(cached.fields, 'saleProp')?.children ?? []
  if (sale.length === 0 || !findField(cached.fields, 'sku')) return empty('no_sale_properties', catId)
  const content = listingContent(s, product)
  const variants = content.variants ?? []
  if (variants.length === 0) return { ...empty('no_variants', catId), attributes: sale.map(describeAttribute) }
  const family = product.familyId ? s.families.get(product.familyId) : undefined
  const axes: Info['axes'] = product.variantAxes.map((axis) => {
    const def = family?.attributes.find((a) => a.code === axis)
    const counts = new Map<string, { value: string; n: number; pictureVariantId: string | null; hasPicture: boolean }>()
    for (const v of variants) {
      const value = v.product.axes[axis]
      if (!value) continue
      const entry = counts.get(axisValueKey(value)) ?? { value, n: 0, pictureVariantId: null, hasPicture: false }
      entry.n++
      if (!entry.hasPicture && v.images.length > 0) Object.assign(entry, { hasPicture: true, pictureVariantId: v.product.id })
      entry.pictureVariantId ??= v.product.id
      counts.set(axisValueKey(value), entry)
    }
    const field = saleAttributeFor(axis, product, def, [...counts.values()].map((c) => c.value), sale)
    const custom = field ? valueAttributes(field).includes('inputValue') : false
    const wantsPicture = field ? valueAttributes(field).includes('fileId') : false
    const values = [...counts.values()].map((c): Info['axes'][number]['values'][number] => {
      const suggestions = field ? closestOptions(c.value, def, field.options, 6).map((o) => ({ value: o.value, name: o.displayName })) : []
      const picture = !wantsPicture ? 'not_needed' as const : c.hasPicture ? 'ok' as const : 'missing' as const
      const base = { value: c.value, variants: c.n, suggestions, picture, pictureVariantId: wantsPicture ? c.pictureVariantId : null }
      if (!field) return { ...base, mapping: null, source: 'none' }
      const chosen = chosenMapping(product, axis, c.value)
      if (chosen && 'option' in chosen) {
        const o = field.options.find((x) => x.value === chosen.option) ?? field.options.find((x) => displayNameMatches(x.displayName, [chosen.name]))
        return o ? { ...base, mapping: { kind: 'option', option: o.value, name: o.displayName }, source: 'chosen' } : { ...base, mapping: null, source: 'stale' }
      }
      if (chosen && 'custom' in chosen) return { ...base, mapping: { kind: 'custom', text: chosen.custom }, source: 'custom' }
      const auto = matchOption(c.value, def, field.options)
      if (auto) return { ...base, mapping: { kind: 'option', option: auto.value, name: auto.displayName }, source: 'auto' }
      if (custom) return { ...base, mapping: { kind: 'custom', text: customText(c.value, def, 'en') }, source: 'new' }
      return { ...base, mapping: null, source: 'none' }
    })
    return { axis, attributeId: field?.id ?? null, chosen: !!product.variantOptions[axis]?.attribute, values }
  })
  const problems = readiness().problems.filter((p) => /^variants?_/.test(p.code) || p.code === 'currency_rate_missing')
  return { state: 'ok', pavilionCategoryId: catId, attributes: sale.map(describeAttribute), axes, problems }
}

function describeAttribute(f: SchemaField): Info['attributes'][number] {
  const picture = !valueAttributes(f).includes('fileId') ? 'none' : valueAttributeRequired(f, 'fileId') ? 'required' : 'optional'
  return { id: f.id, name: f.name, custom: valueAttributes(f).includes('inputValue'), picture, options: f.options.map((o) => ({ value: o.value, name: o.displayName })) }
}
