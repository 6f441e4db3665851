// Photos named in an imported spreadsheet's "images" column (kept by the spreadsheet area in
// spreadsheet_image_refs): when a file with that name is added, it goes to those products, in
// the order the spreadsheet gave.
import { basename } from 'node:path'
import type { Db } from '../store/db.ts'

interface Ref { productId: string; position: number }

/** File name (without folders, case-insensitive) → the products that name it. */
export class ImageRefs {
  private readonly byName = new Map<string, Ref[]>()

  constructor(db: Db) {
    const rows = db.prepare('SELECT product_id, position, ref FROM spreadsheet_image_refs ORDER BY product_id, position').all() as Array<{ product_id: string; position: number; ref: string }>
    for (const r of rows) {
      const key = keyOf(r.ref)
      if (!key) continue
      const list = this.byName.get(key) ?? []
      list.push({ productId: r.product_id, position: r.position })
      this.byName.set(key, list)
    }
  }

  get size(): number {
    return this.byName.size
  }

  productsFor(fileName: string): Ref[] {
    return this.byName.get(keyOf(fileName)) ?? []
  }
}

/** "Foto/CHI-21 fronte.JPG", "https://…/chi-21%20fronte.jpg" → "chi-21 fronte.jpg". */
function keyOf(ref: string): string {
  let name = basename(ref.trim().replace(/\\/g, '/').split(/[?#]/)[0])
  try {
    name = decodeURIComponent(name)
  } catch {
    // Not URL-encoded.
  }
  return name.toLowerCase()
}

/**
 * Puts the photos matched for one product in the spreadsheet's order, within the places they
 * already hold among the product's photos (other photos stay where they are).
 */
export function orderByRefs(current: { main: string[]; extra: string[] }, positions: Map<string, number>): { main: string[]; extra: string[] } {
  const all = [...current.main, ...current.extra]
  const slots = all.map((id, i) => (positions.has(id) ? i : -1)).filter((i) => i >= 0)
  const sorted = slots.map((i) => all[i]).sort((a, b) => positions.get(a)! - positions.get(b)!)
  slots.forEach((slot, k) => (all[slot] = sorted[k]))
  return { main: all.slice(0, current.main.length), extra: all.slice(current.main.length) }
}
