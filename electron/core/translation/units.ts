// Translation units: one row per product text field × target locale. The target text itself lives
// in product_texts (written through the product store, so history records it); a unit row holds
// the status, the stale flag, the Italian text the translation was made from, QA results and a
// revision counter. A product write hook keeps units in step with every write, in the same
// transaction: a changed Italian source marks translations stale, a target edited elsewhere
// (product editor, spreadsheet import) counts as human work.
import { z } from 'zod'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { UnitKey, UnitSelection, QaIssue } from '../../../shared/contract/translation.ts'
import { diffProducts } from '../../../shared/domain/history.ts'
import { SOURCE_LOCALE } from '../../../shared/domain/locales.ts'
import type { ProductFields, TextField } from '../../../shared/domain/product.ts'
import { TEXT_FIELDS } from '../../../shared/domain/product.ts'
import { countIssues, runQa } from '../../../shared/domain/translation/qa.ts'
import { checkInline, htmlToInline, inlineToHtml, markedToInline } from '../../../shared/domain/translation/inline.ts'
import { fieldToText, limitsFor, textToField, type LocaleLimits, type UnitOrigin, type UnitStatus } from '../../../shared/domain/translation/units.ts'
import type { Services } from '../core.ts'
import type { WriteContext } from '../catalog/product-store.ts'
import { newId } from '../platform/clock.ts'
import type { GlossaryStore } from './glossary/glossary-store.ts'
import type { TmStore } from './tm/tm-store.ts'

export interface UnitRow {
  product_id: string
  field: TextField
  locale: string
  status: UnitStatus
  stale: number
  base_source: string | null
  origin: string | null
  qa: string
  qa_errors: number
  qa_warnings: number
  qa_override: string | null
  xliff_extra: string | null
  rev: number
  updated_at: string
  updated_by: string | null
}

export interface UnitView extends UnitRow {
  source: string
  target: string
  sku: string
  category_id: string | null
  product_title: string
}

const FieldLimitsSchema = z.object({ maxChars: z.number().int().positive().optional(), ascii: z.boolean().optional(), maxItems: z.number().int().positive().optional() })
/** Settings key "translation.limits": per-locale ("*" for all) overrides of the pavilion limits. */
export const LimitOverrides = z.record(z.string(), z.record(z.string(), FieldLimitsSchema))

const FIELD_RANK = `CASE u.field WHEN 'title' THEN 0 WHEN 'shortDescription' THEN 1 WHEN 'description' THEN 2 ELSE 3 END`

export interface TargetWrite {
  key: UnitKey
  /** Stored field form (HTML for descriptions, one keyword per line), '' to clear. */
  text: string
  status: UnitStatus
  origin: UnitOrigin
  /** The Italian text this translation renders (defaults to the current source). */
  baseSource?: string
  stale?: boolean
  actor: string | null
  override?: boolean
  xliffExtra?: string | null
}

export class UnitStore {
  private readonly s: Services
  private readonly glossary: GlossaryStore
  private readonly tm: TmStore
  private readonly stmts
  /** Set while this store writes targets, so the product hook leaves those units to us. */
  private writing = 0

