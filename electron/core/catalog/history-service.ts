// Reading a product's history, undoing the last editor change, and restoring a field or a whole
// product to an earlier state. Restores are themselves recorded, so they can be undone too.
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { HistoryEntry } from '../../../shared/contract/catalog.ts'
import { setLeaf } from '../../../shared/domain/history.ts'
import type { Product } from '../../../shared/domain/product.ts'
import type { Db } from '../store/db.ts'
import type { ProductStore } from './product-store.ts'

interface HistoryRow {
  id: number
  batch_id: string
  product_id: string
  path: string
  old: string | null
  new: string | null
  at: string
  source: HistoryEntry['source']
  detail: string | null
}

const toEntry = (r: HistoryRow): HistoryEntry => ({
  id: r.id,
  batchId: r.batch_id,
  productId: r.product_id,
  path: r.path,
  old: r.old === null ? null : JSON.parse(r.old),
  new: r.new === null ? null : JSON.parse(r.new),
  at: r.at,
  source: r.source,
  detail: r.detail
})

export class HistoryService {
  private readonly db: Db
  private readonly products: ProductStore

  constructor(db: Db, products: ProductStore) {
    this.db = db
    this.products = products
  }

  list(productId: string, limit: number, beforeId?: number): HistoryEntry[] {
    this.products.get(productId)
    const rows = this.db
      .prepare(`SELECT * FROM history WHERE product_id = ? ${beforeId ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`)
      .all(...(beforeId ? [productId, beforeId, limit] : [productId, limit])) as HistoryRow[]
    return rows.map(toEntry)
  }

  /** Reverts the most recent editor change (one batch) not already undone. */
  undo(productId: string): { product: Product; reverted: number } {
    this.products.get(productId)
    const batch = this.db
      .prepare(
        `SELECT batch_id FROM history WHERE product_id = ? AND source = 'manual' AND path <> ''
           AND batch_id NOT IN (SELECT detail FROM history WHERE product_id = ? AND source = 'undo' AND detail IS NOT NULL)
         ORDER BY id DESC LIMIT 1`
      )
      .get(productId, productId) as { batch_id: string } | undefined
    if (!batch) throw new AppError('nothing_to_undo', 'There is no change to undo for this product.')
    const rows = this.db.prepare('SELECT * FROM history WHERE batch_id = ? ORDER BY id DESC').all(batch.batch_id) as HistoryRow[]
    let fields = this.products.fields(productId)
    for (const r of rows) fields = setLeaf(fields, r.path, r.old === null ? null : JSON.parse(r.old))
    const product = this.products.replace(productId, fields, { source: 'undo', detail: batch.batch_id })
    return { product, reverted: rows.length }
  }

  restoreField(productId: string, historyId: number, use: 'old' | 'new'): Product {
    const row = this.db.prepare('SELECT * FROM history WHERE id = ? AND product_id = ?').get(historyId, productId) as HistoryRow | undefined
    if (!row) throw new AppError(ErrorCodes.notFound, `No history entry ${historyId} for this product.`)
    if (row.path === '') throw new AppError(ErrorCodes.validation, 'The creation of a product cannot be restored as a field.')
    const raw = use === 'old' ? row.old : row.new
    const fields = setLeaf(this.products.fields(productId), row.path, raw === null ? null : JSON.parse(raw))
    return this.products.replace(productId, fields, { source: 'restore', detail: `history#${historyId}` })
  }

  /** The product as it was right after the batch containing `historyId`. */
  restoreVersion(productId: string, historyId: number): { product: Product; changed: number } {
    const row = this.db.prepare('SELECT * FROM history WHERE id = ? AND product_id = ?').get(historyId, productId) as HistoryRow | undefined
    if (!row) throw new AppError(ErrorCodes.notFound, `No history entry ${historyId} for this product.`)
    const lastOfBatch = (this.db.prepare('SELECT max(id) AS id FROM history WHERE batch_id = ?').get(row.batch_id) as { id: number }).id
    const later = this.db
      .prepare("SELECT * FROM history WHERE product_id = ? AND id > ? AND path <> '' ORDER BY id DESC")
      .all(productId, lastOfBatch) as HistoryRow[]
    let fields = this.products.fields(productId)
    for (const r of later) fields = setLeaf(fields, r.path, r.old === null ? null : JSON.parse(r.old))
    const before = this.products.get(productId).version
    const product = this.products.replace(productId, fields, { source: 'restore', detail: `version@history#${historyId}` })
    return { product, changed: product.version === before ? 0 : later.length }
  }
}
