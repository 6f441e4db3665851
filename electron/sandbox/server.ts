// The pavilion sandbox: a real HTTP server speaking the ICBU open API as documented in
// shared/reference/pavilion-api.md §4 — `/sync` with signature, timestamp and token checks,
// `/rest/auth/token/create|refresh`, both response forms, flow control, an audit step and fault
// injection — over its own SQLite file. It shares no code with Vetrina's client on purpose.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { ERRORS, SandboxError, errorResponse, restErrorResponse } from './errors.ts'
import { Faults, type FaultOptions } from './faults.ts'
import { FlowControl, type FlowOptions } from './flow-control.ts'
import { METHODS } from './methods/index.ts'
import type { MethodContext, SandboxSettings } from './methods/context.ts'
import { RequestTooLarge, readBody, readCall } from './request.ts'
import { SIGN_METHODS, expectedSignature, parseTimestamp, signatureMatches, type SandboxSignMethod } from './signature.ts'
import { SandboxStore } from './store.ts'

export interface SandboxOptions {
  /** The sandbox's SQLite file (created when missing). */
  dbFile: string
  host?: string
  port?: number
  /** Server clock in ms (tests move time). */
  now?: () => number
  /** Send numeric TOP error codes (25, 27, 7 …) instead of IOP string codes. */
  numericCodes?: boolean
  /** Drop the `upload_image_response` level of photobank.upload replies (seen live). */
  flatPhotobank?: boolean
  /** Also accept TOP signing (md5, hmac, hmac-sha256) and `yyyy-MM-dd HH:mm:ss` timestamps. */
  legacySigning?: boolean
  tokenTtlSeconds?: number
  refreshTtlSeconds?: number
  flow?: Partial<FlowOptions>
  faults?: Partial<FaultOptions>
  settings?: Partial<SandboxSettings>
  /** Key the /__sandbox/* controls require (Authorization: Bearer …); random per start when not given. */
  controlToken?: string
}

export interface SandboxCredentials {
  appKey: string
  appSecret: string
  accessToken: string
  refreshToken: string
}

export interface SandboxStats {
  calls: Record<string, number>
  rejected: Record<string, number>
  injectedErrors: number
  lostResponses: number
  bans: number
}

const TIMESTAMP_WINDOW_MS = 10 * 60_000
const DEFAULT_SETTINGS: SandboxSettings = {
  languages: ['en_US', 'zh'],
  audit: { delayMs: 2000, rejectWords: ['replica', 'counterfeit', 'fake'] },
  ignoreNestedComplexValue: true,
  legacyProductApis: 'insufficient-permission'
}

export class Sandbox {
  readonly store: SandboxStore
  readonly faults = new Faults()
  readonly flow: FlowControl
  settings: SandboxSettings
  stats: SandboxStats = { calls: {}, rejected: {}, injectedErrors: 0, lostResponses: 0, bans: 0 }
  numericCodes: boolean
  flatPhotobank: boolean
  url = ''
  /** The key the test controls (/__sandbox/*) require: `Authorization: Bearer <controlToken>`. */
  readonly controlToken: string
  private readonly server: Server
  private readonly opts: SandboxOptions
  private readonly sockets = new Set<Socket>()
  private readonly now: () => number

