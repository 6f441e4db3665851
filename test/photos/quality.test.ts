// Quality warnings, on real photos and edited copies of them: blur, exposure, size, framing,
// aspect and near-duplicates; and the warnings follow the presets.
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PhotoSummary } from '../../shared/contract/photos.ts'
import { addAndWait, fixture, openCore, tempDir, waitForJob } from './helpers.ts'

let env: ReturnType<typeof openCore>
let byName: Map<string, PhotoSummary>
const codes = (name: string) => byName.get(name)!.warnings.map((w) => w.code).sort()

beforeAll(async () => {
  env = openCore()
  const dir = tempDir()
  const landscape = fixture('orientation/Landscape_1.jpg')
  const portrait = fixture('orientation/Portrait_1.jpg')
  const out = (n: string) => join(dir, n)
  const white = { create: { width: 1200, height: 1200, channels: 3 as const, background: '#ffffff' } }
  const bottle = await sharp(portrait).resize(400, 600).toBuffer()
  await Promise.all([
    sharp(landscape).blur(4).jpeg({ quality: 92 }).toFile(out('blurred.jpg')),
    sharp(landscape).blur(1).jpeg({ quality: 92 }).toFile(out('slightly-soft.jpg')),
    sharp(landscape).linear(0.2, 0).jpeg({ quality: 92 }).toFile(out('dark.jpg')),
    sharp(landscape).linear(0.3, 180).jpeg({ quality: 92 }).toFile(out('washed-out.jpg')),
    sharp(landscape).resize(800).jpeg({ quality: 70 }).toFile(out('smaller-copy.jpg')),
    sharp(landscape).extract({ left: 0, top: 400, width: 1800, height: 500 }).jpeg().toFile(out('banner.jpg')),
    sharp(white).composite([{ input: bottle, left: 400, top: 300 }]).jpeg({ quality: 92 }).toFile(out('product-centred.jpg')),
    sharp(white).composite([{ input: bottle, left: 800, top: 300 }]).jpeg({ quality: 92 }).toFile(out('product-cut-right.jpg'))
  ])
  const job = await addAndWait(env.core, [landscape, portrait, fixture('formats/Flag_of_the_Netherlands.png'), fixture('formats/test.webp'), dir])
  expect(job.state).toBe('done')
  byName = new Map((await env.core.api().photos.list({ limit: 100 })).items.map((p) => [p.name.split('/').pop()!, p]))
})
afterAll(() => env.close())

describe('quality warnings', () => {
  it('a sharp, well exposed photo has no blur or exposure warning', () => {
    for (const n of ['Landscape_1.jpg', 'Portrait_1.jpg', 'slightly-soft.jpg', 'product-centred.jpg']) {
      expect(codes(n)).not.toContain('blurry')
      expect(codes(n)).not.toContain('too_dark')
      expect(codes(n)).not.toContain('overexposed')
    }
  })

  it('a blurred copy is likely blurry', () => {
    expect(codes('blurred.jpg')).toContain('blurry')
  })

  it('a darkened copy is too dark, not blurry', () => {
    expect(codes('dark.jpg')).toContain('too_dark')
    expect(codes('dark.jpg')).not.toContain('blurry')
  })

  it('a washed-out copy is overexposed, while a product on white is not', () => {
    expect(codes('washed-out.jpg')).toContain('overexposed')
    expect(codes('product-centred.jpg')).not.toContain('overexposed')
  })

  it('"too small" means a main image below the pavilion\'s 640 px minimum, nothing else', () => {
    const w = byName.get('test.webp')!.warnings.find((x) => x.code === 'too_small')
    expect(w?.params).toMatchObject({ width: 128, height: 128, needed: 640 })
    // 900×600 gives a 900×900 main image: below the 1000 px preset, but neither too small nor enlarged.
    expect(codes('Flag_of_the_Netherlands.png')).not.toContain('too_small')
    expect(codes('Landscape_1.jpg')).not.toContain('too_small')
  })

  it('a product cut by the frame touches the edge; a centred one does not', () => {
    const w = byName.get('product-cut-right.jpg')!.warnings.find((x) => x.code === 'touches_edge')
    expect(w?.params.sides).toBe('right')
    expect(codes('product-centred.jpg')).not.toContain('touches_edge')
    // A scene has no plain background to tell a subject from.
    expect(codes('Landscape_1.jpg')).not.toContain('touches_edge')
  })

  it('a very wide picture is flagged; an ordinary 3:2 photo is not', () => {
    expect(codes('banner.jpg')).toContain('unusual_aspect')
    expect(codes('Landscape_1.jpg')).not.toContain('unusual_aspect')
  })

  it('a smaller re-encoded copy is a near-duplicate; a different photo is not', async () => {
    const w = byName.get('smaller-copy.jpg')!.warnings.find((x) => x.code === 'near_duplicate')
    expect(w).toBeDefined()
    const similar = [byName.get('Landscape_1.jpg')!.id, byName.get('blurred.jpg')!.id, byName.get('dark.jpg')!.id, byName.get('washed-out.jpg')!.id, byName.get('slightly-soft.jpg')!.id]
    expect(similar).toContain(w!.params.of)
    const detail = await env.core.api().photos.get({ id: byName.get('Landscape_1.jpg')!.id })
    expect(detail.nearDuplicates.map((n) => n.id)).toContain(byName.get('smaller-copy.jpg')!.id)
    expect(detail.nearDuplicates.map((n) => n.id)).not.toContain(byName.get('Portrait_1.jpg')!.id)
    expect(codes('product-centred.jpg')).not.toContain('near_duplicate')
  })

  it('deleting one of two near-duplicates clears the warning on the other', async () => {
    const api = env.core.api()
    const dir = tempDir()
    await sharp(fixture('orientation/Portrait_1.jpg')).resize(600).jpeg({ quality: 75 }).toFile(join(dir, 'portrait-copy.jpg'))
    await addAndWait(env.core, [join(dir, 'portrait-copy.jpg')])
    const portrait = byName.get('Portrait_1.jpg')!.id
    expect((await api.photos.get({ id: portrait })).warnings.map((w) => w.code)).toContain('near_duplicate')
    const copy = (await api.photos.list({ search: 'portrait-copy' })).items[0]
    await api.photos.delete({ ids: [copy.id] })
    expect((await api.photos.get({ id: portrait })).warnings.map((w) => w.code)).not.toContain('near_duplicate')
  })

  it('the library can be filtered by warning, and counts them', async () => {
    const api = env.core.api()
    const blurry = await api.photos.list({ warning: 'blurry' })
    expect(blurry.items.map((p) => p.name.split('/').pop())).toContain('blurred.jpg')
    expect(blurry.items.every((p) => p.warnings.some((w) => w.code === 'blurry'))).toBe(true)
    const stats = await api.photos.stats()
    expect(stats.byWarning.blurry).toBe(blurry.total)
    expect(stats.withWarnings).toBeGreaterThanOrEqual(blurry.total)
  })

  it('"too small" does not depend on the main preset size (renditions are never enlarged)', async () => {
    const api = env.core.api()
    const { jobId } = await api.photos.updatePresets({ main: { size: 1600 } })
    expect((await api.photos.get({ id: byName.get('Flag_of_the_Netherlands.png')!.id })).warnings.map((w) => w.code)).not.toContain('too_small')
    expect((await api.photos.get({ id: byName.get('test.webp')!.id })).warnings.map((w) => w.code)).toContain('too_small')
    if (jobId) await waitForJob(env.core, jobId)
    await api.photos.updatePresets({ main: { size: 1000 } })
    await env.core.s.jobs.whenIdle()
  })
})
