// Maps a Vetrina product onto a category's `<itemSchema>` fields: title, keywords, up to 6 main
// images, category attributes, unit, ladder prices, MOQ, lead times and description. Option codes
// are resolved by display name from the schema; whatever cannot be mapped becomes a readiness
// problem that points at the product field to fix.
import type { AttributeDef, Family } from '../../../shared/domain/catalog-structure.ts'
import type { ListingLanguage, ReadinessProblem } from '../../../shared/domain/publish.ts'
import type { AttributeValue, Product } from '../../../shared/domain/product.ts'
import { ATTRIBUTE_SYNONYMS, UNIT_NAMES, displayNameMatches, normalizeName } from './names.ts'
import { findField, numberRule, valueAttributes, type FieldValue, type SchemaField, type ValueItem } from './schema-xml.ts'
import { buildSkuBlock, withSkuBlock, type VariantInput } from './sku-block.ts'

export const MAX_MAIN_IMAGES = 6

export interface ImageRef {
  url: string
  fileId: string
}

export interface MapInput {
  product: Product
  family: Family | undefined
  language: ListingLanguage
  fields: SchemaField[]
  /** Main images in display order (only the first 6 are used). */
  images: ImageRef[]
  eurToUsd: number | null
  /** On a parent: its variants, published as the listing's SKUs. */
  variants?: VariantInput[]
}

export interface MapResult {
  values: FieldValue[]
  problems: ReadinessProblem[]
  /** Schema field id → the product field it comes from (so schema problems point at the editor). */
  sources: Record<string, string>
  title: string
}

type Params = ReadinessProblem['params']

export function problem(code: string, field: string, message: string, params: Params = {}, severity: ReadinessProblem['severity'] = 'error'): ReadinessProblem {
  return { code, severity, field, message, params }
}

const textValue = (id: string, value: string, attrs?: Record<string, string>): FieldValue => ({ id, type: 'input', value: attrs ? { value, attrs } : { value } })
const single = (id: string, item: ValueItem): FieldValue => ({ id, type: 'singleCheck', value: item })

const regionNames = new Map<ListingLanguage, Intl.DisplayNames>()

function countryName(code: string, language: ListingLanguage): string {
  try {
    let names = regionNames.get(language)
    if (!names) regionNames.set(language, (names = new Intl.DisplayNames([language === 'en' ? 'en' : 'zh-Hans'], { type: 'region' })))
    return names.of(code) ?? code
  } catch {
    return code
  }
}

/** The words a value can be known by: localized option labels, Yes/No, numbers with units. */
function valueCandidates(def: AttributeDef | undefined, value: AttributeValue, locale: string): string[][] {
  const label = (code: string) => {
    const o = def?.options.find((x) => x.code === code)
    return o ? [o.label[locale], o.label.en, o.label.it, code].filter((x): x is string => !!x) : [code]
  }
  if (typeof value === 'boolean') return [value ? ['Yes', '是'] : ['No', '否']]
  if (typeof value === 'number') return [[String(value)]]
  if (typeof value === 'string') return [def?.type === 'select' ? label(value) : [value]]
  if (Array.isArray(value)) return value.map((v) => (def?.type === 'multiselect' ? label(v) : [v]))
  if ('unit' in value && 'value' in value && typeof value.value === 'number') return [[`${value.value} ${String(value.unit)}`]]
  const text = value as Record<string, string>
  const t = text[locale] ?? text.en ?? text.it ?? Object.values(text)[0]
  return t ? [[t]] : []
}

/** Text for an input field; drops the unit when the field's name already states it ("Acidity (%)"). */
function inputText(field: SchemaField, def: AttributeDef | undefined, value: AttributeValue, locale: string): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'unit' in value && typeof value.value === 'number') {
    const stated = /\(([^)]+)\)/.exec(field.name)?.[1]?.trim()
    if (stated && String(value.unit).startsWith(stated)) return String(value.value)
  }
  return valueCandidates(def, value, locale).map((c) => c[0]).join(', ')
}

