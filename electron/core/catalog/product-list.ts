// The product list: free-text search over both indexes, filters, sort and keyset paging.
// Queries are built from fixed fragments with bound parameters only.
import type { z } from 'zod'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { ListProductsInput } from '../../../shared/contract/catalog.ts'
import { SOURCE_LOCALE } from '../../../shared/domain/locales.ts'
import type { ProductSummary } from '../../../shared/domain/product.ts'
import type { Db } from '../store/db.ts'
import type { CategoryStore } from './categories.ts'
import { planSearch } from './search-text.ts'

type ListInput = z.output<typeof ListProductsInput>

const SORT_COLUMNS = { updated: 'p.updated_at', created: 'p.created_at', sku: 'p.sku', title: 'p.sort_title' } as const

interface ListRow {
  seq: number
  id: string
  sku: string
  status: ProductSummary['status']
  category_id: string | null
  parent_id: string | null
  updated_at: string
  axes: string | null
  sort_value: string
}

function encodeCursor(value: string, seq: number): string {
  return Buffer.from(JSON.stringify([value, seq])).toString('base64url')
}

function decodeCursor(cursor: string): [string, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isInteger(v[1])) return [v[0], v[1]]
  } catch {
    // fall through
  }
  throw new AppError(ErrorCodes.validation, 'The page cursor is not valid; start from the first page.', { issues: [{ path: 'cursor', message: 'invalid cursor' }] })
}

export class ProductList {
  private readonly db: Db
  private readonly categories: CategoryStore
  private readonly targetLocales: () => string[]
  private readonly titleStmt
  private readonly variantCountStmt

  constructor(deps: { db: Db; categories: CategoryStore; targetLocales: () => string[] }) {
    this.db = deps.db
    this.categories = deps.categories
    this.targetLocales = deps.targetLocales
    this.titleStmt = this.db.prepare("SELECT locale, value FROM product_texts WHERE product_id = ? AND field = 'title'")
    this.variantCountStmt = this.db.prepare('SELECT count(*) AS n FROM products WHERE parent_id = ?')
  }

  list(input: ListInput, displayLocale = SOURCE_LOCALE): { items: ProductSummary[]; nextCursor: string | null; total: number } {
    const where: string[] = []
    const args: unknown[] = []
    const plan = planSearch(input.query)

    if (input.parent !== 'top') {
      where.push('p.parent_id = ?')
      args.push(input.parent)
    } else if (!plan) {
      // Browsing shows parents and standalone products; a search also finds variants.
      where.push('p.parent_id IS NULL')
    }
    if (plan?.trigram) {
      where.push('p.seq IN (SELECT rowid FROM product_fts WHERE product_fts MATCH ?)')
      args.push(plan.trigram)
    }
    if (plan?.short) {
      where.push('p.seq IN (SELECT rowid FROM product_short WHERE product_short MATCH ?)')
      args.push(plan.short)
    }
    if (input.status?.length) {
      where.push(`p.status IN (${input.status.map(() => '?').join(',')})`)
      args.push(...input.status)
    }
    if (input.categoryId === null) where.push('p.category_id IS NULL')
    else if (input.categoryId) {
      const ids = this.categories.descendantIds(input.categoryId)
      where.push(`p.category_id IN (${ids.map(() => '?').join(',')})`)
      args.push(...ids)
    }
    if (input.missingLocale) {
      where.push("NOT EXISTS (SELECT 1 FROM product_texts t WHERE t.product_id = p.id AND t.locale = ? AND t.field = 'title')")
      args.push(input.missingLocale)
    }

    const baseWhere = where.length ? `WHERE ${where.join(' AND ')}` : ''
    const total = input.cursor
      ? -1
      : (this.db.prepare(`SELECT count(*) AS n FROM products p ${baseWhere}`).get(...args) as { n: number }).n

    const col = SORT_COLUMNS[input.sort]
    const dir = input.direction === 'asc' ? 'ASC' : 'DESC'
    const cmp = input.direction === 'asc' ? '>' : '<'
    const pageWhere = [...where]
    const pageArgs = [...args]
    if (input.cursor) {
      const [value, seq] = decodeCursor(input.cursor)
      pageWhere.push(`(${col} ${cmp} ? OR (${col} = ? AND p.seq ${cmp} ?))`)
      pageArgs.push(value, value, seq)
    }
    const sql = `SELECT p.seq, p.id, p.sku, p.status, p.category_id, p.parent_id, p.updated_at, json_extract(p.data, '$.axes') AS axes, ${col} AS sort_value
      FROM products p ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
      ORDER BY ${col} ${dir}, p.seq ${dir} LIMIT ?`
    const rows = this.db.prepare(sql).all(...pageArgs, input.limit + 1) as ListRow[]
    const hasMore = rows.length > input.limit
    const page = rows.slice(0, input.limit)
    const targets = this.targetLocales()
    const items = page.map((r) => this.summary(r, displayLocale, targets))
    const last = page[page.length - 1]
    return { items, nextCursor: hasMore && last ? encodeCursor(last.sort_value, last.seq) : null, total }
  }

  private summary(r: ListRow, displayLocale: string, targets: string[]): ProductSummary {
    const titles = new Map((this.titleStmt.all(r.id) as { locale: string; value: string }[]).map((t) => [t.locale, t.value]))
    const titleLocale = titles.has(displayLocale) ? displayLocale : titles.has(SOURCE_LOCALE) ? SOURCE_LOCALE : [...titles.keys()][0] ?? SOURCE_LOCALE
    return {
      id: r.id,
      sku: r.sku,
      status: r.status,
      categoryId: r.category_id,
      parentId: r.parent_id,
      title: titles.get(titleLocale) ?? '',
      titleLocale,
      missingLocales: targets.filter((l) => !titles.has(l)),
      variantCount: (this.variantCountStmt.get(r.id) as { n: number }).n,
      axes: r.axes ? (JSON.parse(r.axes) as Record<string, string>) : {},
      updatedAt: r.updated_at
    }
  }
}
