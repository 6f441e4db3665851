// The ICBU open-API client. The same code talks to the real gateway and to the sandbox; only the
// base URL and the credentials differ. Each attempt gets a fresh timestamp and signature; an
// expired token is refreshed once; replies are read in both envelope forms.
import { PavilionError } from './errors.ts'
import { readRestReply, readSyncReply, type Json } from './envelope.ts'
import { Gateway, TransportError } from './http.ts'
import type { RateLimiter } from './rate-limiter.ts'
import { sign } from './sign.ts'

export interface Credentials {
  appKey: string
  appSecret: string
  accessToken: string
  refreshToken: string | null
}

export interface ClientOptions {
  /** e.g. https://open-api.alibaba.com or the sandbox's http://127.0.0.1:8765 */
  baseUrl: string
  credentials(): Promise<Credentials>
  saveTokens(tokens: { accessToken: string; refreshToken: string | null }): Promise<void>
  limiter: RateLimiter
  /** Connections to reuse (default: the client's own). */
  gateway?: Gateway
  now?: () => number
  /** Parameter carrying the seller token on /sync ("session" or "access_token"; both exist in the wild). */
  tokenParam?: 'session' | 'access_token'
  timeoutMs?: number
  uploadTimeoutMs?: number
  maxReplyBytes?: number
}

export interface UploadFile {
  field: string
  name: string
  bytes: Uint8Array
  mime: string
}

export interface CallOptions {
  signal?: AbortSignal
  file?: UploadFile
  /** Longest ban to wait out inside the call (longer ones throw rate_limited). */
  maxBanWaitMs?: number
}

type ParamValue = string | number | boolean | string[] | Record<string, unknown> | null | undefined

/** Business parameters as the gateway expects them: arrays comma-joined, objects as JSON, no empty values. */
export function encodeParams(params: Record<string, ParamValue>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined) continue
    const s = Array.isArray(v) ? v.join(',') : typeof v === 'object' ? JSON.stringify(v) : String(v)
    if (s !== '') out[k] = s
  }
  return out
}

export class IcbuClient {
  readonly baseUrl: string
  private readonly opts: ClientOptions
  private readonly now: () => number
  private readonly gateway: Gateway
  private refreshing: Promise<void> | null = null

