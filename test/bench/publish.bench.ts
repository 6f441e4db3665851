// npm run bench:publish [-- --listings 10000 --rate 150 --latency 20 --concurrency 16]
// Publishes N listings through the real outbox to the sandbox (started as its own process, with
// latency and its own flow control at the same rate) under a client-side rate limit, and prints
// the achieved call rate as a fraction of the allowed rate (target ≥ 0.95) and the number of
// duplicate listings on the pavilion (target 0). Baseline, in the same run: the same client and
// limiter making bare calls as fast as the limit allows, without the outbox.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { Core } from '../../electron/core/core.ts'
import { MemorySecretStore } from '../../electron/core/platform/secrets.ts'
import { IcbuClient } from '../../electron/core/publish/client.ts'
import { RateLimiter } from '../../electron/core/publish/rate-limiter.ts'
import { makePhotos, wineCreate } from '../publish/helpers.ts'

const { values } = parseArgs({
  options: {
    listings: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '100' },
    latency: { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '16' }
  }
})
const N = Number(values.listings)
const RATE = Number(values.rate)
const LATENCY = Number(values.latency)
const CONCURRENCY = Number(values.concurrency)
const dir = mkdtempSync(join(tmpdir(), 'vetrina-bench-publish-'))

interface SandboxInfo { url: string; appKey: string; appSecret: string; accessToken: string; refreshToken: string; controlToken: string }

async function startSandboxProcess(): Promise<{ child: ChildProcess; info: SandboxInfo }> {
  const main = resolve(import.meta.dirname, '../../electron/sandbox/main.ts')
  // The sandbox enforces the same rate (its own bucket, one second of burst): exceeding it would ban us.
  const child = spawn(process.execPath, [main, '--port', '0', '--json', '--db', join(dir, 'sandbox.sqlite'), '--latency-ms', String(LATENCY), '--audit-ms', '0', '--qps', String(RATE)], { stdio: ['ignore', 'pipe', 'inherit'] })
  const line = await new Promise<string>((res, rej) => {
    createInterface({ input: child.stdout! }).once('line', res)
    child.once('exit', (code) => rej(new Error(`sandbox exited with ${code}`)))
  })
  return { child, info: JSON.parse(line) as SandboxInfo }
}

async function admin<T>(url: string, path: string, body?: unknown): Promise<T> {
  const headers = { Authorization: `Bearer ${info.controlToken}` }
  const res = await fetch(`${url}/__sandbox/${path}`, body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) })
  return (await res.json()) as T
}

interface SandboxState { counts: { products: number; bySubject: Array<{ subject: string; n: number }> }; stats: { calls: Record<string, number>; rejected: Record<string, number> } }
const totalCalls = (s: SandboxState) => Object.values(s.stats.calls).reduce((a, b) => a + b, 0) + Object.values(s.stats.rejected).reduce((a, b) => a + b, 0)

const { child, info } = await startSandboxProcess()
console.log(`Sandbox (own process) at ${info.url}: latency ${LATENCY} ms. Client limit ${RATE} calls/s, ${CONCURRENCY} listings at a time.`)

// ---- baseline: the same client and limiter, bare calls, no outbox ----
{
  const limiter = new RateLimiter(RATE)
  const client = new IcbuClient({ baseUrl: info.url, limiter, credentials: async () => ({ ...info }), saveTokens: async () => {} })
  // The first second is a warm-up (it includes the limiter's initial burst allowance).
  const seconds = 8
  let calls = 0
  const warm = performance.now() + 1000
  const until = warm + seconds * 1000
  let t0 = 0
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (performance.now() < until) {
      await client.call('alibaba.icbu.product.list', { language: 'ENGLISH', page_size: 1 })
      if (performance.now() >= warm) {
        t0 ||= performance.now()
        calls++
      }
    }
  }))
  const rate = calls / ((performance.now() - t0) / 1000)
  console.log(`Baseline (bare calls through the limiter, ${seconds} s): ${rate.toFixed(1)} calls/s = ${(rate / RATE).toFixed(3)} of the allowed rate`)
  ;(globalThis as { baselineFraction?: number }).baselineFraction = rate / RATE
}

