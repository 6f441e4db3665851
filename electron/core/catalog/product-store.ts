// Reads and writes products. Every write validates the whole merged product, then in one
// transaction updates the row, the per-field localized texts, the field-level history and both
// search indexes — so a failed write leaves nothing behind.
import type { z } from 'zod'
import { AppError, ErrorCodes, issuesFromZod, type ErrorIssue } from '../../../shared/contract/errors.ts'
import { checkAttributes } from '../../../shared/domain/attributes.ts'
import { diffProducts, type FieldChange, type HistorySource } from '../../../shared/domain/history.ts'
import { SOURCE_LOCALE } from '../../../shared/domain/locales.ts'
import { applyProductPatch } from '../../../shared/domain/product-patch.ts'
import {
  ProductFields, emptyProductFields, type LocalizedText, type Product, type ProductCreate, type ProductPatch
} from '../../../shared/domain/product.ts'
import type { EventBus } from '../events.ts'
import type { Clock } from '../platform/clock.ts'
import { newId } from '../platform/clock.ts'
import type { Db } from '../store/db.ts'
import type { CategoryStore } from './categories.ts'
import type { FamilyStore } from './families.ts'
import { combinationKey } from '../../../shared/domain/variants.ts'
import { sanitizeRichText } from './rich-text.ts'
import { searchBody, shortTokens } from './search-text.ts'

export interface WriteContext {
  source: HistorySource
  /** What caused the change: an import job id, "history#12" for a restore … */
  detail?: string | null
  /** Groups the field changes of one user action (one undo step). Generated when absent. */
  batchId?: string
  /** Emit data.changed for this write (bulk jobs emit once at the end instead). */
  emit?: boolean
}

interface ProductRow {
  seq: number
  id: string
  sku: string
  status: Product['status']
  category_id: string | null
  family_id: string | null
  parent_id: string | null
  data: string
  version: number
  usn: number
  created_at: string
  updated_at: string
}

interface TextRow { locale: string; field: keyof LocalizedText; value: string }

/**
 * Called inside the write transaction of every product write, after the row, texts and history
 * are written. Other areas use it to keep their own tables consistent (e.g. translation marks
 * units stale when the Italian source changes). Throwing rolls the whole write back.
 */
export type ProductWriteHook = (event: {
  id: string
  /** null when the product is being created. */
  before: ProductFields | null
  after: ProductFields
  /** Field-level changes of an update; empty on creation (everything in `after` is new). */
  changes: FieldChange[]
  ctx: WriteContext
  at: string
}) => void

type StoredData = Pick<ProductFields, 'variantAxes' | 'axes' | 'variantOptions' | 'attributes' | 'trade' | 'logistics' | 'origin'>

export function zodIssues(error: z.ZodError): ErrorIssue[] {
  return issuesFromZod(error.issues as never)
}

export function validationError(issues: ErrorIssue[], what = 'The product'): AppError {
  const first = issues[0]
  const where = first.path ? ` (${first.path})` : ''
  return new AppError(ErrorCodes.validation, `${what} is not valid: ${first.message}${where}${issues.length > 1 ? ` and ${issues.length - 1} more problem(s)` : ''}.`, { issues })
}

/** A bulk write without savepoint failed after it started writing: roll back the whole transaction. */
export class PartialWriteError extends Error {
  readonly sku: string
  readonly cause: unknown
  constructor(sku: string, cause: unknown) {
    super(`Writing product ${sku} failed midway: ${(cause as Error)?.message ?? String(cause)}`)
    this.name = 'PartialWriteError'
    this.sku = sku
    this.cause = cause
  }
}

export class ProductStore {
  private readonly db: Db
  private readonly clock: Clock
  private readonly families: FamilyStore
  private readonly categories: CategoryStore
  private readonly events: EventBus
  private readonly stmts
  private readonly hooks: ProductWriteHook[] = []

