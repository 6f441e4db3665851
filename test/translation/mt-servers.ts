// Local HTTP servers that honour the documented request, response and error shapes of DeepL (v2
// translate + glossaries), LibreTranslate (/languages, /translate) and Alibaba Cloud Machine
// Translation (RPC "Translate", HMAC-SHA1 signature v1). They "translate" deterministically
// ("[EN-GB] text", glossary terms applied) so tests can see exactly what was sent and returned.
import { createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Recorded { method: string; path: string; headers: IncomingMessage['headers']; body: string }

export interface FakeServer {
  url: string
  port: number
  requests: Recorded[]
  /** Answer the next `times` matching requests with this status/body instead. */
  fail(times: number, status: number, body: unknown, headers?: Record<string, string>): void
  close(): Promise<void>
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(status === 204 ? undefined : text)
}

async function start(port: number, handler: (req: IncomingMessage, body: string, res: ServerResponse) => void, recorded: Recorded[], failures: Array<{ times: number; status: number; body: unknown; headers?: Record<string, string> }>): Promise<{ server: Server; port: number }> {
  const server = createServer(async (req, res) => {
    const body = await readBody(req)
    recorded.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body })
    const f = failures[0]
    if (f && !(req.url ?? '').startsWith('/languages')) {
      if (--f.times <= 0) failures.shift()
      send(res, f.status, f.body, f.headers)
      return
    }
    handler(req, body, res)
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { server, port: (server.address() as AddressInfo).port }
}

function wrap(server: Server, port: number, requests: Recorded[], failures: Array<{ times: number; status: number; body: unknown; headers?: Record<string, string> }>): FakeServer {
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    fail(times, status, body, headers) {
      failures.push({ times, status, body, headers })
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  }
}

function applyGlossary(text: string, entries: Array<[string, string]>): string {
  let out = text
  for (const [s, t] of entries) out = out.split(s).join(t)
  return out
}

// ---- DeepL ----

const DEEPL_TARGETS = new Set(['BG', 'CS', 'DA', 'DE', 'EL', 'EN-GB', 'EN-US', 'ES', 'ET', 'FI', 'FR', 'HU', 'ID', 'IT', 'JA', 'KO', 'LT', 'LV', 'NB', 'NL', 'PL', 'PT-BR', 'PT-PT', 'RO', 'RU', 'SK', 'SL', 'SV', 'TR', 'UK', 'ZH', 'ZH-HANS', 'ZH-HANT'])

export async function startDeepl(opts: { key: string; port?: number; quotaChars?: number }): Promise<FakeServer & { glossaries: Map<string, { entries: Array<[string, string]>; source_lang: string; target_lang: string }> }> {
  const requests: Recorded[] = []
  const failures: Array<{ times: number; status: number; body: unknown; headers?: Record<string, string> }> = []
  const glossaries = new Map<string, { entries: Array<[string, string]>; source_lang: string; target_lang: string }>()
  let used = 0
  const { server, port } = await start(opts.port ?? 0, (req, body, res) => {
    if (req.headers.authorization !== `DeepL-Auth-Key ${opts.key}`) return send(res, 403, { message: 'Authorization failure, check auth_key' })
    const url = req.url ?? ''
    if (req.method === 'GET' && url === '/v2/usage') return send(res, 200, { character_count: used, character_limit: opts.quotaChars ?? 500000 })
    if (req.method === 'POST' && url === '/v2/glossaries') {
      const g = JSON.parse(body) as { name: string; source_lang: string; target_lang: string; entries: string; entries_format: string }
      if (g.entries_format !== 'tsv' || !g.entries) return send(res, 400, { message: 'Invalid glossary entries' })
      const id = `g-${glossaries.size + 1}`
      glossaries.set(id, { entries: g.entries.split('\n').map((l) => l.split('\t') as [string, string]), source_lang: g.source_lang, target_lang: g.target_lang })
      return send(res, 201, { glossary_id: id, name: g.name, ready: true, source_lang: g.source_lang, target_lang: g.target_lang, creation_time: new Date().toISOString(), entry_count: glossaries.get(id)?.entries.length })
    }
    if (req.method === 'DELETE' && url.startsWith('/v2/glossaries/')) {
      glossaries.delete(decodeURIComponent(url.slice('/v2/glossaries/'.length)))
      return send(res, 204, '')
    }
    if (req.method === 'POST' && url === '/v2/translate') {
      if (!String(req.headers['content-type']).startsWith('application/json')) return send(res, 415, { message: 'Unsupported media type' })
      if (Buffer.byteLength(body) > 128 * 1024) return send(res, 413, { message: 'Request Entity Too Large' })
      const b = JSON.parse(body) as { text?: string[]; target_lang?: string; source_lang?: string; glossary_id?: string; tag_handling?: string }
      if (!Array.isArray(b.text) || !b.text.length || b.text.length > 50) return send(res, 400, { message: "Parameter 'text' not specified." })
      if (!b.target_lang || !DEEPL_TARGETS.has(b.target_lang)) return send(res, 400, { message: "Value for 'target_lang' not supported." })
      if (b.glossary_id && !b.source_lang) return send(res, 400, { message: "Use of a glossary requires the 'source_lang' parameter to be specified." })
      const g = b.glossary_id ? glossaries.get(b.glossary_id) : undefined
      if (b.glossary_id && !g) return send(res, 404, { message: 'Glossary not found' })
      const chars = b.text.reduce((n, t) => n + t.length, 0)
      if (opts.quotaChars !== undefined && used + chars > opts.quotaChars) return send(res, 456, { message: 'Quota exceeded' })
      used += chars
      return send(res, 200, {
        translations: b.text.map((t) => ({ detected_source_language: b.source_lang ?? 'IT', text: `[${b.target_lang}] ${applyGlossary(t, g?.entries ?? [])}` }))
      })
    }
    send(res, 404, { message: 'Not found' })
  }, requests, failures)
  return Object.assign(wrap(server, port, requests, failures), { glossaries })
}

// ---- LibreTranslate ----

export async function startLibreTranslate(opts: { apiKey?: string; port?: number } = {}): Promise<FakeServer> {
  const requests: Recorded[] = []
  const failures: Array<{ times: number; status: number; body: unknown; headers?: Record<string, string> }> = []
  const langs = [
    { code: 'en', name: 'English', targets: ['it', 'zh-Hans'] },
    { code: 'it', name: 'Italian', targets: ['en', 'zh-Hans'] },
    { code: 'zh-Hans', name: 'Chinese (Simplified)', targets: ['en', 'it'] }
  ]
  const { server, port } = await start(opts.port ?? 0, (req, body, res) => {
    if (req.method === 'GET' && req.url === '/languages') return send(res, 200, langs)
    if (req.method === 'POST' && req.url === '/translate') {
      const b = (String(req.headers['content-type']).includes('json') ? JSON.parse(body) : Object.fromEntries(new URLSearchParams(body))) as
        { q?: string | string[]; source?: string; target?: string; format?: string; api_key?: string }
      if (opts.apiKey && b.api_key !== opts.apiKey) return send(res, 403, { error: 'Invalid API key' })
      if (b.q === undefined) return send(res, 400, { error: 'Invalid request: missing q parameter' })
      if (!b.source) return send(res, 400, { error: 'Invalid request: missing source parameter' })
      if (!b.target) return send(res, 400, { error: 'Invalid request: missing target parameter' })
      const src = langs.find((l) => l.code === b.source)
      if (!src) return send(res, 400, { error: `${b.source} is not supported` })
      if (!src.targets.includes(b.target)) return send(res, 400, { error: `${b.target} is not supported` })
      const tr = (t: string) => `[${b.target}] ${t}`
      return send(res, 200, { translatedText: Array.isArray(b.q) ? b.q.map(tr) : tr(b.q) })
    }
    send(res, 404, { error: 'Not found' })
  }, requests, failures)
  return wrap(server, port, requests, failures)
}

// ---- Alibaba Cloud Machine Translation ----

function popEncode(s: string): string {
  return encodeURIComponent(s).replace(/!/g, '%21').replace(/'/g, '%27').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\*/g, '%2A')
}

/** The documented RPC signature, written independently of the client's. */
export function alibabaSignature(params: Record<string, string>, secret: string, method: string): string {
  const query = Object.keys(params).filter((k) => k !== 'Signature').sort().map((k) => `${popEncode(k)}=${popEncode(params[k])}`).join('&')
  return createHmac('sha1', `${secret}&`).update(`${method}&${popEncode('/')}&${popEncode(query)}`).digest('base64')
}

export async function startAlibaba(opts: { accessKeyId: string; secret: string; port?: number }): Promise<FakeServer> {
  const requests: Recorded[] = []
  const failures: Array<{ times: number; status: number; body: unknown; headers?: Record<string, string> }> = []
  const { server, port } = await start(opts.port ?? 0, (req, body, res) => {
    const requestId = `REQ-${requests.length}`
    const params = Object.fromEntries(new URLSearchParams(req.method === 'POST' ? body : (req.url ?? '').split('?')[1] ?? ''))
    if (req.method === 'GET' && !params.Action) return send(res, 400, { Code: 'MissingAction', Message: 'Action is mandatory for this request.', RequestId: requestId })
    for (const p of ['Action', 'Version', 'Format', 'AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp', 'Signature']) {
      if (!params[p]) return send(res, 400, { Code: `Missing${p}`, Message: `${p} is mandatory for this request.`, RequestId: requestId })
    }
    if (params.AccessKeyId !== opts.accessKeyId) return send(res, 404, { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.', RequestId: requestId })
    if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') return send(res, 400, { Code: 'InvalidSignatureMethod', Message: 'Specified signature method is not supported.', RequestId: requestId })
    if (alibabaSignature(params, opts.secret, req.method ?? 'POST') !== params.Signature) {
      return send(res, 400, { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.', RequestId: requestId })
    }
    if (params.Action !== 'Translate' || params.Version !== '2018-10-12') return send(res, 400, { Code: 'InvalidAction.NotFound', Message: 'Specified api is not found.', RequestId: requestId })
    if (!['title', 'description', 'communication', 'medical', 'social', 'finance'].includes(params.Scene)) return send(res, 400, { Code: 'InvalidParameter', Message: 'Scene is invalid', RequestId: requestId })
    if (params.SourceLanguage !== 'en') return send(res, 200, { Code: '10007', Message: 'The language pair is not supported', RequestId: requestId })
    if ((params.SourceText ?? '').length > 5000) return send(res, 200, { Code: '10008', Message: 'The text length exceeds the limit', RequestId: requestId })
    return send(res, 200, { RequestId: requestId, Code: '200', Data: { Translated: `[${params.TargetLanguage}/${params.Scene}] ${params.SourceText}`, WordCount: String((params.SourceText ?? '').length) } })
  }, requests, failures)
  return wrap(server, port, requests, failures)
}
