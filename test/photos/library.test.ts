// The library: originals stored once under their hash and never modified, duplicates
// recognised, renditions cached and made again when a preset changes, deletion.
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAndWait, fixture, openCore, tempDir, waitForJob } from './helpers.ts'

let env: ReturnType<typeof openCore>
const media = (rel: string) => join(env.dataDir, 'media', rel)
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

beforeAll(() => {
  env = openCore()
})
afterAll(() => env.close())

describe('originals', () => {
  it('are stored once under their SHA-256, byte for byte', async () => {
    const file = fixture('orientation/Landscape_2.jpg')
    const job = await addAndWait(env.core, [file])
    const { items } = await env.core.api().photos.batch({ jobId: job.id })
    const photo = await env.core.api().photos.get({ id: items[0].photoId! })
    expect(photo.sha256).toBe(sha(file))
    expect(photo.source.relPath).toBe(`originals/${photo.sha256.slice(0, 2)}/${photo.sha256}.jpg`)
    expect(readFileSync(media(photo.source.relPath)).equals(readFileSync(file))).toBe(true)
  })

  it('the same photo added again (under another name) is recognised, not stored twice', async () => {
    const dir = tempDir()
    copyFileSync(fixture('orientation/Landscape_2.jpg'), join(dir, 'copia di Landscape_2.jpg'))
    const first = (await env.core.api().photos.list({ search: 'landscape_2' })).items[0]
    const original = media((await env.core.api().photos.get({ id: first.id })).source.relPath)
    const mtime = statSync(original).mtimeMs
    const job = await addAndWait(env.core, [join(dir, 'copia di Landscape_2.jpg'), fixture('orientation/Landscape_2.jpg')])
    expect(job.result).toMatchObject({ added: 0, duplicates: 2 })
    const { items } = await env.core.api().photos.batch({ jobId: job.id })
    expect(items.map((i) => [i.state, i.photoId])).toEqual([['duplicate', first.id], ['duplicate', first.id]])
    expect((await env.core.api().photos.list({ search: 'landscape_2' })).total).toBe(1)
    // Never modified.
    expect(statSync(original).mtimeMs).toBe(mtime)
  })

  it('two copies of one photo in the same batch give one photo', async () => {
    const dir = tempDir()
    for (const n of ['a.jpg', 'b.jpg', 'c.jpg']) copyFileSync(fixture('orientation/Portrait_3.jpg'), join(dir, n))
    const job = await addAndWait(env.core, [dir])
    expect(job.result).toMatchObject({ added: 1, duplicates: 2, failed: 0 })
    const ids = new Set((await env.core.api().photos.batch({ jobId: job.id })).items.map((i) => i.photoId))
    expect(ids.size).toBe(1)
  })
})

