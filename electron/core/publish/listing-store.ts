// The outbox rows: one listing per product × target × language with the user's intent, its state,
// the pavilion's ids, what was last published (content hash) and any write whose outcome is not
// known yet (`pending_op`, reconciled before anything is re-sent).
import type { ListingLanguage, ListingState, PublishTarget, ReadinessProblem } from '../../../shared/domain/publish.ts'
import { newId } from '../platform/clock.ts'
import type { Db } from '../store/db.ts'
import { isMessage, type Message, type MessageParams } from '../../../shared/messages/message.ts'
import type { Reason } from './errors.ts'

/** The error columns for a reason (the params travel as JSON with the English message), or cleared. */
export function errorColumns(reason: Reason | null): { error_code: string | null; error_message: string | null } {
  return reason ? { error_code: reason.code, error_message: JSON.stringify({ message: reason.message, params: reason.params }) } : { error_code: null, error_message: null }
}

/** A listing's error as the contract shows it. */
export function listingError(row: Pick<ListingRow, 'error_code' | 'error_message'>): { code: string; message: string; params?: MessageParams } | null {
  if (!row.error_code) return null
  try {
    const stored = JSON.parse(row.error_message ?? '') as { message?: unknown; params?: MessageParams }
    if (typeof stored.message === 'string') return { code: row.error_code, message: stored.message, ...(stored.params ? { params: stored.params } : {}) }
  } catch { /* written by an older version: plain English */ }
  return { code: row.error_code, message: row.error_message ?? row.error_code }
}

function storedMessage(text: string | null): Message | null {
  if (!text) return null
  try {
    const value = JSON.parse(text) as unknown
    return isMessage(value) ? value : null
  } catch {
    return null
  }
}

export interface ListingRow {
  id: string
  product_id: string
  target: PublishTarget
  language: ListingLanguage
  intent: 'publish' | 'unpublish'
  intent_version: number
  state: ListingState
  job_id: string | null
  cat_id: string | null
  remote_id: string | null
  remote_encrypted_id: string | null
  remote_status: string | null
  remote_display: string | null
  published_hash: string | null
  pending_op: 'add' | 'update' | 'display_on' | 'display_off' | null
  pending_hash: string | null
  pending_title: string | null
  pending_images: string | null
  pending_since: string | null
  /** Field id → hash of each top-level field last published (JSON), for updates by difference. */
  published_fields: string | null
  pending_fields: string | null
  problems: string | null
  error_code: string | null
  error_message: string | null
  failures: number
  created_at: string
  updated_at: string
  submitted_at: string | null
  published_at: string | null
}

export type ListingPatch = Partial<Omit<ListingRow, 'id' | 'product_id' | 'target' | 'language' | 'created_at'>>

const COLUMNS = new Set([
  'intent', 'intent_version', 'state', 'job_id', 'cat_id', 'remote_id', 'remote_encrypted_id', 'remote_status', 'remote_display',
  'published_hash', 'pending_op', 'pending_hash', 'pending_title', 'pending_images', 'pending_since', 'published_fields', 'pending_fields', 'problems', 'error_code',
  'error_message', 'failures', 'updated_at', 'submitted_at', 'published_at'
])

export const CLEAR_PENDING: ListingPatch = { pending_op: null, pending_hash: null, pending_title: null, pending_images: null, pending_since: null, pending_fields: null }

export class ListingStore {
  private readonly db: Db
  private readonly stmts
  private readonly updates = new Map<string, ReturnType<Db['prepare']>>()

