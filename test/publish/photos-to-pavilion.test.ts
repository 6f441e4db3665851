// Photos and publishing together, as in the app: phone photos added to a product become its
// pavilion main images — uploaded to the photobank as the main-image renditions (upright, square,
// JPEG), in the product's order, each once — and a new primary photo republishes the listing.
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import type { Sandbox } from '../../electron/sandbox/server.ts'
import { addAndWait, fixture } from '../photos/helpers.ts'
import { WINE_CATEGORY, drain, linkedCategory, openPublishCore, startTestSandbox, wineCreate, type TestCore } from './helpers.ts'

let sandbox: Sandbox | null = null
let tc: TestCore | null = null

afterEach(async () => {
  await tc?.close()
  await sandbox?.close()
  tc = null
  sandbox = null
})

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

describe('photos to the pavilion', () => {
  it('publishes the main-image renditions in the product order and follows a new primary photo', async () => {
    sandbox = await startTestSandbox()
    tc = await openPublishCore(sandbox, { realPhotos: true })
    const api = tc.core.api()
    const categoryId = await linkedCategory(tc.core, WINE_CATEGORY)
    const product = await api.catalog.createProduct(wineCreate(1, { categoryId }))

    // A phone photo stored sideways (EXIF orientation 6), a portrait one and a PNG with transparency.
    const job = await addAndWait(tc.core, [fixture('orientation', 'Landscape_6.jpg'), fixture('orientation', 'Portrait_3.jpg'), fixture('formats', 'Flag_of_the_Netherlands-alpha.png')], { productId: product.id })
    expect(job.state).toBe('done')
    const main = (await api.photos.productPhotos({ productId: product.id })).main
    expect(main).toHaveLength(3)
    const expected = tc.core.s.productMedia.mainImages(product.id)
    expect(expected.map((i) => i.id)).toEqual(main.map((p) => p.photo.id))

    const first = await api.publish.enqueue({})
    expect(first.queued).toBeGreaterThan(0)
    expect(first.needsFixing).toBe(0)
    await drain(tc.core)
    const listings = (await api.publish.listings({ productId: product.id })).items
    expect(listings.map((l) => l.state)).toEqual(listings.map(() => 'published'))
    const listing = listings.find((l) => l.language === 'en')!

    // The pavilion has exactly the renditions' bytes, in the product's order.
    const remote = sandbox.store.product(Number(listing.remoteId))!
    const urls = JSON.parse(remote.images) as string[]
    expect(urls).toHaveLength(3)
    const uploaded = urls.map((u) => sandbox!.store.imageBytes(u.replace(/^\/\/[^/]+/, ''))!)
    expect(uploaded.map((u) => sha256(u.bytes))).toEqual(expected.map((i) => i.sha256))
    for (const u of uploaded) {
      const meta = await sharp(u.bytes).metadata()
      expect(meta.format).toBe('jpeg')
      expect(meta.width).toBe(meta.height)
      expect(meta.width).toBeGreaterThanOrEqual(640)
      expect(meta.orientation ?? 1).toBe(1)
      expect(meta.exif).toBeUndefined()
      expect(u.bytes.length).toBeLessThanOrEqual(5 * 1024 * 1024)
    }
    expect(sandbox.store.counts().images).toBe(3)

    // The clerk makes the flag the primary photo: the listing changes and is sent again, with no new upload.
    await api.photos.setPrimary({ productId: product.id, photoId: main[2].photo.id })
    expect(await api.publish.enqueue({})).toMatchObject({ queued: first.queued, unchanged: 0 })
    await drain(tc.core)
    const again = JSON.parse(sandbox.store.product(Number(listing.remoteId))!.images) as string[]
    expect(again).toEqual([urls[2], urls[0], urls[1]])
    expect(sandbox.store.counts().images).toBe(3)
    expect(sandbox.store.counts().products).toBe(listings.length)
  })
})
