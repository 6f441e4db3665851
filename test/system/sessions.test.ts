// Browser-mode sessions: a link's key becomes a session only through a same-origin POST from the
// link's own page (no login CSRF through GET /?token=), the cookie's name carries the port (a
// cookie tossed in under another name, or a second one, is refused), a malformed cookie is a
// plain 401, and translator links expire, are listed and can be revoked (their sessions end).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { startHost, type RunningHost } from '../../electron/core/host/server.ts'
import { openTestCore, tempDir, type TestCore } from '../helpers/core.ts'

let t: TestCore | null = null
let host: RunningHost | null = null
afterEach(async () => {
  await host?.close()
  await t?.close()
  host = null
  t = null
})

async function start(clock?: { now(): Date }): Promise<{ t: TestCore; host: RunningHost; owner: string }> {
  const ui = tempDir('vetrina-ui-')
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Vetrina</title>')
  const dataDir = tempDir()
  t = openTestCore({ dataDir, clock, logFile: join(dataDir, 'logs', 'vetrina.log') })
  host = await startHost({ core: t.core, uiDir: ui })
  return { t, host, owner: new URL(host.ownerLink).searchParams.get('token')! }
}

const post = (h: RunningHost, path: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${h.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })

async function login(h: RunningHost, key: string): Promise<string> {
  const r = await post(h, '/api/session', { token: key }, { Origin: h.url, 'Sec-Fetch-Site': 'same-origin' })
  expect(r.status).toBe(200)
  return r.headers.get('set-cookie')!.split(';')[0]
}

describe('browser-mode sessions', () => {
  test('no login CSRF: the link GET sets nothing, and only our own page can open a session', async () => {
    const { host: h, owner } = await start()
    // Another site (even on another port of this machine) navigates the browser to a link of its choosing.
    const page = await fetch(`${h.url}/?token=${owner}`, { headers: { 'Sec-Fetch-Site': 'same-site' } })
    expect(page.status).toBe(200)
    expect(page.headers.get('set-cookie')).toBeNull()
    expect(await page.text()).toContain('data-auto="0"')
    // …or posts the key from its own page.
    const otherPort = `http://127.0.0.1:${h.port === 65535 ? 1 : h.port + 1}`
    expect((await post(h, '/api/session', { token: owner }, { Origin: otherPort })).status).toBe(403)
    expect((await post(h, '/api/session', { token: owner }, { Origin: h.url, 'Sec-Fetch-Site': 'same-site' })).status).toBe(403)
    expect((await post(h, '/api/session', { token: owner }, {})).status).toBe(403)
    expect((await post(h, '/api/session', { token: 'not-a-key' }, { Origin: h.url })).status).toBe(401)
    // Opened straight (typed, pasted, from the terminal) the page continues by itself.
    expect(await (await fetch(`${h.url}/?token=${owner}`, { headers: { 'Sec-Fetch-Site': 'none' } })).text()).toContain('data-auto="1"')
  })

  test('the cookie is bound to the port; tossed, doubled or malformed cookies are a plain 401', async () => {
    const { t: tc, host: h, owner } = await start()
    const session = await login(h, owner)
    expect(session.startsWith(`vetrina_session_${h.port}=`)).toBe(true)
    const info = (cookie: string) => fetch(`${h.url}/api/call/system.info`, { method: 'POST', headers: { Cookie: cookie, Origin: h.url, 'Content-Type': 'application/json' }, body: '{}' })
    expect((await info(session)).status).toBe(200)
    const value = session.split('=')[1]
    // A cookie for all ports of 127.0.0.1 under the old name is not ours.
    expect((await info(`vetrina_session=${value}`)).status).toBe(401)
    // A second cookie of our name, tossed in by another page: refused rather than guessed between.
    expect((await info(`vetrina_session_${h.port}=${'x'.repeat(43)}; ${session}`)).status).toBe(401)
    for (const bad of [`vetrina_session_${h.port}=%E0%A4%A`, `vetrina_session_${h.port}=${owner}%`, 'vetrina_session=%E0%A4%A', `vetrina_session_${h.port}=`]) {
      const r = await info(bad)
      expect(r.status, bad).toBe(401)
      expect(await r.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    }
    expect((await fetch(`${h.url}/`, { headers: { Cookie: 'vetrina_session=%E0%A4%A' } })).status).toBe(401)
    await tc.close()
    t = null
    const log = join(tc.dataDir, 'logs', 'vetrina.log')
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').not.toMatch(/host request failed|URIError/)
  })

  test('translator links expire, are listed, and a revoked link ends its sessions at once', async () => {
    let now = new Date('2026-11-22T08:00:00Z')
    const { t: tc, host: h, owner } = await start({ now: () => now })
    const ownerAuth = { Authorization: `Bearer ${owner}`, Origin: h.url }
    const created = await (await post(h, '/api/call/translation.createTranslatorLink', { label: 'Lin (Shanghai)', validDays: 3 }, ownerAuth)).json() as { value: { links: string[]; expiresAt: string; id: string } }
    expect(created.value.expiresAt).toBe('2026-11-25T08:00:00.000Z')
    const key = new URL(created.value.links[0]).searchParams.get('token')!
    const session = await login(h, key)
    const asTranslator = (cookie: string) => fetch(`${h.url}/api/call/system.info`, { method: 'POST', headers: { Cookie: cookie, Origin: h.url }, body: '{}' })
    expect(await (await asTranslator(session)).json()).toMatchObject({ value: { role: 'translator' } })
    const listed = await tc.api.system.listLinks({})
    expect(listed.items).toEqual([expect.objectContaining({ id: created.value.id, label: 'Lin (Shanghai)', role: 'translator', status: 'active' })])
    // The key is not stored, only its hash.
    expect(JSON.stringify(tc.core.s.db.prepare('SELECT * FROM access_links').all())).not.toContain(key)
    // Links survive a restart of browser mode (a new owner key, the same translator link).
    // Expiry: the key and its session stop working.
    now = new Date('2026-11-25T08:00:01Z')
    expect((await asTranslator(session)).status).toBe(401)
    expect((await post(h, '/api/session', { token: key }, { Origin: h.url })).status).toBe(401)
    expect((await tc.api.system.listLinks({})).items).toEqual([])
    expect((await tc.api.system.listLinks({ includeInactive: true })).items[0].status).toBe('expired')
    // Revocation: a second link, revoked while its session is open.
    const second = await tc.api.translation.createTranslatorLink({ label: 'Agenzia', validDays: 30 })
    const s2 = await login(h, new URL(second.links[0]).searchParams.get('token')!)
    expect((await asTranslator(s2)).status).toBe(200)
    await tc.api.system.revokeLink({ id: second.id! })
    expect((await asTranslator(s2)).status).toBe(401)
    expect((await tc.api.system.listLinks({ includeInactive: true })).items.find((l) => l.id === second.id)?.status).toBe('revoked')
    // Translators may not see or revoke links.
    const s3key = (await tc.api.translation.createTranslatorLink({ label: 'Terzo', validDays: 1 })).links[0]
    const s3 = await login(h, new URL(s3key).searchParams.get('token')!)
    expect((await fetch(`${h.url}/api/call/system.listLinks`, { method: 'POST', headers: { Cookie: s3, Origin: h.url }, body: '{}' })).status).toBe(403)
  })
})
