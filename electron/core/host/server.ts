// The browser-mode host: serves the built UI and the same contract as the desktop app over HTTP
// on 127.0.0.1 (the office network only when the user opts in), plus an event stream (SSE),
// uploads and downloads. Every request needs a token; see auth.ts.
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { networkInterfaces } from 'node:os'
import { extname, join, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Role } from '../../../shared/contract/define.ts'
import { ErrorCodes, type CallResult } from '../../../shared/contract/errors.ts'
import { PathAccessCodes } from '../path-policy.ts'
import type { Core } from '../core.ts'
import { mediaHeaders } from '../platform/media-policy.ts'
import { AccessTokens, Sessions, bearer, cookieName, hostAllowed, originAllowed, sessionCookie, sessionRequestAllowed, type SessionInfo } from './auth.ts'
import { LOGIN_SCRIPT, loginPage } from './login-page.ts'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif', '.gif': 'image/gif',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8'
}

export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"
].join('; ')

const MAX_JSON_BYTES = 20 * 1024 * 1024
const MAX_UPLOAD_BYTES = 4 * 1024 ** 3

const STATUS_BY_CODE: Record<string, number> = {
  [ErrorCodes.validation]: 400, [ErrorCodes.unknownMethod]: 404, [ErrorCodes.notFound]: 404, [ErrorCodes.forbidden]: 403,
  [ErrorCodes.unauthorized]: 401, [ErrorCodes.conflict]: 409, [ErrorCodes.duplicateSku]: 409, [ErrorCodes.internal]: 500,
  [PathAccessCodes.browser]: 403
}

export interface HostOptions {
  core: Core
  /** Folder of the built renderer (out/renderer). */
  uiDir: string
  port?: number
  /** Listen on every interface (office network) instead of 127.0.0.1 only. */
  lan?: boolean
}

export interface RunningHost {
  url: string
  /** The owner's link (its page exchanges the key for a session cookie). */
  ownerLink: string
  /** The session cookie's name (it carries the port). */
  cookieName: string
  port: number
  tokens: AccessTokens
  /** Links for other machines on the office network (when `lan`). */
  lanLinks(token: string): string[]
  /** Creates a link for another role (e.g. a translator), valid `days` days. */
  issueLink(role: Role, label?: string, days?: number): { token: string; links: string[]; expiresAt: string; id: string }
  close(): Promise<void>
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i): i is NonNullable<typeof i> => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address)
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(data)
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } } satisfies CallResult<never>)
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_JSON_BYTES) throw Object.assign(new Error('request body too large'), { status: 413 })
    chunks.push(chunk as Buffer)
  }
  if (size === 0) return {}
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw Object.assign(new Error('the request body is not valid JSON'), { status: 400 })
  }
}

