// Contract handlers for the catalogue area.
import type { CoreModule, Services } from '../core.ts'
import { BulkEditor } from './bulk-edit.ts'
import { VariantMatrix } from './variant-matrix.ts'

export function catalogModule(s: Services): CoreModule<'catalog'> {
  const manual = (actor?: string) => ({ source: 'manual' as const, detail: actor ?? null })
  const bulk = new BulkEditor(s)
  const matrix = new VariantMatrix(s)
  return {
    area: 'catalog',
    handlers: {
      listProducts: (input) => s.productList.list(input, input.displayLocale),
      getProduct: (input) => ('id' in input ? s.products.get(input.id) : s.products.getBySku(input.sku)),
      createProduct: (input, ctx) => s.products.create(input, manual(ctx.actor)),
      updateProduct: (input, ctx) => s.products.update(input.id, input.patch, manual(ctx.actor), input.expectedVersion),
      // Deleting moves to the trash (restorable; undoable like a bulk change).
      deleteProduct: (input) => ({ deleted: bulk.trashSelection({ ids: [input.id] }).trashed }),
      bulkEdit: (input) => bulk.edit(input),
      generateVariants: (input, ctx) => ({ created: matrix.generate(input.parentId, input.combinations, ctx.actor ?? null) }),
      setVariantCells: (input, ctx) => matrix.setCells(input.parentId, input.cells, ctx.actor ?? null),
      undoBulk: (input) => bulk.undo(input.batchId),
      trashProducts: (input) => bulk.trashSelection(input.selection),
      listTrash: (input) => bulk.trash.list(input.limit),
      restoreFromTrash: (input) => {
        const restored = bulk.trash.restore(input.productIds).length
        s.events.emit('data.changed', { entity: 'trash' })
        return { restored }
      },
      emptyTrash: (input) => {
        const deleted = bulk.trash.empty(input.productIds)
        s.events.emit('data.changed', { entity: 'trash' })
        return { deleted }
      },
      undo: (input) => s.history.undo(input.id),
      history: (input) => ({ items: s.history.list(input.id, input.limit, input.beforeId) }),
      restoreField: (input) => s.history.restoreField(input.id, input.historyId, input.use),
      restoreVersion: (input) => s.history.restoreVersion(input.id, input.historyId),
      stats: () => {
        const total = (s.db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n
        const byStatus = Object.fromEntries(
          (s.db.prepare('SELECT status, count(*) AS n FROM products GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n])
        )
        const missingByLocale: Record<string, number> = {}
        for (const locale of s.settings.app().targetLocales) {
          const have = (s.db.prepare("SELECT count(*) AS n FROM product_texts WHERE locale = ? AND field = 'title'").get(locale) as { n: number }).n
          missingByLocale[locale] = total - have
        }
        return { total, byStatus, missingByLocale }
      },
      listCategories: () => ({ items: s.categories.list() }),
      createCategory: async (input) => {
        await s.pavilionLinks.check(input.pavilionCategoryId)
        const c = s.categories.create(input)
        s.events.emit('data.changed', { entity: 'category', ids: [c.id] })
        return c
      },
      updateCategory: async (input) => {
        if (input.pavilionCategoryId && input.pavilionCategoryId !== s.categories.get(input.id).pavilionCategoryId) await s.pavilionLinks.check(input.pavilionCategoryId)
        const c = s.categories.update(input)
        s.events.emit('data.changed', { entity: 'category', ids: [c.id] })
        return c
      },
      deleteCategory: (input) => {
        s.categories.delete(input.id)
        s.events.emit('data.changed', { entity: 'category', ids: [input.id] })
        return { deleted: true as const }
      },
      listFamilies: () => ({ items: s.families.list() }),
      saveFamily: (input) => {
        const f = s.families.save(input)
        s.events.emit('data.changed', { entity: 'family', ids: [f.id] })
        return f
      },
      deleteFamily: (input) => {
        s.families.delete(input.id)
        s.events.emit('data.changed', { entity: 'family', ids: [input.id] })
        return { deleted: true as const }
      }
    }
  }
}
