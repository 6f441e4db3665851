// A parent with variants becomes one listing with a SKU block: each axis maps to one of the
// category's sale properties (`saleProp`), each axis value to one of its options (or a custom
// value where allowed, with its own picture where asked), and each variant to one SKU row (`sku`)
// with its code, stock and — when the variants' prices differ — its own price tiers (price by
// SKU); when every variant costs the same, the listing keeps one ladder (price by quantity).
// Whatever cannot be mapped becomes a readiness problem naming the variant, axis or value.
import type { AttributeDef, Family } from '../../../shared/domain/catalog-structure.ts'
import type { LadderTier, Product, VariantValueMapping } from '../../../shared/domain/product.ts'
import type { ListingLanguage, ReadinessProblem } from '../../../shared/domain/publish.ts'
import { axisValueKey } from '../../../shared/domain/variants.ts'
import type { ImageRef } from './mapping.ts'
import { displayNameMatches, normalizeName } from './names.ts'
import { closestOptions, matchOption, quantityOf } from './option-match.ts'
import {
  findField, numberRule, valueAttributeRequired, valueAttributes, type FieldValue, type SchemaField, type SchemaOption, type ValueItem
} from './schema-xml.ts'

export interface VariantInput {
  product: Product
  /** The variant's own photos (the first one pictures its colour where the category asks). */
  images: ImageRef[]
}

export interface SkuBlockInput {
  parent: Product
  variants: VariantInput[]
  family: Family | undefined
  language: ListingLanguage
  fields: SchemaField[]
  eurToUsd: number | null
}

export interface SkuBlock {
  /** saleProp, sku and the price fields they decide (scPrice, ladderPrice, minOrderQuantity). */
  values: FieldValue[]
  problems: ReadinessProblem[]
  priceType: 'sku_price' | 'ladder_price' | null
}

/** Fields whose value the SKU block decides instead of the single-offer mapping. */
export const SKU_BLOCK_FIELDS = ['saleProp', 'sku', 'scPrice', 'ladderPrice', 'minOrderQuantity']

/** Words sellers name axes with, and the pavilion sale property names they mean (normalized). */
const AXIS_WORDS: Record<string, string[]> = {
  color: ['color'], colore: ['color'], colori: ['color'], tinta: ['color'],
  size: ['size'], taglia: ['size'], misura: ['size', 'diameter', 'height'], taglie: ['size'],
  formato: ['bottle size', 'volume', 'package size', 'net content'], capacita: ['volume', 'bottle size'], volume: ['volume', 'bottle size', 'net content'],
  'bottle volume': ['bottle size'], 'bottle size': ['bottle size'], 'formato bottiglia': ['bottle size'],
  confezione: ['packaging', 'package size'], imballo: ['packaging'], packaging: ['packaging'], peso: ['package size', 'net content'],
  lunghezza: ['belt length', 'length'], length: ['belt length', 'length'], decoro: ['pattern'], fantasia: ['pattern'], pattern: ['pattern'],
  diametro: ['diameter'], diameter: ['diameter'], altezza: ['height'], height: ['height'], contenuto: ['net content'], 'content volume': ['net content']
}

type Params = ReadinessProblem['params']
const problem = (code: string, field: string, message: string, params: Params = {}, severity: ReadinessProblem['severity'] = 'error'): ReadinessProblem =>
  ({ code, severity, field, message, params })

const input = (id: string, value: string, attrs?: Record<string, string>): FieldValue => ({ id, type: 'input', value: attrs ? { value, attrs } : { value } })
const round2 = (n: number) => Math.round(n * 100) / 100

/** The sale property an axis maps to: the one chosen on the parent, else found by the axis's names or its values' units. */
export function saleAttributeFor(axis: string, parent: Product, def: AttributeDef | undefined, values: string[], sale: SchemaField[]): SchemaField | null {
  const chosen = parent.variantOptions[axis]?.attribute
  if (chosen) return sale.find((f) => normalizeName(f.name) === normalizeName(chosen) || f.id === chosen) ?? null
  const names = [axis.replace(/_/g, ' '), ...(def ? Object.values(def.label) : [])].map(normalizeName).filter(Boolean)
  const wanted = new Set(names.flatMap((n) => [n, ...(AXIS_WORDS[n] ?? [])]))
  const exact = sale.find((f) => wanted.has(normalizeName(f.name)))
  if (exact) return exact
  const partial = sale.find((f) => [...wanted].some((w) => ` ${normalizeName(f.name)} `.includes(` ${w} `)))
  if (partial) return partial
  // A shop's attribute code ("size_general", "size_pants", "shoe_size"): a word of it that names an axis.
  const words = names.flatMap((n) => n.split(' ')).filter((w) => AXIS_WORDS[w])
  const byWord = sale.find((f) => words.some((w) => AXIS_WORDS[w].includes(normalizeName(f.name))))
  if (byWord) return byWord
  // Values such as "0,75 L" or "500 g": the sale property whose options are quantities of that kind.
  const q = values.map(quantityOf).find(Boolean)
  if (q) return sale.find((f) => f.options.some((o) => quantityOf(o.displayName)?.dim === q.dim)) ?? null
  return null
}