/** Serves a file from `root` if `relPath` stays inside it. */
function serveFile(res: ServerResponse, root: string, relPath: string, extraHeaders: Record<string, string> | ((file: string) => Record<string, string>) = {}): boolean {
  const base = resolve(root)
  let decoded: string
  try {
    decoded = decodeURIComponent(relPath)
  } catch {
    return false
  }
  const file = resolve(base, `.${sep}${decoded}`)
  if (file !== base && !file.startsWith(base + sep)) return false
  if (!existsSync(file) || !statSync(file).isFile()) return false
  res.writeHead(200, {
    'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': statSync(file).size,
    ...(typeof extraHeaders === 'function' ? extraHeaders(file) : extraHeaders)
  })
  createReadStream(file).pipe(res)
  return true
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const { core } = opts
  const tokens = new AccessTokens()
  const ownerToken = tokens.issue('owner', 'owner')
  const sessions = new Sessions()
  const allowedHosts = new Set<string>()
  const sseClients = new Set<ServerResponse>()
  let port = 0

  const unsubscribe = core.events.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const res of sseClients) res.write(frame)
  })

  /** The role behind a key: this start's owner key, or an active link kept in the catalogue. */
  const keyInfo = (key: string): SessionInfo | null => {
    const owner = tokens.roleOf(key)
    if (owner) return { ...owner, linkId: null }
    const link = core.s.accessLinks.verify(key)
    return link ? { role: link.role, label: link.label, linkId: link.id } : null
  }

  const authenticate = (req: IncomingMessage): (SessionInfo & { viaBearer: boolean }) | null => {
    const b = bearer(req)
    if (b) {
      const info = keyInfo(b)
      return info ? { ...info, viaBearer: true } : null
    }
    const cookie = sessionCookie(req, cookieName(port))
    if (!('id' in cookie)) return null
    const info = sessions.get(cookie.id)
    if (!info) return null
    // A revoked or expired link ends its sessions at once.
    if (info.linkId && !core.s.accessLinks.active(info.linkId)) {
      sessions.close(cookie.id)
      return null
    }
    return { ...info, viaBearer: false }
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    securityHeaders(res)
    if (!hostAllowed(req, allowedHosts)) return sendError(res, 421, 'bad_host', 'Unknown host name.')
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)

    // The printed link opens a page that exchanges its key for a session (POST /api/session).
    const linkToken = url.searchParams.get('token')
    if (req.method === 'GET' && linkToken !== null) {
      if (!keyInfo(linkToken)) return sendUnauthorizedPage(res)
      // Straight from outside a web page (typed, pasted, opened from the terminal): no click needed.
      const site = req.headers['sec-fetch-site']
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      return res.end(loginPage(site === 'none' || site === 'same-origin'))
    }
    if (req.method === 'GET' && url.pathname === '/__vetrina/login.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' })
      return res.end(LOGIN_SCRIPT)
    }
    if (url.pathname === '/api/session') {
      if (!sessionRequestAllowed(req, allowedHosts)) return sendError(res, 403, ErrorCodes.forbidden, 'A session is opened only from Vetrina\'s own page.')
      let body: unknown
      try {
        body = await readJson(req)
      } catch (err) {
        return sendError(res, (err as { status?: number }).status ?? 400, ErrorCodes.validation, (err as Error).message)
      }
      const key = typeof (body as { token?: unknown })?.token === 'string' ? (body as { token: string }).token : ''
      const info = key ? keyInfo(key) : null
      if (!info) return sendError(res, 401, ErrorCodes.unauthorized, 'This link is not valid (expired or revoked).')
      if (info.linkId) core.s.accessLinks.touch(info.linkId)
      const id = sessions.open(info)
      res.setHeader('Set-Cookie', `${cookieName(port)}=${id}; HttpOnly; SameSite=Strict; Path=/`)
      return sendJson(res, 200, { ok: true, value: { role: info.role } })
    }

    const who = authenticate(req)
    if (!who) {
      if (url.pathname.startsWith('/api/') || req.method !== 'GET') return sendError(res, 401, ErrorCodes.unauthorized, 'Open Vetrina with the link printed when it started.')
      return sendUnauthorizedPage(res)
    }
    if (req.method !== 'GET' && !originAllowed(req, allowedHosts, who.viaBearer)) {
      return sendError(res, 403, ErrorCodes.forbidden, 'Requests from other web sites are refused.')
    }
    const ctx = { role: who.role, transport: 'http' as const, actor: `${who.label}@${req.socket.remoteAddress ?? '?'}` }

    if (url.pathname.startsWith('/api/call/') && req.method === 'POST') {
      const method = url.pathname.slice('/api/call/'.length)
      let input: unknown
      try {
        input = await readJson(req)
      } catch (err) {
        return sendError(res, (err as { status?: number }).status ?? 400, ErrorCodes.validation, (err as Error).message)
      }
      const result = await core.call(method, input, ctx)
      return sendJson(res, result.ok ? 200 : STATUS_BY_CODE[result.error.code] ?? 422, result.ok ? { ok: true, value: withoutLocalPaths(result.value) } : result)
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
      res.write(`event: hello\ndata: ${JSON.stringify({ role: who.role })}\n\n`)
      sseClients.add(res)
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 20_000)
      req.on('close', () => {
        clearInterval(heartbeat)
        sseClients.delete(res)
      })
      return
    }
    if (url.pathname === '/api/upload' && req.method === 'POST') {
      if (who.role !== 'owner') return sendError(res, 403, ErrorCodes.forbidden, 'Only the owner can upload files.')
      const name = url.searchParams.get('name') ?? 'upload'
      try {
        const { id, size } = await core.s.files.saveUpload(req, name, MAX_UPLOAD_BYTES)
        return sendJson(res, 200, { ok: true, value: { kind: 'upload', id, name, size } })
      } catch (err) {
        const e = err as { code?: string; message: string }
        return sendError(res, e.code === 'upload_too_large' ? 413 : 400, e.code ?? 'upload_failed', e.message)
      }
    }
    if (url.pathname.startsWith('/api/download/') && req.method === 'GET') {
      const d = core.s.files.download(url.pathname.slice('/api/download/'.length))
      if (!d) return sendError(res, 404, ErrorCodes.notFound, 'This download is no longer available.')
      const ascii = d.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')
      res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.fileName)}`)
      if (serveFile(res, join(d.path, '..'), d.fileName, { 'Cache-Control': 'no-store' })) return
      return sendError(res, 404, ErrorCodes.notFound, 'This download is no longer available.')
    }
    if (url.pathname.startsWith('/media/') && req.method === 'GET') {
      // Images of an allowed type are shown; anything else is a download under a sandbox CSP.
      if (serveFile(res, core.s.paths.media, url.pathname.slice('/media/'.length), (file) => ({ 'Cache-Control': 'private, max-age=3600', ...mediaHeaders(file) }))) return
      return sendError(res, 404, ErrorCodes.notFound, 'No such media file.')
    }
    if (req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      const rel = url.pathname === '/' ? 'index.html' : url.pathname.slice(1)
      if (serveFile(res, opts.uiDir, rel, { 'Cache-Control': rel === 'index.html' ? 'no-store' : 'private, max-age=86400' })) return
      // Client-side routes fall back to the app.
      if (!extname(rel) && serveFile(res, opts.uiDir, 'index.html', { 'Cache-Control': 'no-store' })) return
      return sendError(res, 404, ErrorCodes.notFound, 'Not found.')
    }
    return sendError(res, 404, ErrorCodes.notFound, 'Not found.')
  }

  if (!existsSync(join(opts.uiDir, 'index.html'))) {
    throw new Error(`The user interface is not built (${opts.uiDir} has no index.html). Run "npm run build" first.`)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      core.s.log.error('host request failed', err)
      if (!res.headersSent) sendError(res, 500, ErrorCodes.internal, 'Internal error.')
      else res.end()
    })
  })
  server.keepAliveTimeout = 5_000
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(opts.port ?? 0, opts.lan ? '0.0.0.0' : '127.0.0.1', () => ok())
  })
  port = (server.address() as AddressInfo).port
  allowedHosts.add(`127.0.0.1:${port}`)
  allowedHosts.add(`localhost:${port}`)
  if (opts.lan) for (const a of lanAddresses()) allowedHosts.add(`${a}:${port}`)

  const url = `http://127.0.0.1:${port}`
  const lanLinks = (token: string) => (opts.lan ? lanAddresses().map((a) => `http://${a}:${port}/?token=${token}`) : [])
  const issueLink = (role: Role, label: string = role, days = 7) => {
    const { token, link } = core.s.accessLinks.create(role, label, days)
    core.events.emit('data.changed', { entity: 'accessLinks', ids: [link.id] })
    return { token, links: [`${url}/?token=${token}`, ...lanLinks(token)], expiresAt: link.expiresAt, id: link.id }
  }
  core.links.setIssuer((role, label, days) => {
    const issued = issueLink(role, label, days)
    return { links: issued.links, officeLinks: lanLinks(issued.token), listeningOnOffice: !!opts.lan, expiresAt: issued.expiresAt, id: issued.id }
  })
  return {
    url,
    port,
    tokens,
    ownerLink: `${url}/?token=${ownerToken}`,
    cookieName: cookieName(port),
    lanLinks,
    issueLink,
    close: () =>
      new Promise<void>((ok) => {
        unsubscribe()
        core.links.setIssuer(null)
        for (const res of sseClients) res.end()
        server.closeAllConnections()
        server.close(() => ok())
      })
  }
}

/** Downloads carry their path on this machine for the desktop app; a browser gets only the id. */
function withoutLocalPaths(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocalPaths)
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'path' && typeof obj.downloadId === 'string') continue
      out[k] = withoutLocalPaths(v)
    }
    return out
  }
  return value
}

function sendUnauthorizedPage(res: ServerResponse): void {
  res.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(`<!doctype html><meta charset="utf-8"><title>Vetrina</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>Vetrina</h1>
<p>Apri Vetrina con il link mostrato all'avvio (contiene una chiave di accesso).</p>
<p>Open Vetrina with the link printed when it started (it carries an access key).</p>
<p>请使用启动时显示的链接打开 Vetrina（链接中包含访问密钥）。</p></body>`)
}
