// Bulk edit, undo of a bulk change, and the trash (catalogue calls, merged into `catalog`).
import { z } from 'zod'
import { call } from './define.ts'
import { ListProductsInput } from './catalog.ts'
import { LocaleCode } from '../domain/locales.ts'
import { Id, ProductStatus } from '../domain/product.ts'
import { Currency, SellingUnit } from '../domain/units.ts'

/** Which products: these ids, or every product the list filter matches (all pages), minus some. */
export const BulkSelection = z.union([
  z.object({ ids: z.array(Id).min(1).max(100_000) }),
  z.object({
    filter: ListProductsInput.pick({ query: true, status: true, categoryId: true, missingLocale: true }),
    except: z.array(Id).max(100_000).default([])
  })
])
export type BulkSelection = z.input<typeof BulkSelection>

const Keyword = z.string().trim().min(1).max(128)

/** What to set; only the fields given change. */
export const BulkChange = z.object({
  categoryId: Id.nullable().optional(),
  /** Links the (Vetrina) categories of the selected products to this pavilion leaf. */
  pavilionCategoryId: z.string().regex(/^\d{1,19}$/, 'pavilion category ids are numbers').optional(),
  familyId: Id.nullable().optional(),
  status: ProductStatus.optional(),
  currency: Currency.optional(),
  sellingUnit: SellingUnit.optional(),
  moq: z.number().int().min(1).max(99_999_999).optional(),
  /** One lead time for every quantity. */
  leadTimeDays: z.number().int().min(1).max(365).optional(),
  keywords: z.object({ locale: LocaleCode, add: z.array(Keyword).max(20).default([]), remove: z.array(Keyword).max(20).default([]) }).optional(),
  originCountry: z.string().regex(/^[A-Z]{2}$/, 'country must be a 2-letter ISO code').optional(),
  originRegion: z.string().trim().max(80).optional(),
  brand: z.string().trim().min(1).max(200).optional()
}).refine((c) => Object.values(c).some((v) => v !== undefined), 'choose at least one field to change')
export type BulkChange = z.input<typeof BulkChange>

const Issue = z.object({ path: z.string(), message: z.string(), code: z.string().optional(), params: z.record(z.string(), z.unknown()).optional() })
export const BulkInvalid = z.object({ id: Id, sku: z.string(), issues: z.array(Issue) })

export const TrashItem = z.object({ productId: Id, batchId: z.string(), sku: z.string(), title: z.string(), variants: z.number().int(), deletedAt: z.string() })

export const catalogBulk = {
  bulkEdit: call({
    summary: 'Set fields on many products at once: one history batch, undoable in one step; a dry run lists the products that would become invalid and why. Nothing is half-applied.',
    input: z.object({ selection: BulkSelection, change: BulkChange, dryRun: z.boolean().default(false), skipInvalid: z.boolean().default(false) }),
    output: z.object({
      matched: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      invalid: z.array(BulkInvalid),
      /** Categories newly linked to the pavilion leaf (they hold this many other products too). */
      categoriesLinked: z.number().int(),
      otherProductsInLinkedCategories: z.number().int(),
      applied: z.boolean(),
      batchId: z.string().nullable()
    })
  }),
  undoBulk: call({ summary: 'Revert a bulk change (or a move to the trash) in one step.', input: z.object({ batchId: z.string().min(1) }), output: z.object({ reverted: z.number().int() }) }),
  trashProducts: call({
    summary: 'Move products (with their variants) to the trash; they can be restored.',
    input: z.object({ selection: BulkSelection }),
    output: z.object({ trashed: z.number().int(), batchId: z.string() })
  }),
  listTrash: call({ summary: 'Products in the trash, newest first.', input: z.object({ limit: z.number().int().min(1).max(5000).default(500) }).default({ limit: 500 }), output: z.object({ items: z.array(TrashItem), total: z.number().int() }) }),
  restoreFromTrash: call({
    summary: 'Put products back from the trash exactly as they were.',
    input: z.object({ productIds: z.array(Id).min(1).max(100_000) }),
    output: z.object({ restored: z.number().int() })
  }),
  emptyTrash: call({ summary: 'Delete products in the trash for good (all when no ids).', input: z.object({ productIds: z.array(Id).max(100_000).optional() }).default({}), output: z.object({ deleted: z.number().int() }) })
}
