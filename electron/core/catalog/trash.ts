// The trash. Deleting keeps the product whole: its row, its variants and every row in any table
// that refers to it through a foreign key (found from the schema, so areas added later are kept
// too), as one JSON snapshot. Restoring puts the rows back as they were and indexes the product
// again; nothing is restored over a product created since with the same SKU.
import { AppError } from '../../../shared/contract/errors.ts'
import type { Db } from '../store/db.ts'
import type { ProductStore } from './product-store.ts'

interface TableRows { table: string; rows: Array<Record<string, unknown>> }
interface Edge { table: string; from: string[]; to: string[] }

export interface TrashItem { productId: string; batchId: string; sku: string; title: string; variants: number; deletedAt: string }

export class Trash {
  private readonly db: Db
  private readonly products: ProductStore
  private edges: Map<string, Edge[]> | null = null

  constructor(db: Db, products: ProductStore) {
    this.db = db
    this.products = products
  }

  /** parent table → tables whose foreign keys point at it. */
  private graph(): Map<string, Edge[]> {
    if (this.edges) return this.edges
    const out = new Map<string, Edge[]>()
    const tables = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>
    for (const { name } of tables) {
      const fks = this.db.prepare(`SELECT id, "table" AS parent, "from" AS col, "to" AS ref FROM pragma_foreign_key_list(?)`).all(name) as Array<{ id: number; parent: string; col: string; ref: string | null }>
      const byId = new Map<number, Edge & { parent: string }>()
      for (const fk of fks) {
        const e = byId.get(fk.id) ?? { table: name, from: [], to: [], parent: fk.parent }
        e.from.push(fk.col)
        e.to.push(fk.ref ?? 'id')
        byId.set(fk.id, e)
      }
      for (const e of byId.values()) {
        if (e.parent === name) continue // variants are taken with the products query below
        out.set(e.parent, [...(out.get(e.parent) ?? []), { table: e.table, from: e.from, to: e.to }])
      }
    }
    this.edges = out
    return out
  }

  /** Every row that belongs to these products, parents before children. */
  private snapshot(productId: string): TableRows[] {
    const products = this.db.prepare('SELECT * FROM products WHERE id = ? OR parent_id = ? ORDER BY parent_id IS NOT NULL, seq').all(productId, productId) as Array<Record<string, unknown>>
    const out: TableRows[] = [{ table: 'products', rows: products }]
    const seen = new Set(['products'])
    const queue: TableRows[] = [out[0]]
    while (queue.length) {
      const parent = queue.shift()!
      for (const edge of this.graph().get(parent.table) ?? []) {
        if (seen.has(edge.table) || parent.rows.length === 0) continue
        const keys = parent.rows.map((r) => edge.to.map((c) => r[c]))
        const rows: Array<Record<string, unknown>> = []
        const where = edge.from.map((c) => `"${c}" = ?`).join(' AND ')
        const stmt = this.db.prepare(`SELECT * FROM "${edge.table}" WHERE ${where}`)
        for (const k of keys) rows.push(...(stmt.all(...k) as Array<Record<string, unknown>>))
        const entry = { table: edge.table, rows }
        seen.add(edge.table)
        out.push(entry)
        queue.push(entry)
      }
    }
    return out
  }

  /** Moves products (with their variants) to the trash, in the caller's transaction when there is one. */
  trash(ids: string[], batchId: string, now: string): number {
    const insert = this.db.prepare('INSERT OR REPLACE INTO trash (product_id, batch_id, sku, title, variants, deleted_at, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)')
    let count = 0
    this.db.transaction(() => {
      for (const id of ids) {
        const p = this.products.get(id)
        if (p.parentId && ids.includes(p.parentId)) continue
        const snap = this.snapshot(id)
        const encoded = JSON.stringify(snap, (_k, v) => (Buffer.isBuffer(v) ? { $b64: v.toString('base64') } : v))
        const title = p.texts.it?.title ?? Object.values(p.texts).find((t) => t?.title)?.title ?? ''
        insert.run(id, batchId, p.sku, title, p.variantCount, now, encoded)
        count += this.products.delete(id)
      }
    })()
    return count
  }

  list(limit: number): { items: TrashItem[]; total: number } {
    const rows = this.db.prepare('SELECT product_id, batch_id, sku, title, variants, deleted_at FROM trash ORDER BY deleted_at DESC, sku LIMIT ?').all(limit) as Array<Record<string, unknown>>
    const total = (this.db.prepare('SELECT count(*) AS n FROM trash').get() as { n: number }).n
    return {
      items: rows.map((r) => ({ productId: String(r.product_id), batchId: String(r.batch_id), sku: String(r.sku), title: String(r.title), variants: Number(r.variants), deletedAt: String(r.deleted_at) })),
      total
    }
  }

  /** Puts products back exactly as they were (all or nothing). */
  restore(productIds: string[]): string[] {
    const restored: string[] = []
    this.db.transaction(() => {
      for (const id of productIds) {
        const row = this.db.prepare('SELECT sku, snapshot FROM trash WHERE product_id = ?').get(id) as { sku: string; snapshot: string } | undefined
        if (!row) throw new AppError('not_found', `Product ${id} is not in the trash.`, { params: { id } })
        if (this.products.findIdBySku(row.sku)) {
          throw new AppError('trash_sku_taken', `Another product now has the SKU "${row.sku}"; rename it before restoring this one.`, { params: { sku: row.sku } })
        }
        const snap = JSON.parse(row.snapshot, (_k, v) => (v && typeof v === 'object' && '$b64' in v ? Buffer.from(v.$b64, 'base64') : v)) as TableRows[]
        for (const { table, rows } of snap) {
          for (const r of rows) {
            const values = { ...r }
            // A rowid key may have been reused since: let SQLite give a new one (nothing refers to it).
            const rowidKey = this.rowidKey(table)
            if (rowidKey) delete values[rowidKey]
            if (table === 'products') {
              delete values.seq
              values.usn = (this.db.prepare('SELECT coalesce(max(usn), 0) + 1 AS usn FROM products').get() as { usn: number }).usn
            }
            const cols = Object.keys(values)
            this.db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => values[c] as never))
          }
        }
        for (const r of snap[0].rows) {
          const p = this.products.get(String(r.id))
          const usn = (this.db.prepare('SELECT usn FROM products WHERE id = ?').get(p.id) as { usn: number }).usn
          this.products.index(null, usn, p.sku, p.texts)
        }
        this.db.prepare('DELETE FROM trash WHERE product_id = ?').run(id)
        restored.push(id)
      }
    })()
    this.products.emitChanged(restored)
    return restored
  }

  /** The table's INTEGER PRIMARY KEY column when no foreign key refers to it. */
  private rowidKey(table: string): string | null {
    const cols = this.db.prepare('SELECT name, type, pk FROM pragma_table_info(?)').all(table) as Array<{ name: string; type: string; pk: number }>
    const pks = cols.filter((c) => c.pk > 0)
    if (pks.length !== 1 || pks[0].type.toUpperCase() !== 'INTEGER') return null
    const referenced = (this.graph().get(table) ?? []).some((e) => e.to.includes(pks[0].name))
    return referenced ? null : pks[0].name
  }

  /** Forgets products in the trash for good (all of them when no ids are given). */
  empty(productIds?: string[]): number {
    if (!productIds) return this.db.prepare('DELETE FROM trash').run().changes
    let n = 0
    for (const id of productIds) n += this.db.prepare('DELETE FROM trash WHERE product_id = ?').run(id).changes
    return n
  }
}
