// The B2B product model the pavilion needs: identity, localized copy, typed attributes, variants,
// trade terms (MOQ, ladder prices, FOB port, lead times), logistics and origin.
// These schemas validate every write, whatever the transport.
import { z } from 'zod'
import { LocaleCode } from './locales.ts'
import { Currency, LengthUnit, SellingUnit, SupplyPeriod, WeightUnit } from './units.ts'

export const SKU_MAX = 64
/** Item codes as firms use them: letters, digits and - _ . / (no spaces, no control characters). */
export const Sku = z
  .string()
  .trim()
  .min(1, 'SKU is required')
  .max(SKU_MAX, `SKU must be at most ${SKU_MAX} characters`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, 'SKU may contain only letters, digits and . _ - /')

export const PRODUCT_STATUSES = ['draft', 'ready', 'archived'] as const
export const ProductStatus = z.enum(PRODUCT_STATUSES)
export type ProductStatus = z.infer<typeof ProductStatus>

export const TEXT_FIELDS = ['title', 'shortDescription', 'description', 'keywords'] as const
export type TextField = (typeof TEXT_FIELDS)[number]

export const TEXT_LIMITS = { title: 300, shortDescription: 2000, description: 60000, keyword: 128, keywords: 20 } as const

/** Copy of a product in one locale. `description` is rich text (sanitized HTML). */
export const LocalizedText = z.object({
  title: z.string().max(TEXT_LIMITS.title).optional(),
  shortDescription: z.string().max(TEXT_LIMITS.shortDescription).optional(),
  description: z.string().max(TEXT_LIMITS.description).optional(),
  keywords: z.array(z.string().trim().min(1).max(TEXT_LIMITS.keyword)).max(TEXT_LIMITS.keywords).optional()
})
export type LocalizedText = z.infer<typeof LocalizedText>

const positiveQty = z.number().int('must be a whole number').min(1, 'must be at least 1').max(99_999_999)
const price = z
  .number()
  .min(0.01, 'price must be at least 0.01')
  .max(9_999_999, 'price must be at most 9,999,999')
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: 'price may have at most 2 decimals', params: { rule: 'price_decimals' } })

export const LadderTier = z.object({ minQty: positiveQty, price })
export type LadderTier = z.infer<typeof LadderTier>

export const LeadTime = z.object({
  /** Up to this quantity (inclusive); null means "more than the previous band". */
  maxQty: positiveQty.nullable(),
  days: z.number().int().min(1, 'lead time must be at least 1 day').max(365, 'lead time must be at most 365 days')
})

const TradeBase = z.object({
    currency: Currency.optional(),
    sellingUnit: SellingUnit.optional(),
    moq: positiveQty.optional(),
    ladder: z.array(LadderTier).max(4, 'at most 4 price tiers').optional(),
    fobPort: z.string().trim().max(80).optional(),
    /** Units in stock (on a variant: that SKU's stock, sent as the pavilion SKU inventory). */
    stock: z.number().int('must be a whole number').min(0, 'stock cannot be negative').max(99_999_999).optional(),
    leadTimes: z.array(LeadTime).max(3, 'at most 3 lead-time bands').optional(),
    supplyAbility: z
      .object({ quantity: positiveQty, unit: SellingUnit, period: SupplyPeriod })
      .optional()
})
export const Trade = TradeBase.superRefine((t, ctx) => {
    const ladder = t.ladder ?? []
    for (let i = 1; i < ladder.length; i++) {
      if (ladder[i].minQty <= ladder[i - 1].minQty) {
        ctx.addIssue({ code: 'custom', path: ['ladder', i, 'minQty'], message: 'tier quantities must ascend', params: { rule: 'ladder_ascending' } })
      }
    }
    if (t.moq !== undefined && ladder.length > 0 && ladder[0].minQty < t.moq) {
      ctx.addIssue({ code: 'custom', path: ['ladder', 0, 'minQty'], message: 'the first tier cannot start below the MOQ', params: { rule: 'ladder_below_moq' } })
    }
    const bands = t.leadTimes ?? []
    for (let i = 1; i < bands.length; i++) {
      const prev = bands[i - 1].maxQty
      const cur = bands[i].maxQty
      if (prev === null || (cur !== null && cur <= prev)) {
        ctx.addIssue({ code: 'custom', path: ['leadTimes', i, 'maxQty'], message: 'lead-time bands must ascend', params: { rule: 'lead_times_ascending' } })
      }
    }
})
export type Trade = z.infer<typeof Trade>

const measure = (unit: z.ZodType<string>) =>
  z.object({ value: z.number().positive('must be greater than 0').max(1_000_000), unit })

export const Logistics = z.object({
  netWeight: measure(WeightUnit).optional(),
  grossWeight: measure(WeightUnit).optional(),
  dimensions: z
    .object({
      length: z.number().positive().max(100_000),
      width: z.number().positive().max(100_000),
      height: z.number().positive().max(100_000),
      unit: LengthUnit
    })
    .optional(),
  /** Packaging as written by the firm, e.g. "Cartone da 6 bottiglie". */
  packaging: z.string().trim().max(300).optional(),
  unitsPerCarton: positiveQty.optional(),
  hsCode: z
    .string()
    .trim()
    .regex(/^\d{4}(\.?\d{2}){0,3}$/, 'HS code must be 4 to 10 digits, e.g. 2204 or 2204.21')
    .optional()
})
export type Logistics = z.infer<typeof Logistics>

export const Origin = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, 'country must be a 2-letter ISO code').optional(),
  region: z.string().trim().max(80).optional(),
  comune: z.string().trim().max(80).optional(),
  certifications: z.array(z.string().trim().min(1).max(40)).max(20).optional()
})
export type Origin = z.infer<typeof Origin>