/** The mapping the user chose for a value on the parent (keys compared like axis values). */
export function chosenMapping(parent: Product, axis: string, value: string): VariantValueMapping | undefined {
  const values = parent.variantOptions[axis]?.values ?? {}
  return values[value] ?? Object.entries(values).find(([k]) => axisValueKey(k) === axisValueKey(value))?.[1]
}

/** The text a custom value is shown with in this listing's language (a family option's label, else the value). */
export function customText(value: string, def: AttributeDef | undefined, language: ListingLanguage): string {
  const o = def?.options.find((x) => axisValueKey(x.code) === axisValueKey(value) || Object.values(x.label).some((l) => axisValueKey(l) === axisValueKey(value)))
  return (o && (o.label[language] ?? o.label.en)) || value
}

interface AxisPlan {
  axis: string
  field: SchemaField
  /** Axis value key → the value item sent (option id or negative custom id). */
  items: Map<string, ValueItem & { label: string }>
}

/** The price tiers a variant sells at (its own ladder, else the parent's), starting at its MOQ. */
function tiersOf(v: Product, parent: Product): LadderTier[] {
  const ladder = v.trade.ladder?.length ? v.trade.ladder : parent.trade.ladder ?? []
  const moq = v.trade.moq ?? parent.trade.moq
  if (ladder.length === 0) return []
  if (moq === undefined) return ladder.map((t) => ({ ...t }))
  let start = 0
  for (let i = 0; i < ladder.length; i++) if (ladder[i].minQty <= moq) start = i
  const out = ladder.slice(start).map((t) => ({ ...t }))
  out[0].minQty = Math.max(out[0].minQty, moq)
  return out
}

