// Catalogue calls: products, variants, categories, attribute families, history and search.
import { z } from 'zod'
import { call } from './define.ts'
import { AttributeDef, Category, CategoryInput, Family, LocalizedName } from '../domain/catalog-structure.ts'
import { HISTORY_SOURCES } from '../domain/history.ts'
import { Id, Product, ProductCreate, ProductPatch, ProductStatus, ProductSummary, Sku } from '../domain/product.ts'

export const ProductSort = z.enum(['updated', 'sku', 'title', 'created'])

export const ListProductsInput = z.object({
  /** Free text: SKU or any localized text, in any language. 1–2 character queries work too. */
  query: z.string().max(200).default(''),
  status: z.array(ProductStatus).optional(),
  /** Products of this category and its descendants; null means "without category". */
  categoryId: Id.nullable().optional(),
  /** Only products whose title is missing in this locale. */
  missingLocale: z.string().optional(),
  /** "top": parents and standalone products only; an id: the variants of that product. */
  parent: z.union([z.literal('top'), Id]).default('top'),
  sort: ProductSort.default('updated'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(500).default(100),
  /** Show titles in this language when present (else Italian, else any). */
  displayLocale: z.string().max(20).optional(),
  /** Opaque keyset cursor from the previous page. */
  cursor: z.string().max(500).nullable().default(null)
})
export type ListProductsInput = z.input<typeof ListProductsInput>

export const HistoryEntry = z.object({
  id: z.number().int(),
  batchId: z.string(),
  productId: z.string(),
  path: z.string(),
  old: z.unknown(),
  new: z.unknown(),
  at: z.string(),
  source: z.enum(HISTORY_SOURCES),
  /** What caused it: an import job id, a translator, a restore of entry N … */
  detail: z.string().nullable()
})
export type HistoryEntry = z.infer<typeof HistoryEntry>

const ProductRef = z.union([z.object({ id: Id }), z.object({ sku: Sku })])

export const catalog = {
  listProducts: call({
    summary: 'Search and list products with filters, sort and keyset paging.',
    roles: ['owner', 'translator'],
    input: ListProductsInput,
    // total: matching products, counted on the first page only (-1 on later pages). Search counts
    // stop at 1,001 and filtered lists at 10,001: totalExact says whether total is exact.
    output: z.object({ items: z.array(ProductSummary), nextCursor: z.string().nullable(), total: z.number().int(), totalExact: z.boolean() })
  }),
  getProduct: call({ summary: 'One product, whole.', roles: ['owner', 'translator'], input: ProductRef, output: Product }),
  createProduct: call({ summary: 'Create a product (or a variant, with parentId).', input: ProductCreate, output: Product }),
  updateProduct: call({
    summary: 'Change some fields of a product; every changed field is recorded in its history.',
    input: z.object({ id: Id, patch: ProductPatch, expectedVersion: z.number().int().optional() }),
    output: Product
  }),
  deleteProduct: call({
    summary: 'Move a product and its variants to the trash.',
    input: z.object({ id: Id }),
    output: z.object({ deleted: z.number().int() })
  }),
  undo: call({
    summary: 'Revert the last change made to a product in the editor.',
    input: z.object({ id: Id }),
    output: z.object({ product: Product, reverted: z.number().int() })
  }),
  history: call({
    summary: 'Field-level history of a product, newest first.',
    roles: ['owner', 'translator'],
    input: z.object({ id: Id, limit: z.number().int().min(1).max(1000).default(200), beforeId: z.number().int().optional() }),
    output: z.object({ items: z.array(HistoryEntry) })
  }),
  restoreField: call({
    summary: 'Put one field back to the value it had before (or after) a recorded change.',
    input: z.object({ id: Id, historyId: z.number().int(), use: z.enum(['old', 'new']).default('old') }),
    output: Product
  }),
  restoreVersion: call({
    summary: 'Put a whole product back to how it was right after a recorded change.',
    input: z.object({ id: Id, historyId: z.number().int() }),
    output: z.object({ product: Product, changed: z.number().int() })
  }),
  stats: call({
    summary: 'Counts for the catalogue dashboard.',
    roles: ['owner', 'translator'],
    input: z.object({}).default({}),
    output: z.object({
      total: z.number().int(),
      byStatus: z.record(z.string(), z.number().int()),
      missingByLocale: z.record(z.string(), z.number().int())
    })
  }),

  listCategories: call({
    summary: 'The whole category tree (flat, with parent ids).',
    roles: ['owner', 'translator'],
    input: z.object({}).default({}),
    output: z.object({ items: z.array(Category.extend({ productCount: z.number().int() })) })
  }),
  createCategory: call({ summary: 'Add a category.', input: CategoryInput, output: Category }),
  updateCategory: call({
    summary: 'Rename, move or map a category.',
    input: z.object({ id: Id, parentId: Id.nullable().optional(), name: LocalizedName.optional(),
      pavilionCategoryId: Category.shape.pavilionCategoryId.optional(), sort: z.number().int().optional() }),
    output: Category
  }),
  deleteCategory: call({
    summary: 'Delete an empty category (no products, no subcategories).',
    input: z.object({ id: Id }),
    output: z.object({ deleted: z.literal(true) })
  }),

  listFamilies: call({
    summary: 'Attribute families with their attributes.',
    roles: ['owner', 'translator'],
    input: z.object({}).default({}),
    output: z.object({ items: z.array(Family) })
  }),
  saveFamily: call({
    summary: 'Create or change an attribute family.',
    input: z.object({
      id: Id.optional(),
      code: Family.shape.code,
      label: LocalizedName,
      attributes: z.array(AttributeDef).max(200)
    }),
    output: Family
  }),
  deleteFamily: call({
    summary: 'Delete a family no product uses. Preset families cannot be deleted.',
    input: z.object({ id: Id }),
    output: z.object({ deleted: z.literal(true) })
  })
}