/**
 * A typed attribute value. Localizable text attributes hold one string per locale;
 * numbers carry their unit; selects hold option codes.
 */
export const AttributeValue = z.union([
  z.string().max(2000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(200)).max(100),
  z.object({ value: z.number(), unit: z.string().max(20) }),
  z.record(LocaleCode, z.string().max(2000))
])
export type AttributeValue = z.infer<typeof AttributeValue>

export const AttributeCode = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'attribute codes are lowercase letters, digits and _')
export const Id = z.string().min(1).max(64)

export const AXIS_VALUE_MAX = 80

/**
 * How one axis value of a parent is shown on the pavilion: one of the category's options (its id
 * in the category rules and the name it was picked by, so a changed category can be matched
 * again by name) or a custom value where the category allows them.
 */
export const VariantValueMapping = z.union([
  z.object({ option: z.string().trim().min(1).max(40), name: z.string().trim().min(1).max(120) }).strict(),
  z.object({ custom: z.string().trim().min(1, 'a custom value cannot be empty').max(70, 'custom values have at most 70 characters') }).strict()
])
export type VariantValueMapping = z.infer<typeof VariantValueMapping>

/** On a parent, per axis: the pavilion SKU attribute it maps to (when not found by name) and its values' options. */
export const VariantAxisMapping = z.object({
  /** Name of the category's SKU attribute ("Color", "Size"); absent: found by the axis name. */
  attribute: z.string().trim().min(1).max(120).optional(),
  values: z.record(z.string().trim().min(1).max(AXIS_VALUE_MAX), VariantValueMapping).default({})
})
export type VariantAxisMapping = z.infer<typeof VariantAxisMapping>

/** Every field of a product a client may set. A stored product always validates against this. */
export const ProductFields = z.object({
  sku: Sku,
  status: ProductStatus,
  categoryId: Id.nullable(),
  familyId: Id.nullable(),
  parentId: Id.nullable(),
  /** On a parent: the axes its variants differ by (attribute codes such as "colour", "size"). */
  variantAxes: z.array(AttributeCode).max(3),
  /** On a variant: its value on each axis, e.g. { colour: "cognac", size: "M" }. */
  axes: z.record(AttributeCode, z.string().trim().min(1).max(AXIS_VALUE_MAX)),
  /** On a parent: how its axes and their values map to the pavilion's SKU attributes and options. */
  variantOptions: z.record(AttributeCode, VariantAxisMapping),
  texts: z.record(LocaleCode, LocalizedText),
  attributes: z.record(AttributeCode, AttributeValue),
  trade: Trade,
  logistics: Logistics,
  origin: Origin
})
export type ProductFields = z.infer<typeof ProductFields>

/** Makes every key of an object schema optional and nullable (null = remove the value). */
function nullableLeaves<S extends z.ZodRawShape>(o: z.ZodObject<S>) {
  const shape = Object.fromEntries(Object.entries(o.shape).map(([k, v]) => [k, (v as z.ZodType).nullable().optional()]))
  return z.object(shape) as unknown as z.ZodObject<{ [K in keyof S]: z.ZodOptional<z.ZodNullable<S[K]>> }>
}

/**
 * A change to a product. Sub-objects merge key by key (texts per locale and field, trade,
 * logistics and origin per key, attributes and axes per code); a leaf set to null is removed;
 * arrays (keywords, ladder, certifications…) are replaced whole. The merged product is then
 * validated as a whole, so cross-field rules (ladder vs MOQ) always hold.
 */
export const ProductPatch = z.object({
  sku: Sku.optional(),
  status: ProductStatus.optional(),
  categoryId: Id.nullable().optional(),
  familyId: Id.nullable().optional(),
  parentId: Id.nullable().optional(),
  variantAxes: z.array(AttributeCode).max(3).optional(),
  axes: z.record(AttributeCode, z.string().trim().min(1).max(AXIS_VALUE_MAX).nullable()).optional(),
  variantOptions: z.record(AttributeCode, VariantAxisMapping.nullable()).optional(),
  texts: z.record(LocaleCode, nullableLeaves(LocalizedText)).optional(),
  attributes: z.record(AttributeCode, AttributeValue.nullable()).optional(),
  trade: nullableLeaves(TradeBase).optional(),
  logistics: nullableLeaves(Logistics).optional(),
  origin: nullableLeaves(Origin).optional()
})
export type ProductPatch = z.input<typeof ProductPatch>

export const ProductCreate = ProductPatch.extend({ sku: Sku })
export type ProductCreate = z.input<typeof ProductCreate>

export const Product = ProductFields.extend({
  id: Id,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Number of variants (on a parent). */
  variantCount: z.number().int()
})
export type Product = z.infer<typeof Product>

/** A row of the product list: enough to show and sort, nothing heavy. */
export const ProductSummary = z.object({
  id: Id,
  sku: Sku,
  status: ProductStatus,
  categoryId: Id.nullable(),
  parentId: Id.nullable(),
  title: z.string(),
  titleLocale: z.string(),
  /** Target locales whose title is still empty. */
  missingLocales: z.array(z.string()),
  variantCount: z.number().int(),
  /** The first price tier and its currency (null: no price yet). */
  price: z.object({ value: z.number(), currency: z.string().nullable(), unit: z.string().nullable() }).nullable().default(null),
  /** On a variant: its axis values. */
  axes: z.record(z.string(), z.string()),
  updatedAt: z.string()
})
export type ProductSummary = z.infer<typeof ProductSummary>

export function emptyProductFields(sku: string): ProductFields {
  return {
    sku,
    status: 'draft', categoryId: null, familyId: null, parentId: null, variantAxes: [], axes: {}, variantOptions: {},
    texts: {}, attributes: {}, trade: {}, logistics: {}, origin: {}
  }
}
