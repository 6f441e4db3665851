// Formats: whatever comes in (CMYK, 16-bit, alpha, palette, wide gamut, animated GIF, TIFF pages,
// every JPEG subsampling, WebP, AVIF), what comes out is upright 8-bit sRGB without metadata.
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PhotoSummary } from '../../shared/contract/photos.ts'
import { addAndWait, fixture, meanColour, meanDiff, openCore, pixels, tempDir } from './helpers.ts'

let env: ReturnType<typeof openCore>
let byName: Map<string, PhotoSummary>
const media = (rel: string) => join(env.dataDir, 'media', rel)

beforeAll(async () => {
  env = openCore()
  const job = await addAndWait(env.core, [fixture('formats'), fixture('subsampling')])
  expect(job.state).toBe('done')
  const { items } = await env.core.api().photos.list({ limit: 500 })
  byName = new Map(items.map((p) => [p.name.split('/').slice(1).join('/'), p]))
})
afterAll(() => env.close())

async function rendition(name: string, preset: 'main' | 'preview' | 'thumb' = 'preview') {
  const photo = byName.get(name)
  if (!photo) throw new Error(`${name} was not added`)
  const r = await env.core.api().photos.rendition({ id: photo.id, preset })
  return { ...r, path: media(r.relPath) }
}

async function expectPlainSrgb8(path: string) {
  const meta = await sharp(path).metadata()
  expect(meta.space).toBe('srgb')
  expect(meta.depth).toBe('uchar')
  expect(meta.channels).toBe(3)
  expect(meta.hasAlpha).toBe(false)
  expect(meta.icc).toBeUndefined()
  expect(meta.exif).toBeUndefined()
  expect(meta.xmp).toBeUndefined()
}

const TOP = { x0: 0.2, y0: 0.05, x1: 0.8, y1: 0.28 }
const BOTTOM = { x0: 0.2, y0: 0.72, x1: 0.8, y1: 0.95 }

describe('colour spaces and bit depths', () => {
  it.each(['cmyk/video-001.cmyk.jpeg', 'cmyk/video-001.cmyk-with-profile.jpeg'])('CMYK %s comes out sRGB with plausible colours', async (name) => {
    const out = await rendition(name)
    await expectPlainSrgb8(out.path)
    const size = { width: out.width, height: out.height }
    const reference = await pixels(fixture('formats/cmyk/video-001.cmyk.png'), size)
    const mine = await pixels(out.path, size)
    // Go's decoder is a loose reference (about 8 levels apart); an inverted or raw-CMYK reading is ~100 off.
    expect(meanDiff(mine, reference)).toBeLessThan(16)
  })

  it('16-bit PNG comes out 8-bit with the same colours as the 8-bit file', async () => {
    const out16 = await rendition('Flag_of_the_Netherlands-16bit.png')
    const out8 = await rendition('Flag_of_the_Netherlands.png')
    await expectPlainSrgb8(out16.path)
    const [a, b] = await Promise.all([pixels(out16.path), pixels(out8.path)])
    expect(meanDiff(a, b)).toBeLessThan(2)
    const red = meanColour(a, TOP)
    expect(red[0]).toBeGreaterThan(150)
    expect(red[2]).toBeLessThan(80)
  })

  it.each(['tiff/rgb-3c-16b.tiff', 'tiff/minisblack-1c-16b.tiff', 'png/basn2c16.png', 'png/basn0g16.png', 'png/basn4a16.png', 'png/ibasn6a16.png'])('16-bit %s comes out 8-bit sRGB', async (name) => {
    const out = await rendition(name)
    await expectPlainSrgb8(out.path)
    const p = await pixels(out.path)
    const c = meanColour(p, { x0: 0, y0: 0, x1: 1, y1: 1 })
    // Not black (a 16-bit value read as 8-bit wraps to near zero) and not blown out.
    expect(c.reduce((x, y) => x + y) / 3).toBeGreaterThan(20)
    expect(c.reduce((x, y) => x + y) / 3).toBeLessThan(250)
  })

  it('a Display P3 JPEG is converted with its profile', async () => {
    const out = await rendition('flag-display-p3.jpg')
    await expectPlainSrgb8(out.path)
    const size = { width: out.width, height: out.height }
    const srgbRed = meanColour(await pixels(fixture('formats/Flag_of_the_Netherlands.png'), size), TOP)
    const red = meanColour(await pixels(out.path), TOP)
    // Read without its profile, the P3 red would be visibly duller: about (234, 51, 35) for pure red.
    const ignored = meanColour(await pixels(await sharp(fixture('formats/flag-display-p3.jpg'), { ignoreIcc: true }).toColourspace('srgb').resize(size.width, size.height).png().toBuffer()), TOP)
    const dist = (x: number[], y: number[]) => Math.max(...x.map((v, i) => Math.abs(v - y[i])))
    expect(dist(red, srgbRed)).toBeLessThan(6)
    expect(dist(ignored, srgbRed)).toBeGreaterThan(dist(red, srgbRed) + 8)
  })
})

