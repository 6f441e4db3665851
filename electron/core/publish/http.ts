// One HTTP exchange with a gateway (node:http over our own keep-alive agent), bounded in time and
// size: a reply that is too big, drips too slowly or never comes is an error with a reason, never
// a hang. Whether the request may have reached the server matters to the caller (a write whose
// outcome is unknown must be reconciled).
import type http from 'node:http'

/**
 * node:http and node:https, loaded at the first exchange: together they cost the core's process
 * about 15 MB of memory, which a session that never publishes (a photo batch, say) does without.
 */
const web = () => ({ http: process.getBuiltinModule('node:http'), https: process.getBuiltinModule('node:https') })

export type TransportReason = 'timeout' | 'aborted' | 'unreachable' | 'connection_lost' | 'too_large'

export class TransportError extends Error {
  readonly reason: TransportReason
  /** 'no' when the request certainly did not reach the server (nothing to reconcile). */
  readonly delivered: 'no' | 'maybe'

  constructor(reason: TransportReason, message: string, delivered: 'no' | 'maybe') {
    super(message)
    this.name = 'TransportError'
    this.reason = reason
    this.delivered = delivered
  }
}

export interface HttpRequest {
  url: string
  method: 'GET' | 'POST'
  body?: URLSearchParams | FormData
  /** Whole exchange, from connecting to the last byte of the reply. */
  timeoutMs: number
  maxBytes: number
  signal?: AbortSignal
}

export interface HttpReply {
  status: number
  contentType: string
  text: string
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'UND_ERR_CONNECT_TIMEOUT'])

function causeCode(err: unknown): string {
  let e = err as { code?: string; cause?: unknown } | undefined
  for (let i = 0; i < 4 && e; i++) {
    if (typeof e.code === 'string') return e.code
    e = e.cause as typeof e
  }
  return ''
}

/**
 * Connections to one gateway, kept alive between calls and closed with `close()` (so a CLI run
 * exits as soon as its work is done instead of waiting for idle sockets to time out).
 */
export class Gateway {
  private agents: { http: http.Agent; https: http.Agent } | null = null
  private closed = false

  exchange(req: HttpRequest): Promise<HttpReply> {
    // After close (shutting down), a late call still works but keeps no connection open.
    if (this.closed) return httpExchange(req, false)
    const { http, https } = web()
    this.agents ??= { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) }
    return httpExchange(req, req.url.startsWith('https:') ? this.agents.https : this.agents.http)
  }

  close(): void {
    this.closed = true
    this.agents?.http.destroy()
    this.agents?.https.destroy()
  }
}

async function encodeBody(body: URLSearchParams | FormData | undefined): Promise<{ bytes: Buffer | null; type: string | null }> {
  if (!body) return { bytes: null, type: null }
  if (body instanceof URLSearchParams) return { bytes: Buffer.from(body.toString(), 'utf8'), type: 'application/x-www-form-urlencoded;charset=utf-8' }
  // The platform's own multipart encoder (boundary and all), via a Response.
  const r = new Response(body)
  return { bytes: Buffer.from(await r.arrayBuffer()), type: r.headers.get('content-type') }
}

export async function httpExchange(req: HttpRequest, agent?: http.Agent | false): Promise<HttpReply> {
  const timeout = AbortSignal.timeout(req.timeoutMs)
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout
  const failed = (err: unknown, phase: 'connect' | 'read'): TransportError => {
    if (err instanceof TransportError) return err
    if (req.signal?.aborted) return new TransportError('aborted', 'the request was cancelled', 'maybe')
    if (timeout.aborted) return new TransportError('timeout', `no complete reply within ${Math.round(req.timeoutMs / 1000)} s`, 'maybe')
    const code = causeCode(err)
    if (phase === 'connect' && UNREACHABLE.has(code)) return new TransportError('unreachable', `the gateway cannot be reached (${code})`, 'no')
    return new TransportError('connection_lost', `the connection was lost before the reply arrived${code ? ` (${code})` : ''}`, 'maybe')
  }
  const { bytes, type } = await encodeBody(req.body)
  const url = new URL(req.url)
  const client = url.protocol === 'https:' ? web().https : web().http
  return new Promise<HttpReply>((resolve, reject) => {
    let connected = false
    const request = client.request(url, {
      method: req.method, agent, signal,
      headers: { accept: 'application/json', ...(type ? { 'content-type': type } : {}), ...(bytes ? { 'content-length': bytes.length } : {}) }
    })
    request.once('socket', (socket) => {
      if (!socket.connecting) connected = true
      else socket.once('connect', () => { connected = true })
    })
    request.once('error', (err) => reject(failed(err, connected ? 'read' : 'connect')))
    request.once('response', (res) => {
      const declared = Number(res.headers['content-length'] ?? NaN)
      if (declared > req.maxBytes) {
        res.destroy()
        return reject(new TransportError('too_large', `the reply is ${declared} bytes, more than the ${req.maxBytes} allowed`, 'maybe'))
      }
      const chunks: Buffer[] = []
      let size = 0
      let tooLarge: TransportError | null = null
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > req.maxBytes && !tooLarge) {
          tooLarge = new TransportError('too_large', `the reply is larger than the ${req.maxBytes} bytes allowed`, 'maybe')
          reject(tooLarge)
          res.destroy()
          return
        }
        chunks.push(chunk)
      })
      res.once('error', (err) => reject(tooLarge ?? failed(err, 'read')))
      res.once('aborted', () => reject(tooLarge ?? failed(new Error('aborted'), 'read')))
      res.once('end', () => {
        if (!res.complete) return reject(tooLarge ?? failed(new Error('incomplete reply'), 'read'))
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') })
      })
    })
    request.end(bytes ?? undefined)
  })
}
