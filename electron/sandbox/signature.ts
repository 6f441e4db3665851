// Signature and timestamp checks, written independently of Vetrina's client so each checks the
// other. Base string: every parameter except `sign` and file parts, keys sorted by code point,
// `key + value` concatenated; `/rest{path}` calls prefix the API path.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

export const SIGN_METHODS = ['sha256', 'md5', 'hmac', 'hmac-sha256'] as const
export type SandboxSignMethod = (typeof SIGN_METHODS)[number]

export function baseString(params: Record<string, string>, apiPath = ''): string {
  const keys = Object.keys(params).filter((k) => k !== 'sign').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  let s = apiPath
  for (const k of keys) s += k + params[k]
  return s
}

export function expectedSignature(params: Record<string, string>, secret: string, method: SandboxSignMethod, apiPath = ''): string {
  const base = baseString(params, apiPath)
  switch (method) {
    case 'md5':
      return createHash('md5').update(secret + base + secret, 'utf8').digest('hex').toUpperCase()
    case 'hmac':
      return createHmac('md5', secret).update(base, 'utf8').digest('hex').toUpperCase()
    case 'sha256':
    case 'hmac-sha256':
      return createHmac('sha256', secret).update(base, 'utf8').digest('hex').toUpperCase()
  }
}

export function signatureMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given.toUpperCase())
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Milliseconds since the epoch for a 13-digit timestamp, or for the legacy TOP form
 * `yyyy-MM-dd HH:mm:ss` read as GMT+8. null when it is neither.
 */
export function parseTimestamp(value: string, legacy: boolean): number | null {
  if (/^\d{13}$/.test(value)) return Number(value)
  const m = legacy ? /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value) : null
  if (!m) return null
  const [, y, mo, d, h, mi, s] = m.map(Number)
  const ms = Date.UTC(y, mo - 1, d, h - 8, mi, s)
  return Number.isNaN(ms) ? null : ms
}

/** `yyyy-MM-dd HH:mm:ss` in GMT+8, as the platform prints dates. */
export function formatGmt8(ms: number): string {
  const d = new Date(ms + 8 * 3600_000)
  const p = (x: number) => String(x).padStart(2, '0')
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
}
