// The translation memory: approved units (with their product and field as context) and imported
// TMX entries. Exact and context matches come from SQLite; "differs only in numbers" and fuzzy
// matches from an in-memory index per language pair, built on first use and kept current.
import type { Clock } from '../../platform/clock.ts'
import type { Db } from '../../store/db.ts'
import { findNumbers, maskNumbers } from '../../../../shared/domain/translation/numbers.ts'
import { wordDiff, type DiffPart } from '../../../../shared/domain/translation/text-diff.ts'
import { FuzzyIndex } from './fuzzy-index.ts'
import { memoryKey, plainText } from '../text-forms.ts'

export interface TmEntryInput {
  sourceLang: string
  targetLang: string
  source: string
  target: string
  productId?: string | null
  field?: string | null
  origin: string
}

interface TmRow {
  id: number; source_lang: string; target_lang: string; source: string; target: string; source_key: string
  product_id: string | null; field: string | null; origin: string; created_at: string; updated_at: string
}

export interface TmMatchResult {
  id: number
  tier: 'context' | 'exact' | 'numbers' | 'fuzzy'
  score: number
  source: string
  target: string
  diff: DiffPart[]
  origin: string
  adapted?: string
}

interface PairIndex { fuzzy: FuzzyIndex; masks: Map<string, number[]> }

const COMMA_DECIMAL = /^(it|de|fr|es|pt|nl|ru|pl|tr)(-|$)/

function formatNumber(canonical: string, locale: string): string {
  return COMMA_DECIMAL.test(locale) ? canonical.replace('.', ',') : canonical
}

export class TmStore {
  private readonly db: Db
  private readonly clock: Clock
  private readonly stmts
  private indexes = new Map<string, PairIndex>()

  constructor(db: Db, clock: Clock) {
    this.db = db
    this.clock = clock
    this.stmts = {
      find: db.prepare('SELECT id FROM tm_units WHERE source_lang = ? AND target_lang = ? AND source_key = ? AND target = ?'),
      insert: db.prepare(`INSERT INTO tm_units (source_lang, target_lang, source, target, source_key, product_id, field, origin, created_at, updated_at)
        VALUES (@sourceLang, @targetLang, @source, @target, @key, @productId, @field, @origin, @now, @now)`),
      touch: db.prepare('UPDATE tm_units SET product_id = coalesce(@productId, product_id), field = coalesce(@field, field), origin = @origin, source = @source, updated_at = @now WHERE id = @id'),
      exact: db.prepare('SELECT * FROM tm_units WHERE source_lang = ? AND target_lang = ? AND source_key = ? ORDER BY updated_at DESC LIMIT 20'),
      byId: db.prepare('SELECT * FROM tm_units WHERE id = ?'),
      pair: db.prepare('SELECT id, source, source_key FROM tm_units WHERE source_lang = ? AND target_lang = ?'),
      pairs: db.prepare('SELECT source_lang, target_lang, count(*) AS n FROM tm_units GROUP BY source_lang, target_lang ORDER BY source_lang, target_lang'),
      iterate: db.prepare('SELECT * FROM tm_units ORDER BY source_lang, source_key, id')
    }
  }

  /** Adds an entry, or refreshes the identical one. Returns its id and whether it was new. */
  add(e: TmEntryInput): { id: number; created: boolean } {
    const key = memoryKey(e.field, e.source)
    const now = this.clock.now().toISOString()
    if (!key || !e.target.trim()) return { id: 0, created: false }
    const existing = this.stmts.find.get(e.sourceLang, e.targetLang, key, e.target) as { id: number } | undefined
    if (existing) {
      this.stmts.touch.run({ id: existing.id, productId: e.productId ?? null, field: e.field ?? null, origin: e.origin, source: e.source, now })
      return { id: existing.id, created: false }
    }
    const id = Number(this.stmts.insert.run({ ...e, key, productId: e.productId ?? null, field: e.field ?? null, now }).lastInsertRowid)
    const idx = this.indexes.get(`${e.sourceLang}>${e.targetLang}`)
    if (idx) {
      // The index is in memory: undo the addition if the surrounding transaction rolls back.
      idx.fuzzy.add(id, key)
      const m = maskNumbers(key)
      idx.masks.set(m, [...(idx.masks.get(m) ?? []), id])
      if (this.db.inTransaction) this.pendingRollbackCheck(e.sourceLang, e.targetLang)
    }
    return { id, created: true }
  }

  private pendingRollbackCheck(sourceLang: string, targetLang: string): void {
    // Cheap and safe: rebuild the pair's index lazily if the row did not survive.
    setImmediate(() => {
      if (!this.db.open) return
      const key = `${sourceLang}>${targetLang}`
      const idx = this.indexes.get(key)
      if (!idx) return
      const count = (this.db.prepare('SELECT count(*) AS n FROM tm_units WHERE source_lang = ? AND target_lang = ?').get(sourceLang, targetLang) as { n: number }).n
      if (count !== idx.fuzzy.size) this.indexes.delete(key)
    })
  }

