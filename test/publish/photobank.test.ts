// Photobank uploads are reconciled like listings: an upload whose reply was lost, or whose look-up
// failed, is searched for in the photobank before anything is sent again. With a sandbox that
// loses a third of the upload replies and fails some uploads and look-ups, every photo ends up in
// the photobank exactly once.
import { afterEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../electron/sandbox/server.ts'
import { WINE_CATEGORY, drain, linkedCategory, makePhotos, openPublishCore, startTestSandbox, tempDir, wineCreate, type TestCore } from './helpers.ts'

let sandbox: Sandbox | null = null
let tc: TestCore | null = null
afterEach(async () => {
  await tc?.close()
  await sandbox?.close()
  tc = sandbox = null
})

describe('photobank uploads', () => {
  it('no photo is uploaded twice when replies are lost and look-ups fail', async () => {
    sandbox = await startTestSandbox()
    const photos = await makePhotos(tempDir('photos'), 60, 300)
    tc = await openPublishCore(sandbox, { concurrency: 6 })
    const api = tc.core.api()
    const categoryId = await linkedCategory(tc.core, WINE_CATEGORY)
    for (let i = 0; i < 30; i++) {
      const p = await api.catalog.createProduct(wineCreate(i, { categoryId }))
      tc.photos.set(p.id, photos.slice(i * 2, i * 2 + 2))
    }
    sandbox.faults.set({ methods: ['alibaba.icbu.photobank.upload', 'alibaba.icbu.photobank.list'], lostResponseRate: 0.25, errorRate: 0.1, lostResponseMode: 'reset', seed: 11 })
    expect((await api.publish.enqueue({})).queued).toBe(30)
    await drain(tc.core, 90_000)
    expect(sandbox.stats.lostResponses).toBeGreaterThan(5)
    const db = sandbox.store.db
    const perPhoto = db.prepare('SELECT sha256, count(*) AS n FROM images GROUP BY sha256').all() as Array<{ sha256: string; n: number }>
    expect(perPhoto.filter((r) => r.n > 1)).toEqual([])
    expect(perPhoto).toHaveLength(60)
    expect(tc.core.s.db.prepare('SELECT count(*) AS n FROM publish_image_uploads').get()).toEqual({ n: 0 })
    const states = tc.core.s.db.prepare("SELECT state, count(*) AS n FROM publish_listings GROUP BY state").all()
    expect(states).toEqual([{ state: 'published', n: 30 }])
  }, 120_000)
})
