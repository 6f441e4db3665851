// A product's photos: ordered main images (at most 6, the first is the primary) and other
// photos; and the seam that gives the publishing area each product's pavilion-ready images.
import { existsSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { addAndWait, fixture, openCore, tempDir } from './helpers.ts'

let env: ReturnType<typeof openCore>
let ids: string[]
let productId: string

beforeAll(async () => {
  env = openCore()
  const api = env.core.api()
  productId = (await api.catalog.createProduct({ sku: 'OLIO-EVO-500' })).id
  const files = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => fixture(`orientation/Landscape_${n}.jpg`))
  // Added for the product by SKU, as the CLI does with --product.
  const job = await addAndWait(env.core, files, { sku: 'OLIO-EVO-500' })
  ids = (await api.photos.batch({ jobId: job.id })).items.map((i) => i.photoId!)
})
afterAll(() => env.close())

const order = async () => {
  const p = await env.core.api().photos.productPhotos({ productId })
  return { main: p.main.map((x) => x.photo.id), extra: p.extra.map((x) => x.photo.id), primary: p.main.find((x) => x.primary)?.photo.id }
}

describe('product photos', () => {
  it('photos added for a product fill the 6 main images in order, the rest are other photos', async () => {
    expect(await order()).toEqual({ main: ids.slice(0, 6), extra: ids.slice(6), primary: ids[0] })
    const p = await env.core.api().photos.productPhotos({ productId })
    expect(p.main[0].main).toMatchObject({ width: 1000, height: 1000, current: true })
    expect(p.main.every((x) => x.photo.productCount === 1)).toBe(true)
  })

  it('arrange reorders and moves photos between main and other', async () => {
    const api = env.core.api()
    await api.photos.arrange({ productId, main: [ids[6], ids[2], ids[0]], extra: [ids[1], ids[3], ids[4], ids[5], ids[7]] })
    expect(await order()).toEqual({ main: [ids[6], ids[2], ids[0]], extra: [ids[1], ids[3], ids[4], ids[5], ids[7]], primary: ids[6] })
  })

  it('refuses a 7th main image, a photo listed twice or missing, and a photo of another product', async () => {
    const api = env.core.api()
    const before = await order()
    await expect(api.photos.arrange({ productId, main: ids.slice(0, 7), extra: [ids[7]] })).rejects.toMatchObject({ code: 'photo_too_many_main' })
    await expect(api.photos.arrange({ productId, main: [ids[0], ids[0]], extra: ids.slice(1) })).rejects.toMatchObject({ code: 'validation' })
    await expect(api.photos.arrange({ productId, main: ids.slice(0, 3), extra: ids.slice(3, 7) })).rejects.toMatchObject({ code: 'validation' })
    const other = (await addAndWait(env.core, [fixture('orientation/Portrait_1.jpg')])).id
    const stranger = (await api.photos.batch({ jobId: other })).items[0].photoId!
    await expect(api.photos.arrange({ productId, main: [stranger], extra: ids })).rejects.toMatchObject({ code: 'validation', issues: [expect.objectContaining({ path: 'main.0' })] })
    expect(await order()).toEqual(before)
  })

  it('setPrimary moves a photo first; with 6 main images the last one makes room', async () => {
    const api = env.core.api()
    await api.photos.arrange({ productId, main: ids.slice(0, 6), extra: ids.slice(6) })
    await api.photos.setPrimary({ productId, photoId: ids[7] })
    expect(await order()).toEqual({ main: [ids[7], ...ids.slice(0, 5)], extra: [ids[5], ids[6]], primary: ids[7] })
  })

  it('detach removes photos from the product only', async () => {
    const api = env.core.api()
    await api.photos.detach({ productId, photoIds: [ids[7], ids[6]] })
    const now = await order()
    expect(now.main).toEqual(ids.slice(0, 5))
    expect(now.extra).toEqual([ids[5]])
    expect((await api.photos.get({ id: ids[7] })).products).toEqual([])
    await api.photos.attach({ productId, photoIds: [ids[7], ids[6], ids[0]] })
    // Room for one more main image; the other goes to the other photos; a photo already there stays put.
    expect(await order()).toMatchObject({ main: [...ids.slice(0, 5), ids[7]], extra: [ids[5], ids[6]] })
  })

  it('gives the publishing area up to 6 pavilion-ready main images, in order, with their warnings', async () => {
    const images = env.core.s.productMedia.mainImages(productId)
    const { main } = await order()
    expect(images.map((i) => i.id)).toEqual(main)
    for (const img of images) {
      expect(existsSync(img.path)).toBe(true)
      expect(createHash('sha256').update(readFileSync(img.path)).digest('hex')).toBe(img.sha256)
      expect(img).toMatchObject({ width: 1000, height: 1000, mime: 'image/jpeg' })
      expect(img.bytes).toBeLessThanOrEqual(5 * 1024 * 1024)
    }
    // These are the same photograph turned: near-duplicates of each other within the listing.
    expect(images[0].warnings).toContain('near_duplicate')
    expect(env.core.s.productMedia.mainImages('p_unknown')).toEqual([])
  })

  it('a near-duplicate outside the main images is not reported for the listing', async () => {
    const api = env.core.api()
    const solo = (await api.catalog.createProduct({ sku: 'VIN-SANTO-375' })).id
    await api.photos.attach({ productId: solo, photoIds: [ids[0]] })
    expect(env.core.s.productMedia.mainImages(solo)[0].warnings).not.toContain('near_duplicate')
    expect((await api.photos.get({ id: ids[0] })).warnings.map((w) => w.code)).toContain('near_duplicate')
  })

  it('deleting the product removes its photo links, not the photos', async () => {
    const api = env.core.api()
    await api.catalog.deleteProduct({ id: productId })
    expect((await api.photos.get({ id: ids[0] })).products.map((p) => p.sku)).toEqual(['VIN-SANTO-375'])
    expect((await api.photos.get({ id: ids[1] })).products).toEqual([])
    await expect(api.photos.productPhotos({ productId })).rejects.toMatchObject({ code: 'not_found' })
  })

  it('adding for an unknown SKU is refused before anything is queued', async () => {
    await expect(env.core.api().photos.add({ sources: [{ kind: 'path', path: fixture('orientation/Portrait_1.jpg') }], sku: 'NOPE-1' })).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('photos named in an imported spreadsheet', () => {
  it('go to the products that name them, in the spreadsheet order', async () => {
    const env2 = openCore()
    const api = env2.core.api()
    const chianti = (await api.catalog.createProduct({ sku: 'CHI-21' })).id
    const olio = (await api.catalog.createProduct({ sku: 'OLIO-05' })).id
    // As the spreadsheet import records an "images" column ("retro.jpg; fronte.jpg" …).
    const add = env2.core.s.db.prepare("INSERT INTO spreadsheet_image_refs (product_id, position, ref, import_id, created_at) VALUES (?, ?, ?, 'imp_1', '2026-11-22T08:00:00Z')")
    add.run(chianti, 1, 'Foto\\CHI-21 Retro.JPG')
    add.run(chianti, 2, 'chi-21 fronte.jpg')
    add.run(olio, 1, 'https://example.com/img/olio%2005.jpg')
    const dir = tempDir()
    const { copyFileSync } = await import('node:fs')
    copyFileSync(fixture('orientation/Landscape_1.jpg'), join(dir, 'chi-21 fronte.jpg'))
    copyFileSync(fixture('orientation/Portrait_1.jpg'), join(dir, 'CHI-21 retro.jpg'))
    copyFileSync(fixture('formats/test.webp'), join(dir, 'olio 05.jpg'))
    copyFileSync(fixture('formats/Flag_of_the_Netherlands.png'), join(dir, 'unrelated.png'))
    expect((await addAndWait(env2.core, [dir])).state).toBe('done')
    const names = async (productId: string) => (await api.photos.productPhotos({ productId })).main.map((p) => p.photo.name.split('/').pop())
    // The folder gives "chi-21 fronte" first; the product follows the spreadsheet: "retro" first.
    expect(await names(chianti)).toEqual(['CHI-21 retro.jpg', 'chi-21 fronte.jpg'])
    expect(await names(olio)).toEqual(['olio 05.jpg'])
    expect((await api.photos.list({ unattached: true })).items.map((p) => p.name.split('/').pop())).toEqual(['unrelated.png'])
    await env2.close()
  })
})
