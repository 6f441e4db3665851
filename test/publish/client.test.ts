// The ICBU client against a scripted server: both envelope forms, `code` as number or string,
// hostile replies (not JSON, huge, dripping, never coming, wrong shape) as errors with a reason,
// fresh timestamp and signature per attempt, token refresh once, revoked sign-in.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { IcbuClient, type Credentials } from '../../electron/core/publish/client.ts'
import { readSyncReply } from '../../electron/core/publish/envelope.ts'
import { PavilionError } from '../../electron/core/publish/errors.ts'
import { PavilionApi } from '../../electron/core/publish/pavilion-api.ts'
import { RateLimiter } from '../../electron/core/publish/rate-limiter.ts'
import { sign } from '../../electron/core/publish/sign.ts'

type Handler = (req: IncomingMessage, body: URLSearchParams, res: ServerResponse) => void
let handler: Handler
let server: Server
let base: string
const seen: Array<Record<string, string>> = []

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const body = new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
    seen.push({ path: req.url ?? '', ...Object.fromEntries(body) })
    handler(req, body, res)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
})
beforeEach(() => {
  seen.length = 0
})

const json = (res: ServerResponse, body: unknown) => {
  const text = JSON.stringify(body)
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(text)
}

function client(over: Partial<Credentials> = {}, timeoutMs = 1500) {
  let creds: Credentials = { appKey: '123456', appSecret: 'helloworld', accessToken: 'tok-1', refreshToken: 'ref-1', ...over }
  const saved: Credentials[] = []
  const limiter = new RateLimiter(1000)
  const c = new IcbuClient({
    baseUrl: base, limiter, timeoutMs,
    credentials: async () => creds,
    saveTokens: async (t) => {
      creds = { ...creds, accessToken: t.accessToken, refreshToken: t.refreshToken }
      saved.push(creds)
    }
  })
  return { c, api: new PavilionApi(c), saved, limiter }
}

async function failure(p: Promise<unknown>): Promise<PavilionError> {
  try {
    await p
  } catch (err) {
    if (err instanceof PavilionError) return err
    throw err
  }
  throw new Error('expected a PavilionError')
}

describe('envelopes', () => {
  it('reads flat and wrapped replies, unwrapping TOP list wrappers', () => {
    const flat = readSyncReply('{"total_item":1,"products":[{"id":1,"product_id":"A","subject":"x"}],"request_id":"r"}', 'alibaba.icbu.product.list', 0)
    const wrapped = readSyncReply(JSON.stringify({
      alibaba_icbu_product_list_response: { total_item: 1, products: { alibaba_product_brief_response: [{ id: 1, product_id: 'A', subject: 'x', main_image: { images: { string: ['//h/kf/a.jpg'] } } }] }, request_id: 'r' }
    }), 'alibaba.icbu.product.list', 0)
    expect((flat.products as unknown[]).length).toBe(1)
    expect(wrapped.products).toEqual([{ id: 1, product_id: 'A', subject: 'x', main_image: { images: ['//h/kf/a.jpg'] } }])
  })

  it('classifies gateway errors whether code is a number or a string', () => {
    const kind = (e: unknown) => {
      try {
        readSyncReply(JSON.stringify({ error_response: e }), 'm', 0)
      } catch (err) {
        return [(err as PavilionError).kind, (err as PavilionError).retryAfterMs]
      }
      return null
    }
    expect(kind({ code: 27, msg: 'Invalid Session' })).toEqual(['auth', null])
    expect(kind({ code: 'IllegalAccessToken', type: 'ISV' })).toEqual(['auth', null])
    expect(kind({ code: '25', msg: 'Invalid Signature' })).toEqual(['credentials', null])
    expect(kind({ code: 7, msg: 'App Call Limited', sub_code: 'accesscontrol.limited-by-api-access-count', sub_msg: 'This ban will last for 22 more seconds' })).toEqual(['rate_limited', 22_000])
    expect(kind({ code: 50, sub_code: 'isp.service-error' })).toEqual(['transient', null])
    expect(kind({ code: 'InvalidApiPath', type: 'ISV' })).toEqual(['not_available', null])
    expect(kind({ code: 41, sub_code: 'isv.invalid-parameter' })).toEqual(['rejected', null])
    const daily = kind({ code: 'AppCallLimit', sub_code: 'accesscontrol.limited-by-app-access-count' })
    expect(daily![0]).toBe('rate_limited')
    expect(daily![1]).toBeGreaterThan(0)
    expect(daily![1]).toBeLessThanOrEqual(24 * 3600_000)
  })
})

