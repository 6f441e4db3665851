// What the network and the gateway do to a running queue: expired tokens are refreshed, a revoked
// sign-in stops the queue with a prompt and loses nothing, a ban is waited out without counting
// as a failure, an unreachable gateway parks the queue until it answers again. Credentials never
// reach the database or the log.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Core } from '../../electron/core/core.ts'
import { MemorySecretStore } from '../../electron/core/platform/secrets.ts'
import { startSandbox, type Sandbox } from '../../electron/sandbox/server.ts'
import { WINE_CATEGORY, drain, linkedCategory, makePhotos, openPublishCore, startTestSandbox, tempDir, waitFor, wineCreate, type TestCore } from './helpers.ts'

let sandbox: Sandbox | null = null
let tc: TestCore | null = null
afterEach(async () => {
  await tc?.close()
  await sandbox?.close()
  tc = null
  sandbox = null
})

async function setup(n: number, sb?: Sandbox) {
  sandbox = sb ?? (await startTestSandbox())
  const photos = await makePhotos(tempDir('photos'), 1)
  tc = await openPublishCore(sandbox, { defaultPhotos: photos, concurrency: 2 })
  const api = tc.core.api()
  const categoryId = await linkedCategory(tc.core, WINE_CATEGORY)
  for (let i = 0; i < n; i++) await api.catalog.createProduct(wineCreate(i, { categoryId }))
  return api
}