// ---- the outbox ----
const core = Core.open({ dataDir: join(dir, 'catalog'), logFile: null, secrets: new MemorySecretStore(), connectivity: { offlineIntervalMs: 500 } })
const photos = await makePhotos(join(dir, 'photos'), 2)
core.s.productMedia.provider = { mainImages: () => photos }
const api = core.api()
const cat = await api.catalog.createCategory({ name: { it: 'Vini rossi' }, pavilionCategoryId: '100008830' })
let t0 = performance.now()
for (let i = 0; i < N; i += 2000) {
  core.s.db.transaction(() => {
    for (let j = i; j < Math.min(N, i + 2000); j++) core.s.products.create(wineCreate(j, { categoryId: cat.id }) as never, { source: 'import', emit: false })
  })()
}
console.log(`Catalogue of ${N.toLocaleString('en')} wines built in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
await api.publish.updateSettings({ sandbox: { url: info.url, chinese: false }, ratePerSecond: RATE, concurrency: CONCURRENCY, auditPollSeconds: 2, timeoutSeconds: 30 })
await api.publish.setCredentials({ target: 'sandbox', appKey: info.appKey, appSecret: info.appSecret, accessToken: info.accessToken, refreshToken: info.refreshToken })
await core.s.connectivity.check()
// Rules downloaded once beforehand, as an app that was online before would have them.
const { jobId } = await api.publish.refreshRules({})
while ((await api.jobs.get({ id: jobId })).state !== 'done') await new Promise((r) => setTimeout(r, 50))

await admin(info.url, 'stats/reset', {})
t0 = performance.now()
const queued = await api.publish.enqueue({})
const enqueueSec = (performance.now() - t0) / 1000
console.log(`Readiness + enqueue of ${queued.queued.toLocaleString('en')} listings in one transaction: ${enqueueSec.toFixed(1)} s`)

const started = performance.now()
let lastPrint = started
let status = await api.publish.status()
while (status.pending > 0) {
  await new Promise((r) => setTimeout(r, 200))
  status = await api.publish.status()
  if (performance.now() - lastPrint > 5000) {
    lastPrint = performance.now()
    console.log(`  … ${N - status.pending} submitted, ${status.counts.published ?? 0} published, ETA ${status.etaSeconds ?? '?'} s`)
  }
}
const sendSec = (performance.now() - started) / 1000
const mid = await admin<SandboxState>(info.url, 'state')
const sendCalls = totalCalls(mid)
while ((await api.publish.status()).inAudit > 0) await new Promise((r) => setTimeout(r, 200))
const end = await admin<SandboxState>(info.url, 'state')

const achieved = sendCalls / sendSec
const fraction = achieved / RATE
const duplicates = end.counts.bySubject.reduce((n, g) => n + g.n - 1, 0) + Math.max(0, end.counts.products - N)
const failed = (await api.publish.status()).counts
console.log(`Outbox: ${N.toLocaleString('en')} listings submitted in ${sendSec.toFixed(1)} s with ${sendCalls.toLocaleString('en')} calls (${(sendCalls / N).toFixed(2)} per listing)`)
console.log(`Achieved rate: ${achieved.toFixed(1)} calls/s = ${fraction.toFixed(3)} of the allowed ${RATE}/s (target ≥ 0.95); baseline ${((globalThis as { baselineFraction?: number }).baselineFraction ?? 0).toFixed(3)}`)
console.log(`Listings/s: ${(N / sendSec).toFixed(1)}; listing states: ${JSON.stringify(failed)}; refused by the sandbox: ${JSON.stringify(end.stats.rejected)}`)
console.log(`Pavilion store: ${end.counts.products.toLocaleString('en')} products for ${N.toLocaleString('en')} listings; duplicates: ${duplicates} (target 0)`)
console.log(fraction >= 0.95 && duplicates === 0 ? 'RESULT: OK' : 'RESULT: BELOW TARGET')

await core.close()
child.kill('SIGTERM')
process.exit(0)
