// The browser-mode host over real HTTP: tokens, cookie exchange, origin and host checks, roles,
// validation errors naming the field, the event stream, uploads, downloads and media.
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startHost, type RunningHost } from '../../electron/core/host/server.ts'
import { openTestCore, tempDir, type TestCore } from '../helpers/core.ts'

let t: TestCore
let host: RunningHost
let owner: string
const ui = tempDir('vetrina-ui-')

beforeAll(async () => {
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Vetrina</title>')
  mkdirSync(join(ui, 'assets'))
  writeFileSync(join(ui, 'assets', 'app.js'), 'console.log(1)')
  t = openTestCore()
  host = await startHost({ core: t.core, uiDir: ui })
  owner = new URL(host.ownerLink).searchParams.get('token')!
})
afterAll(async () => {
  await host.close()
  await t.close()
})

/** Opens a session with `key` the way the link's page does. */
async function sessionCookie(key: string): Promise<string> {
  const r = await fetch(`${host.url}/api/session`, { method: 'POST', headers: { Origin: host.url, 'Content-Type': 'application/json' }, body: JSON.stringify({ token: key }) })
  expect(r.status).toBe(200)
  return r.headers.get('set-cookie')!.split(';')[0]
}

const call = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}/api/call/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })

describe('browser-mode host', () => {
  test('listens on 127.0.0.1 only, and every request needs the key', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect((await call('system.info', {})).status).toBe(401)
    expect((await fetch(`${host.url}/`)).status).toBe(401)
    expect((await fetch(`${host.url}/assets/app.js`)).status).toBe(401)
    expect((await call('system.info', {}, { Authorization: 'Bearer wrong-token' })).status).toBe(401)
    expect((await fetch(`${host.url}/?token=wrong`)).status).toBe(401)
  })

  test('the printed link opens a page that exchanges its key for a port-bound HttpOnly cookie by a same-origin POST', async () => {
    const page = await fetch(host.ownerLink, { redirect: 'manual', headers: { 'Sec-Fetch-Site': 'none' } })
    expect(page.status).toBe(200)
    // The GET itself never logs in.
    expect(page.headers.get('set-cookie')).toBeNull()
    expect(await page.text()).toContain('/__vetrina/login.js')
    const script = await fetch(`${host.url}/__vetrina/login.js`)
    expect(await script.text()).toContain("fetch('/api/session'")
    const r = await fetch(`${host.url}/api/session`, { method: 'POST', headers: { Origin: host.url, 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' }, body: JSON.stringify({ token: owner }) })
    expect(r.status).toBe(200)
    const cookie = r.headers.get('set-cookie')!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie.startsWith(`vetrina_session_${host.port}=`)).toBe(true)
    expect(cookie).not.toContain(owner)
    const session = cookie.split(';')[0]
    const app = await fetch(`${host.url}/`, { headers: { Cookie: session } })
    expect(app.status).toBe(200)
    expect(app.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(app.headers.get('x-frame-options')).toBe('DENY')
    expect((await fetch(`${host.url}/catalog/whatever`, { headers: { Cookie: session } })).status).toBe(200)
    const info = await call('system.info', {}, { Cookie: session, Origin: host.url })
    expect(await info.json()).toMatchObject({ ok: true, value: { role: 'owner' } })
  })

  test('other web sites and other host names are refused', async () => {
    const session = await sessionCookie(owner)
    expect((await call('system.info', {}, { Cookie: session, Origin: 'http://evil.example' })).status).toBe(403)
    expect((await call('system.info', {}, { Cookie: session })).status).toBe(403)
    // fetch cannot set Host; a raw request can (as a DNS-rebinding page would arrive).
    const status = await new Promise<number>((res, rej) => {
      const req = request(`${host.url}/api/call/system.info`, { method: 'POST', headers: { Host: 'evil.example', Cookie: session, Origin: 'http://evil.example' } }, (r) => {
        r.resume()
        res(r.statusCode ?? 0)
      })
      req.on('error', rej)
      req.end('{}')
    })
    expect(status).toBe(421)
  })

  test('invalid payloads get a validation error naming the field; unknown calls are refused', async () => {
    const auth = { Authorization: `Bearer ${owner}` }
    const bad = await call('catalog.createProduct', { sku: 'OK-1', trade: { moq: 'tanti' } }, auth)
    expect(bad.status).toBe(400)
    const body = (await bad.json()) as { error: { code: string; message: string; issues: { path: string }[] } }
    expect(body.error.code).toBe('validation')
    expect(body.error.issues[0].path).toBe('trade.moq')
    expect(body.error.message).toContain('trade.moq')
    const notJson = await fetch(`${host.url}/api/call/catalog.createProduct`, { method: 'POST', headers: auth, body: '{"sku":' })
    expect(notJson.status).toBe(400)
    expect((await call('catalog.dropEverything', {}, auth)).status).toBe(404)
    expect((await call('__proto__.constructor', {}, auth)).status).toBe(404)
  })

  test('a translator link has its own role and cannot use owner calls', async () => {
    const { token } = host.issueLink('translator', 'Lin')
    const auth = { Authorization: `Bearer ${token}` }
    expect(await (await call('system.info', {}, auth)).json()).toMatchObject({ value: { role: 'translator' } })
    expect((await call('catalog.listProducts', {}, auth)).status).toBe(200)
    const denied = await call('catalog.createProduct', { sku: 'T-1' }, auth)
    expect(denied.status).toBe(403)
    expect((await fetch(`${host.url}/api/upload?name=x.csv`, { method: 'POST', headers: auth, body: 'a;b' })).status).toBe(403)
  })

  test('events stream to the browser', async () => {
    const controller = new AbortController()
    const res = await fetch(`${host.url}/api/events`, { headers: { Authorization: `Bearer ${owner}` }, signal: controller.signal })
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/)
    const reader = res.body!.getReader()
    let text = ''
    await t.api.catalog.createProduct({ sku: 'EVT-1' })
    while (!text.includes('event: data.changed')) text += new TextDecoder().decode((await reader.read()).value)
    expect(text).toMatch(/event: hello/)
    expect(text).toMatch(/"entity":"product"/)
    controller.abort()
  })

  test('uploads become file references; downloads and media are served; paths from a browser are refused', async () => {
    const auth = { Authorization: `Bearer ${owner}`, Origin: host.url }
    const up = (await (await fetch(`${host.url}/api/upload?name=listino%202026.csv`, { method: 'POST', headers: auth, body: 'Codice;Prezzo\nA;1,50\n' })).json()) as { value: { kind: string; id: string } }
    expect(up.value.kind).toBe('upload')
    const resolved = t.core.s.files.resolve(up.value as never, { role: 'owner', transport: 'http' })
    expect(resolved).toMatch(/listino 2026\.csv$/)
    expect(() => t.core.s.files.resolve({ kind: 'path', path: '/etc/passwd' }, { role: 'owner', transport: 'http' })).toThrow(/upload/)
    const restore = await call('system.restore', { file: { kind: 'path', path: '/etc/passwd' } }, auth)
    expect(restore.status).toBe(403)

    const d = t.core.s.files.newDownload('catalogo ü.csv')
    writeFileSync(d.path, 'sku\nA\n')
    const dl = await fetch(`${host.url}/api/download/${d.id}`, { headers: auth })
    expect(await dl.text()).toBe('sku\nA\n')
    expect(dl.headers.get('content-disposition')).toContain("filename*=UTF-8''catalogo%20%C3%BC.csv")
    expect((await fetch(`${host.url}/api/download/nope-nope-nope`, { headers: auth })).status).toBe(404)

    mkdirSync(join(t.core.s.paths.media, 'thumbs'), { recursive: true })
    writeFileSync(join(t.core.s.paths.media, 'thumbs', 'a.webp'), 'webp')
    expect(await (await fetch(`${host.url}/media/thumbs/a.webp`, { headers: auth })).text()).toBe('webp')
    expect((await fetch(`${host.url}/media/..%2F..%2Fcatalog.sqlite`, { headers: auth })).status).toBe(404)
    expect((await fetch(`${host.url}/media/%2e%2e/catalog.sqlite`, { headers: auth })).status).toBe(404)
  })
})