  /** Drops the in-memory indexes (after bulk imports outside `add`). */
  invalidate(): void {
    this.indexes.clear()
  }

  private index(sourceLang: string, targetLang: string): PairIndex {
    const key = `${sourceLang}>${targetLang}`
    let idx = this.indexes.get(key)
    if (!idx) {
      idx = { fuzzy: new FuzzyIndex(), masks: new Map() }
      for (const r of this.stmts.pair.iterate(sourceLang, targetLang) as Iterable<{ id: number; source_key: string }>) {
        idx.fuzzy.add(r.id, r.source_key)
        const m = maskNumbers(r.source_key)
        const list = idx.masks.get(m)
        if (list) list.push(r.id)
        else idx.masks.set(m, [r.id])
      }
      this.indexes.set(key, idx)
    }
    return idx
  }

  /** Warms the index of a language pair (the benchmark and the first workspace open). */
  warm(sourceLang: string, targetLang: string): number {
    return this.index(sourceLang, targetLang).fuzzy.size
  }

  lookup(q: {
    sourceLang: string; targetLang: string; text: string; field?: string | null; productId?: string | null; limit: number; minScore: number
  }): TmMatchResult[] {
    const key = memoryKey(q.field, q.text)
    if (!key) return []
    const out: TmMatchResult[] = []
    const seenTargets = new Set<string>()
    const seenIds = new Set<number>()
    const push = (row: TmRow, tier: TmMatchResult['tier'], score: number, adapted?: string) => {
      seenIds.add(row.id)
      if (seenTargets.has(row.target)) return
      seenTargets.add(row.target)
      out.push({
        id: row.id, tier, score, source: row.source, target: row.target, origin: row.origin,
        diff: tier === 'context' || tier === 'exact' ? [] : wordDiff(plainText(row.field, row.source), plainText(q.field, q.text), q.sourceLang),
        ...(adapted !== undefined ? { adapted } : {})
      })
    }
    const exact = this.stmts.exact.all(q.sourceLang, q.targetLang, key) as TmRow[]
    const ctx = exact.filter((r) => q.productId && r.product_id === q.productId && (!q.field || r.field === q.field))
    for (const r of ctx) push(r, 'context', 101)
    for (const r of exact) if (!seenIds.has(r.id)) push(r, 'exact', 100)
    const idx = this.index(q.sourceLang, q.targetLang)
    for (const id of idx.masks.get(maskNumbers(key)) ?? []) {
      if (seenIds.has(id) || out.length >= q.limit * 2) continue
      const row = this.stmts.byId.get(id) as TmRow | undefined
      if (row) push(row, 'numbers', 99, adaptNumbers(row, key, q.sourceLang, q.targetLang))
    }
    for (const hit of idx.fuzzy.search(key, q.limit + seenIds.size, q.minScore, seenIds)) {
      const row = this.stmts.byId.get(hit.id) as TmRow | undefined
      if (row) push(row, 'fuzzy', Math.min(hit.score, 98))
    }
    return out.slice(0, q.limit)
  }

  pairs(): Array<{ sourceLang: string; targetLang: string; entries: number }> {
    return (this.stmts.pairs.all() as { source_lang: string; target_lang: string; n: number }[]).map((r) => ({ sourceLang: r.source_lang, targetLang: r.target_lang, entries: r.n }))
  }

  *entries(targetLangs?: string[]): Generator<TmEntryInput & { id: number; createdAt: string; updatedAt: string }> {
    for (const r of this.stmts.iterate.iterate() as Iterable<TmRow>) {
      if (targetLangs?.length && !targetLangs.includes(r.target_lang)) continue
      yield {
        id: r.id, sourceLang: r.source_lang, targetLang: r.target_lang, source: r.source, target: r.target,
        productId: r.product_id, field: r.field, origin: r.origin, createdAt: r.created_at, updatedAt: r.updated_at
      }
    }
  }
}

/** Puts the current source's numbers into a match's target when the numbers line up one to one. */
function adaptNumbers(row: TmRow, currentKey: string, sourceLang: string, targetLang: string): string | undefined {
  const oldNums = findNumbers(row.source_key, sourceLang)
  const newNums = findNumbers(currentKey, sourceLang)
  const tgtNums = findNumbers(row.target, targetLang)
  if (oldNums.length !== newNums.length || tgtNums.length !== oldNums.length) return undefined
  const pending = [...tgtNums]
  const replacements: Array<{ index: number; raw: string; value: string }> = []
  for (let i = 0; i < oldNums.length; i++) {
    const at = pending.findIndex((t) => t.value === oldNums[i].value)
    if (at < 0) return undefined
    const [t] = pending.splice(at, 1)
    replacements.push({ index: t.index, raw: t.raw, value: formatNumber(newNums[i].value, targetLang) })
  }
  let out = row.target
  for (const r of replacements.sort((a, b) => b.index - a.index)) out = out.slice(0, r.index) + r.value + out.slice(r.index + r.raw.length)
  return out
}