function findOption(field: SchemaField, candidates: string[]): string | null {
  return field.options.find((o) => displayNameMatches(o.displayName, candidates))?.value ?? null
}

interface AttrSource {
  path: string
  def: AttributeDef | undefined
  value: AttributeValue
}

function matchAttribute(field: SchemaField, product: Product, family: Family | undefined, used: Set<string>, language: ListingLanguage): AttrSource | null {
  const name = normalizeName(field.name)
  if (name === 'place of origin' || name === 'origin' || field.name === '原产地') {
    return product.origin.country ? { path: 'origin.country', def: undefined, value: countryName(product.origin.country, language) } : null
  }
  const names = new Set([name, ...(ATTRIBUTE_SYNONYMS[name] ?? [])])
  const def = family?.attributes.find(
    (a) => !used.has(a.code) && [a.label.en, a.label['zh-CN'], a.code.replace(/_/g, ' ')].some((n) => !!n && (names.has(normalizeName(n)) || n === field.name))
  )
  const isModel = name === 'model number' || field.name === '型号'
  if (def) {
    used.add(def.code)
    const value = product.attributes[def.code]
    if (value !== undefined) return { path: `attributes.${def.code}`, def, value }
    // Without a model number of its own, the firm's item code serves as one.
    return isModel ? { path: 'sku', def: undefined, value: product.sku } : { path: `attributes.${def.code}`, def, value: '' }
  }
  if (isModel) return { path: 'sku', def: undefined, value: product.sku }
  return null
}

function isBlank(v: AttributeValue): boolean {
  return v === '' || (Array.isArray(v) && v.length === 0)
}

function mapAttributes(input: MapInput, field: SchemaField, problems: ReadinessProblem[], sources: Record<string, string>, used: Set<string>): FieldValue | null {
  const { product, family, language } = input
  const locale = language
  const out: FieldValue[] = []
  for (const child of field.children) {
    const src = matchAttribute(child, product, family, used, language)
    const required = child.rules.some((r) => r.name === 'requiredRule' && r.value === 'true')
    if (src) sources[`${field.id}/${child.id}`] = src.path
    if (!src || isBlank(src.value)) {
      if (required) {
        problems.push(problem('attribute_required', src?.path ?? 'attributes', `The pavilion requires "${child.name}" for this category.`, { attribute: child.name }))
      }
      continue
    }
    const custom = valueAttributes(child).includes('inputValue')
    if (child.type === 'input' || child.type === 'multiInput') {
      out.push(textValue(child.id, inputText(child, src.def, src.value, locale)))
      continue
    }
    const picked: ValueItem[] = []
    let customSeq = 0
    for (const candidates of valueCandidates(src.def, src.value, locale)) {
      const code = findOption(child, candidates)
      if (code !== null) picked.push({ value: code })
      else if (custom) picked.push({ value: String(--customSeq), attrs: { inputValue: candidates[0] } })
      else {
        problems.push(problem('attribute_option', src.path, `"${candidates[0]}" is not a value the pavilion offers for "${child.name}" (choose one of: ${child.options.slice(0, 8).map((o) => o.displayName).join(', ')}).`, {
          attribute: child.name, value: candidates[0]
        }))
      }
    }
    if (picked.length === 0) continue
    out.push(child.type === 'singleCheck' ? single(child.id, picked[0]) : { id: child.id, type: 'multiCheck', values: picked })
  }
  return out.length ? { id: field.id, type: 'complex', fields: out } : null
}