  constructor(opts: SandboxOptions) {
    this.opts = opts
    this.now = opts.now ?? Date.now
    this.store = new SandboxStore(opts.dbFile)
    this.controlToken = opts.controlToken ?? randomBytes(18).toString('base64url')
    this.flow = new FlowControl({ qps: null, banSeconds: 1, dailyQuota: null, ...opts.flow })
    this.faults.set({ ...opts.faults })
    this.settings = { ...DEFAULT_SETTINGS, ...opts.settings }
    this.numericCodes = opts.numericCodes ?? false
    this.flatPhotobank = opts.flatPhotobank ?? false
    this.server = createServer((req, res) => void this.handle(req, res))
    this.server.keepAliveTimeout = 30_000
    this.server.on('connection', (s) => {
      this.sockets.add(s)
      s.on('close', () => this.sockets.delete(s))
    })
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(this.opts.port ?? 0, this.opts.host ?? '127.0.0.1', () => resolve())
    })
    const addr = this.server.address() as AddressInfo
    const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address
    this.url = `http://${host}:${addr.port}`
    return this.url
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve())
      for (const s of this.sockets) s.destroy()
    })
    this.store.close()
  }

  /** The default app, seller and a valid token (created on first use, kept in the store). */
  credentials(): SandboxCredentials {
    let appKey = this.store.meta('default_app_key')
    if (!appKey || !this.store.app(appKey)) {
      appKey = this.store.createApp('Vetrina sandbox app').app_key
      this.store.setMeta('default_app_key', appKey)
    }
    const app = this.store.app(appKey)!
    const sellerId = this.store.ensureSeller('pavilion-seller', 'Cantina Demo S.r.l.')
    const now = this.now()
    const current = this.store.meta('default_access_token')
    let token = current ? this.store.token(current) : undefined
    if (!token || token.revoked || token.expires_at <= now) {
      token = this.store.issueToken(appKey, sellerId, now, this.tokenTtl(), this.refreshTtl())
      this.store.setMeta('default_access_token', token.access_token)
    }
    return { appKey, appSecret: app.app_secret, accessToken: token.access_token, refreshToken: token.refresh_token }
  }

  /** A new app with its own seller and token (tests of "another client"). */
  provision(name: string, seller = 'pavilion-seller'): SandboxCredentials {
    const app = this.store.createApp(name)
    const sellerId = this.store.ensureSeller(seller, seller)
    const token = this.store.issueToken(app.app_key, sellerId, this.now(), this.tokenTtl(), this.refreshTtl())
    return { appKey: app.app_key, appSecret: app.app_secret, accessToken: token.access_token, refreshToken: token.refresh_token }
  }

  /** Bans every API for `seconds` from now (the "ban in the middle" of a run). */
  banAll(seconds: number): void {
    this.flow.banAll(this.now() + seconds * 1000)
  }

  private tokenTtl() { return this.opts.tokenTtlSeconds ?? 864_000 }
  private refreshTtl() { return this.opts.refreshTtlSeconds ?? 5_184_000 }

  private send(res: ServerResponse, body: unknown, status = 200): void {
    const text = JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text) })
    res.end(text)
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox')
    try {
      if (url.pathname === '/sync') return await this.gateway(req, res, url)
      if (url.pathname === '/rest/auth/token/create' || url.pathname === '/rest/auth/token/refresh') return await this.token(req, res, url)
      if (url.pathname === '/oauth/authorize') return this.authorize(res, url)
      if (url.pathname.startsWith('/kf/')) return this.image(res, url.pathname)
      if (url.pathname.startsWith('/__sandbox/')) {
        // Test controls change faults and tokens: only from this machine, and only with the sandbox's own key.
        const from = req.socket.remoteAddress ?? ''
        if (!/^(127\.|::1$|::ffff:127\.)/.test(from)) return this.send(res, { error: 'the sandbox controls answer only on this machine' }, 403)
        if (!controlKeyMatches(req.headers.authorization, this.controlToken)) return this.send(res, { error: 'the sandbox controls need the control key printed at start (Authorization: Bearer …)' }, 401)
        return await this.admin(req, res, url)
      }
      this.send(res, { error_response: { type: 'ISV', code: 'InvalidApiPath', msg: `no such path ${url.pathname}`, request_id: requestId() } }, 404)
    } catch (err) {
      if (!res.headersSent) this.send(res, { error_response: { type: 'SYSTEM', code: 'InternalError', msg: (err as Error).message, request_id: requestId() } }, 500)
    }
  }

  private async gateway(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const delay = this.faults.delayMs()
    if (delay > 0) await new Promise((r) => setTimeout(r, delay))
    const rid = requestId()
    let method = ''
    const fail = (err: SandboxError) => {
      this.stats.rejected[method || '-'] = (this.stats.rejected[method || '-'] ?? 0) + 1
      this.send(res, errorResponse(err, rid, this.numericCodes))
    }
    let call
    try {
      call = await readCall(req, url)
    } catch (err) {
      return fail(new SandboxError('invalidParameter', { subMsg: err instanceof RequestTooLarge ? err.message : `cannot read the request: ${(err as Error).message}` }))
    }
    const p = call.params
    method = p.method ?? ''
    try {
      const now = this.now()
      const context = this.authenticate(p, now, req.method === 'GET')
      const def = METHODS[method]
      if (!def) throw new SandboxError('invalidMethod', { subMsg: `unknown method ${method}` })
      if ((JSON.parse(context.app.denied_methods) as string[]).includes(method)) throw new SandboxError('insufficientPermission', { subMsg: `${method} is not granted to this app` })
      if (req.method === 'GET' && def.write) throw new SandboxError('invalidParameter', { subMsg: `${method} must be called with POST` })
      if (this.faults.banNow()) {
        this.banAll(this.faults.opts.banSeconds)
        this.stats.bans++
      }
      const verdict = this.flow.check(context.app.app_key, method, now)
      if (!verdict.ok) {
        throw new SandboxError(verdict.scope === 'app' ? 'appCallLimit' : 'apiCallLimit', { subMsg: `This ban will last for ${verdict.seconds} more seconds` })
      }
      let sellerId = 0
      if (def.auth) sellerId = this.sellerFor(p, context.app.app_key, now)
      if (this.faults.serviceError(method)) {
        this.stats.injectedErrors++
        throw new SandboxError(method === 'alibaba.icbu.photobank.upload' ? 'uploadError' : 'serviceError')
      }
      const ctx: MethodContext = {
        store: this.store, params: p, files: call.files, appKey: context.app.app_key, sellerId, now,
        imageHost: req.headers.host ?? new URL(this.url).host, settings: this.settings
      }
      let result = def.run(ctx)
      this.stats.calls[method] = (this.stats.calls[method] ?? 0) + 1
      if (this.faults.loseResponse(method)) {
        this.stats.lostResponses++
        if (this.faults.opts.lostResponseMode === 'reset') req.socket.destroy()
        // 'hang': never answer; the socket closes when the client gives up or the sandbox stops.
        return
      }
      if (method === 'alibaba.icbu.photobank.upload' && this.flatPhotobank) {
        result = { ...(result.upload_image_response as Record<string, unknown>) }
      }
      if (p.simplify === 'true') return this.send(res, { ...result, request_id: rid })
      const wrapped = def.wrapLists ? def.wrapLists(result) : result
      this.send(res, { [`${method.replace(/\./g, '_')}_response`]: { ...wrapped, request_id: rid } })
    } catch (err) {
      if (err instanceof SandboxError) return fail(err)
      throw err
    }
  }

  /** App key, timestamp, sign_method and signature, in the order the gateway checks them. */
  private authenticate(p: Record<string, string>, now: number, isGet: boolean) {
    if (!p.method) throw new SandboxError('missingMethod')
    if (!p.app_key) throw new SandboxError('missingAppKey')
    const app = this.store.app(p.app_key)
    if (!app) throw new SandboxError('invalidAppKey', { subMsg: `app_key ${p.app_key} is not registered` })
    if (!p.timestamp) throw new SandboxError('missingTimestamp')
    const legacy = this.opts.legacySigning ?? true
    const ts = parseTimestamp(p.timestamp, legacy)
    if (ts === null || Math.abs(now - ts) > TIMESTAMP_WINDOW_MS) {
      throw new SandboxError('invalidTimestamp', { subMsg: `timestamp ${p.timestamp} is invalid or more than 10 minutes away from the server time` })
    }
    const signMethod = (p.sign_method ?? (legacy ? 'md5' : '')) as SandboxSignMethod
    const allowed: readonly string[] = legacy ? SIGN_METHODS : ['sha256']
    if (!allowed.includes(signMethod)) throw new SandboxError('invalidSignMethod', { subMsg: `sign_method ${p.sign_method ?? '(missing)'} is not supported` })
    if (p.format && p.format !== 'json') throw new SandboxError('invalidFormat')
    if (!p.sign) throw new SandboxError('missingSignature')
    if (!signatureMatches(p.sign, expectedSignature(p, app.app_secret, signMethod))) throw new SandboxError('invalidSignature')
    void isGet
    return { app }
  }

  private sellerFor(p: Record<string, string>, appKey: string, now: number): number {
    const tokenValue = p.session ?? p.access_token
    if (!tokenValue) throw new SandboxError('missingSession')
    const token = this.store.token(tokenValue)
    if (!token || token.revoked || token.expires_at <= now || token.app_key !== appKey) throw new SandboxError('invalidToken')
    return token.seller_id
  }

  private async token(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const rid = requestId()
    const call = await readCall(req, url).catch(() => null)
    const fail = (err: SandboxError) => this.send(res, restErrorResponse(err, rid))
    if (!call) return fail(new SandboxError('invalidParameter', { subMsg: 'cannot read the request' }))
    const p = call.params
    const path = url.pathname.slice('/rest'.length)
    const now = this.now()
    if (!p.app_key) return fail(new SandboxError('missingAppKey'))
    const app = this.store.app(p.app_key)
    if (!app) return fail(new SandboxError('invalidAppKey'))
    const ts = p.timestamp ? parseTimestamp(p.timestamp, false) : null
    if (ts === null || Math.abs(now - ts) > TIMESTAMP_WINDOW_MS) return fail(new SandboxError('invalidTimestamp'))
    if (p.sign_method !== 'sha256') return fail(new SandboxError('invalidSignMethod'))
    if (!p.sign) return fail(new SandboxError('missingSignature'))
    if (!signatureMatches(p.sign, expectedSignature(p, app.app_secret, 'sha256', path))) return fail(new SandboxError('invalidSignature'))
    let token
    if (path === '/auth/token/create') {
      if (!p.code) return fail(new SandboxError('missingParameter', { subMsg: 'parameter code is required' }))
      const sellerId = this.store.useAuthCode(p.code, app.app_key, now)
      if (sellerId === null) return fail(new SandboxError('invalidCode'))
      token = this.store.issueToken(app.app_key, sellerId, now, this.tokenTtl(), this.refreshTtl())
    } else {
      if (!p.refresh_token) return fail(new SandboxError('missingParameter', { subMsg: 'parameter refresh_token is required' }))
      const old = this.store.tokenByRefresh(p.refresh_token)
      if (!old || old.revoked || old.refresh_expires_at <= now || old.app_key !== app.app_key) return fail(new SandboxError('invalidRefreshToken'))
      token = this.store.rotateToken(old, now, this.tokenTtl(), this.refreshTtl())
    }
    this.send(res, {
      code: '0', access_token: token.access_token, refresh_token: token.refresh_token,
      expires_in: String(Math.round((token.expires_at - now) / 1000)), refresh_expires_in: String(Math.round((token.refresh_expires_at - now) / 1000)),
      account: this.store.sellerName(token.seller_id), account_id: String(token.seller_id), account_platform: 'icbu', request_id: rid
    })
  }

  /** Auto-approving OAuth page: redirects back with a one-time code (valid 30 minutes). */
  private authorize(res: ServerResponse, url: URL): void {
    const appKey = url.searchParams.get('client_id') ?? ''
    if (!this.store.app(appKey)) return this.send(res, { error: 'invalid_client', error_description: 'unknown client_id' }, 400)
    const code = this.store.createAuthCode(appKey, this.store.ensureSeller('pavilion-seller', 'Cantina Demo S.r.l.'), this.now())
    const redirect = url.searchParams.get('redirect_uri')
    if (redirect) {
      const target = new URL(redirect)
      target.searchParams.set('code', code)
      res.writeHead(302, { location: target.toString() })
      return void res.end()
    }
    this.send(res, { code })
  }

  private image(res: ServerResponse, path: string): void {
    const img = this.store.imageBytes(path)
    if (!img) {
      res.writeHead(404)
      return void res.end()
    }
    res.writeHead(200, { 'content-type': img.mime, 'content-length': img.bytes.length, 'cache-control': 'max-age=86400' })
    res.end(img.bytes)
  }

  /** Test and bench controls (loopback only): faults, flow control, bans, token expiry, counts. */
  private async admin(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const body = req.method === 'POST' ? await readBody(req, 1024 * 1024) : Buffer.alloc(0)
    let input: Record<string, unknown> = {}
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8')) as Record<string, unknown>
      } catch {
        return this.send(res, { error: 'body must be JSON' }, 400)
      }
    }
    switch (url.pathname) {
      case '/__sandbox/state':
        return this.send(res, { counts: this.store.counts(), stats: this.stats, faults: this.faults.opts, flow: this.flow.opts, settings: this.settings })
      case '/__sandbox/faults':
        return this.send(res, { faults: input.reset ? this.faults.reset() : this.faults.set(input as Partial<FaultOptions>) })
      case '/__sandbox/flow':
        this.flow.opts = { ...this.flow.opts, ...(input as Partial<FlowOptions>) }
        return this.send(res, { flow: this.flow.opts })
      case '/__sandbox/settings':
        this.settings = { ...this.settings, ...(input as Partial<SandboxSettings>) }
        if (typeof input.numericCodes === 'boolean') this.numericCodes = input.numericCodes
        if (typeof input.flatPhotobank === 'boolean') this.flatPhotobank = input.flatPhotobank
        return this.send(res, { settings: this.settings, numericCodes: this.numericCodes, flatPhotobank: this.flatPhotobank })
      case '/__sandbox/ban':
        this.banAll(Number(input.seconds ?? 5))
        return this.send(res, { banned: true })
      case '/__sandbox/expire-tokens':
        return this.send(res, { expired: this.store.expireAllTokens(this.now()) })
      case '/__sandbox/revoke-tokens':
        return this.send(res, { revoked: this.store.revokeAllTokens() })
      case '/__sandbox/stats/reset':
        this.stats = { calls: {}, rejected: {}, injectedErrors: 0, lostResponses: 0, bans: 0 }
        return this.send(res, { ok: true })
      default:
        return this.send(res, { error: `no admin path ${url.pathname}` }, 404)
    }
  }
}

function controlKeyMatches(header: string | undefined, key: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7).trim() : '')
  const want = Buffer.from(key)
  return given.length === want.length && timingSafeEqual(given, want)
}

function requestId(): string {
  return randomBytes(6).toString('hex')
}

export async function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  const sandbox = new Sandbox(opts)
  await sandbox.listen()
  return sandbox
}

export { ERRORS }
