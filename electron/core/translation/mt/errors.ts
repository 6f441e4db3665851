// What can go wrong talking to a machine-translation service, classified so the job knows whether
// to wait for the network, slow down, retry later, split the batch or stop with a clear message.
export type MtErrorKind = 'offline' | 'rate_limited' | 'quota' | 'auth' | 'too_large' | 'server' | 'bad_request' | 'unsupported'

export class MtError extends Error {
  readonly kind: MtErrorKind
  readonly status: number | null
  /** For rate limits: how long the service asked us to wait. */
  readonly retryAfterMs: number | null
  constructor(kind: MtErrorKind, message: string, extra: { status?: number | null; retryAfterMs?: number | null } = {}) {
    super(message)
    this.name = 'MtError'
    this.kind = kind
    this.status = extra.status ?? null
    this.retryAfterMs = extra.retryAfterMs ?? null
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET'])

/** fetch with a timeout; network failures become MtError('offline'). */
export async function mtFetch(url: string, init: RequestInit, signal: AbortSignal, timeoutMs = 30_000): Promise<Response> {
  const timeout = AbortSignal.timeout(timeoutMs)
  try {
    return await fetch(url, { ...init, signal: AbortSignal.any([signal, timeout]) })
  } catch (err) {
    if (signal.aborted) throw err
    const cause = (err as { cause?: { code?: string } }).cause
    if (timeout.aborted) throw new MtError('offline', `No answer from ${new URL(url).host} within ${timeoutMs / 1000} s.`)
    if (cause?.code && NETWORK_CODES.has(cause.code)) throw new MtError('offline', `Cannot reach ${new URL(url).host} (${cause.code}).`)
    throw new MtError('offline', `Cannot reach ${new URL(url).host}: ${(err as Error).message}`)
  }
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfterMs(res: Response, fallbackMs: number): number {
  const h = res.headers.get('retry-after')
  if (!h) return fallbackMs
  const secs = Number(h)
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000)
  const at = Date.parse(h)
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : fallbackMs
}

export async function errorText(res: Response): Promise<string> {
  const body = await res.text().catch(() => '')
  try {
    const j = JSON.parse(body) as Record<string, unknown>
    return String(j.message ?? j.error ?? j.Message ?? j.detail ?? body).slice(0, 300)
  } catch {
    return body.slice(0, 300)
  }
}