function customProperties(input: MapInput, field: SchemaField, used: Set<string>, problems: ReadinessProblem[]): FieldValue | null {
  const { product, family, language } = input
  const zh = language === 'zh-CN'
  const items: Array<[string, string]> = []
  for (const def of family?.attributes ?? []) {
    if (used.has(def.code)) continue
    const value = product.attributes[def.code]
    if (value === undefined || isBlank(value)) continue
    const text = valueCandidates(def, value, language).map((c) => c[0]).join(', ')
    const name = def.label[language] ?? def.label.en ?? def.code
    if (text && [...text].length <= 70 && [...name].length <= 70) items.push([name, text])
  }
  if (product.origin.region) items.push([zh ? '产区' : 'Region', product.origin.region])
  if (product.origin.certifications?.length) {
    const text = product.origin.certifications.join(', ')
    if ([...text].length <= 70) items.push([zh ? '认证' : 'Certifications', text])
  }
  if (product.logistics.packaging && [...product.logistics.packaging].length <= 70) items.push([zh ? '包装' : 'Packaging', product.logistics.packaging])
  if (items.length === 0) return null
  const max = numberRule(field, 'maxInputNumRule') ?? 10
  if (items.length > max) {
    problems.push(problem('custom_attributes_limit', 'attributes', `Only ${max} extra attributes can be shown on the pavilion; ${items.length - max} will be left out.`, { max, count: items.length }, 'warning'))
  }
  return {
    id: field.id,
    type: 'multiComplex',
    items: items.slice(0, max).map(([name, value]) => [textValue('propName', name), textValue('valueName', value)])
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100

/** USD prices of the ladder, or a problem when the currency cannot be converted. */
function usdPrices(input: MapInput, problems: ReadinessProblem[]): number[] | null {
  const { trade } = input.product
  const ladder = trade.ladder ?? []
  const currency = trade.currency ?? 'USD'
  if (currency === 'USD') return ladder.map((t) => t.price)
  if (currency === 'EUR' && input.eurToUsd) return ladder.map((t) => round2(t.price * input.eurToUsd!))
  problems.push(problem('currency_rate_missing', 'trade.currency',
    currency === 'EUR'
      ? 'Prices are in euro; Alibaba.com shows US dollars. Enter a EUR → USD rate in Publish settings or give the prices in USD.'
      : `Prices in ${currency} cannot be published; Alibaba.com shows US dollars.`, { currency }))
  return null
}

/** The value document for one listing, with the problems met on the way. */
export function mapListing(input: MapInput): MapResult {
  const { product, language, fields } = input
  const locale = language
  const texts = product.texts[locale] ?? {}
  const problems: ReadinessProblem[] = []
  const sources: Record<string, string> = {}
  const values: FieldValue[] = []
  const used = new Set<string>()
  const has = (id: string) => findField(fields, id)
  const title = (texts.title ?? '').trim()

  if (has('productTitle')) {
    sources.productTitle = `texts.${locale}.title`
    if (title) values.push(textValue('productTitle', title))
  }
  const keywords = (texts.keywords ?? []).map((k) => k.trim()).filter(Boolean)
  const kw = has('productKeywords')
  if (kw) {
    sources.productKeywords = `texts.${locale}.keywords`
    const child = kw.children[0]
    if (keywords.length && child) values.push({ id: kw.id, type: 'complex', fields: [textValue(child.id, keywords.join('\n'))] })
  }
  const img = has('scImages')
  if (img) {
    sources.scImages = 'images'
    const withFileId = valueAttributes(img).includes('fileId') || img.children.some((c) => valueAttributes(c).includes('fileId'))
    const used6 = input.images.slice(0, Math.min(MAX_MAIN_IMAGES, img.children.length || MAX_MAIN_IMAGES))
    if (used6.length) {
      values.push({
        id: img.id, type: 'complex',
        fields: used6.map((im, i) => textValue(img.children[i]?.id ?? `${img.id}_${i}`, im.url, withFileId ? { fileId: im.fileId } : undefined))
      })
    }
  }
  const props = has('icbuCatProp')
  if (props) {
    const v = mapAttributes(input, props, problems, sources, used)
    if (v) values.push(v)
  }
  const custom = has('customMoreProperty')
  if (custom) {
    const v = customProperties(input, custom, used, problems)
    if (v) values.push(v)
  }
  const unitField = has('priceUnit')
  if (unitField) {
    sources.priceUnit = 'trade.sellingUnit'
    const unit = product.trade.sellingUnit
    if (!unit) problems.push(problem('unit_missing', 'trade.sellingUnit', 'Choose the selling unit (bottle, piece, carton…).'))
    else {
      const code = findOption(unitField, UNIT_NAMES[unit])
      if (code === null) {
        problems.push(problem('unit_unknown', 'trade.sellingUnit', `The pavilion does not sell this category by "${unit}" (units offered: ${unitField.options.map((o) => o.displayName).join(', ')}).`, { unit }))
      } else values.push(single(unitField.id, { value: code }))
    }
  }
  const saleType = has('saleType')
  if (saleType?.options.length) values.push(single(saleType.id, { value: (saleType.options.find((o) => o.value === 'normal') ?? saleType.options[0]).value }))
  const priceMode = has('scPrice')
  if (priceMode) {
    const ladderOption = priceMode.options.find((o) => /quantity|数量/i.test(o.displayName))
    if (ladderOption) values.push(single(priceMode.id, { value: ladderOption.value }))
    else problems.push(problem('rules_unusable', 'trade.ladder', 'This category offers no price by quantity; Vetrina cannot publish it yet.'))
  }
  const ladderField = has('ladderPrice')
  if (ladderField) {
    sources.ladderPrice = 'trade.ladder'
    const ladder = product.trade.ladder ?? []
    const prices = ladder.length ? usdPrices(input, problems) : null
    if (prices) {
      values.push({
        id: ladderField.id, type: 'multiComplex',
        items: ladder.map((t, i) => [textValue('quantity', String(t.minQty)), textValue('price', prices[i].toFixed(2))])
      })
    }
  }
  const moqField = has('minOrderQuantity')
  if (moqField) {
    sources.minOrderQuantity = 'trade.moq'
    if (product.trade.moq !== undefined) values.push(textValue(moqField.id, String(product.trade.moq)))
  }
  const periodField = has('ladderPeriod')
  if (periodField) {
    sources.ladderPeriod = 'trade.leadTimes'
    const bands = product.trade.leadTimes ?? []
    if (bands.length) {
      let prev = 0
      const items = bands.map((b) => {
        const qty = b.maxQty ?? Math.max(prev + 1, product.trade.moq ?? 1)
        prev = qty
        return [textValue('quantity', String(qty)), textValue('day', String(b.days))]
      })
      values.push({ id: periodField.id, type: 'multiComplex', items })
    }
  }
  const descType = has('productDescType')
  if (descType) {
    const normal = descType.options.find((o) => /normal|普通/i.test(o.displayName)) ?? descType.options[0]
    if (normal) values.push(single(descType.id, { value: normal.value }))
  }
  const desc = has('superText')
  if (desc) {
    sources.superText = `texts.${locale}.description`
    const body = (texts.description ?? '').trim() || (texts.shortDescription ? `<p>${escapeHtml(texts.shortDescription)}</p>` : '')
    if (body) {
      const gallery = input.images.slice(0, MAX_MAIN_IMAGES).map((im) => `<p><img src="${escapeHtml(im.url)}"/></p>`).join('')
      values.push(textValue(desc.id, `${body}${gallery}`))
    }
  }
  if (input.variants?.length) {
    const block = buildSkuBlock({ parent: product, variants: input.variants, family: input.family, language, fields, eurToUsd: input.eurToUsd })
    for (const p of block.problems) if (!problems.some((q) => q.code === p.code && q.field === p.field && q.message === p.message)) problems.push(p)
    sources.saleProp = 'variants'
    sources.sku = 'variants'
    return { values: block.values.length ? withSkuBlock(values, block, fields) : values, problems, sources, title }
  }
  return { values, problems, sources, title }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
