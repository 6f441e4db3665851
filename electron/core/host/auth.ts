// Browser-mode access control: random tokens per start (one for the owner, more for translators
// when asked), carried by the printed link once and then by an HttpOnly SameSite=Strict cookie.
// Requests must also name an allowed Host (DNS-rebinding guard) and, when they change anything
// from a browser, come from our own Origin.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Role } from '../../../shared/contract/define.ts'

export const COOKIE = 'vetrina_session'

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

export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie
  if (!header) return null
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return null
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
