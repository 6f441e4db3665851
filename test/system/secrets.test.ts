// Secrets outside Electron: sealed in the data folder with a key from the OS keyring where one
// answers (here, on a headless Linux box without a Secret Service, none does: the fallback is the
// owner-only key file, and the store says so). Keys and sign-ins go only over https (or to this
// computer) and only to the address they were entered for, so a changed setting — a restored
// backup — cannot send them elsewhere; a gateway that answers HTTP 500 is not a success.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { openSecretStore, osKeyring, type Keyring } from '../../electron/core/platform/keyring-secrets.ts'
import { openTestCore, tempDir, type TestCore } from '../helpers/core.ts'
import { startDeepl, type FakeServer } from '../translation/mt-servers.ts'
import { seedWinery } from '../translation/helpers.ts'
import { finished } from './helpers.ts'

let t: TestCore | null = null
const servers: Array<{ close(): unknown }> = []
afterEach(async () => {
  await t?.close()
  t = null
  for (const s of servers.splice(0)) await s.close()
})

/** A keyring that keeps passwords in this process (the OS keyring cannot run on this machine). */
function processKeyring(): Keyring & { items: Map<string, string> } {
  const items = new Map<string, string>()
  return { name: 'test keyring', items, get: (a) => items.get(a) ?? null, set: (a, v) => void items.set(a, v) }
}

describe('secret store outside Electron', () => {
  test('without a keyring here, the key is an owner-only file beside the secrets, and the store says so', async () => {
    expect(osKeyring()).toBeNull()
    const dir = tempDir()
    const store = openSecretStore(dir)
    expect(store.describe()).toEqual({ backend: expect.stringMatching(/^file .*beside the secrets/), encrypted: true })
    await store.set('mt.deepl.apiKey', 'chiave-segreta:fx')
    expect(await openSecretStore(dir).get('mt.deepl.apiKey')).toBe('chiave-segreta:fx')
    expect(readFileSync(join(dir, 'secrets.enc.json'), 'utf8')).not.toContain('chiave-segreta')
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, 'secrets.enc.json')).mode & 0o777).toBe(0o600)
      expect(statSync(join(dir, '.secrets.key')).mode & 0o777).toBe(0o600)
    }
  })

  test('with a keyring, the key lives there (a key file from before moves in), not in the data folder', async () => {
    const dir = tempDir()
    await openSecretStore(dir, null).set('publish.alibaba.credentials', '{"appSecret":"s3cr3t"}')
    expect(existsSync(join(dir, '.secrets.key'))).toBe(true)
    const keyring = processKeyring()
    const store = openSecretStore(dir, keyring)
    expect(store.describe().backend).toMatch(/^OS keyring \(test keyring\)/)
    expect(await store.get('publish.alibaba.credentials')).toBe('{"appSecret":"s3cr3t"}')
    expect(existsSync(join(dir, '.secrets.key'))).toBe(false)
    expect(keyring.items.size).toBe(1)
    // Without the keyring's key, the sealed file cannot be read.
    await expect(openSecretStore(dir, processKeyring()).get('publish.alibaba.credentials')).rejects.toThrow()
    expect(await openSecretStore(dir, keyring).get('publish.alibaba.credentials')).toBe('{"appSecret":"s3cr3t"}')
  })
})