export function buildSkuBlock(inp: SkuBlockInput): SkuBlock {
  const { parent, family, language, fields } = inp
  const problems: ReadinessProblem[] = []
  const variants = inp.variants.filter((v) => v.product.status !== 'archived')
  const saleField = findField(fields, 'saleProp')
  const skuField = findField(fields, 'sku')
  if (!saleField || !skuField || saleField.children.length === 0) {
    problems.push(problem('variants_not_supported', 'variants',
      'This Alibaba.com category has no sizes, colours or formats to choose from: its variants cannot be published as one listing. Choose a category that has them.',
      { count: variants.length }))
    return { values: [], problems, priceType: null }
  }
  if (variants.length === 0) return { values: [], problems, priceType: null }

  // Axes → sale properties.
  const plans: AxisPlan[] = []
  for (const axis of parent.variantAxes) {
    const def = family?.attributes.find((a) => a.code === axis)
    const axisValues = [...new Set(variants.map((v) => v.product.axes[axis]).filter((x): x is string => !!x))]
    const field = saleAttributeFor(axis, parent, def, axisValues, saleField.children)
    const label = def?.label[language] ?? def?.label.en ?? axis
    if (!field) {
      problems.push(problem('variant_axis_unmapped', `variantOptions.${axis}`,
        `The variant axis "${label}" matches none of the category's sale properties (${saleField.children.map((c) => c.name).join(', ')}); choose one in the Variants tab.`,
        { axis, attributes: saleField.children.map((c) => c.name).join(', ') }))
      continue
    }
    const twin = plans.find((p) => p.field.id === field.id)
    if (twin) {
      problems.push(problem('variant_axis_twice', `variantOptions.${axis}`,
        `The axes "${twin.axis}" and "${axis}" both map to "${field.name}"; map one of them to another sale property.`, { axis, other: twin.axis, attribute: field.name }))
      continue
    }
    plans.push(mapAxisValues(axis, field, def, axisValues))
  }

  function mapAxisValues(axis: string, field: SchemaField, def: AttributeDef | undefined, axisValues: string[]): AxisPlan {
    const custom = valueAttributes(field).includes('inputValue')
    const items = new Map<string, ValueItem & { label: string }>()
    let customSeq = 0
    const byOption = new Map<string, string>()
    for (const value of axisValues) {
      const chosen = chosenMapping(parent, axis, value)
      let option: SchemaOption | null = null
      let customName: string | null = null
      if (chosen && 'option' in chosen) {
        option = field.options.find((o) => o.value === chosen.option) ?? field.options.find((o) => displayNameMatches(o.displayName, [chosen.name])) ?? null
        if (!option) {
          problems.push(problem('variant_option_stale', `variantOptions.${axis}`,
            `"${value}" was linked to "${chosen.name}", which "${field.name}" no longer offers; choose again (closest: ${closestOptions(value, def, field.options).map((o) => o.displayName).join(', ')}).`,
            { axis, value, option: chosen.name, options: closestOptions(value, def, field.options).map((o) => o.displayName).join(', ') }))
          continue
        }
      } else if (chosen && 'custom' in chosen) {
        customName = chosen.custom
      } else {
        option = matchOption(value, def, field.options)
        if (!option) customName = custom ? customText(value, def, language) : null
      }
      if (!option && customName === null) {
        const closest = closestOptions(value, def, field.options).map((o) => o.displayName).join(', ')
        problems.push(problem('variant_value_unmapped', `variantOptions.${axis}`,
          `"${value}" is not one of the values Alibaba.com offers for "${field.name}" and this category allows no other values; link it to one of: ${closest}.`,
          { axis, value, attribute: field.name, options: closest }))
        continue
      }
      if (customName !== null && !custom) {
        problems.push(problem('variant_custom_not_allowed', `variantOptions.${axis}`,
          `"${field.name}" accepts only its own values; "${customName}" cannot be sent as a new one. Link "${value}" to one of: ${closestOptions(value, def, field.options).map((o) => o.displayName).join(', ')}.`,
          { axis, value, attribute: field.name, options: closestOptions(value, def, field.options).map((o) => o.displayName).join(', ') }))
        continue
      }
      if (customName !== null && [...customName].length > 70) {
        problems.push(problem('variant_custom_too_long', `variantOptions.${axis}`, `"${customName}" is longer than the 70 characters a value may have.`, { axis, value }))
        continue
      }
      const id = option ? option.value : String(--customSeq)
      const label = option ? option.displayName : customName!
      const clash = byOption.get(id)
      if (clash !== undefined && option) {
        problems.push(problem('variant_options_clash', `variantOptions.${axis}`,
          `"${clash}" and "${value}" would both be "${option.displayName}" on Alibaba.com, so two SKUs could not be told apart; link one of them to another value.`,
          { axis, value, other: clash, option: option.displayName }))
        continue
      }
      byOption.set(id, value)
      items.set(axisValueKey(value), { value: id, attrs: { inputValue: label }, label })
    }
    return { axis, field, items }
  }

  // Pictures per value, where the category takes or asks for them.
  for (const plan of plans) {
    if (!valueAttributes(plan.field).includes('fileId')) continue
    const required = valueAttributeRequired(plan.field, 'fileId')
    for (const [key, item] of plan.items) {
      const withValue = variants.filter((v) => axisValueKey(v.product.axes[plan.axis] ?? '') === key)
      const picture = withValue.find((v) => v.images.length > 0)?.images[0]
      if (picture) item.attrs = { ...item.attrs, fileId: picture.fileId, imageUrl: picture.url }
      else if (required) {
        const first = withValue[0]?.product
        problems.push(problem('variant_image_missing', 'images',
          `Alibaba.com shows a picture for each ${plan.field.name.toLowerCase()}: add a photo to the variant ${first?.sku ?? ''} (${item.label}).`,
          { axis: plan.axis, value: item.label, sku: first?.sku ?? '', variantId: first?.id ?? null }))
      }
    }
    const max = numberRule(plan.field, 'maxInputNumRule')
    if (max !== null && plan.items.size > max) {
      problems.push(problem('variant_values_too_many', `variantOptions.${plan.axis}`, `"${plan.field.name}" takes at most ${max} values; this product has ${plan.items.size}.`,
        { axis: plan.axis, max, count: plan.items.size }))
    }
  }

  // Prices in USD, per variant.
  const usd = (v: Product, tiers: LadderTier[]): LadderTier[] | null => {
    const currency = v.trade.currency ?? parent.trade.currency ?? 'USD'
    if (currency === 'USD') return tiers
    if (currency === 'EUR' && inp.eurToUsd) return tiers.map((t) => ({ minQty: t.minQty, price: round2(t.price * inp.eurToUsd!) }))
    return null
  }
  const priceChild = findField(skuField.children, 'skuLadderPrice')
  const range = priceChild ? findField(priceChild.children, 'price') : undefined
  const [lo, hi] = [range ? numberRule(range, 'minValueRule') : null, range ? numberRule(range, 'maxValueRule') : null]
  const rows: Array<{ v: Product; tiers: LadderTier[]; item: FieldValue[] }> = []
  let currencyReported = false
  for (const { product: v } of variants) {
    const items: FieldValue[] = []
    let complete = true
    for (const plan of plans) {
      const value = v.axes[plan.axis]
      const item = value ? plan.items.get(axisValueKey(value)) : undefined
      if (!value) {
        complete = false
        problems.push(problem('variant_value_missing', 'variants', `The variant ${v.sku} has no ${plan.axis}; give it one or archive it.`, { sku: v.sku, axis: plan.axis, variantId: v.id }))
      } else if (!item) complete = false
      else items.push({ id: plan.field.id, type: 'singleCheck', value: { value: item.value, attrs: { inputValue: item.label } } })
    }
    const tiers = tiersOf(v, parent)
    if (tiers.length === 0) {
      complete = false
      problems.push(problem('variant_price_missing', 'trade.ladder', `The variant ${v.sku} has no price: give it a price, or give the main product a price list for all its variants.`, { sku: v.sku, variantId: v.id }))
    }
    const inUsd = tiers.length ? usd(v, tiers) : []
    if (inUsd === null) {
      complete = false
      if (!currencyReported) {
        currencyReported = true
        problems.push(problem('currency_rate_missing', 'trade.currency', 'Prices are in euro; Alibaba.com shows US dollars. Enter a EUR → USD rate in Publish settings or give the prices in USD.', { currency: v.trade.currency ?? parent.trade.currency ?? '' }))
      }
    } else {
      const out = inUsd.find((t) => (lo !== null && t.price < lo) || (hi !== null && t.price > hi))
      if (out) {
        complete = false
        problems.push(problem('variant_price_range', 'trade.ladder', `The variant ${v.sku} costs ${out.price.toFixed(2)} USD; this category takes prices from ${lo} to ${hi} USD per unit.`,
          { sku: v.sku, price: out.price, min: lo, max: hi, variantId: v.id }))
      }
    }
    if (complete) rows.push({ v, tiers: inUsd ?? [], item: items })
  }
  const max = numberRule(skuField, 'maxInputNumRule')
  if (max !== null && variants.length > max) {
    problems.push(problem('variants_too_many', 'variants', `This category takes at most ${max} variants in one listing; this product has ${variants.length}. Archive the ones not to publish.`, { max, count: variants.length }))
  }
  if (plans.length === 0 || problems.some((p) => p.severity === 'error')) return { values: [], problems, priceType: null }

  // Price by quantity when every SKU has the same tiers, else by SKU.
  const same = rows.every((r) => JSON.stringify(r.tiers) === JSON.stringify(rows[0].tiers))
  const mode = findField(fields, 'scPrice')
  const bySkuOption = mode?.options.find((o) => /sku/i.test(o.displayName))
  const ladderOption = mode?.options.find((o) => /quantity|数量/i.test(o.displayName))
  if (!same && (!bySkuOption || !priceChild)) {
    problems.push(problem('variant_prices_differ', 'trade.ladder', 'The variants have different prices, but this category sets one price list for all of them; give them the same prices or choose another category.'))
    return { values: [], problems, priceType: null }
  }
  const tierItems = (tiers: LadderTier[]) => tiers.map((t) => [input('quantity', String(t.minQty)), input('price', t.price.toFixed(2))])
  const values: FieldValue[] = [{
    id: saleField.id, type: 'complex',
    fields: plans.map((p) => ({ id: p.field.id, type: 'multiCheck' as const, values: [...p.items.values()].map(({ value, attrs }) => ({ value, attrs })) }))
  }]
  const skuItems = rows.map((r) => [
    ...r.item,
    input('skuCode', r.v.sku),
    ...(r.v.trade.stock !== undefined ? [input('inventory', String(r.v.trade.stock))] : []),
    ...(same ? [] : [{ id: priceChild!.id, type: 'multiComplex' as const, items: tierItems(r.tiers) }])
  ])
  values.push({ id: skuField.id, type: 'multiComplex', items: skuItems })
  const option = same ? ladderOption : bySkuOption
  if (mode && option) values.push({ id: mode.id, type: 'singleCheck', value: { value: option.value } })
  if (same && findField(fields, 'ladderPrice')) values.push({ id: 'ladderPrice', type: 'multiComplex', items: tierItems(rows[0].tiers) })
  const moq = parent.trade.moq ?? Math.min(...rows.map((r) => r.tiers[0].minQty))
  if (findField(fields, 'minOrderQuantity')) values.push(input('minOrderQuantity', String(moq)))
  return { values, problems, priceType: same ? 'ladder_price' : 'sku_price' }
}

/** Puts the SKU block into a listing's values, in the order of the category's fields. */
export function withSkuBlock(values: FieldValue[], block: SkuBlock, fields: SchemaField[]): FieldValue[] {
  const decided = new Set(block.values.map((v) => v.id))
  const kept = values.filter((v) => !(SKU_BLOCK_FIELDS.includes(v.id) && (decided.has(v.id) || v.id === 'ladderPrice')))
  const order = new Map(fields.map((f, i) => [f.id, i]))
  return [...kept, ...block.values].sort((a, b) => (order.get(a.id) ?? 999) - (order.get(b.id) ?? 999))
}
