// Small pieces of the photo pipeline on their own: format recognition, the TIFF wrapper used
// for HEIC pixels, the CPU budget, the perceptual hash and rendition sizes.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { CpuBudget, runWithOwnError } from '../../electron/core/photos/engine/budget.ts'
import { photoError } from '../../electron/core/photos/errors.ts'
import { perceptualHash } from '../../electron/core/photos/engine/phash.ts'
import { writeRawTiff } from '../../electron/core/photos/engine/raw-tiff.ts'
import { shrinkFactor } from '../../electron/core/photos/engine/heic/heic-worker.ts'
import { sniff } from '../../electron/core/photos/sniff.ts'
import { DEFAULT_PRESETS, renditionSize } from '../../shared/domain/photo-presets.ts'
import { hashDistance } from '../../shared/domain/photo-quality.ts'
import { fixture, tempDir } from './helpers.ts'

const head = (p: string) => readFileSync(p).subarray(0, 4096)

describe('sniff', () => {
  it.each([
    ['orientation/Landscape_1.jpg', 'jpeg'], ['formats/Flag_of_the_Netherlands.png', 'png'], ['formats/test.webp', 'webp'],
    ['formats/same-picture/sample.avif', 'avif'], ['formats/same-picture/sample.tif', 'tiff'], ['formats/rotating-squares.gif', 'gif'],
    ['heic/landscape.heic', 'heic']
  ])('%s is %s by its content', (file, format) => {
    expect(sniff(head(fixture(file)), 'renamed.bin')).toEqual({ kind: 'image', format })
  })

  it.each([
    ['formats/same-picture/sample.bmp', 'BMP'], ['formats/same-picture/sample.ico', 'ICO (icon)'], ['formats/same-picture/sample.qoi', 'QOI'],
    ['formats/same-picture/sample.jxl', 'JPEG XL'], ['formats/same-picture/sample.pcx', 'PCX'], ['formats/same-picture/sample.pnm', 'PNM/PPM'],
    ['formats/same-picture/sample.xcf', 'GIMP (XCF)'], ['formats/same-picture/sample.xpm', 'XPM'], ['formats/same-picture/sample.tga', 'TGA']
  ])('%s is recognised as unsupported %s', (file, label) => {
    const r = sniff(head(fixture(file)), file)
    expect(r).toMatchObject({ kind: 'unsupported', label })
  })

  it('text renamed .jpg is not an image', () => {
    expect(sniff(Buffer.from('Codice articolo;Descrizione\n'), 'listino.jpg')).toEqual({ kind: 'unknown' })
  })
})

describe('writeRawTiff', () => {
  const file = (name: string) => join(tempDir(), name)

  it('carries pixels and the ICC profile to sharp unchanged, in small strips', async () => {
    const { data, info } = await sharp(fixture('formats/Flag_of_the_Netherlands.png')).raw().toBuffer({ resolveWithObject: true })
    const icc = (await sharp(fixture('formats/flag-display-p3.jpg')).metadata()).icc!
    const tiff = file('flag.tif')
    writeRawTiff(tiff, { data, width: info.width, height: info.height, channels: 3, stride: info.width * 3 }, icc)
    const meta = await sharp(tiff).metadata()
    expect(meta).toMatchObject({ format: 'tiff', width: 900, height: 600, channels: 3 })
    expect(Buffer.from(meta.icc!).equals(Buffer.from(icc))).toBe(true)
    const back = await sharp(tiff, { ignoreIcc: true }).raw().toBuffer()
    expect(back.equals(data)).toBe(true)
  })

  it('drops the padding of padded rows', async () => {
    const { data, info } = await sharp(fixture('formats/Flag_of_the_Netherlands.png')).raw().toBuffer({ resolveWithObject: true })
    const row = info.width * 3
    const stride = row + 13
    const padded = Buffer.alloc(stride * info.height, 0xee)
    for (let y = 0; y < info.height; y++) data.copy(padded, y * stride, y * row, (y + 1) * row)
    const tiff = file('padded.tif')
    writeRawTiff(tiff, { data: padded, width: info.width, height: info.height, channels: 3, stride }, null)
    expect((await sharp(tiff).raw().toBuffer()).equals(data)).toBe(true)
  })

  it('writes a picture shrunk by a whole factor, each pixel the mean of its block', async () => {
    const { data, info } = await sharp(fixture('formats/Flag_of_the_Netherlands.png')).raw().toBuffer({ resolveWithObject: true })
    const tiff = file('shrunk.tif')
    expect(writeRawTiff(tiff, { data, width: info.width, height: info.height, channels: 3, stride: info.width * 3 }, null, 3)).toEqual({ width: 300, height: 200 })
    const got = await sharp(tiff).raw().toBuffer()
    const want = await sharp(data, { raw: { width: 900, height: 600, channels: 3 } }).resize(300, 200, { kernel: 'nearest' }).raw().toBuffer()
    // A flag: solid bands, so the block means equal the band colours away from the two borders.
    let differ = 0
    for (let i = 0; i < got.length; i++) if (Math.abs(got[i] - want[i]) > 2) differ++
    expect(differ / got.length).toBeLessThan(0.02)
  })

  it('shrinks a HEIC picture as far as the renditions allow', () => {
    expect(shrinkFactor(3024, 4032, { width: 0, long: 1000 })).toBe(4)
    expect(shrinkFactor(3024, 4032, { width: 1200, long: 1000 })).toBe(2)
    expect(shrinkFactor(3024, 4032, { width: 0, long: 1600 })).toBe(2)
    expect(shrinkFactor(900, 600, { width: 0, long: 1000 })).toBe(1)
    expect(shrinkFactor(12000, 9000, { width: 0, long: 512 })).toBe(8)
  })

  it('keeps an alpha channel as unassociated alpha', async () => {
    const { data, info } = await sharp(fixture('formats/Flag_of_the_Netherlands-alpha.png')).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
    const tiff = file('alpha.tif')
    writeRawTiff(tiff, { data, width: info.width, height: info.height, channels: 4, stride: info.width * 4 }, null)
    expect((await sharp(tiff).metadata()).hasAlpha).toBe(true)
    expect((await sharp(tiff).raw().toBuffer()).equals(data)).toBe(true)
  })
})