describe('resilience', () => {
  it('refreshes an expired token and carries on, keeping the new pair in the secret store', async () => {
    const api = await setup(3)
    const before = JSON.parse((await tc!.core.s.secrets.get('publish.sandbox.credentials'))!)
    sandbox!.store.expireAllTokens(Date.now())
    await api.publish.enqueue({})
    await drain(tc!.core)
    expect(sandbox!.store.counts().products).toBe(3)
    const after = JSON.parse((await tc!.core.s.secrets.get('publish.sandbox.credentials'))!)
    expect(after.accessToken).not.toBe(before.accessToken)
    expect(after.refreshToken).not.toBe(before.refreshToken)
  })

  it('a revoked sign-in stops the queue with a prompt; signing in again resumes it and nothing is lost', async () => {
    const api = await setup(4)
    sandbox!.store.revokeAllTokens()
    await api.publish.enqueue({})
    await waitFor('the queue to stop', async () => (await api.publish.status()).authProblem !== null)
    const st = await api.publish.status()
    expect(st.paused).toBe(true)
    expect(st.authProblem!.message).toMatch(/Sign in to Alibaba\.com again/)
    const items = (await api.publish.listings({})).items
    expect(items.every((l) => l.state === 'queued')).toBe(true)
    expect(sandbox!.store.counts().products).toBe(0)
    const fresh = sandbox!.credentials()
    await api.publish.setCredentials({ target: 'sandbox', appKey: fresh.appKey, appSecret: fresh.appSecret, accessToken: fresh.accessToken, refreshToken: fresh.refreshToken })
    expect((await api.publish.status()).authProblem).toBeNull()
    await drain(tc!.core)
    expect(sandbox!.store.counts().products).toBe(4)
  })

  it('waits out a ban for the seconds the gateway states, without counting failures', async () => {
    const api = await setup(3)
    sandbox!.banAll(2)
    const started = Date.now()
    await api.publish.enqueue({})
    await drain(tc!.core)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500)
    const items = (await api.publish.listings({})).items
    expect(items.every((l) => l.state === 'published' && l.failures === 0)).toBe(true)
    expect(Object.values(sandbox!.stats.rejected).reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
  })

  it('an unreachable gateway parks the queue; it drains by itself when the gateway answers again', async () => {
    const dir = tempDir('offline-sandbox')
    const first = await startSandbox({ dbFile: join(dir, 's.sqlite'), settings: { audit: { delayMs: 0, rejectWords: [] } } })
    const port = Number(new URL(first.url).port)
    const api = await setup(3, first)
    await first.close()
    sandbox = null
    await api.publish.enqueue({})
    await waitFor('offline', () => tc!.core.s.connectivity.status().online === false)
    expect((await api.publish.status()).pending).toBe(3)
    sandbox = await startSandbox({ dbFile: join(dir, 's.sqlite'), port, settings: { audit: { delayMs: 0, rejectWords: [] } } })
    await drain(tc!.core, 30_000)
    expect(sandbox.store.counts().products).toBe(3)
    expect(tc!.core.s.connectivity.status()).toMatchObject({ online: true, target: sandbox.url })
  })

  it('finds a photo whose upload reply was lost in the photobank instead of uploading it twice', async () => {
    const api = await setup(2)
    sandbox!.faults.set({ lostResponseRate: 1, methods: ['alibaba.icbu.photobank.upload'] })
    await api.publish.enqueue({})
    await drain(tc!.core)
    expect(sandbox!.stats.lostResponses).toBeGreaterThan(0)
    expect(sandbox!.store.counts()).toMatchObject({ products: 2, images: 1 })
  })

  it('signs the seller in with a one-time authorization code', async () => {
    sandbox = await startTestSandbox()
    tc = await openPublishCore(null, { defaultPhotos: await makePhotos(tempDir('photos'), 1) })
    const api = tc.core.api()
    await api.publish.updateSettings({ sandbox: { url: sandbox.url, chinese: false }, auditPollSeconds: 0.05 })
    const app = sandbox.provision('Cantina app', 'cantina-seller')
    const { url } = await api.publish.authorizeUrl({ target: 'sandbox', appKey: app.appKey })
    expect(url).toBe(`${sandbox.url}/oauth/authorize?response_type=code&force_auth=true&client_id=${app.appKey}`)
    const { code } = (await (await fetch(url)).json()) as { code: string }
    const bad = await tc.core.call('publish.signIn', { target: 'sandbox', appKey: app.appKey, appSecret: app.appSecret, code: 'not-a-code' })
    expect(bad.ok ? '' : bad.error.code).toBe('publish_sign_in_failed')
    expect(await api.publish.signIn({ target: 'sandbox', appKey: app.appKey, appSecret: app.appSecret, code })).toEqual({ ok: true, account: 'Cantina Demo S.r.l.' })
    expect((await api.publish.status()).credentials.sandbox).toEqual({ set: true, appKey: app.appKey })
    const categoryId = await linkedCategory(tc.core, WINE_CATEGORY)
    await api.catalog.createProduct(wineCreate(1, { categoryId }))
    await tc.core.s.connectivity.check()
    await api.publish.enqueue({})
    await drain(tc.core)
    expect(sandbox.store.counts().products).toBe(1)
  })

  it('keeps credentials out of the database and the log', async () => {
    sandbox = await startTestSandbox()
    const dataDir = tempDir('secrets')
    const core = Core.open({ dataDir, secrets: new MemorySecretStore() })
    try {
      const api = core.api()
      await api.publish.updateSettings({ sandbox: { url: sandbox.url, chinese: false } })
      await api.publish.setCredentials({ target: 'alibaba', appKey: '500123', appSecret: 'SECRET-d41d8cd98f00b204', accessToken: 'TOKEN-e9800998ecf8427e', refreshToken: 'REFRESH-0cc175b9c0f1b6a8' })
      const test = await api.publish.testConnection({ target: 'alibaba' })
      expect(test.ok).toBe(false)
      expect((await api.publish.status()).credentials.alibaba).toEqual({ set: true, appKey: '500123' })
    } finally {
      await core.close()
    }
    const files = [join(dataDir, 'catalog.sqlite'), join(dataDir, 'catalog.sqlite-wal'), ...readdirSync(join(dataDir, 'logs')).map((f) => join(dataDir, 'logs', f))]
    for (const f of files.filter(existsSync)) {
      const text = readFileSync(f).toString('latin1')
      for (const secret of ['SECRET-d41d8cd98f00b204', 'TOKEN-e9800998ecf8427e', 'REFRESH-0cc175b9c0f1b6a8']) expect(text.includes(secret), `${secret} in ${f}`).toBe(false)
    }
  })
})
