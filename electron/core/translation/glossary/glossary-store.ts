// Glossary terms per language pair, kept in SQLite. Do-not-translate terms use target "*" so one
// entry protects a name in every language.
import { AppError, ErrorCodes } from '../../../../shared/contract/errors.ts'
import type { GlossaryTerm, TermKind } from '../../../../shared/domain/translation/glossary.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Db } from '../../store/db.ts'

interface TermRow {
  id: number; source_lang: string; target_lang: string; kind: TermKind; source: string; target: string; note: string; case_sensitive: number
}

export interface TermInput {
  id?: number
  sourceLang: string
  targetLang: string
  kind: TermKind
  source: string
  target?: string
  note?: string
  caseSensitive?: boolean
}

function toTerm(r: TermRow): GlossaryTerm {
  return { id: r.id, sourceLang: r.source_lang, targetLang: r.target_lang, kind: r.kind, source: r.source, target: r.target, note: r.note, caseSensitive: r.case_sensitive === 1 }
}

export class GlossaryStore {
  private readonly db: Db
  private readonly clock: Clock
  private readonly stmts
  private cache = new Map<string, GlossaryTerm[]>()
  /** Bumped on every change, so QA and MT glossaries know to refresh. */
  version = 0

  constructor(db: Db, clock: Clock) {
    this.db = db
    this.clock = clock
    this.stmts = {
      forPair: db.prepare("SELECT * FROM tr_terms WHERE source_lang = ? AND (target_lang = ? OR target_lang = '*') ORDER BY length(source) DESC, id"),
      all: db.prepare('SELECT * FROM tr_terms ORDER BY source COLLATE NOCASE, id'),
      byId: db.prepare('SELECT * FROM tr_terms WHERE id = ?'),
      find: db.prepare('SELECT * FROM tr_terms WHERE source_lang = ? AND target_lang = ? AND kind = ? AND source = ? AND target = ?'),
      insert: db.prepare(`INSERT INTO tr_terms (source_lang, target_lang, kind, source, target, note, case_sensitive, created_at, updated_at)
        VALUES (@sourceLang, @targetLang, @kind, @source, @target, @note, @cs, @now, @now)`),
      update: db.prepare(`UPDATE tr_terms SET source_lang = @sourceLang, target_lang = @targetLang, kind = @kind, source = @source, target = @target,
        note = @note, case_sensitive = @cs, updated_at = @now WHERE id = @id`),
      delete: db.prepare('DELETE FROM tr_terms WHERE id = ?')
    }
  }

  /** Terms that apply to translating sourceLang → targetLang. */
  forPair(sourceLang: string, targetLang: string): GlossaryTerm[] {
    const key = `${sourceLang}>${targetLang}`
    let terms = this.cache.get(key)
    if (!terms) {
      terms = (this.stmts.forPair.all(sourceLang, targetLang) as TermRow[]).map(toTerm)
      this.cache.set(key, terms)
    }
    return terms
  }

  list(filter: { targetLang?: string; kind?: TermKind; query?: string }): GlossaryTerm[] {
    const q = filter.query?.toLocaleLowerCase()
    return (this.stmts.all.all() as TermRow[]).map(toTerm).filter((t) =>
      (!filter.targetLang || t.targetLang === filter.targetLang || t.targetLang === '*') &&
      (!filter.kind || t.kind === filter.kind) &&
      (!q || t.source.toLocaleLowerCase().includes(q) || t.target.toLocaleLowerCase().includes(q)))
  }

  get(id: number): GlossaryTerm {
    const row = this.stmts.byId.get(id) as TermRow | undefined
    if (!row) throw new AppError(ErrorCodes.notFound, `No glossary term with id ${id}.`, { params: { id } })
    return toTerm(row)
  }

  /** Adds or updates a term; returns it and whether it was new. */
  save(input: TermInput): { term: GlossaryTerm; created: boolean } {
    const t = normalize(input)
    const row = { ...t, cs: t.caseSensitive ? 1 : 0, now: this.clock.now().toISOString() }
    let id = input.id
    let created = false
    if (id !== undefined) {
      this.get(id)
      this.guardUnique(() => this.stmts.update.run({ ...row, id }))
    } else {
      const existing = this.stmts.find.get(t.sourceLang, t.targetLang, t.kind, t.source, t.target) as TermRow | undefined
      if (existing) {
        id = existing.id
        this.stmts.update.run({ ...row, id })
      } else {
        id = Number(this.stmts.insert.run(row).lastInsertRowid)
        created = true
      }
    }
    this.changed()
    return { term: this.get(id), created }
  }

  delete(id: number): void {
    this.get(id)
    this.stmts.delete.run(id)
    this.changed()
  }

  private guardUnique(fn: () => void): void {
    try {
      fn()
    } catch (err) {
      if (/UNIQUE constraint failed/.test((err as Error).message)) throw new AppError(ErrorCodes.conflict, 'This glossary term exists already.')
      throw err
    }
  }

  private changed(): void {
    this.cache.clear()
    this.version++
  }
}

/** Validates and normalizes a term (kind-specific rules). */
export function normalize(input: TermInput): Required<Omit<TermInput, 'id'>> {
  const source = input.source.trim().replace(/\s+/g, ' ')
  const target = (input.target ?? '').trim().replace(/\s+/g, ' ')
  const issues: Array<{ path: string; message: string }> = []
  if (input.kind === 'dnt') {
    if (!source) issues.push({ path: 'source', message: 'a do-not-translate term needs the protected text' })
  } else if (input.kind === 'forbidden') {
    if (!target) issues.push({ path: 'target', message: 'a forbidden term needs the target-language term to avoid' })
    if (input.targetLang === '*') issues.push({ path: 'targetLang', message: 'a forbidden term belongs to one target language' })
  } else {
    if (!source) issues.push({ path: 'source', message: 'the Italian term is required' })
    if (!target) issues.push({ path: 'target', message: 'the preferred translation is required' })
    if (input.targetLang === '*') issues.push({ path: 'targetLang', message: 'a preferred term belongs to one target language' })
  }
  if (issues.length) throw new AppError(ErrorCodes.validation, `The glossary term is not valid: ${issues[0].message}.`, { issues })
  return {
    sourceLang: input.sourceLang,
    targetLang: input.kind === 'dnt' ? '*' : input.targetLang,
    kind: input.kind,
    source,
    target: input.kind === 'dnt' ? '' : target,
    note: (input.note ?? '').trim(),
    caseSensitive: input.caseSensitive ?? input.kind === 'dnt'
  }
}