describe('hostile replies are errors with a reason', () => {
  it('not JSON, not an object, an error without details', async () => {
    const { c } = client()
    handler = (_q, _b, res) => { res.writeHead(502); res.end('<html>Bad Gateway</html>') }
    const e = await failure(c.call('alibaba.icbu.product.list', {}))
    expect([e.kind, e.code]).toEqual(['unknown_outcome', 'bad_reply'])
    expect(e.message).toMatch(/not JSON: "<html>Bad Gateway/)
    handler = (_q, _b, res) => json(res, [1, 2])
    expect((await failure(c.call('x', {}))).message).toMatch(/not a JSON object/)
    handler = (_q, _b, res) => json(res, { error_response: 'boom' })
    expect((await failure(c.call('x', {}))).code).toBe('bad_reply')
  })

  it('a huge reply is cut off (declared or streamed)', async () => {
    const { c } = client()
    handler = (_q, _b, res) => { res.writeHead(200, { 'content-length': String(64 * 1024 * 1024) }); res.write('{"a":"'); }
    expect((await failure(c.call('x', {}))).code).toBe('too_large')
    handler = (_q, _b, res) => {
      res.writeHead(200)
      const chunk = 'x'.repeat(1024 * 1024)
      let n = 0
      const pump = () => { while (n++ < 12 && res.write(chunk)); if (n < 12) res.once('drain', pump); else res.end() }
      pump()
    }
    expect((await failure(c.call('x', {}))).code).toBe('too_large')
  })

  it('a reply that drips or never comes times out; the request may have been carried out', async () => {
    const { c } = client({}, 800)
    handler = (_q, _b, res) => {
      res.writeHead(200)
      const t = setInterval(() => { if (!res.write(' ')) clearInterval(t) }, 100)
      res.on('close', () => clearInterval(t))
    }
    const drip = await failure(c.call('x', {}))
    expect([drip.kind, drip.code]).toEqual(['unknown_outcome', 'timeout'])
    handler = () => {}
    const hang = await failure(c.call('x', {}))
    expect([hang.kind, hang.code]).toEqual(['unknown_outcome', 'timeout'])
  })

  it('a reply of the wrong shape is reported, not used', async () => {
    const { api } = client()
    handler = (_q, _b, res) => json(res, { total_item: 3, products: 'three' })
    const e = await failure(api.listProducts({ language: 'ENGLISH', page: 1, pageSize: 30 }))
    expect(e.message).toMatch(/product\.list has an unexpected shape \(products:/)
    handler = (_q, _b, res) => json(res, { biz_success: true })
    expect((await failure(api.schemaAdd({ catId: '1', language: 'en_US', xml: '<itemSchema/>' }))).message).toMatch(/no product_id/)
  })

  it('a gateway that refuses connections is unreachable (nothing was sent)', async () => {
    const closed = createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const port = (closed.address() as AddressInfo).port
    await new Promise((r) => closed.close(r))
    const limiter = new RateLimiter(1000)
    const c = new IcbuClient({ baseUrl: `http://127.0.0.1:${port}`, limiter, credentials: async () => ({ appKey: 'a', appSecret: 's', accessToken: 't', refreshToken: null }), saveTokens: async () => {} })
    expect((await failure(c.call('x', {}))).kind).toBe('unreachable')
    expect(await c.ping(AbortSignal.timeout(2000))).toBe(false)
  })
})

describe('signing per attempt and tokens', () => {
  it('signs each attempt afresh and refreshes an expired token once, storing the new pair', async () => {
    const { c, saved } = client()
    handler = (req, body, res) => {
      if (req.url === '/rest/auth/token/refresh') {
        const p = Object.fromEntries(body)
        const ok = p.sign === sign(p, 'helloworld', 'sha256', '/auth/token/refresh') && p.refresh_token === 'ref-1'
        return json(res, ok ? { code: '0', access_token: 'tok-2', refresh_token: 'ref-2', expires_in: '864000' } : { type: 'ISV', code: 'InvalidRefreshToken', message: 'bad' })
      }
      if (body.get('session') === 'tok-1') return json(res, { error_response: { type: 'ISV', code: 'IllegalAccessToken', msg: 'expired' } })
      json(res, { total_item: 0, products: [] })
    }
    const r = await c.call('alibaba.icbu.product.list', { language: 'ENGLISH', page_size: 1 })
    expect(r.total_item).toBe(0)
    const calls = seen.filter((s) => s.path === '/sync')
    expect(calls.map((s) => s.session)).toEqual(['tok-1', 'tok-2'])
    expect(calls[0].sign).not.toBe(calls[1].sign)
    for (const s of calls) {
      const { path: _p, ...params } = s
      expect(s.sign).toBe(sign(params, 'helloworld', 'sha256'))
      expect(s.timestamp).toMatch(/^\d{13}$/)
      expect(params).toMatchObject({ sign_method: 'sha256', format: 'json', simplify: 'true', app_key: '123456' })
      expect(Object.values(params).every((v) => v !== '')).toBe(true)
    }
    expect(Number(calls[1].timestamp)).toBeGreaterThanOrEqual(Number(calls[0].timestamp))
    expect(saved.at(-1)).toMatchObject({ accessToken: 'tok-2', refreshToken: 'ref-2' })
  })

  it('a revoked sign-in asks to sign in again', async () => {
    const { c } = client()
    handler = (req, _b, res) => {
      if (req.url === '/rest/auth/token/refresh') return json(res, { type: 'ISV', code: 'InvalidRefreshToken', message: 'revoked' })
      json(res, { error_response: { code: 27, msg: 'Invalid Session' } })
    }
    const e = await failure(c.call('alibaba.icbu.product.list', {}))
    expect([e.kind, e.code]).toEqual(['auth', 'signin_required'])
    expect(e.message).toMatch(/Sign in to Alibaba\.com again/)
  })

  it('honours a ban for every caller of the same gateway', async () => {
    const { c, limiter } = client()
    handler = (_q, _b, res) => json(res, { error_response: { code: 7, msg: 'App Call Limited', sub_code: 'accesscontrol.limited-by-api-access-count', sub_msg: 'This ban will last for 30 more seconds' } })
    const e = await failure(c.call('x', {}))
    expect(e.retryAfterMs).toBe(30_000)
    expect(limiter.banLeftMs()).toBeGreaterThan(29_000)
    handler = (_q, _b, res) => json(res, { ok: true })
    const again = await failure(c.call('x', {}))
    expect([again.kind, again.code]).toEqual(['rate_limited', 'ban'])
    expect(seen.filter((s) => s.path === '/sync')).toHaveLength(1)
  })

  it('reads both photobank reply shapes', async () => {
    const { api } = client()
    handler = (_q, _b, res) => json(res, { upload_image_response: { file_id: 11, photobank_url: '//h/kf/a.jpg', file_name: 'a.jpg' } })
    expect(await api.uploadImage(new Uint8Array([0xff, 0xd8, 0xff]), 'a.jpg', 'image/jpeg')).toEqual({ fileId: '11', url: '//h/kf/a.jpg' })
    handler = (_q, _b, res) => json(res, { alibaba_icbu_photobank_upload_response: { file_id: 12, photobank_url: '//h/kf/b.jpg' } })
    expect(await api.uploadImage(new Uint8Array([0xff, 0xd8, 0xff]), 'b.jpg', 'image/jpeg')).toEqual({ fileId: '12', url: '//h/kf/b.jpg' })
  })
})
