// The product list: free-text search over both indexes, filters, sort and keyset paging.
//
// Searches are lazy: the indexes are keyed by update sequence number (usn), so reading one in
// descending rowid order yields matches newest-changed first and we stop as soon as a page is
// full — a query matching every product costs no more than one matching a few. Counts of search
// results stop at SEARCH_COUNT_CAP ("1,000+"). Sorting a search by SKU or name needs every match
// and is slower on huge result sets; browsing (no query) always uses an index.
// Queries are built from fixed fragments with bound parameters only.
import type { z } from 'zod'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { ListProductsInput } from '../../../shared/contract/catalog.ts'
import { SOURCE_LOCALE } from '../../../shared/domain/locales.ts'
import type { ProductSummary } from '../../../shared/domain/product.ts'
import type { Db } from '../store/db.ts'
import type { CategoryStore } from './categories.ts'
import { planSearch, type SearchPlan } from './search-text.ts'

type ListInput = z.output<typeof ListProductsInput>

export const SEARCH_COUNT_CAP = 1000
const FILTERED_COUNT_CAP = 1000

const SORT_COLUMNS = { updated: 'p.usn', created: 'p.seq', sku: 'p.sku', title: 'p.sort_title' } as const

interface Row {
  id: string
  sku: string
  status: ProductSummary['status']
  category_id: string | null
  parent_id: string | null
  updated_at: string
  axes: string | null
  price: number | null
  currency: string | null
  unit: string | null
  usn: number
  sort_value: string | number
}

const ROW_COLUMNS = `p.id, p.sku, p.status, p.category_id, p.parent_id, p.updated_at, json_extract(p.data, '$.axes') AS axes,
  json_extract(p.data, '$.trade.ladder[0].price') AS price, json_extract(p.data, '$.trade.currency') AS currency,
  json_extract(p.data, '$.trade.sellingUnit') AS unit, p.usn`

export interface ListResult {
  items: ProductSummary[]
  nextCursor: string | null
  total: number
  totalExact: boolean
}

function encodeCursor(value: string | number, usn: number): string {
  return Buffer.from(JSON.stringify([value, usn])).toString('base64url')
}

function decodeCursor(cursor: string): [string | number, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(v) && (typeof v[0] === 'string' || typeof v[0] === 'number') && Number.isInteger(v[1])) return [v[0], v[1]]
  } catch {
    // fall through
  }
  throw new AppError(ErrorCodes.validation, 'The page cursor is not valid; start from the first page.', { issues: [{ path: 'cursor', message: 'invalid cursor' }] })
}

export class ProductList {
  private readonly db: Db
  private readonly categories: CategoryStore
  private readonly targetLocales: () => string[]
  private readonly titlesStmt
  private readonly variantCountsStmt
  private readonly shortAllStmt

  constructor(deps: { db: Db; categories: CategoryStore; targetLocales: () => string[] }) {
    this.db = deps.db
    this.categories = deps.categories
    this.targetLocales = deps.targetLocales
    this.titlesStmt = this.db.prepare(
      "SELECT product_id, locale, value FROM product_texts WHERE field = 'title' AND product_id IN (SELECT value FROM json_each(?))"
    )
    this.variantCountsStmt = this.db.prepare(
      'SELECT parent_id, count(*) AS n FROM products WHERE parent_id IN (SELECT value FROM json_each(?)) GROUP BY parent_id'
    )
    this.shortAllStmt = this.db.prepare('SELECT rowid FROM product_short WHERE product_short MATCH ?')
  }

  list(input: ListInput, displayLocale = SOURCE_LOCALE): ListResult {
    const plan = planSearch(input.query)
    const { where, args } = this.filters(input, !!plan)
    const page = plan ? this.search(plan, input, where, args) : this.browse(input, where, args)
    return { ...page, items: this.summaries(page.rows, displayLocale) }
  }