  constructor(deps: { db: Db; clock: Clock; families: FamilyStore; categories: CategoryStore; events: EventBus }) {
    this.db = deps.db
    this.clock = deps.clock
    this.families = deps.families
    this.categories = deps.categories
    this.events = deps.events
    const db = this.db
    this.stmts = {
      byId: db.prepare('SELECT * FROM products WHERE id = ?'),
      bySku: db.prepare('SELECT * FROM products WHERE sku = ? COLLATE NOCASE'),
      texts: db.prepare('SELECT locale, field, value FROM product_texts WHERE product_id = ?'),
      variantCount: db.prepare('SELECT count(*) AS n FROM products WHERE parent_id = ?'),
      siblings: db.prepare('SELECT id, sku, data FROM products WHERE parent_id = ?'),
      insert: db.prepare(
        `INSERT INTO products (id, sku, status, category_id, family_id, parent_id, data, sort_title, version, usn, created_at, updated_at)
         VALUES (@id, @sku, @status, @category_id, @family_id, @parent_id, @data, @sort_title, 1, @usn, @now, @now)`
      ),
      update: db.prepare(
        `UPDATE products SET sku = @sku, status = @status, category_id = @category_id, family_id = @family_id, parent_id = @parent_id,
           data = @data, sort_title = @sort_title, version = version + 1, usn = @usn, updated_at = @now WHERE id = @id`
      ),
      nextUsn: db.prepare('SELECT coalesce(max(usn), 0) + 1 AS usn FROM products'),
      upsertText: db.prepare(
        `INSERT INTO product_texts (product_id, locale, field, value, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(product_id, locale, field) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
      ),
      deleteText: db.prepare('DELETE FROM product_texts WHERE product_id = ? AND locale = ? AND field = ?'),
      history: db.prepare('INSERT INTO history (product_id, batch_id, path, old, new, at, source, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      ftsDelete: db.prepare('DELETE FROM product_fts WHERE rowid = ?'),
      ftsInsert: db.prepare('INSERT INTO product_fts (rowid, sku, body) VALUES (?, ?, ?)'),
      shortDelete: db.prepare('DELETE FROM product_short WHERE rowid = ?'),
      shortInsert: db.prepare('INSERT INTO product_short (rowid, tokens) VALUES (?, ?)')
    }
  }

  addWriteHook(hook: ProductWriteHook): void {
    this.hooks.push(hook)
  }

  get(id: string): Product {
    const row = this.stmts.byId.get(id) as ProductRow | undefined
    if (!row) throw new AppError(ErrorCodes.notFound, `No product with id ${id}`, { params: { id } })
    return this.toProduct(row)
  }

  getBySku(sku: string): Product {
    const row = this.stmts.bySku.get(sku) as ProductRow | undefined
    if (!row) throw new AppError(ErrorCodes.notFound, `No product with SKU ${sku}`, { params: { sku } })
    return this.toProduct(row)
  }

  findIdBySku(sku: string): string | null {
    const row = this.stmts.bySku.get(sku) as ProductRow | undefined
    return row?.id ?? null
  }

  /** The stored fields only (what patches and history operate on). */
  fields(id: string): ProductFields {
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, variantCount: _n, ...fields } = this.get(id)
    return fields
  }

  create(input: z.output<typeof ProductCreate>, ctx: WriteContext): Product {
    const base = emptyProductFields(input.sku)
    const fields = this.validate(applyProductPatch(base, input), null)
    const id = newId('p')
    return this.commit(id, null, fields, ctx)
  }

  /**
   * Bulk writers (import): creates (id null) or updates a product like create/update — same
   * validation, history, search indexing and write hooks — but does not read the product back.
   * Returns how many fields changed (0: the product was already like that).
   * With `savepoint: false` inside the caller's transaction, the write is not wrapped in its own
   * savepoint (FTS5 flushes its pending index at every savepoint, which makes bulk writes several
   * times slower). Validation errors still leave nothing behind; a failure after validation throws
   * PartialWriteError, and the caller must then roll back its whole transaction.
   */
  write(id: string | null, patch: z.output<typeof ProductPatch>, ctx: WriteContext, opts: { savepoint?: boolean } = {}): { id: string; created: boolean; changes: number } {
    const savepoint = opts.savepoint !== false || !this.db.inTransaction
    if (id === null) {
      if (!patch.sku) throw validationError([{ path: 'sku', message: 'SKU is required' }])
      const fields = this.validate(applyProductPatch(emptyProductFields(patch.sku), patch), null)
      const newProductId = newId('p')
      this.persist(newProductId, null, fields, ctx, savepoint)
      return { id: newProductId, created: true, changes: 1 }
    }
    const before = this.fields(id)
    const after = this.validate(applyProductPatch(before, patch), id)
    return { id, created: false, changes: this.persist(id, before, after, ctx, savepoint) }
  }

  update(id: string, patch: z.output<typeof ProductPatch>, ctx: WriteContext, expectedVersion?: number): Product {
    const current = this.get(id)
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new AppError(ErrorCodes.conflict, `This product was changed elsewhere (version ${current.version}, you had ${expectedVersion}). Reload it and try again.`, {
        params: { current: current.version, expected: expectedVersion }
      })
    }
    const before = this.fields(id)
    const after = this.validate(applyProductPatch(before, patch), id)
    return this.commit(id, before, after, ctx)
  }

  /** Writes a complete set of fields (restore, undo). */
  replace(id: string, fields: ProductFields, ctx: WriteContext): Product {
    const before = this.fields(id)
    return this.commit(id, before, this.validate(fields, id), ctx)
  }

  delete(id: string): number {
    this.get(id)
    const rows = this.db.prepare('SELECT usn FROM products WHERE id = ? OR parent_id = ?').all(id, id) as { usn: number }[]
    this.db.transaction(() => {
      for (const r of rows) {
        this.stmts.ftsDelete.run(r.usn)
        this.stmts.shortDelete.run(r.usn)
      }
      this.db.prepare('DELETE FROM products WHERE id = ?').run(id)
    })()
    this.emitChanged([id])
    return rows.length
  }

  /** Validates a merged product: schema, references, attributes against the family, variant rules. */
  validate(raw: ProductFields, id: string | null): ProductFields {
    for (const text of Object.values(raw.texts ?? {})) {
      if (text.description) text.description = sanitizeRichText(text.description)
      if (text.description === '') delete text.description
    }
    const parsed = ProductFields.safeParse(raw)
    if (!parsed.success) throw validationError(zodIssues(parsed.error))
    const p = parsed.data
    const issues: ErrorIssue[] = []
    if (p.categoryId && !this.categories.exists(p.categoryId)) issues.push({ path: 'categoryId', message: 'unknown category', code: 'unknown_category' })
    const family = p.familyId ? this.families.get(p.familyId) : undefined
    if (p.familyId && !family) issues.push({ path: 'familyId', message: 'unknown attribute family', code: 'unknown_family' })
    if (family) issues.push(...checkAttributes(p.attributes, family.attributes))
    else if (!p.familyId && Object.keys(p.attributes).length > 0) {
      issues.push({ path: 'attributes', message: 'choose an attribute family before setting attributes', code: 'family_required' })
    }
    if (p.parentId) {
      if (p.parentId === id) issues.push({ path: 'parentId', message: 'a product cannot be its own variant', code: 'own_variant' })
      const parent = this.stmts.byId.get(p.parentId) as ProductRow | undefined
      if (!parent) issues.push({ path: 'parentId', message: 'unknown parent product', code: 'unknown_parent' })
      else {
        if (parent.parent_id) issues.push({ path: 'parentId', message: 'a variant cannot have variants', code: 'nested_variant' })
        const axes = (JSON.parse(parent.data) as StoredData).variantAxes ?? []
        for (const axis of Object.keys(p.axes)) {
          if (!axes.includes(axis)) issues.push({ path: `axes.${axis}`, message: `the parent product has no variant axis "${axis}"`, code: 'unknown_axis', params: { axis } })
        }
        const clash = this.sameCombination(p, id, axes)
        if (clash) {
          issues.push({
            path: 'axes', code: 'duplicate_combination', params: { sku: p.sku, other: clash, parent: parent.sku },
            message: `${p.sku} and ${clash} would both be ${describeAxes(p.axes, axes)} of ${parent.sku}; change the values of one of them`
          })
        }
      }
      if (p.variantAxes.length > 0) issues.push({ path: 'variantAxes', message: 'a variant cannot define variant axes', code: 'variant_axes_on_variant' })
    } else if (Object.keys(p.axes).length > 0) {
      issues.push({ path: 'axes', message: 'only variants have axis values', code: 'axes_on_parent' })
    }
    if (id && !p.parentId && p.variantAxes.length === 0) {
      const n = (this.stmts.variantCount.get(id) as { n: number }).n
      if (n > 0) issues.push({ path: 'variantAxes', message: `this product has ${n} variant(s); keep at least one axis`, code: 'axes_required', params: { count: n } })
    }
    if (issues.length) throw validationError(issues)
    return p
  }

  /** The SKU of another variant of the same parent standing for the same axis values, if any. */
  private sameCombination(p: ProductFields, id: string | null, parentAxes: string[]): string | null {
    const mine = combinationKey(p.axes, parentAxes)
    if (mine === null) return null
    for (const row of this.stmts.siblings.all(p.parentId) as Array<{ id: string; sku: string; data: string }>) {
      if (row.id === id) continue
      if (combinationKey((JSON.parse(row.data) as StoredData).axes ?? {}, parentAxes) === mine) return row.sku
    }
    return null
  }

  private commit(id: string, before: ProductFields | null, after: ProductFields, ctx: WriteContext): Product {
    this.persist(id, before, after, ctx)
    return this.get(id)
  }

  /** Writes one product in one transaction; returns the number of changed fields (0 = nothing written). */
  private persist(id: string, before: ProductFields | null, after: ProductFields, ctx: WriteContext, savepoint = true): number {
    const changes = before ? diffProducts(before, after) : []
    if (before && changes.length === 0) return 0
    const now = this.clock.now().toISOString()
    const data: StoredData = {
      variantAxes: after.variantAxes, axes: after.axes, variantOptions: after.variantOptions, attributes: after.attributes,
      trade: after.trade, logistics: after.logistics, origin: after.origin
    }
    const row = {
      id, sku: after.sku, status: after.status, category_id: after.categoryId, family_id: after.familyId,
      parent_id: after.parentId, data: JSON.stringify(data), sort_title: sortTitle(after.texts), now, usn: 0
    }
    const batchId = ctx.batchId ?? newId('b')
    const body = () => {
      const oldUsn = before ? (this.stmts.byId.get(id) as ProductRow).usn : null
      row.usn = (this.stmts.nextUsn.get() as { usn: number }).usn
      try {
        if (before) this.stmts.update.run(row)
        else this.stmts.insert.run(row)
      } catch (err) {
        if (/UNIQUE constraint failed: products.sku/.test((err as Error).message)) {
          throw new AppError(ErrorCodes.duplicateSku, `Another product already has the SKU "${after.sku}".`, {
            params: { sku: after.sku }, issues: [{ path: 'sku', message: 'already used by another product', code: 'duplicate_sku' }]
          })
        }
        throw err
      }
      this.writeTexts(id, before?.texts ?? {}, after.texts, now)
      if (before) this.writeHistory(id, batchId, changes, now, ctx)
      else this.stmts.history.run(id, batchId, '', null, null, now, ctx.source, ctx.detail ?? 'created')
      this.index(oldUsn, row.usn, after.sku, after.texts)
      for (const hook of this.hooks) hook({ id, before, after, changes, ctx, at: now })
    }
    if (savepoint) this.db.transaction(body)()
    else {
      try {
        body()
      } catch (err) {
        throw new PartialWriteError(after.sku, err)
      }
    }
    if (ctx.emit !== false) this.emitChanged([id, ...(after.parentId ? [after.parentId] : [])])
    return Math.max(1, changes.length)
  }

  private writeTexts(id: string, before: Record<string, LocalizedText>, after: Record<string, LocalizedText>, now: string): void {
    const locales = new Set([...Object.keys(before), ...Object.keys(after)])
    for (const locale of locales) {
      const a = (before[locale] ?? {}) as Record<string, unknown>
      const b = (after[locale] ?? {}) as Record<string, unknown>
      for (const field of ['title', 'shortDescription', 'description', 'keywords']) {
        const nv = b[field]
        if (nv === undefined) {
          if (a[field] !== undefined) this.stmts.deleteText.run(id, locale, field)
          continue
        }
        const stored = typeof nv === 'string' ? nv : JSON.stringify(nv)
        const old = a[field] === undefined ? undefined : typeof a[field] === 'string' ? a[field] : JSON.stringify(a[field])
        if (stored !== old) this.stmts.upsertText.run(id, locale, field, stored, now)
      }
    }
  }

  private writeHistory(id: string, batchId: string, changes: FieldChange[], now: string, ctx: WriteContext): void {
    for (const c of changes) {
      this.stmts.history.run(id, batchId, c.path, c.old === null ? null : JSON.stringify(c.old), c.new === null ? null : JSON.stringify(c.new), now, ctx.source, ctx.detail ?? null)
    }
  }

  /** Re-indexes one product under its new update sequence number (see migration 0001). */
  index(oldUsn: number | null, usn: number, sku: string, texts: Record<string, LocalizedText>): void {
    const body = searchBody(texts)
    if (oldUsn !== null) {
      this.stmts.ftsDelete.run(oldUsn)
      this.stmts.shortDelete.run(oldUsn)
    }
    this.stmts.ftsInsert.run(usn, sku, body)
    this.stmts.shortInsert.run(usn, shortTokens(`${sku} ${body}`))
  }

  emitChanged(ids: string[]): void {
    const emit = () => this.events.emit('data.changed', { entity: 'product', ids })
    if (this.db.inTransaction) setImmediate(emit)
    else emit()
  }

  private toProduct(row: ProductRow): Product {
    const data = JSON.parse(row.data) as StoredData
    const texts: Record<string, LocalizedText> = {}
    for (const t of this.stmts.texts.all(row.id) as TextRow[]) {
      const locale = (texts[t.locale] ??= {}) as Record<string, unknown>
      locale[t.field] = t.field === 'keywords' ? JSON.parse(t.value) : t.value
    }
    return {
      id: row.id,
      sku: row.sku,
      status: row.status,
      categoryId: row.category_id,
      familyId: row.family_id,
      parentId: row.parent_id,
      variantAxes: data.variantAxes ?? [],
      axes: data.axes ?? {},
      variantOptions: data.variantOptions ?? {},
      texts,
      attributes: data.attributes ?? {},
      trade: data.trade ?? {},
      logistics: data.logistics ?? {},
      origin: data.origin ?? {},
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      variantCount: (this.stmts.variantCount.get(row.id) as { n: number }).n
    }
  }
}

function describeAxes(axes: Record<string, string>, order: string[]): string {
  return order.filter((a) => axes[a] !== undefined).map((a) => `${a} ${axes[a]}`).join(', ')
}

/** Sort key: the Italian title, or the first title in any language. */
export function sortTitle(texts: Record<string, LocalizedText>): string {
  const title = texts[SOURCE_LOCALE]?.title ?? Object.values(texts).find((t) => t.title)?.title ?? ''
  return title.toLocaleLowerCase('it').slice(0, 200)
}

export type { ProductCreate, ProductPatch }
