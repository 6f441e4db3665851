// The firm's own category tree; each node can be mapped to a pavilion (ICBU) leaf category.
import type { z } from 'zod'
import { Category, type CategoryInput } from '../../../shared/domain/catalog-structure.ts'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { Db } from '../store/db.ts'
import type { Clock } from '../platform/clock.ts'
import { newId } from '../platform/clock.ts'

interface CategoryRow { id: string; parent_id: string | null; name: string; pavilion_category_id: string | null; sort: number }

const toCategory = (r: CategoryRow): Category => ({
  id: r.id, parentId: r.parent_id, name: JSON.parse(r.name), pavilionCategoryId: r.pavilion_category_id, sort: r.sort
})

export class CategoryStore {
  private readonly db: Db
  private readonly clock: Clock

  constructor(db: Db, clock: Clock) {
    this.db = db
    this.clock = clock
  }

  list(): Array<Category & { productCount: number }> {
    const rows = this.db.prepare(
      `SELECT c.*, (SELECT count(*) FROM products p WHERE p.category_id = c.id) AS product_count
       FROM categories c ORDER BY c.sort, c.name`
    ).all() as Array<CategoryRow & { product_count: number }>
    return rows.map((r) => ({ ...toCategory(r), productCount: r.product_count }))
  }

  get(id: string): Category {
    const row = this.db.prepare('SELECT * FROM categories WHERE id = ?').get(id) as CategoryRow | undefined
    if (!row) throw new AppError(ErrorCodes.notFound, `No category with id ${id}`, { params: { id } })
    return toCategory(row)
  }

  exists(id: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM categories WHERE id = ?').get(id)
  }

  create(input: z.output<typeof CategoryInput>): Category {
    if (input.parentId && !this.exists(input.parentId)) throw new AppError(ErrorCodes.validation, 'The parent category does not exist.', { issues: [{ path: 'parentId', message: 'unknown category' }] })
    const id = newId('cat')
    const now = this.clock.now().toISOString()
    this.db.prepare('INSERT INTO categories (id, parent_id, name, pavilion_category_id, sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.parentId, JSON.stringify(input.name), input.pavilionCategoryId, input.sort, now, now)
    return this.get(id)
  }

  update(input: { id: string; parentId?: string | null; name?: Record<string, string>; pavilionCategoryId?: string | null; sort?: number }): Category {
    const current = this.get(input.id)
    const parentId = input.parentId === undefined ? current.parentId : input.parentId
    if (parentId) {
      if (!this.exists(parentId)) throw new AppError(ErrorCodes.validation, 'The parent category does not exist.', { issues: [{ path: 'parentId', message: 'unknown category' }] })
      if (this.descendantIds(input.id).includes(parentId)) {
        throw new AppError(ErrorCodes.validation, 'A category cannot be moved inside itself.', { issues: [{ path: 'parentId', message: 'would create a loop' }] })
      }
    }
    const next = Category.parse({
      ...current,
      parentId,
      name: input.name ?? current.name,
      pavilionCategoryId: input.pavilionCategoryId === undefined ? current.pavilionCategoryId : input.pavilionCategoryId,
      sort: input.sort ?? current.sort
    })
    this.db.prepare('UPDATE categories SET parent_id = ?, name = ?, pavilion_category_id = ?, sort = ?, updated_at = ? WHERE id = ?')
      .run(next.parentId, JSON.stringify(next.name), next.pavilionCategoryId, next.sort, this.clock.now().toISOString(), next.id)
    return next
  }

  delete(id: string): void {
    this.get(id)
    const children = this.db.prepare('SELECT count(*) AS n FROM categories WHERE parent_id = ?').get(id) as { n: number }
    if (children.n > 0) throw new AppError(ErrorCodes.conflict, `This category has ${children.n} subcategories; move or delete them first.`, { params: { count: children.n } })
    const products = this.db.prepare('SELECT count(*) AS n FROM products WHERE category_id = ?').get(id) as { n: number }
    if (products.n > 0) throw new AppError(ErrorCodes.conflict, `${products.n} product(s) are in this category; move them first.`, { params: { count: products.n } })
    this.db.prepare('DELETE FROM categories WHERE id = ?').run(id)
  }

  /** The category and everything below it. */
  descendantIds(id: string): string[] {
    const rows = this.db.prepare(
      'WITH RECURSIVE t(id) AS (SELECT ? UNION ALL SELECT c.id FROM categories c JOIN t ON c.parent_id = t.id) SELECT id FROM t'
    ).all(id) as { id: string }[]
    return rows.map((r) => r.id)
  }
}
