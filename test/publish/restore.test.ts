// Restoring a backup made before a publish must not make Vetrina forget what the pavilion holds:
// the next publish updates (or leaves alone) the products already there instead of creating them twice.
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core.ts'
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

async function finishedJob(core: Core, jobId: string) {
  await waitFor(`job ${jobId}`, async () => ['done', 'failed', 'cancelled'].includes((await core.api().jobs.get({ id: jobId })).state))
  return core.api().jobs.get({ id: jobId })
}

function reloaded(core: Core): Promise<void> {
  return new Promise((res) => {
    const off = core.events.on('data.changed', (e) => {
      if (e.all) {
        off()
        res()
      }
    })
  })
}

describe('restore and the pavilion', () => {
  it('keeps the pavilion products published after the backup, and their photobank uploads', async () => {
    sandbox = await startTestSandbox()
    const photos = await makePhotos(tempDir('photos'), 2)
    tc = await openPublishCore(sandbox, { defaultPhotos: photos })
    const api = tc.core.api()
    const categoryId = await linkedCategory(tc.core, WINE_CATEGORY)
    const kept = await api.catalog.createProduct(wineCreate(1, { categoryId }))
    const { jobId } = await api.system.backup({})
    const backup = await finishedJob(tc.core, jobId)
    expect(backup.state).toBe('done')

    // After the backup: the product is published, and another one is created and published.
    const later = await api.catalog.createProduct(wineCreate(2, { categoryId }))
    const first = await api.publish.enqueue({})
    await drain(tc.core)
    const before = (await api.publish.listings({ productId: kept.id })).items
    expect(before.length).toBeGreaterThan(0)
    expect(before.every((l) => l.state === 'published' && l.remoteId)).toBe(true)
    const remoteProducts = sandbox.store.counts().products
    expect(remoteProducts).toBe(first.queued)
    const uploads = sandbox.store.counts().images

    // The clerk restores the backup.
    const reload = reloaded(tc.core)
    await api.system.restore({ file: { kind: 'path', path: (backup.result as { file: string }).file } })
    await reload
    // The reopened core has fresh services: give it the test's photos again.
    tc.core.s.productMedia.provider = { mainImages: () => photos }
    expect((await api.catalog.listProducts({})).items.map((p) => p.id)).toEqual([kept.id])
    expect((await api.catalog.listProducts({})).items.some((p) => p.id === later.id)).toBe(false)

    // The restored catalogue knows the pavilion product: nothing to send, nothing created twice.
    const after = (await api.publish.listings({ productId: kept.id })).items
    expect(after.map((l) => [l.language, l.state, l.remoteId])).toEqual(before.map((l) => [l.language, l.state, l.remoteId]))
    expect(await api.publish.enqueue({})).toEqual({ queued: 0, unchanged: before.length, needsFixing: 0 })

    // A change is sent as an update of the same pavilion product, with no photo uploaded again.
    await api.catalog.updateProduct({ id: kept.id, patch: { texts: { en: { title: 'Chianti Classico DOCG 2016 Red Wine 0.75 L Riserva' } } } })
    expect((await api.publish.enqueue({})).queued).toBe(1)
    await drain(tc.core)
    expect(sandbox.store.counts().products).toBe(remoteProducts)
    expect(sandbox.store.counts().images).toBe(uploads)
    const en = (await api.publish.listings({ productId: kept.id })).items.find((l) => l.language === 'en')!
    expect(sandbox.store.product(Number(en.remoteId))!.subject).toBe('Chianti Classico DOCG 2016 Red Wine 0.75 L Riserva')
  })
})
