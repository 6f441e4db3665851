// How a parent's variants will show on the pavilion (publish calls, merged into `publish`): the
// sale properties of its linked category, which one each axis maps to, and for each axis value the
// option (or custom value) it goes out as, with the closest options to choose from and whether its
// picture is there. The Variants tab builds its mapping from this and saves the choices on the parent.
import { z } from 'zod'
import { call } from './define.ts'
import { Id } from '../domain/product.ts'
import { PublishTarget, ReadinessProblem } from '../domain/publish.ts'

const Option = z.object({ value: z.string(), name: z.string() })

export const VariantValueState = z.object({
  value: z.string(),
  /** Variants with this value. */
  variants: z.number().int(),
  /** What it is sent as now (null: nothing — it must be linked). */
  mapping: z.union([z.object({ kind: z.literal('option'), option: z.string(), name: z.string() }), z.object({ kind: z.literal('custom'), text: z.string() })]).nullable(),
  /**
   * chosen: linked to an option by hand; auto: found by name or size; custom: sent as a custom value
   * by choice; new: sent as a custom value because no option matches; stale: linked to an option the
   * category no longer has; none: not linked (the category takes no custom values).
   */
  source: z.enum(['chosen', 'auto', 'custom', 'new', 'stale', 'none']),
  suggestions: z.array(Option),
  picture: z.enum(['ok', 'missing', 'not_needed']),
  /** The variant whose photo pictures the value (or should). */
  pictureVariantId: Id.nullable()
})

export const VariantOptionsInfo = z.object({
  state: z.enum(['ok', 'no_category', 'not_linked', 'rules_not_downloaded', 'no_sale_properties', 'no_variants']),
  pavilionCategoryId: z.string().nullable(),
  attributes: z.array(z.object({ id: z.string(), name: z.string(), custom: z.boolean(), picture: z.enum(['required', 'optional', 'none']), options: z.array(Option) })),
  axes: z.array(z.object({ axis: z.string(), attributeId: z.string().nullable(), chosen: z.boolean(), values: z.array(VariantValueState) })),
  /** Readiness problems of the variants (English listing). */
  problems: z.array(ReadinessProblem)
})
export type VariantOptionsInfo = z.infer<typeof VariantOptionsInfo>

export const publishVariants = {
  variantOptions: call({
    summary: 'How a product\'s variants map to the sale properties and options of its pavilion category, with suggestions.',
    input: z.object({ productId: Id, target: PublishTarget.optional() }),
    output: VariantOptionsInfo
  })
}
