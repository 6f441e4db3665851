// Every EXIF orientation comes out upright: each file of the orientation set (the same
// photograph stored turned or mirrored) must render like the untransformed one.
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PhotoSummary } from '../../shared/contract/photos.ts'
import { addAndWait, fixture, meanColour, meanDiff, openCore, pixels } from './helpers.ts'

let env: ReturnType<typeof openCore>
let byName: Map<string, PhotoSummary>

beforeAll(async () => {
  env = openCore()
  const job = await addAndWait(env.core, [fixture('orientation')])
  expect(job.state).toBe('done')
  const { items } = await env.core.api().photos.list({ limit: 100 })
  byName = new Map(items.map((p) => [p.name.split('/').pop()!, p]))
})
afterAll(() => env.close())

const media = (rel: string) => join(env.dataDir, 'media', rel)

describe.each(['Landscape', 'Portrait'])('%s series', (series) => {
  const upright = series === 'Landscape' ? { width: 1800, height: 1200 } : { width: 1200, height: 1800 }

  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8])(`${series}_%i is stored with its upright size and renders like orientation 1`, async (n) => {
    const api = env.core.api()
    const photo = byName.get(`${series}_${n}.jpg`)!
    expect({ width: photo.width, height: photo.height }).toEqual(upright)
    const reference = await api.photos.rendition({ id: byName.get(`${series}_1.jpg`)!.id, preset: 'preview' })
    const preview = await api.photos.rendition({ id: photo.id, preset: 'preview' })
    expect(preview.width / preview.height).toBeCloseTo(upright.width / upright.height, 2)
    const size = { width: preview.width, height: preview.height }
    const [mine, ref] = await Promise.all([pixels(media(preview.relPath), size), pixels(media(reference.relPath), size)])
    // The originals are separate JPEG encodes of the turned picture: a few levels of difference.
    expect(meanDiff(mine, ref)).toBeLessThan(6)
    // The check can tell a wrong orientation apart: the same picture mirrored is far off.
    const mirrored = await pixels(await sharp(media(reference.relPath)).flop().toBuffer(), size)
    expect(meanDiff(mirrored, ref)).toBeGreaterThan(15)
  })

  it('main images are upright squares without an orientation tag', async () => {
    const api = env.core.api()
    for (let n = 0; n <= 8; n++) {
      const detail = await api.photos.get({ id: byName.get(`${series}_${n}.jpg`)!.id })
      const main = detail.renditions.find((r) => r.preset === 'main')!
      expect([main.width, main.height]).toEqual([1000, 1000])
      const meta = await sharp(media(main.relPath)).metadata()
      expect(meta.orientation).toBeUndefined()
      expect(meta.exif).toBeUndefined()
      // The long side fills the square; the short side is padded with white.
      const p = await pixels(media(main.relPath))
      const at = (x: number, y: number) => [...p.data.subarray((y * 1000 + x) * 3, (y * 1000 + x) * 3 + 3)]
      const padding = series === 'Landscape' ? at(500, 20) : at(20, 500)
      for (const v of padding) expect(v).toBeGreaterThan(250)
      expect(meanColour(p, { x0: 0.3, y0: 0.3, x1: 0.7, y1: 0.7 }).reduce((a, b) => a + b) / 3).toBeLessThan(200)
    }
  })
})
