// One HTTP exchange with a gateway, bounded in time and size: a reply that is too big, drips too
// slowly or never comes is an error with a reason, never a hang. Whether the request may have
// reached the server matters to the caller (a write whose outcome is unknown must be reconciled).
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

export async function httpExchange(req: HttpRequest): Promise<HttpReply> {
  const timeout = AbortSignal.timeout(req.timeoutMs)
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout
  const failed = (err: unknown, phase: 'connect' | 'read'): TransportError => {
    if (req.signal?.aborted) return new TransportError('aborted', 'the request was cancelled', 'maybe')
    if (timeout.aborted) return new TransportError('timeout', `no complete reply within ${Math.round(req.timeoutMs / 1000)} s`, 'maybe')
    const code = causeCode(err)
    if (phase === 'connect' && UNREACHABLE.has(code)) return new TransportError('unreachable', `the gateway cannot be reached (${code})`, 'no')
    return new TransportError('connection_lost', `the connection was lost before the reply arrived${code ? ` (${code})` : ''}`, 'maybe')
  }
  let res: Response
  try {
    res = await fetch(req.url, { method: req.method, body: req.body, signal, redirect: 'error' })
  } catch (err) {
    throw failed(err, 'connect')
  }
  const declared = Number(res.headers.get('content-length') ?? NaN)
  if (declared > req.maxBytes) {
    await res.body?.cancel().catch(() => {})
    throw new TransportError('too_large', `the reply is ${declared} bytes, more than the ${req.maxBytes} allowed`, 'maybe')
  }
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    const reader = res.body?.getReader()
    while (reader) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > req.maxBytes) {
        await reader.cancel().catch(() => {})
        throw new TransportError('too_large', `the reply is larger than the ${req.maxBytes} bytes allowed`, 'maybe')
      }
      chunks.push(value)
    }
  } catch (err) {
    if (err instanceof TransportError) throw err
    throw failed(err, 'read')
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: Buffer.concat(chunks).toString('utf8') }
}
