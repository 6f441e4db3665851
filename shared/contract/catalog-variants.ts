// The variant matrix of a parent (catalogue calls, merged into `catalog`): create the combinations
// it lacks, and set price, stock and MOQ of many variants at once as one undoable change.
import { z } from 'zod'
import { call } from './define.ts'
import { AXIS_VALUE_MAX, AttributeCode, Id } from '../domain/product.ts'

const Combination = z.record(AttributeCode, z.string().trim().min(1).max(AXIS_VALUE_MAX))

const price = z.number().min(0.01, 'price must be at least 0.01').max(9_999_999, 'price must be at most 9,999,999')
const qty = z.number().int().min(1).max(99_999_999)

export const VariantCell = z.object({
  id: Id,
  /** The price of the first tier; null: sell at the main product's prices. */
  price: price.nullable().optional(),
  stock: z.number().int().min(0).max(99_999_999).nullable().optional(),
  moq: qty.nullable().optional()
})

export const catalogVariants = {
  generateVariants: call({
    summary: 'Create variants of a parent for the given axis value combinations (SKUs made from the parent SKU and the values); all or none.',
    input: z.object({ parentId: Id, combinations: z.array(Combination).min(1).max(500) }),
    output: z.object({ created: z.array(z.object({ id: Id, sku: z.string(), axes: z.record(z.string(), z.string()) })) })
  }),
  setVariantCells: call({
    summary: 'Set price, stock or MOQ of variants of one parent in one step (one history batch, undone with undoBulk).',
    input: z.object({ parentId: Id, cells: z.array(VariantCell).min(1).max(1000) }),
    output: z.object({ changed: z.number().int(), batchId: z.string().nullable() })
  })
}
