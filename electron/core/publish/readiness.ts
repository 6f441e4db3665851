// The readiness gate: before anything is queued, each product × language is checked against the
// listing rules and the cached category rules. Problems are in plain words and point at the
// field to fix. The content hash of a ready listing tells whether it changed since last published.
import { createHash } from 'node:crypto'
import type { Family } from '../../../shared/domain/catalog-structure.ts'
import { stableStringify } from '../../../shared/domain/json.ts'
import type { ListingLanguage, ReadinessProblem } from '../../../shared/domain/publish.ts'
import type { Product } from '../../../shared/domain/product.ts'
import type { ListingImage } from '../platform/product-media.ts'
import { MAX_MAIN_IMAGES, mapListing, problem, type ImageRef, type MapResult } from './mapping.ts'
import { checkAgainstSchema } from './schema-check.ts'
import { findField, rule, type SchemaField } from './schema-xml.ts'
import { SKU_BLOCK_FIELDS } from './sku-block.ts'

/** Category rules that have their own sentence (publish:schemaRule.<rule>); others read as "other". */
const SCHEMA_RULES = ['requiredRule', 'maxLengthRule', 'minLengthRule', 'maxValueRule', 'minValueRule', 'maxInputNumRule', 'regexRule', 'valueAttributeRule', 'valueTypeRule']

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024
/** The pavilion's smallest main image side (pavilion-api.md §3). */
const MIN_IMAGE_SIDE = 640
/** Used when the category rules are not cached yet (pavilion-api.md §3). */
const DEFAULT_TITLE_MAX = 128
const DEFAULT_EN_TITLE = /^[A-Za-z0-9 ,.&/()'%+-]*$/
const KEYWORD_FORBIDDEN = /[;:,，]/
const PRICE_MIN = 0.01
const PRICE_MAX = 9_999_999

export interface ReadinessInput {
  product: Product
  family: Family | undefined
  language: ListingLanguage
  /** The pavilion leaf category the product's category maps to (null: not mapped). */
  pavilionCategoryId: string | null
  /** Cached category rules (null: not downloaded yet). */
  schema: SchemaField[] | null
  images: ListingImage[]
  eurToUsd: number | null
  /** On a parent: its variants with their own photos (published as the listing's SKUs). */
  variants?: Array<{ product: Product; images: ListingImage[] }>
}

export interface Readiness {
  problems: ReadinessProblem[]
  /** Nothing blocks the listing (warnings and pending checks allowed). */
  ready: boolean
  /** Hash of what would be sent (null until the category rules are known and nothing blocks). */
  contentHash: string | null
  mapped: MapResult | null
}

/** Stand-ins for photobank images, so content hashes do not depend on where images were uploaded. */
export function placeholderImages(images: ListingImage[]): ImageRef[] {
  return images.slice(0, MAX_MAIN_IMAGES).map((i) => ({ url: `vetrina-image:${i.sha256}`, fileId: `sha256:${i.sha256}` }))
}

function baseProblems(input: ReadinessInput): ReadinessProblem[] {
  const { product, language, schema, images } = input
  const out: ReadinessProblem[] = []
  const texts = product.texts[language] ?? {}
  const tf = `texts.${language}`
  if (product.parentId) out.push(problem('not_top_level', 'parentId', 'Variants are published together with their main product, not on their own.'))
  if (!product.categoryId) out.push(problem('no_category', 'categoryId', 'Choose a category for this product.'))
  else if (!input.pavilionCategoryId) out.push(problem('category_not_mapped', 'categoryId', 'Its category is not linked to an Alibaba.com category yet.'))

  const title = (texts.title ?? '').trim()
  const titleField = schema ? findField(schema, 'productTitle') : undefined
  const titleMax = titleField ? Number(rule(titleField, 'maxLengthRule')?.value ?? DEFAULT_TITLE_MAX) : DEFAULT_TITLE_MAX
  if (!title) out.push(problem('title_missing', `${tf}.title`, `The ${language === 'en' ? 'English' : 'Chinese'} title is missing.`, { language }))
  else {
    if ([...title].length > titleMax) out.push(problem('title_too_long', `${tf}.title`, `The title has ${[...title].length} characters; at most ${titleMax} are allowed.`, { length: [...title].length, max: titleMax }))
    if (language === 'en') {
      const pattern = titleField ? rule(titleField, 'regexRule')?.value : undefined
      let re = DEFAULT_EN_TITLE
      try {
        if (pattern) re = new RegExp(pattern, 'u')
      } catch { /* keep the default */ }
      if (!re.test(title)) {
        const bad = [...new Set([...title].filter((ch) => !re.test(ch)))].slice(0, 8).join(' ')
        out.push(problem('title_characters', `${tf}.title`, `The English title may use only plain letters, digits and - / , & . ( ) ' % +; remove: ${bad}`, { characters: bad }))
      }
    }
  }
  const keywords = (texts.keywords ?? []).map((k) => k.trim()).filter(Boolean)
  if (keywords.length === 0) out.push(problem('keywords_missing', `${tf}.keywords`, 'Add at least one keyword buyers would search for.'))
  const badKeyword = keywords.find((k) => KEYWORD_FORBIDDEN.test(k))
  if (badKeyword) out.push(problem('keyword_characters', `${tf}.keywords`, `Keywords cannot contain , ; or : ("${badKeyword}").`, { keyword: badKeyword }))

  if (images.length === 0) out.push(problem('images_missing', 'images', 'Add at least one product photo.'))
  if (images.length > MAX_MAIN_IMAGES) out.push(problem('images_too_many', 'images', `Only the first ${MAX_MAIN_IMAGES} photos are published (${images.length} are set).`, { count: images.length }, 'warning'))
  images.slice(0, MAX_MAIN_IMAGES).forEach((img, i) => {
    if (img.bytes > MAX_IMAGE_BYTES) out.push(problem('image_too_large', 'images', `Photo ${i + 1} is ${(img.bytes / 1024 / 1024).toFixed(1)} MB; the pavilion accepts at most 5 MB.`, { index: i + 1, megabytes: Math.round((img.bytes / 1024 / 1024) * 10) / 10 }))
    // What the photos area says makes an image unusable on the pavilion blocks the listing.
    if (img.blocking?.includes('too_small')) {
      const name = img.name ?? ''
      out.push(problem('image_too_small', 'images', `Photo ${i + 1}${name ? ` (${name})` : ''} gives a main image of only ${img.width}×${img.height} px; the pavilion needs at least ${MIN_IMAGE_SIDE} px. Replace it with a larger photo.`, { index: i + 1, name, width: img.width, height: img.height, min: MIN_IMAGE_SIDE }))
    }
    // The warning's own numbers travel with it, so the UI can say it in a sentence ("the photo is 700×500 px …").
    for (const w of img.warnings) out.push(problem('image_quality', 'images', `Photo ${i + 1}: ${w.replace(/_/g, ' ')}.`, { ...img.warningParams?.[w], index: i + 1, warning: w }, 'warning'))
  })

  const trade = product.trade
  const ladder = trade.ladder ?? []
  // With variants, prices and the MOQ are checked per SKU (sku-block.ts).
  if (input.variants?.length) return withDescription(out, input)
  if (ladder.length === 0) out.push(problem('ladder_missing', 'trade.ladder', 'Add at least one price tier (quantity and price).'))
  if (ladder.length > 4) out.push(problem('ladder_too_many', 'trade.ladder', 'The pavilion accepts at most 4 price tiers.'))
  for (let i = 1; i < ladder.length; i++) {
    if (ladder[i].minQty <= ladder[i - 1].minQty) {
      out.push(problem('ladder_order', 'trade.ladder', 'Price tier quantities must go up from one tier to the next.'))
      break
    }
  }
  if (ladder.some((t) => t.price < PRICE_MIN || t.price > PRICE_MAX)) out.push(problem('price_range', 'trade.ladder', 'Prices must be between 0.01 and 9,999,999.'))
  if (trade.moq === undefined) out.push(problem('moq_missing', 'trade.moq', 'Set the minimum order quantity (MOQ).'))
  return withDescription(out, input)
}

function withDescription(out: ReadinessProblem[], input: ReadinessInput): ReadinessProblem[] {
  const { product, language } = input
  const texts = product.texts[language] ?? {}
  if (!product.trade.leadTimes?.length) out.push(problem('lead_time_missing', 'trade.leadTimes', 'Set the lead time (days to ship).'))
  if (!(texts.description ?? '').trim() && !(texts.shortDescription ?? '').trim()) {
    out.push(problem('description_missing', `texts.${language}.description`, `The ${language === 'en' ? 'English' : 'Chinese'} description is missing.`, { language }))
  }
  return out
}

/** Schema fields left empty because of a problem already reported (no second message for them). */
const EXPLAINS: Record<string, string[]> = {
  currency_rate_missing: ['ladderPrice'], ladder_missing: ['ladderPrice'], unit_missing: ['priceUnit'], unit_unknown: ['priceUnit'],
  moq_missing: ['minOrderQuantity'], lead_time_missing: ['ladderPeriod'], description_missing: ['superText'], images_missing: ['scImages'],
  title_missing: ['productTitle'], keywords_missing: ['productKeywords'], rules_unusable: ['scPrice']
}

/** Schema rule failures that the base checks did not already explain. */
function schemaProblems(mapped: MapResult, schema: SchemaField[], already: ReadinessProblem[]): ReadinessProblem[] {
  const blockedFields = new Set(already.filter((p) => p.severity === 'error').map((p) => p.field))
  const explained = new Set(already.filter((p) => p.severity === 'error').flatMap((p) => EXPLAINS[p.code] ?? (/^variants?_/.test(p.code) ? SKU_BLOCK_FIELDS : [])))
  const out: ReadinessProblem[] = []
  for (const issue of checkAgainstSchema(schema, mapped.values)) {
    const top = issue.path.split('/')[0]
    if (explained.has(top)) continue
    const field = mapped.sources[issue.path.split('/').slice(0, 2).join('/')] ?? mapped.sources[top] ?? 'product'
    if (blockedFields.has(field)) continue
    // A required field with no value already has a specific problem from the mapping.
    if (issue.rule === 'requiredRule' && already.some((p) => p.field === field || (top === 'icbuCatProp' && p.code === 'attribute_required'))) continue
    if (issue.rule === 'minValueRule' && top === 'minOrderQuantity') out.push(problem('moq_below_minimum', field, `${issue.message}.`, { limit: issue.limit ?? '' }))
    else out.push(problem('schema_rule', field, `${issue.message}.`, { rule: SCHEMA_RULES.includes(issue.rule) ? issue.rule : 'other', limit: issue.limit ?? '' }))
    blockedFields.add(field)
  }
  return out
}

export function checkReadiness(input: ReadinessInput): Readiness {
  const problems = baseProblems(input)
  let mapped: MapResult | null = null
  if (input.pavilionCategoryId && !input.schema) {
    problems.push(problem('rules_not_downloaded', 'categoryId', 'The rules of its Alibaba.com category are not downloaded yet; they are fetched when Vetrina is online.', {}, 'pending'))
  }
  if (input.schema) {
    mapped = mapListing({
      ...input, fields: input.schema, images: placeholderImages(input.images),
      variants: input.variants?.map((v) => ({ product: v.product, images: placeholderImages(v.images) }))
    })
    const mappingProblems = mapped.problems.filter((p) => !problems.some((q) => q.code === p.code && q.field === p.field))
    problems.push(...mappingProblems)
    problems.push(...schemaProblems(mapped, input.schema, problems))
  }
  const ready = !problems.some((p) => p.severity === 'error')
  const contentHash = ready && mapped
    ? createHash('sha256').update(stableStringify({ cat: input.pavilionCategoryId, language: input.language, values: mapped.values })).digest('hex')
    : null
  return { problems, ready, contentHash, mapped }
}