  /** Filter fragments on products p (everything but the text query). */
  private filters(input: ListInput, searching: boolean): { where: string[]; args: unknown[] } {
    const where: string[] = []
    const args: unknown[] = []
    if (input.parent !== 'top') {
      where.push('p.parent_id = ?')
      args.push(input.parent)
    } else if (!searching) {
      // Browsing shows parents and standalone products; a search also finds variants.
      where.push('p.parent_id IS NULL')
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
    return { where, args }
  }

  private browse(input: ListInput, where: string[], args: unknown[]) {
    const onlyTopLevel = where.length === 1 && where[0] === 'p.parent_id IS NULL'
    const base = where.length ? `WHERE ${where.join(' AND ')}` : ''
    let total = -1
    let totalExact = true
    if (!input.cursor) {
      if (onlyTopLevel || where.length === 0) {
        total = (this.db.prepare(`SELECT count(*) AS n FROM products p ${base}`).get(...args) as { n: number }).n
      } else {
        total = (this.db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM products p ${base} LIMIT ${FILTERED_COUNT_CAP + 1})`).get(...args) as { n: number }).n
        totalExact = total <= FILTERED_COUNT_CAP
      }
    }
    const col = SORT_COLUMNS[input.sort]
    const dir = input.direction === 'asc' ? 'ASC' : 'DESC'
    const cmp = input.direction === 'asc' ? '>' : '<'
    const pageWhere = [...where]
    const pageArgs = [...args]
    if (input.cursor) {
      const [value, usn] = decodeCursor(input.cursor)
      if (col === 'p.usn') pageWhere.push(`p.usn ${cmp} ?`)
      else pageWhere.push(`(${col}, p.usn) ${cmp} (?, ?)`)
      pageArgs.push(...(col === 'p.usn' ? [usn] : [value, usn]))
    }
    const rows = this.db
      .prepare(`SELECT ${ROW_COLUMNS}, ${col} AS sort_value FROM products p ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
        ORDER BY ${col} ${dir}, p.usn ${dir} LIMIT ?`)
      .all(...pageArgs, input.limit + 1) as Row[]
    return this.paged(rows, input.limit, total, totalExact)
  }

  private search(plan: SearchPlan, input: ListInput, where: string[], args: unknown[]) {
    const filter = this.db.prepare(
      `SELECT ${ROW_COLUMNS}, p.usn AS sort_value FROM products p
       WHERE p.usn IN (SELECT value FROM json_each(?)) ${where.length ? `AND ${where.join(' AND ')}` : ''}
       ORDER BY p.usn ${input.direction === 'asc' ? 'ASC' : 'DESC'}`
    )
    const countOnly = this.db.prepare(
      `SELECT count(*) AS n FROM products p WHERE p.usn IN (SELECT value FROM json_each(?)) ${where.length ? `AND ${where.join(' AND ')}` : ''}`
    )
    const secondary = plan.trigram && plan.short ? this.shortSet(plan.short) : null

    if (input.sort !== 'updated') {
      // Any other order needs every match first.
      const all: number[] = []
      for (const batch of this.stream(plan, 'desc', null, secondary)) all.push(...batch)
      const col = SORT_COLUMNS[input.sort]
      const dir = input.direction === 'asc' ? 'ASC' : 'DESC'
      const cmp = input.direction === 'asc' ? '>' : '<'
      const pageWhere = ['p.usn IN (SELECT value FROM json_each(?))', ...where]
      const pageArgs: unknown[] = [JSON.stringify(all), ...args]
      const total = input.cursor ? -1 : (this.db.prepare(`SELECT count(*) AS n FROM products p WHERE ${pageWhere.join(' AND ')}`).get(...pageArgs) as { n: number }).n
      if (input.cursor) {
        const [value, usn] = decodeCursor(input.cursor)
        pageWhere.push(`(${col}, p.usn) ${cmp} (?, ?)`)
        pageArgs.push(value, usn)
      }
      const rows = this.db
        .prepare(`SELECT ${ROW_COLUMNS}, ${col} AS sort_value FROM products p WHERE ${pageWhere.join(' AND ')} ORDER BY ${col} ${dir}, p.usn ${dir} LIMIT ?`)
        .all(...pageArgs, input.limit + 1) as Row[]
      return this.paged(rows, input.limit, total, true)
    }

    const direction = input.direction === 'asc' ? 'asc' : 'desc'
    const after = input.cursor ? Number(decodeCursor(input.cursor)[1]) : null
    const rows: Row[] = []
    const counting = !input.cursor
    // Without filters or a second index, the index alone counts (still lazily, up to the cap).
    const indexCounts = counting && where.length === 0 && !secondary
    let counted = indexCounts ? this.countInIndex(plan) : 0
    for (const batch of this.stream(plan, direction, after, secondary)) {
      const list = JSON.stringify(batch)
      if (rows.length <= input.limit) {
        const found = filter.all(list, ...args) as Row[]
        rows.push(...found.slice(0, input.limit + 1 - rows.length))
        if (!indexCounts) counted += found.length
      } else if (!indexCounts) counted += (countOnly.get(list, ...args) as { n: number }).n
      if (rows.length > input.limit && (!counting || indexCounts || counted > SEARCH_COUNT_CAP)) break
    }
    const total = counting ? Math.min(counted, SEARCH_COUNT_CAP + 1) : -1
    return this.paged(rows, input.limit, total, !counting || counted <= SEARCH_COUNT_CAP)
  }

  private countInIndex(plan: SearchPlan): number {
    const table = plan.trigram ? 'product_fts' : 'product_short'
    return (this.db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH ? LIMIT ${SEARCH_COUNT_CAP + 1})`).get(plan.trigram ?? plan.short) as { n: number }).n
  }

  /** Every product matching a short-token expression (a token's posting list: cheap to read whole). */
  private shortSet(expr: string): Set<number> {
    return new Set((this.shortAllStmt.raw().all(expr) as number[][]).map((r) => r[0]))
  }

  /** Matching usns in index order, in growing batches, filtered by the secondary index. */
  private *stream(plan: SearchPlan, direction: 'asc' | 'desc', after: number | null, secondary: Set<number> | null): Generator<number[]> {
    const table = plan.trigram ? 'product_fts' : 'product_short'
    const expr = (plan.trigram ?? plan.short)!
    const op = direction === 'desc' ? '<' : '>'
    const stmt = this.db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? AND rowid ${op} ? ORDER BY rowid ${direction.toUpperCase()} LIMIT ?`).raw()
    let bound = after ?? (direction === 'desc' ? Number.MAX_SAFE_INTEGER : 0)
    let size = 128
    for (;;) {
      const ids = (stmt.all(expr, bound, size) as number[][]).map((r) => r[0])
      if (ids.length === 0) return
      bound = ids[ids.length - 1]
      yield secondary ? ids.filter((id) => secondary.has(id)) : ids
      if (ids.length < size) return
      size = Math.min(size * 2, 4096)
    }
  }

  private paged(rows: Row[], limit: number, total: number, totalExact: boolean) {
    const hasMore = rows.length > limit
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    return { rows: page, nextCursor: hasMore && last ? encodeCursor(last.sort_value, last.usn) : null, total, totalExact }
  }

  private summaries(rows: Row[], displayLocale: string): ProductSummary[] {
    if (rows.length === 0) return []
    const ids = JSON.stringify(rows.map((r) => r.id))
    const titles = new Map<string, Map<string, string>>()
    for (const t of this.titlesStmt.all(ids) as { product_id: string; locale: string; value: string }[]) {
      const m = titles.get(t.product_id) ?? new Map<string, string>()
      m.set(t.locale, t.value)
      titles.set(t.product_id, m)
    }
    const variants = new Map((this.variantCountsStmt.all(ids) as { parent_id: string; n: number }[]).map((r) => [r.parent_id, r.n]))
    const targets = this.targetLocales()
    return rows.map((r) => {
      const t = titles.get(r.id) ?? new Map<string, string>()
      const titleLocale = t.has(displayLocale) ? displayLocale : t.has(SOURCE_LOCALE) ? SOURCE_LOCALE : [...t.keys()][0] ?? SOURCE_LOCALE
      return {
        id: r.id,
        sku: r.sku,
        status: r.status,
        categoryId: r.category_id,
        parentId: r.parent_id,
        title: t.get(titleLocale) ?? '',
        titleLocale,
        missingLocales: targets.filter((l) => !t.has(l)),
        variantCount: variants.get(r.id) ?? 0,
        axes: r.axes ? (JSON.parse(r.axes) as Record<string, string>) : {},
        price: typeof r.price === 'number' ? { value: r.price, currency: r.currency, unit: r.unit } : null,
        updatedAt: r.updated_at
      }
    })
  }
}
