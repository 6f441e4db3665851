// The outbox against a real sandbox over loopback: publish, audit, republish only what changed,
// unpublish, needs-fixing, pause/resume/cancel, and writes whose reply is lost.
import { afterEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../electron/sandbox/server.ts'
import { WINE_CATEGORY, drain, linkedCategory, makePhotos, openPublishCore, startTestSandbox, tempDir, waitFor, wineCreate, type TestCore } from './helpers.ts'

let sandbox: Sandbox | null = null
let tc: TestCore | null = null

afterEach(async () => {
  await tc?.close()
  await sandbox?.close()
  tc = null
  sandbox = null
})

async function setup(n: number, opts: { chinese?: boolean; photos?: number } = {}) {
  sandbox = await startTestSandbox()
  const photos = await makePhotos(tempDir('photos'), opts.photos ?? 2)
  tc = await openPublishCore(sandbox, { chinese: opts.chinese, defaultPhotos: photos })
  const api = tc.core.api()
  const categoryId = await linkedCategory(tc.core, WINE_CATEGORY)
  const ids: string[] = []
  for (let i = 0; i < n; i++) ids.push((await api.catalog.createProduct(wineCreate(i, { categoryId }))).id)
  return { api, ids, categoryId, photos }
}

const productCount = () => sandbox!.store.counts().products

describe('outbox', () => {
  it('publishes ready products once, through the audit, with photos uploaded once per content hash', async () => {
    const { api, ids } = await setup(3)
    const r = await api.publish.enqueue({})
    expect(r).toEqual({ queued: 3, unchanged: 0, needsFixing: 0 })
    await drain(tc!.core)
    const { items } = await api.publish.listings({})
    expect(items.map((l) => l.state)).toEqual(['published', 'published', 'published'])
    expect(new Set(items.map((l) => l.remoteId)).size).toBe(3)
    expect(productCount()).toBe(3)
    // Two distinct photos shared by all products: uploaded once each.
    expect(sandbox!.store.counts().images).toBe(2)
    const remote = sandbox!.store.product(Number(items[0].remoteId))!
    expect(remote.status).toBe('approved')
    expect(remote.display).toBe('Y')
    expect(ids).toContain(items[0].productId)
  })

  it('sends nothing for unchanged listings and an update for changed ones', async () => {
    const { api, ids } = await setup(2)
    await api.publish.enqueue({})
    await drain(tc!.core)
    const calls = () => sandbox!.stats.calls['alibaba.icbu.product.schema.update'] ?? 0
    expect(await api.publish.enqueue({})).toEqual({ queued: 0, unchanged: 2, needsFixing: 0 })
    await api.catalog.updateProduct({ id: ids[0], patch: { texts: { en: { title: 'Chianti Classico DOCG 2019 Red Wine 0.75 L Riserva' } } } })
    expect(await api.publish.enqueue({})).toEqual({ queued: 1, unchanged: 1, needsFixing: 0 })
    await drain(tc!.core)
    expect(calls()).toBe(1)
    expect(productCount()).toBe(2)
    const listing = (await api.publish.listings({ productId: ids[0] })).items[0]
    expect(sandbox!.store.product(Number(listing.remoteId))!.subject).toBe('Chianti Classico DOCG 2019 Red Wine 0.75 L Riserva')
  })

  it('marks products that fail the gate as needs-fixing and never sends them', async () => {
    const { api, ids } = await setup(1)
    const { jobId } = await api.publish.refreshRules({})
    await waitFor('rules downloaded', async () => (await api.jobs.get({ id: jobId })).state === 'done')
    await api.catalog.updateProduct({ id: ids[0], patch: { texts: { en: { title: 'Vino “Rosso” di Toscana – 0,75 L' } }, trade: { moq: 6 } } })
    const r = await api.publish.enqueue({})
    expect(r.needsFixing).toBe(1)
    const listing = (await api.publish.listings({})).items[0]
    expect(listing.state).toBe('needs_fixing')
    expect(listing.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['title_characters', 'moq_below_minimum']))
    expect(listing.problems.find((p) => p.code === 'title_characters')!.field).toBe('texts.en.title')
    await tc!.core.s.jobs.whenIdle()
    expect(sandbox!.stats.calls['alibaba.icbu.product.schema.add'] ?? 0).toBe(0)
  })

  it('takes listings off display and back on', async () => {
    const { api } = await setup(1)
    await api.publish.enqueue({})
    await drain(tc!.core)
    expect(await api.publish.unpublish({})).toEqual({ queued: 1 })
    await waitFor('offline', async () => (await api.publish.listings({})).items[0].state === 'offline')
    const listing = (await api.publish.listings({})).items[0]
    expect(sandbox!.store.product(Number(listing.remoteId))!.display).toBe('N')
    await api.publish.enqueue({})
    await waitFor('published again', async () => (await api.publish.listings({})).items[0].state === 'published')
    expect(sandbox!.store.product(Number(listing.remoteId))!.display).toBe('Y')
    expect(productCount()).toBe(1)
  })

  it('a listing taken offline while still in audit stays off display after the audit', async () => {
    const { api } = await setup(1)
    sandbox!.settings.audit.delayMs = 400
    await api.publish.enqueue({})
    await waitFor('in audit', async () => (await api.publish.listings({})).items[0].state === 'in_audit')
    await api.publish.unpublish({})
    await drain(tc!.core)
    const listing = (await api.publish.listings({})).items[0]
    expect(listing.state).toBe('offline')
    const remote = sandbox!.store.product(Number(listing.remoteId))!
    expect([remote.status, remote.display]).toEqual(['approved', 'N'])
  })

  it('publishes the Chinese copy as its own listing where the target supports it', async () => {
    const { api } = await setup(1, { chinese: true })
    const r = await api.publish.enqueue({})
    expect(r.queued).toBe(2)
    await drain(tc!.core)
    const langs = (await api.publish.listings({})).items.map((l) => `${l.language}:${l.state}`).sort()
    expect(langs).toEqual(['en:published', 'zh-CN:published'])
    const zh = sandbox!.store.listProducts({ sellerId: 1, language: 'zh', offset: 0, limit: 10 }).rows
    expect(zh[0].subject).toMatch(/经典基安蒂/)
  })

  it('reconciles a lost reply instead of creating the listing twice', async () => {
    const { api } = await setup(4)
    sandbox!.faults.set({ lostResponseRate: 1, methods: ['alibaba.icbu.product.schema.add'], lostResponseMode: 'reset' })
    await api.publish.enqueue({})
    await waitFor('every add attempted', () => (sandbox!.stats.calls['alibaba.icbu.product.schema.add'] ?? 0) >= 4)
    sandbox!.faults.set({ lostResponseRate: 0 })
    await drain(tc!.core)
    expect(productCount()).toBe(4)
    expect(sandbox!.store.counts().bySubject).toEqual([])
    const items = (await api.publish.listings({})).items
    expect(items.every((l) => l.state === 'published' && !l.reconciling)).toBe(true)
    const history = await api.publish.listing({ id: items[0].id })
    expect(history.history.map((h) => h.event)).toContain('reconciled')
  })

  it('reconciles a reply that never comes (the client gives up waiting) the same way', async () => {
    const { api } = await setup(2)
    await api.publish.updateSettings({ timeoutSeconds: 1 })
    sandbox!.faults.set({ lostResponseRate: 1, methods: ['alibaba.icbu.product.schema.add'], lostResponseMode: 'hang' })
    await api.publish.enqueue({})
    await waitFor('both adds carried out', () => (sandbox!.stats.calls['alibaba.icbu.product.schema.add'] ?? 0) >= 2)
    await drain(tc!.core)
    expect(productCount()).toBe(2)
    expect(sandbox!.stats.calls['alibaba.icbu.product.schema.add']).toBe(2)
  })

  it('a listing job cancelled from the jobs panel leaves its listing cancelled', async () => {
    const { api } = await setup(1)
    await api.publish.pause({})
    await api.publish.enqueue({})
    const listing = (await api.publish.listings({})).items[0]
    await api.jobs.cancel({ id: listing.jobId! })
    await waitFor('cancelled', async () => (await api.publish.listings({})).items[0].state === 'cancelled')
    expect((await api.publish.status()).pending).toBe(0)
  })

  it('pauses, resumes and cancels the queue', async () => {
    const { api } = await setup(3)
    await api.publish.pause({})
    await api.publish.enqueue({})
    await new Promise((r) => setTimeout(r, 200))
    expect(productCount()).toBe(0)
    expect((await api.publish.status()).paused).toBe(true)
    const items = (await api.publish.listings({})).items
    expect((await api.publish.cancel({ ids: [items[0].id] })).cancelled).toBe(1)
    await api.publish.resume({})
    await drain(tc!.core)
    expect(productCount()).toBe(2)
    const states = (await api.publish.listings({})).items.map((l) => l.state).sort()
    expect(states).toEqual(['cancelled', 'published', 'published'])
  })
})
