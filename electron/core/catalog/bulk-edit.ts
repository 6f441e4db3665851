// Bulk edit: one change applied to many products as one history batch (one undo step). Every
// product is validated first; unless the caller asks to skip them, one invalid product stops the
// whole change, and the dry run says which would become invalid and why. Nothing is half-applied.
import type { z } from 'zod'
import { AppError, ErrorCodes, type ErrorIssue } from '../../../shared/contract/errors.ts'
import type { BulkChange, BulkSelection } from '../../../shared/contract/catalog-bulk.ts'
import { diffProducts, setLeaf } from '../../../shared/domain/history.ts'
import { applyProductPatch } from '../../../shared/domain/product-patch.ts'
import type { Product, ProductPatch } from '../../../shared/domain/product.ts'
import type { Services } from '../core.ts'
import { newId } from '../platform/clock.ts'
import { Trash } from './trash.ts'

type Selection = z.output<typeof BulkSelection>
type Change = z.output<typeof BulkChange>

interface Summary { kind: 'edit' | 'trash'; products: number; links: Array<{ categoryId: string; old: string | null }>; trashed?: string[] }

/** The patch a bulk change makes to one product (keywords are merged with what it has). */
export function bulkPatch(p: Product, c: Change): z.input<typeof ProductPatch> {
  const patch: z.input<typeof ProductPatch> = {}
  if (c.categoryId !== undefined) patch.categoryId = c.categoryId
  if (c.familyId !== undefined) patch.familyId = c.familyId
  if (c.status !== undefined) patch.status = c.status
  const trade: Record<string, unknown> = {}
  if (c.currency !== undefined) trade.currency = c.currency
  if (c.sellingUnit !== undefined) trade.sellingUnit = c.sellingUnit
  if (c.moq !== undefined) {
    trade.moq = c.moq
    // A first price tier that starts below the new MOQ starts at the MOQ (imports often leave it at 1).
    const ladder = p.trade.ladder ?? []
    if (ladder.length && ladder[0].minQty < c.moq && (ladder.length === 1 || ladder[1].minQty > c.moq)) {
      trade.ladder = [{ ...ladder[0], minQty: c.moq }, ...ladder.slice(1)]
    }
  }
  if (c.leadTimeDays !== undefined) trade.leadTimes = [{ maxQty: null, days: c.leadTimeDays }]
  if (Object.keys(trade).length) patch.trade = trade
  const origin: Record<string, unknown> = {}
  if (c.originCountry !== undefined) origin.country = c.originCountry
  if (c.originRegion !== undefined) origin.region = c.originRegion || null
  if (Object.keys(origin).length) patch.origin = origin
  if (c.brand !== undefined) patch.attributes = { brand_name: c.brand }
  if (c.keywords) {
    const current = p.texts[c.keywords.locale]?.keywords ?? []
    const drop = new Set(c.keywords.remove.map((k) => k.toLocaleLowerCase()))
    const next = current.filter((k) => !drop.has(k.toLocaleLowerCase()))
    for (const k of c.keywords.add) if (!next.some((x) => x.toLocaleLowerCase() === k.toLocaleLowerCase())) next.push(k)
    patch.texts = { [c.keywords.locale]: { keywords: next.length ? next.slice(0, 20) : null } }
  }
  return patch
}

export class BulkEditor {
  private readonly s: Services
  readonly trash: Trash

  constructor(s: Services) {
    this.s = s
    this.trash = new Trash(s.db, s.products)
  }

  /** The product ids a selection stands for (a filter: every page of it, not only the one shown). */
  resolve(selection: Selection): string[] {
    if ('ids' in selection) {
      for (const id of selection.ids) this.s.products.get(id)
      return [...new Set(selection.ids)]
    }
    const except = new Set(selection.except)
    const out: string[] = []
    let cursor: string | null = null
    do {
      const page = this.s.productList.list({ ...selection.filter, parent: 'top', sort: 'updated', direction: 'desc', limit: 500, cursor })
      for (const item of page.items) if (!except.has(item.id)) out.push(item.id)
      cursor = page.nextCursor
    } while (cursor)
    return out
  }