describe('CpuBudget', () => {
  const tick = () => new Promise((r) => setTimeout(r, 5))

  it('runs at most `slots` tasks at once', async () => {
    const budget = new CpuBudget(2)
    let running = 0
    let peak = 0
    await Promise.all(Array.from({ length: 8 }, () => budget.run(async () => {
      peak = Math.max(peak, ++running)
      await tick()
      running--
    })))
    expect(peak).toBe(2)
  })

  it('runs an exclusive task alone, in arrival order', async () => {
    const budget = new CpuBudget(3)
    const log: string[] = []
    let running = 0
    const task = (name: string) => async () => {
      running++
      log.push(`${name}:${running}`)
      await tick()
      running--
    }
    await Promise.all([budget.run(task('a')), budget.run(task('b')), budget.exclusive(task('x')), budget.run(task('c'))])
    expect(log.slice(0, 2).sort()).toEqual(['a:1', 'b:2'])
    expect(log[2]).toBe('x:1')
    expect(log[3]).toBe('c:1')
  })

  it('re-runs a failed decode alone to get its own error; other failures are not retried', async () => {
    const budget = new CpuBudget(2)
    let calls = 0
    await expect(runWithOwnError(budget, async () => {
      calls++
      throw photoError('photo_damaged', 'damaged')
    }, 1000)).rejects.toMatchObject({ code: 'photo_damaged' })
    expect(calls).toBe(2)
    calls = 0
    await expect(runWithOwnError(budget, async () => {
      calls++
      throw photoError('photo_empty', 'empty')
    }, 1000)).rejects.toMatchObject({ code: 'photo_empty' })
    expect(calls).toBe(1)
  })
})

describe('perceptual hash', () => {
  const lumaOf = async (input: string | Buffer) => {
    const { data, info } = await sharp(input).greyscale().resize(512, 512, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true })
    return perceptualHash(new Uint8Array(data), info.width, info.height)
  }

  it('barely changes when a photo is resized and re-encoded, and differs for another photo', async () => {
    const a = await lumaOf(fixture('orientation/Landscape_1.jpg'))
    const b = await lumaOf(await sharp(fixture('orientation/Landscape_1.jpg')).resize(600).jpeg({ quality: 60 }).toBuffer())
    const c = await lumaOf(fixture('formats/alpha-layer-1-fill.png'))
    expect(a).toMatch(/^[0-9a-f]{16}$/)
    expect(hashDistance(a, b)).toBeLessThanOrEqual(4)
    expect(hashDistance(a, c)).toBeGreaterThan(16)
  })
})

describe('renditionSize', () => {
  it('never enlarges and reports when a preset would need to', () => {
    expect(renditionSize(DEFAULT_PRESETS.main, 4000, 3000)).toEqual({ width: 1000, height: 1000, wouldUpscale: false })
    expect(renditionSize(DEFAULT_PRESETS.main, 900, 600)).toEqual({ width: 900, height: 900, wouldUpscale: true })
    expect(renditionSize(DEFAULT_PRESETS.detail, 1200, 1800)).toEqual({ width: 1200, height: 1800, wouldUpscale: false })
    expect(renditionSize(DEFAULT_PRESETS.detail, 3000, 2000)).toEqual({ width: 1200, height: 800, wouldUpscale: false })
    expect(renditionSize(DEFAULT_PRESETS.thumb, 1800, 1200)).toEqual({ width: 320, height: 213, wouldUpscale: false })
  })
})