describe('alpha', () => {
  it('semi-transparent pixels are flattened onto white', async () => {
    const out = await rendition('Flag_of_the_Netherlands-alpha.png')
    await expectPlainSrgb8(out.path)
    const opaque = meanColour(await pixels(fixture('formats/Flag_of_the_Netherlands.png'), { width: out.width, height: out.height }), BOTTOM)
    const flattened = meanColour(await pixels(out.path), BOTTOM)
    // 50 % blue over white.
    for (let k = 0; k < 3; k++) expect(flattened[k]).toBeCloseTo((opaque[k] + 255) / 2, -1)
  })

  it('a transparent background becomes white, not black', async () => {
    const out = await rendition('alpha-layer-1-fill.png', 'main')
    await expectPlainSrgb8(out.path)
    const p = await pixels(out.path)
    const corner = meanColour(p, { x0: 0, y0: 0, x1: 0.02, y1: 0.02 })
    for (const v of corner) expect(v).toBeGreaterThan(250)
  })
})

describe('containers', () => {
  it('an animated GIF gives its first frame', async () => {
    const out = await rendition('rotating-squares.gif')
    await expectPlainSrgb8(out.path)
    const first = await pixels(await sharp(fixture('formats/rotating-squares.gif')).flatten({ background: '#ffffff' }).png().toBuffer())
    expect(meanDiff(await pixels(out.path), first)).toBeLessThan(6)
    const meta = await sharp(out.path).metadata()
    expect(meta.pages ?? 1).toBe(1)
  })

  it('a multi-page TIFF gives its first page', async () => {
    const out = await rendition('tiff/tiff_with_subifd_chain.tif')
    expect([out.width, out.height]).toEqual([1024, 512])
  })

  it.each(['same-picture/sample.jpg', 'same-picture/sample.webp', 'same-picture/sample.avif', 'same-picture/sample.tif', 'test.webp', 'tiff/quad-tile.jpg.tiff', 'tiff/quad-lzw-compat.tiff', 'tiff/ojpeg_zackthecat_subsamp22_single_strip.tiff', 'tiff/palette-1c-8b.tiff', 'png/basn3p08.png'])('%s is decoded', async (name) => {
    const out = await rendition(name)
    await expectPlainSrgb8(out.path)
  })

  it.each(['same-picture/sample.jpg', 'same-picture/sample.webp', 'same-picture/sample.avif', 'same-picture/sample.tif'])('%s shows the same picture as the PNG', async (name) => {
    const out = await rendition(name)
    const reference = await rendition('same-picture/sample.png')
    expect([out.width, out.height]).toEqual([23, 42])
    expect(meanDiff(await pixels(out.path), await pixels(reference.path))).toBeLessThan(12)
  })
})

describe('JPEG subsampling', () => {
  it.each(['444', '422', '420', '440', '411', '410'])('4:%s baseline and progressive decode like the reference', async (layout) => {
    for (const name of [`video-001.q50.${layout}.jpeg`, `video-001.q50.${layout}.progressive.jpeg`]) {
      const out = await rendition(name)
      await expectPlainSrgb8(out.path)
      const ref = await pixels(fixture('subsampling/video-001.png'), { width: out.width, height: out.height })
      expect(meanDiff(await pixels(out.path), ref)).toBeLessThan(10)
    }
  })

  it('an RGB-coded JPEG is not colour-converted twice', async () => {
    const out = await rendition('video-001.rgb.jpeg')
    const ref = await pixels(fixture('subsampling/video-001.png'), { width: out.width, height: out.height })
    expect(meanDiff(await pixels(out.path), ref)).toBeLessThan(10)
  })
})

describe('metadata', () => {
  it('EXIF, GPS and the camera name never reach a rendition', async () => {
    // A real photo given a GPS position and a camera name, as a phone would write them.
    const dir = tempDir()
    const file = join(dir, 'with-gps.jpg')
    await sharp(fixture('orientation/Landscape_1.jpg'))
      .withExif({ IFD0: { Make: 'VetrinaTestCam', Model: 'Model-X' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 46/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '11/1 15/1 0/1' } })
      .jpeg({ quality: 90 })
      .toFile(file)
    const source = await sharp(file).metadata()
    expect(source.exif?.includes(Buffer.from('VetrinaTestCam'))).toBe(true)
    expect(await addAndWait(env.core, [file])).toMatchObject({ state: 'done' })
    const photo = (await env.core.api().photos.list({ search: 'with-gps' })).items[0]
    for (const preset of ['main', 'thumb', 'preview', 'detail'] as const) {
      const out = await env.core.api().photos.rendition({ id: photo.id, preset })
      const bytes = readFileSync(media(out.relPath))
      const meta = await sharp(bytes).metadata()
      expect(meta.exif).toBeUndefined()
      expect(meta.icc).toBeUndefined()
      expect(meta.xmp).toBeUndefined()
      expect(bytes.includes(Buffer.from('VetrinaTestCam'))).toBe(false)
      expect(bytes.includes(Buffer.from('GPS'))).toBe(false)
    }
    rmSync(dir, { recursive: true, force: true })
  })
})
