// The publisher process is killed with SIGKILL at random moments and restarted each time until
// the outbox is empty: no listing may be created twice on the pavilion, and none may be missing.
// Every tenth product is a wine with three bottle sizes (one listing with three SKUs).
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Core } from '../../electron/core/core.ts'
import type { Sandbox } from '../../electron/sandbox/server.ts'
import { WINE_CATEGORY, makePhotos, startTestSandbox, tempDir, wineCreate } from './helpers.ts'
import { createBulkProduct, sandboxSkus } from '../variants/variant-fixtures.ts'

const N = 1000
const SCRIPT = resolve(import.meta.dirname, 'publisher-process.ts')
let sandbox: Sandbox

afterAll(async () => {
  await sandbox?.close()
})

function runPublisher(dataDir: string, photosFile: string, killAfterMs: number | null): Promise<{ killed: boolean; code: number | null; out: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [SCRIPT, dataDir, photosFile], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => { out += d })
    child.stderr.on('data', (d) => { err += d })
    let killed = false
    const timer = killAfterMs === null ? null : setTimeout(() => {
      killed = child.kill('SIGKILL')
    }, killAfterMs)
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer)
      resolvePromise({ killed, code, out: `${out}\n${err.slice(-2000)}` })
    })
  })
}

describe('crash safety', () => {
  it(`survives SIGKILL of the publisher at random moments: ${N} listings, each published once`, async () => {
    sandbox = await startTestSandbox({ faults: { latencyMs: 4, latencyJitterMs: 3 } })
    const dataDir = tempDir('crash')
    const photos = await makePhotos(join(dataDir, 'photos-src'), 2)
    const photosFile = join(dataDir, 'photos.json')
    writeFileSync(photosFile, JSON.stringify(photos))

    // Prepare the catalogue as the app would (credentials in the data folder's secret store).
    const core = Core.open({ dataDir, logFile: null })
    const api = core.api()
    const cat = await api.catalog.createCategory({ name: { it: 'Vini' }, pavilionCategoryId: WINE_CATEGORY })
    core.s.db.transaction(() => {
      for (let i = 0; i < N; i++) createBulkProduct(core.s, i, cat.id, wineCreate)
    })()
    await api.publish.updateSettings({ sandbox: { url: sandbox.url, chinese: false }, ratePerSecond: 1000, concurrency: 6, auditPollSeconds: 0.05, timeoutSeconds: 5 })
    const c = sandbox.credentials()
    await api.publish.setCredentials({ target: 'sandbox', appKey: c.appKey, appSecret: c.appSecret, accessToken: c.accessToken, refreshToken: c.refreshToken })
    await core.close()

    let kills = 0
    let finished = false
    // Process start-up takes about half a second; kill somewhere in the first seconds of work.
    for (let round = 0; round < 10 && !finished; round++) {
      const r = await runPublisher(dataDir, photosFile, 500 + Math.floor(Math.random() * 900))
      if (r.killed) kills++
      else finished = r.code === 0
    }
    if (!finished) {
      const last = await runPublisher(dataDir, photosFile, null)
      expect(last.code, last.out).toBe(0)
    }

    expect(kills).toBeGreaterThanOrEqual(4)
    const counts = sandbox.store.counts()
    expect(counts.products).toBe(N)
    expect(counts.bySubject).toEqual([])
    const check = Core.open({ dataDir, logFile: null })
    const rows = check.s.db.prepare('SELECT state, remote_id FROM publish_listings').all() as Array<{ state: string; remote_id: string }>
    const reconciled = (check.s.db.prepare("SELECT count(*) AS n FROM publish_log WHERE event = 'reconciled'").get() as { n: number }).n
    await check.close()
    expect(rows).toHaveLength(N)
    expect(rows.filter((r) => r.state !== 'published')).toEqual([])
    expect(new Set(rows.map((r) => r.remote_id)).size).toBe(N)
    const skus = sandboxSkus(sandbox.store)
    expect(skus.size).toBe(N / 10)
    for (const codes of skus.values()) expect(codes).toHaveLength(3)
    console.log(`crash: ${kills} SIGKILLs, ${reconciled} writes reconciled after a kill, ${sandbox.stats.calls['alibaba.icbu.product.schema.add']} schema.add calls carried out for ${N} listings`)
  }, 180_000)
})