  async edit(input: { selection: Selection; change: Change; dryRun: boolean; skipInvalid: boolean }) {
    const ids = this.resolve(input.selection)
    const { change } = input
    if (change.pavilionCategoryId) await this.s.pavilionLinks.check(change.pavilionCategoryId)
    const invalid: Array<{ id: string; sku: string; issues: ErrorIssue[] }> = []
    const plans: Array<{ id: string; patch: z.input<typeof ProductPatch> }> = []
    let unchanged = 0
    for (const id of ids) {
      const p = this.s.products.get(id)
      const patch = bulkPatch(p, change)
      if (change.pavilionCategoryId && !(change.categoryId ?? p.categoryId)) {
        invalid.push({ id, sku: p.sku, issues: [{ path: 'categoryId', message: 'choose a category first: the Alibaba.com category is linked to it', code: 'bulk_no_category' }] })
        continue
      }
      try {
        const before = this.s.products.fields(id)
        const after = this.s.products.validate(applyProductPatch(before, patch as never), id)
        if (diffProducts(before, after).length === 0) unchanged++
        else plans.push({ id, patch })
      } catch (err) {
        if (!(err instanceof AppError)) throw err
        invalid.push({ id, sku: p.sku, issues: err.issues?.length ? err.issues : [{ path: '', message: err.message, code: err.code }] })
      }
    }
    // Categories to link: those of the selected products (after the change), not linked to this leaf yet.
    const linkCategories = new Set<string>()
    if (change.pavilionCategoryId) {
      for (const id of ids) {
        const catId = change.categoryId ?? this.s.products.get(id).categoryId
        if (catId && this.s.categories.get(catId).pavilionCategoryId !== change.pavilionCategoryId) linkCategories.add(catId)
      }
    }
    const otherProducts = [...linkCategories].reduce((n, catId) => n + (this.s.db.prepare(
      `SELECT count(*) AS n FROM products WHERE category_id = ? AND parent_id IS NULL AND id NOT IN (SELECT value FROM json_each(?))`
    ).get(catId, JSON.stringify(ids)) as { n: number }).n, 0)
    const result = {
      matched: ids.length, changed: plans.length, unchanged, invalid: invalid.slice(0, 1000),
      categoriesLinked: linkCategories.size, otherProductsInLinkedCategories: otherProducts, applied: false, batchId: null as string | null
    }
    if (input.dryRun) return result
    if (invalid.length && !input.skipInvalid) {
      throw new AppError('bulk_invalid', `${invalid.length} of ${ids.length} products would not be valid after this change; nothing was changed.`, {
        params: { count: invalid.length, total: ids.length, first: invalid[0].sku }, issues: invalid[0].issues
      })
    }
    if (plans.length === 0 && linkCategories.size === 0) return { ...result, applied: true }
    const batchId = newId('b')
    const now = this.s.clock.now().toISOString()
    const links: Summary['links'] = []
    this.s.db.transaction(() => {
      for (const plan of plans) this.s.products.write(plan.id, plan.patch as never, { source: 'manual', detail: 'bulk', batchId, emit: false })
      for (const catId of linkCategories) {
        links.push({ categoryId: catId, old: this.s.categories.get(catId).pavilionCategoryId })
        this.s.categories.update({ id: catId, pavilionCategoryId: change.pavilionCategoryId })
      }
      this.s.db.prepare('INSERT INTO bulk_batches (id, at, kind, summary) VALUES (?, ?, ?, ?)')
        .run(batchId, now, 'edit', JSON.stringify({ kind: 'edit', products: plans.length, links } satisfies Summary))
    })()
    this.s.events.emit('data.changed', { entity: 'product', ids: plans.map((p) => p.id) })
    if (links.length) this.s.events.emit('data.changed', { entity: 'category', ids: links.map((l) => l.categoryId) })
    return { ...result, applied: true, batchId }
  }

  trashSelection(selection: Selection): { trashed: number; batchId: string } {
    const ids = this.resolve(selection)
    const batchId = newId('b')
    const now = this.s.clock.now().toISOString()
    let trashed = 0
    this.s.db.transaction(() => {
      trashed = this.trash.trash(ids, batchId, now)
      this.s.db.prepare('INSERT INTO bulk_batches (id, at, kind, summary) VALUES (?, ?, ?, ?)')
        .run(batchId, now, 'trash', JSON.stringify({ kind: 'trash', products: ids.length, links: [], trashed: ids } satisfies Summary))
    })()
    this.s.events.emit('data.changed', { entity: 'product', ids })
    this.s.events.emit('data.changed', { entity: 'trash' })
    return { trashed, batchId }
  }

  /** Reverts a bulk batch in one step (itself one batch, so it shows in the history as an undo). */
  undo(batchId: string): { reverted: number } {
    const batch = this.s.db.prepare('SELECT summary, undone_at FROM bulk_batches WHERE id = ?').get(batchId) as { summary: string; undone_at: string | null } | undefined
    if (!batch) throw new AppError(ErrorCodes.notFound, `No bulk change ${batchId}.`, { params: { id: batchId } })
    if (batch.undone_at) throw new AppError('nothing_to_undo', 'This change was already undone.')
    const summary = JSON.parse(batch.summary) as Summary
    const now = this.s.clock.now().toISOString()
    let reverted = 0
    if (summary.kind === 'trash') {
      const inTrash = (summary.trashed ?? []).filter((id) => this.s.db.prepare('SELECT 1 FROM trash WHERE product_id = ?').get(id))
      this.s.db.transaction(() => {
        reverted = this.trash.restore(inTrash).length
        this.s.db.prepare('UPDATE bulk_batches SET undone_at = ? WHERE id = ?').run(now, batchId)
      })()
      this.s.events.emit('data.changed', { entity: 'trash' })
      return { reverted }
    }
    const rows = this.s.db.prepare("SELECT product_id, path, old FROM history WHERE batch_id = ? AND path <> '' ORDER BY id DESC").all(batchId) as Array<{ product_id: string; path: string; old: string | null }>
    const byProduct = new Map<string, typeof rows>()
    for (const r of rows) byProduct.set(r.product_id, [...(byProduct.get(r.product_id) ?? []), r])
    const undoBatch = newId('b')
    this.s.db.transaction(() => {
      for (const link of summary.links) this.s.categories.update({ id: link.categoryId, pavilionCategoryId: link.old })
      for (const [productId, changes] of byProduct) {
        let exists = true
        try {
          this.s.products.get(productId)
        } catch {
          exists = false
        }
        if (!exists) continue
        let fields = this.s.products.fields(productId)
        for (const r of changes) fields = setLeaf(fields, r.path, r.old === null ? null : JSON.parse(r.old))
        this.s.products.replace(productId, fields, { source: 'undo', detail: batchId, batchId: undoBatch, emit: false })
        reverted++
      }
      this.s.db.prepare('UPDATE bulk_batches SET undone_at = ? WHERE id = ?').run(now, batchId)
    })()
    this.s.events.emit('data.changed', { entity: 'product', ids: [...byProduct.keys()] })
    if (summary.links.length) this.s.events.emit('data.changed', { entity: 'category', ids: summary.links.map((l) => l.categoryId) })
    return { reverted }
  }
}