  constructor(db: Db) {
    this.db = db
    this.stmts = {
      get: db.prepare('SELECT * FROM publish_listings WHERE id = ?'),
      byKey: db.prepare('SELECT * FROM publish_listings WHERE product_id = ? AND target = ? AND language = ?'),
      insert: db.prepare(
        `INSERT INTO publish_listings (id, product_id, target, language, intent, state, problems, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
      ),
      log: db.prepare('INSERT INTO publish_log (listing_id, at, event, detail) VALUES (?, ?, ?, ?)'),
      history: db.prepare('SELECT at, event, detail FROM publish_log WHERE listing_id = ? ORDER BY id DESC LIMIT ?'),
      counts: db.prepare('SELECT state, count(*) AS n FROM publish_listings WHERE target = ? GROUP BY state'),
      inAudit: db.prepare("SELECT * FROM publish_listings WHERE target = ? AND language = ? AND state = 'in_audit' ORDER BY submitted_at"),
      auditLanguages: db.prepare("SELECT DISTINCT language FROM publish_listings WHERE target = ? AND state = 'in_audit'"),
      claimed: db.prepare('SELECT id FROM publish_listings WHERE target = ? AND language = ? AND remote_id = ?'),
      forProduct: db.prepare('SELECT * FROM publish_listings WHERE product_id = ? ORDER BY target, language')
    }
  }

  get(id: string): ListingRow | undefined {
    return this.stmts.get.get(id) as ListingRow | undefined
  }

  byKey(productId: string, target: PublishTarget, language: ListingLanguage): ListingRow | undefined {
    return this.stmts.byKey.get(productId, target, language) as ListingRow | undefined
  }

  forProduct(productId: string): ListingRow[] {
    return this.stmts.forProduct.all(productId) as ListingRow[]
  }

  /** Records the user's intent (creating the listing when needed) and bumps its version. */
  setIntent(productId: string, target: PublishTarget, language: ListingLanguage, intent: 'publish' | 'unpublish', state: ListingState,
    problems: ReadinessProblem[] | null, now: string): ListingRow {
    const existing = this.byKey(productId, target, language)
    if (!existing) {
      const id = newId('lst')
      this.stmts.insert.run(id, productId, target, language, intent, state, problems ? JSON.stringify(problems) : null, now, now)
      return this.get(id)!
    }
    this.update(existing.id, {
      intent, intent_version: existing.intent_version + 1, state, problems: problems ? JSON.stringify(problems) : null,
      error_code: null, error_message: null, failures: 0, updated_at: now
    })
    return this.get(existing.id)!
  }

  update(id: string, patch: ListingPatch): void {
    const keys = Object.keys(patch).filter((k) => COLUMNS.has(k)).sort()
    if (keys.length === 0) return
    const sig = keys.join(',')
    let stmt = this.updates.get(sig)
    if (!stmt) {
      stmt = this.db.prepare(`UPDATE publish_listings SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`)
      this.updates.set(sig, stmt)
    }
    const values: Record<string, unknown> = { id }
    for (const k of keys) values[k] = (patch as Record<string, unknown>)[k]
    stmt.run(values)
  }

  /** Adds to a listing's history; the detail is a message (stored as JSON). */
  log(id: string, at: string, event: string, detail: Message | null = null): void {
    this.stmts.log.run(id, at, event, detail ? JSON.stringify(detail) : null)
  }

  history(id: string, limit: number): Array<{ at: string; event: string; detail: Message | null }> {
    return (this.stmts.history.all(id, limit) as Array<{ at: string; event: string; detail: string | null }>).map((h) => ({ ...h, detail: storedMessage(h.detail) }))
  }

  counts(target: PublishTarget): Record<string, number> {
    const out: Record<string, number> = {}
    for (const r of this.stmts.counts.all(target) as Array<{ state: string; n: number }>) out[r.state] = r.n
    return out
  }

  inAudit(target: PublishTarget, language: ListingLanguage): ListingRow[] {
    return this.stmts.inAudit.all(target, language) as ListingRow[]
  }

  auditLanguages(target: PublishTarget): ListingLanguage[] {
    return (this.stmts.auditLanguages.all(target) as Array<{ language: ListingLanguage }>).map((r) => r.language)
  }

  /** The listing that already owns this pavilion product, if any. */
  claimedBy(target: PublishTarget, language: ListingLanguage, remoteId: string): string | null {
    return (this.stmts.claimed.get(target, language, remoteId) as { id: string } | undefined)?.id ?? null
  }

  list(filter: { target: PublishTarget; states?: ListingState[]; productId?: string; limit: number; offset: number }): { rows: ListingRow[]; total: number } {
    const where = ['target = ?']
    const args: unknown[] = [filter.target]
    if (filter.states?.length) {
      where.push(`state IN (${filter.states.map(() => '?').join(',')})`)
      args.push(...filter.states)
    }
    if (filter.productId) {
      where.push('product_id = ?')
      args.push(filter.productId)
    }
    const w = where.join(' AND ')
    const total = (this.db.prepare(`SELECT count(*) AS n FROM publish_listings WHERE ${w}`).get(...args) as { n: number }).n
    const rows = this.db
      .prepare(`SELECT * FROM publish_listings WHERE ${w} ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`)
      .all(...args, filter.limit, filter.offset) as ListingRow[]
    return { rows, total }
  }
}
