// 2,000 listings against a sandbox that fails 5% of calls, loses 3% of replies after doing the
// work, and bans every API for a while in the middle of the run: every listing must end up on the
// pavilion exactly once, counted in the sandbox's own store. Every tenth product is a wine with three
// bottle sizes, published as one listing with three SKUs.
import { afterAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../electron/sandbox/server.ts'
import { WINE_CATEGORY, drain, linkedCategory, makePhotos, openPublishCore, startTestSandbox, tempDir, wineCreate, type TestCore } from './helpers.ts'
import { createBulkProduct, sandboxSkus } from '../variants/variant-fixtures.ts'

const N = Number(process.env.FAULT_N ?? 2000)
let sandbox: Sandbox
let tc: TestCore

afterAll(async () => {
  await tc?.close()
  await sandbox?.close()
})

describe('publishing under faults', () => {
  it(`publishes ${N} listings exactly once despite errors, lost replies and a ban`, async () => {
    sandbox = await startTestSandbox()
    const photos = await makePhotos(tempDir('photos'), 2)
    tc = await openPublishCore(sandbox, { defaultPhotos: photos, concurrency: 8 })
    const api = tc.core.api()
    const categoryId = await linkedCategory(tc.core, WINE_CATEGORY)
    const s = tc.core.s
    s.db.transaction(() => {
      for (let i = 0; i < N; i++) createBulkProduct(s, i, categoryId, wineCreate)
    })()

    sandbox.faults.set({ errorRate: 0.05, lostResponseRate: 0.03, lostResponseMode: 'reset', seed: 42, banAfterCalls: Math.round(N * 0.6), banSeconds: 2 })
    const started = Date.now()
    const r = await api.publish.enqueue({})
    expect(r).toEqual({ queued: N, unchanged: 0, needsFixing: 0 })
    await drain(tc.core, 120_000)
    const elapsed = Date.now() - started

    // The faults really happened.
    expect(sandbox.stats.injectedErrors).toBeGreaterThan(N * 0.02)
    expect(sandbox.stats.lostResponses).toBeGreaterThan(N * 0.01)
    expect(sandbox.stats.bans).toBe(1)
    expect(sandbox.stats.rejected['alibaba.icbu.product.schema.add'] ?? 0).toBeGreaterThan(0)

    // Exactly once, in the sandbox's own store.
    const counts = sandbox.store.counts()
    expect(counts.products).toBe(N)
    expect(counts.bySubject).toEqual([])
    const listings = s.db.prepare("SELECT state, remote_id, pending_op FROM publish_listings WHERE target = 'sandbox'").all() as Array<{ state: string; remote_id: string; pending_op: string | null }>
    expect(listings).toHaveLength(N)
    expect(listings.filter((l) => l.state !== 'published')).toEqual([])
    expect(new Set(listings.map((l) => l.remote_id)).size).toBe(N)
    expect(listings.every((l) => l.pending_op === null)).toBe(true)
    const titles = s.db.prepare(
      "SELECT t.value AS title, l.remote_id FROM publish_listings l JOIN product_texts t ON t.product_id = l.product_id AND t.locale = 'en' AND t.field = 'title'"
    ).all() as Array<{ title: string; remote_id: string }>
    for (const t of titles.slice(0, 200)) expect(sandbox.store.product(Number(t.remote_id))!.subject).toBe(t.title)
    // The variant listings carry their three SKUs, once each.
    const skus = sandboxSkus(sandbox.store)
    expect(skus.size).toBe(Math.ceil(N / 10))
    for (const codes of skus.values()) expect(codes).toEqual([0, 1, 2].map((k) => codes[0].replace(/-0375$/, ['-0375', '-075', '-150'][k])))
    console.log(`faults: ${N} listings in ${(elapsed / 1000).toFixed(1)} s; injected errors ${sandbox.stats.injectedErrors}, lost replies ${sandbox.stats.lostResponses}, ban 1`)
  }, 180_000)
})