  constructor(s: Services, glossary: GlossaryStore, tm: TmStore) {
    this.s = s
    this.glossary = glossary
    this.tm = tm
    const db = s.db
    this.stmts = {
      get: db.prepare('SELECT * FROM tr_units WHERE product_id = ? AND field = ? AND locale = ?'),
      view: db.prepare(`SELECT u.*, s.value AS source, coalesce(t.value, '') AS target, p.sku, p.category_id,
          coalesce((SELECT value FROM product_texts WHERE product_id = u.product_id AND locale = 'it' AND field = 'title'), p.sku) AS product_title
        FROM tr_units u JOIN products p ON p.id = u.product_id
        JOIN product_texts s ON s.product_id = u.product_id AND s.locale = 'it' AND s.field = u.field
        LEFT JOIN product_texts t ON t.product_id = u.product_id AND t.locale = u.locale AND t.field = u.field
        WHERE u.product_id = ? AND u.field = ? AND u.locale = ?`),
      insert: db.prepare(`INSERT INTO tr_units (product_id, field, locale, status, stale, base_source, origin, qa, qa_errors, qa_warnings, rev, updated_at, updated_by)
        VALUES (@product_id, @field, @locale, @status, @stale, @base_source, @origin, @qa, @qa_errors, @qa_warnings, 1, @now, @by)`),
      update: db.prepare(`UPDATE tr_units SET status = @status, stale = @stale, base_source = @base_source, origin = @origin, qa = @qa,
          qa_errors = @qa_errors, qa_warnings = @qa_warnings, qa_override = @qa_override, xliff_extra = coalesce(@xliff_extra, xliff_extra),
          rev = rev + 1, updated_at = @now, updated_by = @by
        WHERE product_id = @product_id AND field = @field AND locale = @locale`),
      setStale: db.prepare('UPDATE tr_units SET stale = ?, rev = rev + 1, updated_at = ? WHERE product_id = ? AND field = ? AND locale = ?'),
      setQa: db.prepare('UPDATE tr_units SET qa = ?, qa_errors = ?, qa_warnings = ? WHERE product_id = ? AND field = ? AND locale = ?'),
      deleteField: db.prepare('DELETE FROM tr_units WHERE product_id = ? AND field = ?'),
      unitsOfField: db.prepare('SELECT * FROM tr_units WHERE product_id = ? AND field = ?'),
      text: db.prepare('SELECT value FROM product_texts WHERE product_id = ? AND locale = ? AND field = ?'),
      qaAll: db.prepare(`SELECT u.product_id, u.field, u.locale, s.value AS source, coalesce(t.value, '') AS target, u.status FROM tr_units u
        JOIN product_texts s ON s.product_id = u.product_id AND s.locale = 'it' AND s.field = u.field
        LEFT JOIN product_texts t ON t.product_id = u.product_id AND t.locale = u.locale AND t.field = u.field
        WHERE u.product_id > ? OR (u.product_id = ? AND (u.field > ? OR (u.field = ? AND u.locale > ?)))
        ORDER BY u.product_id, u.field, u.locale LIMIT ?`)
    }
  }

  // ---- settings-derived ----

  targetLocales(): string[] {
    return this.s.settings.app().targetLocales.filter((l) => l !== SOURCE_LOCALE)
  }

  private overrides: Record<string, LocaleLimits> | null = null

  /** Per-locale limit overrides from the settings (cached; see invalidateLimits). */
  limitOverrides(): Record<string, LocaleLimits> {
    this.overrides ??= this.s.settings.get('translation.limits', LimitOverrides, {}) as Record<string, LocaleLimits>
    return this.overrides
  }

  invalidateLimits(): void {
    this.overrides = null
  }

  assertTargetLocale(locale: string): void {
    if (locale === SOURCE_LOCALE) throw new AppError('translation_source_locale', 'The Italian source is edited in the catalogue, not in the translation workspace.', { params: { locale } })
    if (!this.targetLocales().includes(locale)) {
      throw new AppError('translation_unknown_locale', `"${locale}" is not one of the catalogue's target languages (${this.targetLocales().join(', ')}).`, { params: { locale } })
    }
  }

  // ---- reading ----

  get(key: UnitKey): UnitRow | undefined {
    return this.stmts.get.get(key.productId, key.field, key.locale) as UnitRow | undefined
  }

  view(key: UnitKey): UnitView {
    const row = this.stmts.view.get(key.productId, key.field, key.locale) as UnitView | undefined
    if (!row) {
      throw new AppError(ErrorCodes.notFound, `No translation unit ${key.productId}.${key.field} for ${key.locale} (the product may have no Italian ${key.field}).`, {
        params: { productId: key.productId, field: key.field, locale: key.locale }
      })
    }
    return row
  }

  sourceText(productId: string, field: TextField): string | null {
    return (this.stmts.text.get(productId, SOURCE_LOCALE, field) as { value: string } | undefined)?.value ?? null
  }

  targetText(productId: string, field: TextField, locale: string): string {
    return (this.stmts.text.get(productId, locale, field) as { value: string } | undefined)?.value ?? ''
  }