  constructor(opts: ClientOptions) {
    this.opts = opts
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '')
    this.now = opts.now ?? Date.now
    this.gateway = opts.gateway ?? new Gateway()
  }

  /** Closes idle connections (the process can exit at once). */
  close(): void {
    this.gateway.close()
  }

  async call(method: string, params: Record<string, ParamValue>, opts: CallOptions = {}): Promise<Json> {
    let refreshed = false
    for (;;) {
      const creds = await this.opts.credentials()
      await this.opts.limiter.acquire(opts.signal, opts.maxBanWaitMs)
      try {
        return await this.once(method, params, creds, opts)
      } catch (err) {
        if (err instanceof PavilionError && err.kind === 'auth' && !refreshed) {
          await this.refresh(creds)
          refreshed = true
          continue
        }
        if (err instanceof PavilionError && err.kind === 'auth') {
          throw new PavilionError('auth', 'The seller sign-in is no longer accepted. Sign in to Alibaba.com again in Publish settings.', { code: 'signin_required' })
        }
        if (err instanceof PavilionError && err.kind === 'rate_limited' && err.retryAfterMs) this.opts.limiter.ban(this.now() + err.retryAfterMs)
        throw err
      }
    }
  }

  private async once(method: string, params: Record<string, ParamValue>, creds: Credentials, opts: CallOptions): Promise<Json> {
    const all: Record<string, string> = {
      ...encodeParams(params),
      method,
      app_key: creds.appKey,
      timestamp: String(this.now()),
      sign_method: 'sha256',
      format: 'json',
      simplify: 'true',
      [this.opts.tokenParam ?? 'session']: creds.accessToken
    }
    all.sign = sign(all, creds.appSecret, 'sha256')
    let body: URLSearchParams | FormData
    if (opts.file) {
      const form = new FormData()
      for (const [k, v] of Object.entries(all)) form.append(k, v)
      form.append(opts.file.field, new Blob([opts.file.bytes as Uint8Array<ArrayBuffer>], { type: opts.file.mime }), opts.file.name)
      body = form
    } else {
      body = new URLSearchParams(all)
    }
    let reply
    try {
      reply = await this.gateway.exchange({
        url: `${this.baseUrl}/sync`, method: 'POST', body, signal: opts.signal,
        timeoutMs: opts.file ? (this.opts.uploadTimeoutMs ?? 120_000) : (this.opts.timeoutMs ?? 30_000),
        maxBytes: this.opts.maxReplyBytes ?? 8 * 1024 * 1024
      })
    } catch (err) {
      if (err instanceof TransportError) {
        throw new PavilionError(err.delivered === 'no' ? 'unreachable' : 'unknown_outcome', err.message, { code: err.reason })
      }
      throw err
    }
    const parsed = readSyncReply(reply.text, method, this.now())
    // The gateway answers 200 even for its errors: any other status is not a reply to trust
    // (a proxy's or a fake gateway's page), whatever its body looks like.
    if (reply.status < 200 || reply.status > 299) {
      throw new PavilionError('unknown_outcome', `The gateway answered HTTP ${reply.status} instead of a reply.`, { code: 'http_status' })
    }
    return parsed
  }

  /** Exchanges the refresh token for a new pair (once at a time) and stores both. */
  private refresh(creds: Credentials): Promise<void> {
    if (!this.refreshing) {
      this.refreshing = (async () => {
        if (!creds.refreshToken) {
          throw new PavilionError('auth', 'The seller sign-in has expired. Sign in to Alibaba.com again in Publish settings.', { code: 'signin_required' })
        }
        const path = '/auth/token/refresh'
        const params: Record<string, string> = { app_key: creds.appKey, refresh_token: creds.refreshToken, sign_method: 'sha256', timestamp: String(this.now()) }
        params.sign = sign(params, creds.appSecret, 'sha256', path)
        let reply
        try {
          reply = await this.gateway.exchange({ url: `${this.baseUrl}/rest${path}`, method: 'POST', body: new URLSearchParams(params), timeoutMs: this.opts.timeoutMs ?? 30_000, maxBytes: 64 * 1024 })
        } catch (err) {
          if (err instanceof TransportError) throw new PavilionError(err.delivered === 'no' ? 'unreachable' : 'transient', err.message, { code: err.reason })
          throw err
        }
        let body: Json
        try {
          body = readRestReply(reply.text, this.now())
        } catch (err) {
          if (err instanceof PavilionError && (err.kind === 'auth' || err.kind === 'rejected' || err.kind === 'credentials')) {
            throw new PavilionError('auth', 'The seller sign-in was revoked or has expired. Sign in to Alibaba.com again in Publish settings.', { code: 'signin_required' })
          }
          throw err
        }
        if (typeof body.access_token !== 'string' || body.access_token === '') {
          throw new PavilionError('transient', 'The token refresh reply has no access_token.', { code: 'bad_reply' })
        }
        await this.opts.saveTokens({ accessToken: body.access_token, refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : creds.refreshToken })
      })().finally(() => {
        this.refreshing = null
      })
    }
    return this.refreshing
  }

  /** True when the gateway answers with an ICBU envelope (used by the connectivity monitor). */
  async ping(signal: AbortSignal): Promise<boolean> {
    try {
      const reply = await this.gateway.exchange({ url: `${this.baseUrl}/sync`, method: 'GET', signal, timeoutMs: 10_000, maxBytes: 64 * 1024 })
      const body = JSON.parse(reply.text) as unknown
      return typeof body === 'object' && body !== null
    } catch {
      return false
    }
  }
}

/**
 * Seller sign-in: exchanges the one-time code from the authorization page for a token pair
 * (`/rest/auth/token/create`, signed with the path prefix).
 */
export async function exchangeAuthCode(o: { baseUrl: string; appKey: string; appSecret: string; code: string; gateway?: Gateway; now?: () => number }): Promise<{ accessToken: string; refreshToken: string | null; account: string | null }> {
  const path = '/auth/token/create'
  const now = o.now ?? Date.now
  const params: Record<string, string> = { app_key: o.appKey, code: o.code, sign_method: 'sha256', timestamp: String(now()) }
  params.sign = sign(params, o.appSecret, 'sha256', path)
  const gateway = o.gateway ?? new Gateway()
  let reply
  try {
    reply = await gateway.exchange({ url: `${o.baseUrl.replace(/\/+$/, '')}/rest${path}`, method: 'POST', body: new URLSearchParams(params), timeoutMs: 30_000, maxBytes: 64 * 1024 })
  } catch (err) {
    if (err instanceof TransportError) throw new PavilionError(err.delivered === 'no' ? 'unreachable' : 'transient', err.message, { code: err.reason })
    throw err
  } finally {
    if (!o.gateway) gateway.close()
  }
  const body = readRestReply(reply.text, now())
  if (typeof body.access_token !== 'string' || !body.access_token) throw new PavilionError('rejected', 'The sign-in reply has no access_token.', { code: 'bad_reply' })
  return {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : null,
    account: typeof body.account === 'string' && body.account ? body.account : null
  }
}

/** The page where the seller authorizes the app and gets the one-time code. */
export function authorizeUrl(baseUrl: string, appKey: string, redirectUri?: string): string {
  const u = new URL(`${baseUrl.replace(/\/+$/, '')}/oauth/authorize`)
  u.searchParams.set('response_type', 'code')
  u.searchParams.set('force_auth', 'true')
  u.searchParams.set('client_id', appKey)
  if (redirectUri) u.searchParams.set('redirect_uri', redirectUri)
  return u.toString()
}