describe('where secrets may go', () => {
  test('keys and gateways over plain http to another machine are refused; https and this computer are fine', async () => {
    t = openTestCore()
    await expect(t.api.translation.configureMt({ provider: 'deepl', enabled: true, baseUrl: 'http://deepl.evil.example', apiKey: 'k:fx' })).rejects.toMatchObject({ code: 'insecure_endpoint' })
    await expect(t.api.translation.configureMt({ provider: 'alibaba', enabled: true, baseUrl: 'http://mt.evil.example', accessKeyId: 'id', accessKeySecret: 's' })).rejects.toMatchObject({ code: 'insecure_endpoint' })
    await t.api.translation.configureMt({ provider: 'deepl', enabled: true, baseUrl: 'http://127.0.0.1:9', apiKey: 'k:fx' })
    await t.api.translation.configureMt({ provider: 'deepl', enabled: true, baseUrl: 'https://api-free.deepl.com', apiKey: 'k:fx' })
    // A LibreTranslate server on the office network may use plain http, as long as no key is sent.
    await t.api.translation.configureMt({ provider: 'libretranslate', enabled: true, baseUrl: 'http://192.168.1.20:5000' })
    await expect(t.api.translation.configureMt({ provider: 'libretranslate', apiKey: 'lt-key' })).rejects.toMatchObject({ code: 'insecure_endpoint' })
    await expect(t.api.publish.updateSettings({ alibaba: { url: 'http://open-api.evil.example', chinese: false } })).rejects.toMatchObject({ code: 'insecure_endpoint' })
    await t.api.publish.updateSettings({ alibaba: { url: 'https://open-api.alibaba.com', chinese: false } })
  })

  test('a key goes only to the address it was entered for', async () => {
    t = openTestCore()
    const real: FakeServer = await startDeepl({ key: 'la-chiave:fx' })
    const other: FakeServer = await startDeepl({ key: 'la-chiave:fx' })
    servers.push(real, other)
    await seedWinery(t.api)
    await t.api.translation.configureMt({ provider: 'deepl', enabled: true, baseUrl: real.url, apiKey: 'la-chiave:fx' })
    // The address changes behind the user's back (a restored catalogue, a stray setting).
    const mt = JSON.parse((t.core.s.db.prepare("SELECT value FROM settings WHERE key = 'translation.mt'").get() as { value: string }).value)
    mt.deepl.baseUrl = other.url
    t.core.s.settings.set('translation.mt', mt)
    const { jobId } = await t.api.translation.machineTranslate({ provider: 'deepl', selection: { locales: ['en'] } })
    const job = await finished(t.core, jobId)
    expect(job.state).toBe('failed')
    expect(job.error?.code).toBe('secret_origin_mismatch')
    expect(other.requests.filter((r) => JSON.stringify(r.headers).includes('la-chiave'))).toEqual([])
    // Entered again for the new address, it is used there.
    await t.api.translation.configureMt({ provider: 'deepl', apiKey: 'la-chiave:fx' })
    const again = await finished(t.core, (await t.api.translation.machineTranslate({ provider: 'deepl', selection: { locales: ['en'] } })).jobId)
    expect(again.state).toBe('done')
    expect(other.requests.length).toBeGreaterThan(0)
  })

  test("the seller's credentials go only to the gateway they were entered for; an HTTP 500 is not a working connection", async () => {
    const dataDir = tempDir()
    t = openTestCore({ dataDir })
    const hits: string[] = []
    const fake = createServer((req, res) => {
      hits.push(req.url ?? '')
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end('{"alibaba_icbu_product_list_response":{"products":{"product":[]},"total_item":0}}')
    })
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', () => r()))
    servers.push({ close: () => new Promise((r) => fake.close(() => r(undefined))) })
    const fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`
    await t.api.publish.updateSettings({ sandbox: { url: fakeUrl, chinese: false } })
    await t.api.publish.setCredentials({ target: 'sandbox', appKey: 'app', appSecret: 'secret', accessToken: 'seller-token', refreshToken: null } as never)
    const tested = await t.api.publish.testConnection({ target: 'sandbox' })
    expect(tested.ok).toBe(false)
    expect(hits.length).toBeGreaterThan(0)
    // The gateway address changes (as a restored catalogue would set it): nothing is sent there.
    const publish = JSON.parse((t.core.s.db.prepare("SELECT value FROM settings WHERE key = 'publish'").get() as { value: string }).value)
    publish.sandbox.url = `http://127.0.0.1:9`
    t.core.s.settings.set('publish', publish)
    const secrets = t.core.s.secrets
    await t.close()
    t = openTestCore({ dataDir, secrets })
    const moved = await t.api.publish.testConnection({ target: 'sandbox' })
    expect(moved).toMatchObject({ ok: false, code: 'secret_origin_mismatch' })
  })
})
