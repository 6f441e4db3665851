// Categories (the firm's own tree, each node mappable to a pavilion category) and attribute
// families (sets of typed attributes; a preset family carries the pavilion's common fields).
import { z } from 'zod'
import { LocaleCode } from './locales.ts'
import { AttributeCode, Id } from './product.ts'

export const LocalizedName = z.record(LocaleCode, z.string().trim().max(200))
export type LocalizedName = z.infer<typeof LocalizedName>

export const Category = z.object({
  id: Id,
  parentId: Id.nullable(),
  name: LocalizedName,
  /** Leaf category id on Alibaba.com (ICBU), when mapped. */
  pavilionCategoryId: z.string().regex(/^\d{1,19}$/, 'pavilion category ids are numbers').nullable(),
  sort: z.number().int()
})
export type Category = z.infer<typeof Category>

export const CategoryInput = z.object({
  parentId: Id.nullable().default(null),
  name: LocalizedName.refine((n) => Object.values(n).some((v) => v.length > 0), 'a category needs a name'),
  pavilionCategoryId: Category.shape.pavilionCategoryId.default(null),
  sort: z.number().int().default(0)
})

export const ATTRIBUTE_TYPES = ['text', 'number', 'select', 'multiselect', 'boolean'] as const
export const AttributeType = z.enum(ATTRIBUTE_TYPES)
export type AttributeType = z.infer<typeof AttributeType>

export const AttributeOption = z.object({ code: z.string().trim().min(1).max(80), label: LocalizedName })

export const AttributeDef = z
  .object({
    code: AttributeCode,
    type: AttributeType,
    label: LocalizedName,
    /** Group shown in the editor ("general", "wine", "materials" …). */
    group: z.string().trim().min(1).max(40).default('general'),
    localizable: z.boolean().default(false),
    required: z.boolean().default(false),
    /** Units allowed for a number attribute; the first is the default. */
    units: z.array(z.string().min(1).max(20)).max(20).default([]),
    options: z.array(AttributeOption).max(500).default([])
  })
  .superRefine((a, ctx) => {
    if ((a.type === 'select' || a.type === 'multiselect') && a.options.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a select attribute needs at least one option' })
    }
    if (a.localizable && a.type !== 'text') {
      ctx.addIssue({ code: 'custom', path: ['localizable'], message: 'only text attributes can be localizable' })
    }
  })
export type AttributeDef = z.infer<typeof AttributeDef>

export const Family = z.object({
  id: Id,
  code: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
  label: LocalizedName,
  /** True for the families Vetrina ships (they can be extended, not deleted). */
  preset: z.boolean(),
  attributes: z.array(AttributeDef)
})
export type Family = z.infer<typeof Family>