  /** SQL WHERE for a selection (on tr_units u JOIN products p). */
  where(sel: UnitSelection): { sql: string; args: unknown[] } {
    const where: string[] = []
    const args: unknown[] = []
    const locales = sel.locales?.length ? sel.locales : this.targetLocales()
    where.push(`u.locale IN (${locales.map(() => '?').join(',')})`)
    args.push(...locales)
    if (sel.statuses?.length) {
      where.push(`u.status IN (${sel.statuses.map(() => '?').join(',')})`)
      args.push(...sel.statuses)
    }
    if (sel.stale !== undefined) where.push(sel.stale ? 'u.stale = 1' : 'u.stale = 0')
    if (sel.qa === 'errors') where.push('u.qa_errors > 0')
    if (sel.qa === 'any') where.push('u.qa_errors + u.qa_warnings > 0')
    if (sel.fields?.length) {
      where.push(`u.field IN (${sel.fields.map(() => '?').join(',')})`)
      args.push(...sel.fields)
    }
    if (sel.productIds?.length) {
      where.push(`u.product_id IN (SELECT value FROM json_each(?))`)
      args.push(JSON.stringify(sel.productIds))
    }
    if (sel.categoryId) {
      where.push(`p.category_id IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)`)
      args.push(sel.categoryId)
    }
    if (sel.query?.trim()) {
      const q = `%${sel.query.trim().replace(/[%_\\]/g, '\\$&')}%`
      where.push(`(p.sku LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM product_texts x WHERE x.product_id = u.product_id AND x.locale = 'it' AND x.value LIKE ? ESCAPE '\\'))`)
      args.push(q, q)
    }
    if (sel.units?.length) {
      where.push(`(u.product_id || '.' || u.field || '.' || u.locale) IN (SELECT value FROM json_each(?))`)
      args.push(JSON.stringify(sel.units.map((k) => `${k.productId}.${k.field}.${k.locale}`)))
    }
    return { sql: where.join(' AND '), args }
  }

