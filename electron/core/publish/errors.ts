// What can go wrong talking to the pavilion, sorted by what the publisher must do about it.
// Gateway codes arrive as IOP strings ("IllegalAccessToken") or TOP numbers (27); both map here.
import { AppError } from '../../../shared/contract/errors.ts'
import type { MessageParams } from '../../../shared/messages/message.ts'
export type PavilionErrorKind =
  /** Token missing, invalid or expired: refresh it and try once more; if that fails, sign in again. */
  | 'auth'
  /** App key or secret wrong (bad signature, unknown app): nothing works until settings are fixed. */
  | 'credentials'
  /** Flow control: wait `retryAfterMs` (the gateway says how long). */
  | 'rate_limited'
  /** Provider error or clock skew: retry with backoff. For a write, the outcome may be unknown. */
  | 'transient'
  /** The gateway cannot be reached: the request did not leave. */
  | 'unreachable'
  /** The request may have been carried out but no usable reply came: reconcile before re-sending. */
  | 'unknown_outcome'
  /** The request itself is invalid (missing or bad parameter): retrying cannot help. */
  | 'rejected'
  /** The API is not granted to this app, retired or unknown. */
  | 'not_available'

export class PavilionError extends Error {
  readonly kind: PavilionErrorKind
  readonly code: string
  readonly subCode: string | null
  readonly requestId: string | null
  readonly retryAfterMs: number | null
  /** The gateway's own words (msg — sub_msg), when the gateway answered with an error. */
  readonly gatewayText: string | null

  constructor(kind: PavilionErrorKind, message: string, extra: { code?: string; subCode?: string | null; requestId?: string | null; retryAfterMs?: number | null; gatewayText?: string | null } = {}) {
    super(message)
    this.name = 'PavilionError'
    this.kind = kind
    this.code = extra.code ?? kind
    this.subCode = extra.subCode ?? null
    this.requestId = extra.requestId ?? null
    this.retryAfterMs = extra.retryAfterMs ?? null
    this.gatewayText = extra.gatewayText ?? null
  }
}

/** Why something failed, as a code with params for the person (publish:error.<code>) and English for the log. */
export interface Reason {
  code: string
  params: MessageParams
  message: string
}

/** Codes Vetrina itself gives a PavilionError (the others are the gateway's). */
const OWN_CODES: Record<string, string> = {
  signin_required: 'publish_signin_required',
  timeout: 'publish_transport_timeout',
  unreachable: 'publish_transport_unreachable',
  connection_lost: 'publish_transport_connection_lost',
  too_large: 'publish_transport_too_large',
  aborted: 'publish_transport_aborted',
  bad_reply: 'publish_bad_reply',
  bad_rules: 'publish_bad_rules'
}

/** Any failure while publishing as a Reason: the pavilion's errors by kind, with its code and words. */
export function reasonOf(err: unknown): Reason {
  if (err instanceof PavilionError) {
    if (err.kind === 'rate_limited') return { code: 'publish_rate_limited', params: { seconds: Math.max(1, Math.ceil((err.retryAfterMs ?? 1000) / 1000)) }, message: err.message }
    const own = OWN_CODES[err.code]
    if (own) return { code: own, params: {}, message: err.message }
    const gateway = err.subCode ? `${err.code}, ${err.subCode}` : err.code
    return { code: `publish_pavilion_${err.kind}`, params: { code: gateway, detail: err.gatewayText ?? '' }, message: err.message }
  }
  if (err instanceof AppError) return { code: err.code, params: { ...(err.params ?? {}) }, message: err.message }
  return { code: 'publish_unexpected', params: {}, message: (err as Error)?.message ?? String(err) }
}

const AUTH = new Set(['IllegalAccessToken', 'InvalidSession', 'MissingSession', 'InvalidRefreshToken', '26', '27', '44'])
const CREDENTIALS = new Set(['IncompleteSignature', 'InvalidSignature', 'InvalidAppKey', 'InvalidSignMethod', '24', '25', '28', '29'])
const NOT_AVAILABLE = new Set(['InvalidApiPath', 'InsufficientPermission', 'OFFLINE', 'InvalidMethod', '11', '12', '13', '21', '22'])
const TRANSIENT = new Set(['InvalidTimestamp', 'ServiceUnavailable', 'ServiceError', 'InternalError', '-2', '10', '15', '31', '50'])
const FLOW = new Set(['7', 'ApiCallLimit', 'AppCallLimit', 'AppApiCallLimit'])

const GMT8_MS = 8 * 3600_000
const DAY_MS = 24 * 3600_000

/** Milliseconds until 00:00 GMT+8, when daily quotas reset. */
export function msUntilGmt8Midnight(nowMs: number): number {
  const day = Math.floor((nowMs + GMT8_MS) / DAY_MS)
  return (day + 1) * DAY_MS - GMT8_MS - nowMs
}

export interface GatewayError {
  type?: unknown
  code?: unknown
  msg?: unknown
  message?: unknown
  sub_code?: unknown
  sub_msg?: unknown
  request_id?: unknown
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null)

/** Turns an `error_response` (or a flat GOP error) into a PavilionError of the right kind. */
export function fromGatewayError(e: GatewayError, nowMs: number): PavilionError {
  const code = str(e.code) ?? 'unknown'
  const subCode = str(e.sub_code)
  const msg = str(e.msg) ?? str(e.message) ?? 'error'
  const subMsg = str(e.sub_msg)
  const text = `${msg}${subMsg ? ` — ${subMsg}` : ''} (${code}${subCode ? `, ${subCode}` : ''})`
  const extra = { code, subCode, requestId: str(e.request_id), gatewayText: `${msg}${subMsg ? ` — ${subMsg}` : ''}` }
  if (FLOW.has(code) || subCode?.startsWith('accesscontrol.')) {
    const seconds = /ban will last for (\d+) more seconds/i.exec(subMsg ?? msg)?.[1]
    const daily = subCode === 'accesscontrol.limited-by-app-access-count' || code === 'AppCallLimit'
    const retryAfterMs = seconds ? Number(seconds) * 1000 : daily ? msUntilGmt8Midnight(nowMs) : 1000
    return new PavilionError('rate_limited', `The pavilion limits calls: ${text}`, { ...extra, retryAfterMs })
  }
  if (AUTH.has(code) || subCode === 'isv.missing-parameter:session') return new PavilionError('auth', `The seller sign-in is not valid: ${text}`, extra)
  if (CREDENTIALS.has(code)) return new PavilionError('credentials', `The app credentials are not accepted: ${text}`, extra)
  if (NOT_AVAILABLE.has(code)) return new PavilionError('not_available', `The pavilion does not offer this call to this app: ${text}`, extra)
  const type = str(e.type)
  if (TRANSIENT.has(code) || type === 'ISP' || type === 'SYSTEM' || subCode?.startsWith('isp.')) {
    return new PavilionError('transient', `The pavilion had a temporary problem: ${text}`, extra)
  }
  return new PavilionError('rejected', `The pavilion refused the request: ${text}`, extra)
}
