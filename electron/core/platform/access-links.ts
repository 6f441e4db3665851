// Links into browser mode for other people. The key in a link is shown once; the catalogue keeps
// only its SHA-256, who it is for and until when, so links survive restarts, expire, and can be
// revoked (and a backup carries none: restore keeps the current catalogue's).
import { createHash, randomBytes } from 'node:crypto'
import type { AccessLink } from '../../../shared/contract/system.ts'
import type { Role } from '../../../shared/contract/define.ts'
import type { Clock } from './clock.ts'
import { newId } from './clock.ts'
import type { Db } from '../store/db.ts'

interface Row { id: string; role: Role; label: string; token_sha256: string; created_at: string; expires_at: string; last_used_at: string | null; revoked_at: string | null }

const DAY_MS = 24 * 3600 * 1000
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')

export class AccessLinks {
  private readonly db: Db
  private readonly clock: Clock

  constructor(db: Db, clock: Clock) {
    this.db = db
    this.clock = clock
  }

  /** A new link key for `role`, valid `days` days; returns the key (never stored) and the record. */
  create(role: Role, label: string, days: number): { token: string; link: AccessLink } {
    const token = randomBytes(24).toString('base64url')
    const now = this.clock.now()
    const row: Row = {
      id: newId('lnk'), role, label, token_sha256: hashOf(token), created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + days * DAY_MS).toISOString(), last_used_at: null, revoked_at: null
    }
    this.db.prepare('INSERT INTO access_links (id, role, label, token_sha256, created_at, expires_at, last_used_at, revoked_at) VALUES (@id, @role, @label, @token_sha256, @created_at, @expires_at, @last_used_at, @revoked_at)').run(row)
    return { token, link: this.toLink(row) }
  }

  /** The active link a key belongs to (the hash is looked up, so comparing takes no secret-dependent time). */
  verify(token: string): AccessLink | null {
    const row = this.db.prepare('SELECT * FROM access_links WHERE token_sha256 = ?').get(hashOf(token)) as Row | undefined
    const link = row ? this.toLink(row) : null
    return link?.status === 'active' ? link : null
  }

  /** Is the link behind a session still active? */
  active(id: string): AccessLink | null {
    const row = this.db.prepare('SELECT * FROM access_links WHERE id = ?').get(id) as Row | undefined
    const link = row ? this.toLink(row) : null
    return link?.status === 'active' ? link : null
  }

  touch(id: string): void {
    this.db.prepare('UPDATE access_links SET last_used_at = ? WHERE id = ?').run(this.clock.now().toISOString(), id)
  }

  list(includeInactive: boolean): AccessLink[] {
    const rows = this.db.prepare('SELECT * FROM access_links ORDER BY created_at DESC').all() as Row[]
    return rows.map((r) => this.toLink(r)).filter((l) => includeInactive || l.status === 'active')
  }

  revoke(id: string): AccessLink | null {
    this.db.prepare('UPDATE access_links SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(this.clock.now().toISOString(), id)
    const row = this.db.prepare('SELECT * FROM access_links WHERE id = ?').get(id) as Row | undefined
    return row ? this.toLink(row) : null
  }

  private toLink(r: Row): AccessLink {
    const status = r.revoked_at ? 'revoked' : Date.parse(r.expires_at) <= this.clock.now().getTime() ? 'expired' : 'active'
    return { id: r.id, role: r.role, label: r.label, createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at, status }
  }
}