  list(sel: UnitSelection, limit: number, offset: number): { items: UnitView[]; total: number } {
    const w = this.where(sel)
    const base = `FROM tr_units u JOIN products p ON p.id = u.product_id
      JOIN product_texts s ON s.product_id = u.product_id AND s.locale = 'it' AND s.field = u.field
      WHERE ${w.sql}`
    const total = (this.s.db.prepare(`SELECT count(*) AS n ${base}`).get(...w.args) as { n: number }).n
    const items = this.s.db.prepare(`SELECT u.*, s.value AS source,
        coalesce((SELECT value FROM product_texts t WHERE t.product_id = u.product_id AND t.locale = u.locale AND t.field = u.field), '') AS target,
        p.sku, p.category_id,
        coalesce((SELECT value FROM product_texts WHERE product_id = u.product_id AND locale = 'it' AND field = 'title'), p.sku) AS product_title
      ${base} ORDER BY p.sku COLLATE NOCASE, u.product_id, ${FIELD_RANK}, u.locale LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as UnitView[]
    return { items, total }
  }

  /** Every unit of a selection, whole, in workspace order (one query: exports read thousands). */
  views(sel: UnitSelection): UnitView[] {
    const w = this.where(sel)
    return this.s.db.prepare(`SELECT u.*, s.value AS source, coalesce(t.value, '') AS target, p.sku, p.category_id,
        coalesce(pt.value, p.sku) AS product_title
      FROM tr_units u JOIN products p ON p.id = u.product_id
      JOIN product_texts s ON s.product_id = u.product_id AND s.locale = 'it' AND s.field = u.field
      LEFT JOIN product_texts t ON t.product_id = u.product_id AND t.locale = u.locale AND t.field = u.field
      LEFT JOIN product_texts pt ON pt.product_id = u.product_id AND pt.locale = 'it' AND pt.field = 'title'
      WHERE ${w.sql} ORDER BY p.sku COLLATE NOCASE, u.product_id, ${FIELD_RANK}, u.locale`).all(...w.args) as UnitView[]
  }

  keys(sel: UnitSelection): UnitKey[] {
    const w = this.where(sel)
    return (this.s.db.prepare(`SELECT u.product_id, u.field, u.locale FROM tr_units u JOIN products p ON p.id = u.product_id
      WHERE ${w.sql} ORDER BY p.sku COLLATE NOCASE, u.product_id, ${FIELD_RANK}, u.locale`).all(...w.args) as UnitRow[])
      .map((r) => ({ productId: r.product_id, field: r.field, locale: r.locale }))
  }

  // ---- QA ----

  /** QA of a unit; source and target in stored or unit-text form (keywords: JSON list or lines). */
  qaFor(key: UnitKey, source: string, target: string): QaIssue[] {
    if (!target) return []
    const asText = (v: string) => (key.field === 'keywords' && v.startsWith('[') ? (JSON.parse(v) as string[]).join('\n') : v)
    return runQa({
      field: key.field, sourceLocale: SOURCE_LOCALE, targetLocale: key.locale, source: asText(source), target: asText(target),
      terms: this.glossary.forPair(SOURCE_LOCALE, key.locale),
      limits: limitsFor(key.locale, key.field, this.limitOverrides())
    })
  }

  private storeQa(key: UnitKey, issues: QaIssue[]): void {
    const c = countIssues(issues)
    this.stmts.setQa.run(JSON.stringify(issues), c.errors, c.warnings, key.productId, key.field, key.locale)
  }

  /** Re-runs QA on a batch of units after `after`; returns the last key seen (for checkpoints). */
  recheckBatch(after: UnitKey | null, size: number): { last: UnitKey | null; count: number } {
    const a = after ?? { productId: '', field: '' as TextField, locale: '' }
    const rows = this.stmts.qaAll.all(a.productId, a.productId, a.field, a.field, a.locale, size) as Array<{ product_id: string; field: TextField; locale: string; source: string; target: string }>
    this.s.db.transaction(() => {
      for (const r of rows) {
        const key = { productId: r.product_id, field: r.field, locale: r.locale }
        this.storeQa(key, this.qaFor(key, r.source, r.target))
      }
    })()
    const lastRow = rows[rows.length - 1]
    return { last: lastRow ? { productId: lastRow.product_id, field: lastRow.field, locale: lastRow.locale } : null, count: rows.length }
  }

  // ---- keeping units in step with product writes ----

  /** Runs inside every product write transaction. */
  onProductWrite(ev: { id: string; before: ProductFields | null; after: ProductFields; changes: Array<{ path: string; old: unknown; new: unknown }>; ctx: WriteContext; at: string }): void {
    const changes = ev.before ? ev.changes : diffProducts({}, ev.after)
    const textChanges = changes.filter((c) => c.path.startsWith('texts.'))
    if (!textChanges.length) return
    const targets = this.targetLocales()
    const touched = new Set<string>()
    // Source changes first, so a product created with Italian and English gets its units before
    // the English text is considered.
    for (const c of textChanges) {
      const [, locale, field] = c.path.split('.') as [string, string, TextField]
      if (locale !== SOURCE_LOCALE) continue
      const source = fieldToText(field, c.new)
      if (!source) {
        this.stmts.deleteField.run(ev.id, field)
        continue
      }
      // Units keep the source they were translated from in the stored form (keywords: JSON list).
      const sourceStored = storedForm(field, source)
      // A new product has no units yet: skip the lookup (bulk imports create thousands).
      const existing = new Map(ev.before ? (this.stmts.unitsOfField.all(ev.id, field) as UnitRow[]).map((u) => [u.locale, u]) : [])
      for (const locale of new Set([...targets, ...existing.keys()])) {
        const unit = existing.get(locale)
        const key = { productId: ev.id, field, locale }
        const target = fieldToText(field, ev.after.texts[locale]?.[field])
        touched.add(`${field}.${locale}`)
        if (!unit) {
          if (!targets.includes(locale)) continue
          this.insertUnit(key, target ? 'translated' : 'new', target ? sourceStored : null, target ? (ev.ctx.source === 'import' ? 'import' : 'human') : null, ev.at, ev.ctx.detail ?? null, { source, target })
          continue
        }
        if (unit.status !== 'new') {
          const stale = unit.base_source !== sourceStored ? 1 : 0
          if (stale !== unit.stale) this.stmts.setStale.run(stale, ev.at, ev.id, field, locale)
        }
        this.storeQa(key, this.qaFor(key, source, target))
      }
    }
    if (ev.ctx.source === 'translation' && this.writing > 0) return
    for (const c of textChanges) {
      const [, locale, field] = c.path.split('.') as [string, string, TextField]
      if (locale === SOURCE_LOCALE || touched.has(`${field}.${locale}`)) continue
      const source = fieldToText(field, ev.after.texts[SOURCE_LOCALE]?.[field])
      if (!source) continue
      const key = { productId: ev.id, field, locale }
      const target = fieldToText(field, c.new)
      const unit = this.get(key)
      const status: UnitStatus = target ? 'translated' : 'new'
      const origin = target ? (ev.ctx.source === 'import' ? 'import' : 'human') : null
      if (!unit) {
        if (!this.targetLocales().includes(locale)) continue
        this.insertUnit(key, status, target ? storedForm(field, source) : null, origin, ev.at, ev.ctx.detail ?? null, { source, target })
      } else {
        const qa = this.qaFor(key, source, target)
        const c2 = countIssues(qa)
        this.stmts.update.run({
          product_id: key.productId, field, locale, status, stale: 0, base_source: target ? storedForm(field, source) : null, origin,
          qa: JSON.stringify(qa), qa_errors: c2.errors, qa_warnings: c2.warnings, qa_override: null, xliff_extra: null,
          now: ev.at, by: ev.ctx.detail ?? null
        })
      }
    }
  }

  private insertUnit(key: UnitKey, status: UnitStatus, baseSource: string | null, origin: string | null, at: string, by: string | null, known?: { source: string; target: string }): void {
    // Stored forms (keywords as their JSON list), as QA reads them from product_texts.
    const source = known ? storedForm(key.field, known.source) : this.sourceText(key.productId, key.field) ?? ''
    const target = known ? storedForm(key.field, known.target) : this.targetText(key.productId, key.field, key.locale)
    const qa = this.qaFor(key, source, target)
    const c = countIssues(qa)
    this.stmts.insert.run({
      product_id: key.productId, field: key.field, locale: key.locale, status, stale: 0, base_source: baseSource, origin,
      qa: JSON.stringify(qa), qa_errors: c.errors, qa_warnings: c.warnings, now: at, by
    })
  }

  /**
   * Creates the units missing for the current target locales and removes the ones whose Italian
   * source is gone (databases from before this area, restored backups, a new target locale).
   */
  reconcile(): { created: number; removed: number } {
    const db = this.s.db
    const now = this.s.clock.now().toISOString()
    let created = 0
    let removed = 0
    db.transaction(() => {
      removed = db.prepare(`DELETE FROM tr_units WHERE NOT EXISTS (SELECT 1 FROM product_texts s WHERE s.product_id = tr_units.product_id AND s.locale = 'it' AND s.field = tr_units.field)`).run().changes
      for (const locale of this.targetLocales()) {
        const missing = db.prepare(`SELECT s.product_id, s.field, s.value AS source, t.value AS target FROM product_texts s
          LEFT JOIN product_texts t ON t.product_id = s.product_id AND t.locale = ? AND t.field = s.field
          WHERE s.locale = 'it' AND NOT EXISTS (SELECT 1 FROM tr_units u WHERE u.product_id = s.product_id AND u.field = s.field AND u.locale = ?)`)
          .all(locale, locale) as Array<{ product_id: string; field: TextField; source: string; target: string | null }>
        for (const m of missing) {
          const key = { productId: m.product_id, field: m.field, locale }
          const qa = this.qaFor(key, m.source, m.target ?? '')
          const c = countIssues(qa)
          this.stmts.insert.run({
            product_id: m.product_id, field: m.field, locale, status: m.target ? 'translated' : 'new', stale: 0,
            base_source: m.target ? m.source : null, origin: m.target ? 'import' : null,
            qa: JSON.stringify(qa), qa_errors: c.errors, qa_warnings: c.warnings, now, by: null
          })
          created++
        }
      }
    })()
    return { created, removed }
  }

  // ---- writing targets and statuses ----

  /**
   * Writes a target and its status in one transaction with the product write (history source
   * "translation"). Approving with QA errors needs `override`. Returns the new QA issues.
   */
  writeTarget(w: TargetWrite, batchId?: string): QaIssue[] {
    this.assertTargetLocale(w.key.locale)
    const source = this.sourceText(w.key.productId, w.key.field)
    if (!source) throw new AppError(ErrorCodes.notFound, `The product has no Italian ${w.key.field} to translate.`, { params: { productId: w.key.productId, field: w.key.field } })
    let issues: QaIssue[] = []
    this.s.db.transaction(() => {
      let unit = this.get(w.key)
      if (!unit) {
        this.insertUnit(w.key, 'new', null, null, this.s.clock.now().toISOString(), w.actor)
        unit = this.get(w.key) as UnitRow
      }
      const value = textToField(w.key.field, w.text)
      const current = this.targetText(w.key.productId, w.key.field, w.key.locale)
      const newStored = value === null ? '' : Array.isArray(value) ? JSON.stringify(value) : value
      if (newStored !== current) {
        this.writing++
        try {
          this.s.products.update(w.key.productId, { texts: { [w.key.locale]: { [w.key.field]: value } } }, {
            source: 'translation', detail: w.actor ? `${w.origin} by ${w.actor}` : w.origin, batchId, emit: false
          })
        } finally {
          this.writing--
        }
      }
      const target = this.targetText(w.key.productId, w.key.field, w.key.locale)
      const status: UnitStatus = target ? w.status : 'new'
      issues = this.qaFor(w.key, source, target)
      const c = countIssues(issues)
      if (status === 'approved' && c.errors > 0 && !w.override) {
        throw new AppError('translation_qa_blocked', `Cannot approve: QA found ${c.errors} error(s): ${issues.find((i) => i.severity === 'error')?.message}`, {
          params: { errors: c.errors }, issues: issues.filter((i) => i.severity === 'error').map((i) => ({ path: i.code, message: i.message, code: i.code }))
        })
      }
      const baseSource = target ? (w.baseSource ?? source) : null
      this.stmts.update.run({
        product_id: w.key.productId, field: w.key.field, locale: w.key.locale, status,
        stale: target && (w.stale ?? baseSource !== source) ? 1 : 0, base_source: baseSource, origin: target ? w.origin : null,
        qa: JSON.stringify(issues), qa_errors: c.errors, qa_warnings: c.warnings,
        qa_override: status === 'approved' && c.errors > 0 ? `${w.actor ?? 'owner'} at ${this.s.clock.now().toISOString()}` : null,
        xliff_extra: w.xliffExtra ?? null, now: this.s.clock.now().toISOString(), by: w.actor
      })
      if (status === 'approved' && baseSource === source) {
        this.tm.add({ sourceLang: SOURCE_LOCALE, targetLang: w.key.locale, source, target, productId: w.key.productId, field: w.key.field, origin: 'approved' })
      }
    })()
    return issues
  }

  /** Confirms units (translated / reviewed / approved) without changing their text. */
  setStatus(keys: UnitKey[], status: 'translated' | 'reviewed' | 'approved', override: boolean, actor: string | null): { changed: number; skipped: Array<{ unit: UnitKey; reason: string }> } {
    const skipped: Array<{ unit: UnitKey; reason: string }> = []
    let changed = 0
    const batchId = newId('b')
    this.s.db.transaction(() => {
      for (const key of keys) {
        const unit = this.get(key)
        const target = this.targetText(key.productId, key.field, key.locale)
        if (!unit || !target) {
          skipped.push({ unit: key, reason: 'no translation yet' })
          continue
        }
        if (unit.status === status && !unit.stale) continue
        try {
          this.s.db.transaction(() => this.writeTarget({ key, text: fieldToText(key.field, parseStored(key.field, target)), status, origin: (unit.origin as UnitOrigin) ?? 'human', actor, override }, batchId))()
          changed++
        } catch (err) {
          if (err instanceof AppError) skipped.push({ unit: key, reason: err.message })
          else throw err
        }
      }
    })()
    this.s.events.emit('data.changed', { entity: 'translation' })
    return { changed, skipped }
  }
}

/** Unit text → the stored field form (keywords are a JSON list in product_texts). */
function storedForm(field: TextField, text: string): string {
  if (!text || field !== 'keywords') return text
  return JSON.stringify(text.split('\n').map((k) => k.trim()).filter(Boolean))
}

export function parseStored(field: TextField, stored: string): unknown {
  // Translation-memory matches of keywords come in unit-text form (one per line), not as the JSON list.
  return field === 'keywords' && stored.startsWith('[') ? JSON.parse(stored) : stored
}

/**
 * Turns editor text into the stored field form. Descriptions come with `<1>…</1>` tag markers that
 * must name the source's tags and nest properly; anything else is refused as broken markup.
 */
export function editorToStored(field: TextField, text: string, sourceHtml: string): string {
  if (field !== 'description') return text
  const { codes } = htmlToInline(sourceHtml)
  const parts = markedToInline(text)
  const broken = checkInline(parts, codes).filter((p) => p.code !== 'missing_tag')
  if (broken.length) {
    throw new AppError('translation_broken_markup', `The translation's tags do not match the source: ${broken[0].message}`, {
      issues: broken.map((b) => ({ path: 'text', message: b.message, code: b.code }))
    })
  }
  return inlineToHtml(parts, codes)
}

export { TEXT_FIELDS }