describe('renditions', () => {
  let id: string
  beforeAll(async () => {
    const job = await addAndWait(env.core, [fixture('orientation/Portrait_6.jpg')])
    id = (await env.core.api().photos.batch({ jobId: job.id })).items[0].photoId!
  })

  it('the main image is a pavilion-ready square JPEG and the thumbnail a small WebP', async () => {
    const detail = await env.core.api().photos.get({ id })
    const main = detail.renditions.find((r) => r.preset === 'main')!
    const thumb = detail.renditions.find((r) => r.preset === 'thumb')!
    expect(main).toMatchObject({ width: 1000, height: 1000, mime: 'image/jpeg', current: true })
    expect(main.bytes).toBeLessThanOrEqual(5 * 1024 * 1024)
    expect(main.sha256).toBe(sha(media(main.relPath)))
    expect((await sharp(media(main.relPath)).metadata()).format).toBe('jpeg')
    expect(thumb).toMatchObject({ width: 213, height: 320, mime: 'image/webp' })
    expect(detail.thumb?.relPath).toBe(thumb.relPath)
  })

  it('a detail image is made on demand, at the preset width, and cached', async () => {
    const api = env.core.api()
    const first = await api.photos.rendition({ id, preset: 'detail' })
    expect(first).toMatchObject({ width: 1200, height: 1800, mime: 'image/jpeg', current: true })
    const again = await api.photos.rendition({ id, preset: 'detail' })
    expect(again.relPath).toBe(first.relPath)
    expect(again.sha256).toBe(first.sha256)
  })

  it('changing a preset makes its renditions again in a job and removes the old files', async () => {
    const api = env.core.api()
    const before = (await api.photos.get({ id })).renditions.find((r) => r.preset === 'main')!
    const { presets, jobId } = await api.photos.updatePresets({ main: { size: 800, background: '#f0f0f0' } })
    expect(presets.main).toMatchObject({ size: 800, background: '#f0f0f0' })
    expect(jobId).not.toBeNull()
    const stale = (await api.photos.get({ id })).renditions.find((r) => r.preset === 'main')
    expect(stale?.current).toBe(false)
    expect((await waitForJob(env.core, jobId!)).state).toBe('done')
    const after = (await api.photos.get({ id })).renditions.find((r) => r.preset === 'main')!
    expect(after).toMatchObject({ width: 800, height: 800, current: true })
    expect(after.relPath).not.toBe(before.relPath)
    expect(existsSync(media(before.relPath))).toBe(false)
    const p = await sharp(media(after.relPath)).raw().toBuffer({ resolveWithObject: true })
    // The portrait is padded left and right with the new background colour.
    expect([...p.data.subarray((400 * 800 + 5) * 3, (400 * 800 + 5) * 3 + 3)].every((v) => Math.abs(v - 0xf0) <= 3)).toBe(true)
    // Thumbnails did not change, so they were not made again.
    const job = await api.jobs.get({ id: jobId! })
    const total = (await api.photos.stats()).total
    expect(job.result).toMatchObject({ made: total, failed: 0 })
    await api.photos.updatePresets({ main: { size: 1000, background: '#ffffff' } })
    await env.core.s.jobs.whenIdle()
  })

  it('presets outside the pavilion rules are refused with the field named', async () => {
    const api = env.core.api()
    await expect(api.photos.updatePresets({ main: { size: 500 } })).rejects.toMatchObject({ code: 'validation' })
    await expect(api.photos.updatePresets({ main: { maxBytes: 6 * 1024 * 1024 } })).rejects.toMatchObject({ code: 'validation', issues: [expect.objectContaining({ path: 'main.maxBytes' })] })
    expect((await api.photos.presets()).main.size).toBe(1000)
  })

  it('a main image is kept under its size limit by lowering the quality', async () => {
    const api = env.core.api()
    const { jobId } = await api.photos.updatePresets({ main: { quality: 100, maxBytes: 120_000 } })
    await waitForJob(env.core, jobId!)
    const main = (await api.photos.get({ id })).renditions.find((r) => r.preset === 'main')!
    expect(main.bytes).toBeLessThanOrEqual(120_000)
    expect(statSync(media(main.relPath)).size).toBe(main.bytes)
    await api.photos.updatePresets({ main: { quality: 85, maxBytes: 5 * 1024 * 1024 } })
    await env.core.s.jobs.whenIdle()
  })
})

describe('deleting', () => {
  it('removes the photo, its files and its place in products; other photos are untouched', async () => {
    const api = env.core.api()
    const job = await addAndWait(env.core, [fixture('orientation/Portrait_2.jpg'), fixture('orientation/Portrait_4.jpg')])
    const [a, b] = (await api.photos.batch({ jobId: job.id })).items.map((i) => i.photoId!)
    const product = await api.catalog.createProduct({ sku: 'CHI-2021-075' })
    await api.photos.attach({ productId: product.id, photoIds: [a, b] })
    const files = [(await api.photos.get({ id: a })).source.relPath, ...(await api.photos.get({ id: a })).renditions.map((r) => r.relPath)]
    const keep = (await api.photos.get({ id: b })).renditions.map((r) => r.relPath)
    expect(await api.photos.delete({ ids: [a, 'ph_missing'] })).toEqual({ deleted: 1 })
    for (const f of files) expect(existsSync(media(f))).toBe(false)
    for (const f of keep) expect(existsSync(media(f))).toBe(true)
    await expect(api.photos.get({ id: a })).rejects.toMatchObject({ code: 'photo_not_found' })
    const photos = await api.photos.productPhotos({ productId: product.id })
    expect(photos.main.map((p) => p.photo.id)).toEqual([b])
  })
})

describe('listing', () => {
  it('pages, sorts by name and searches by file name', async () => {
    const api = env.core.api()
    const all = await api.photos.list({ sort: 'name', limit: 500 })
    const names = all.items.map((p) => p.name.toLowerCase())
    expect(names).toEqual([...names].sort())
    const page = await api.photos.list({ sort: 'name', offset: 1, limit: 2 })
    expect(page.total).toBe(all.total)
    expect(page.items.map((p) => p.id)).toEqual(all.items.slice(1, 3).map((p) => p.id))
    const found = await api.photos.list({ search: 'PORTRAIT_6' })
    expect(found.items.map((p) => p.name)).toEqual(['Portrait_6.jpg'])
    expect((await api.photos.list({ search: '%' })).total).toBe(0)
  })

  it('lists photos not used by any product', async () => {
    const api = env.core.api()
    const unattached = await api.photos.list({ unattached: true, limit: 500 })
    expect(unattached.items.every((p) => p.productCount === 0)).toBe(true)
    expect((await api.photos.stats()).unattached).toBe(unattached.total)
  })
})
