// Request signing for the ICBU gateways (pavilion-api.md §1.3): every parameter except `sign` and
// file parts, keys sorted by code point, `key + value` concatenated with no separators; `/rest`
// calls prefix the API path. Digest in uppercase hex.
import { createHash, createHmac } from 'node:crypto'

export type SignMethod = 'sha256' | 'hmac-sha256' | 'hmac' | 'md5'

export function signBase(params: Record<string, string>, apiPath = ''): string {
  const keys = Object.keys(params)
    .filter((k) => k !== 'sign')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return apiPath + keys.map((k) => k + params[k]).join('')
}

export function sign(params: Record<string, string>, secret: string, method: SignMethod, apiPath = ''): string {
  const base = signBase(params, apiPath)
  const digest =
    method === 'md5'
      ? createHash('md5').update(secret + base + secret, 'utf8').digest('hex')
      : createHmac(method === 'hmac' ? 'md5' : 'sha256', secret).update(base, 'utf8').digest('hex')
  return digest.toUpperCase()
}
