// Browser-mode access control. A printed link carries a key once: the page it opens exchanges
// the key for a session by a same-origin POST (never by the GET itself, so another site cannot
// log the browser into a session of its choosing), and the session rides in an HttpOnly,
// SameSite=Strict cookie whose name carries the port (another program on another port of this
// machine has its own). The owner's key is made per start; other people's keys are links kept
// (hashed, with expiry) in the catalogue and can be revoked. Requests must also name an allowed
// Host (DNS-rebinding guard) and, when they change anything from a browser, come from our Origin.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Role } from '../../../shared/contract/define.ts'

/** The session cookie's name: one per port, so two hosts on one machine never share or replace it. */
export function cookieName(port: number): string {
  return `vetrina_session_${port}`
}

/** The owner's key for this start (in memory only). */
export class AccessTokens {
  private tokens = new Map<string, { role: Role; label: string }>()

  issue(role: Role, label: string = role): string {
    const token = randomBytes(24).toString('base64url')
    this.tokens.set(token, { role, label })
    return token
  }

  revoke(token: string): void {
    this.tokens.delete(token)
  }

  /** The role of a token, comparing in constant time. */
  roleOf(token: string | null | undefined): { role: Role; label: string } | null {
    if (!token) return null
    const given = Buffer.from(token)
    for (const [t, info] of this.tokens) {
      const known = Buffer.from(t)
      if (known.length === given.length && timingSafeEqual(known, given)) return info
    }
    return null
  }
}

export interface SessionInfo {
  role: Role
  label: string
  /** The link it was opened with (null for the owner's key of this start). */
  linkId: string | null
}

/** Sessions opened by exchanging a key; ids are random and never equal to a key. */
export class Sessions {
  private sessions = new Map<string, SessionInfo>()

  open(info: SessionInfo): string {
    const id = randomBytes(32).toString('base64url')
    this.sessions.set(id, info)
    return id
  }

  get(id: string): SessionInfo | null {
    return this.sessions.get(id) ?? null
  }

  close(id: string): void {
    this.sessions.delete(id)
  }
}

const SESSION_ID = /^[A-Za-z0-9_-]{20,100}$/

/**
 * The session id in our cookie, or why there is none: a cookie that cannot be decoded, or two
 * cookies of our name (one tossed in by another page) are refused rather than guessed between.
 */
export function sessionCookie(req: IncomingMessage, name: string): { id: string } | { problem: 'none' | 'malformed' | 'ambiguous' } {
  const header = req.headers.cookie
  if (!header) return { problem: 'none' }
  const values: string[] = []
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue
    values.push(part.slice(eq + 1).trim())
  }
  if (values.length === 0) return { problem: 'none' }
  if (values.length > 1) return { problem: 'ambiguous' }
  const value = values[0]
  if (!SESSION_ID.test(value)) return { problem: 'malformed' }
  return { id: value }
}

export function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : null
}

/** Host header must be one we serve (127.0.0.1, localhost, or a LAN address when enabled). */
export function hostAllowed(req: IncomingMessage, allowedHosts: Set<string>): boolean {
  const host = (req.headers.host ?? '').toLowerCase()
  return allowedHosts.has(host)
}

/** A browser request that changes state must come from one of our own origins. */
export function originAllowed(req: IncomingMessage, allowedHosts: Set<string>, viaBearer: boolean): boolean {
  const origin = req.headers.origin
  if (!origin) return viaBearer || req.method === 'GET'
  try {
    const u = new URL(origin)
    return u.protocol === 'http:' && allowedHosts.has(u.host.toLowerCase())
  } catch {
    return false
  }
}

/**
 * May this request open a session? Only a POST from our own page: our Origin, and (where the
 * browser says) from the same origin, not a cross-site form or another port of this machine.
 */
export function sessionRequestAllowed(req: IncomingMessage, allowedHosts: Set<string>): boolean {
  if (req.method !== 'POST' || !req.headers.origin || !originAllowed(req, allowedHosts, false)) return false
  const site = req.headers['sec-fetch-site']
  return site === undefined || site === 'same-origin'
}
