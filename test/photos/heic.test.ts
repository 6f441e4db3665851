// HEIC, which sharp's prebuilt libvips cannot decode: decoded by libheif in a worker thread,
// then through the same sharp pipeline. Rotation stored in the file is applied once, the
// colour profile is honoured, and a damaged file is a per-file error.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PhotoSummary } from '../../shared/contract/photos.ts'
import { HeicDecoder } from '../../electron/core/photos/engine/heic/heic-decoder.ts'
import { decodeHeic, type DecodedHeic } from '../../electron/core/photos/engine/heic/decode-heic.ts'
import { turn, type Turn } from '../../electron/core/photos/engine/heic/decode-hevc.ts'
import { codedSizeMismatch, hevcConfig, spsPictureSize } from '../../electron/core/photos/engine/heic/hevc-config.ts'
import { addAndWait, fixture, meanColour, meanDiff, openCore, pixels, tempDir } from './helpers.ts'

let env: ReturnType<typeof openCore>
let byName: Map<string, PhotoSummary>
let jobId: string
const media = (rel: string) => join(env.dataDir, 'media', rel)

beforeAll(async () => {
  env = openCore()
  const job = await addAndWait(env.core, [fixture('heic'), fixture('phone/iphone-12mp.heic'), fixture('orientation/Landscape_1.jpg')])
  jobId = job.id
  expect(job.state).toBe('done')
  const { items } = await env.core.api().photos.list({ limit: 100 })
  byName = new Map(items.map((p) => [p.name.split('/').pop()!, p]))
})
afterAll(() => env.close())

async function preview(name: string) {
  const r = await env.core.api().photos.rendition({ id: byName.get(name)!.id, preset: 'preview' })
  return { ...r, path: media(r.relPath) }
}

describe('HEIC', () => {
  it('sharp alone cannot read these files (the reason for the separate decoder)', async () => {
    await expect(sharp(fixture('heic/landscape.heic')).raw().toBuffer()).rejects.toThrow()
  })

  it('a HEIC photo is added as HEIC, with its original kept byte for byte', async () => {
    const photo = byName.get('landscape.heic')!
    expect(photo).toMatchObject({ format: 'heic', width: 1800, height: 1200 })
    const detail = await env.core.api().photos.get({ id: photo.id })
    expect(detail.source.mime).toBe('image/heic')
    const { createHash } = await import('node:crypto')
    const { readFileSync } = await import('node:fs')
    const stored = readFileSync(media(detail.source.relPath))
    expect(stored.equals(readFileSync(fixture('heic/landscape.heic')))).toBe(true)
    expect(createHash('sha256').update(stored).digest('hex')).toBe(photo.sha256)
  })

  it('decodes to the same picture as the JPEG it was encoded from', async () => {
    const heic = await preview('landscape.heic')
    const jpeg = await preview('Landscape_1.jpg')
    expect([heic.width, heic.height]).toEqual([jpeg.width, jpeg.height])
    const size = { width: heic.width, height: heic.height }
    expect(meanDiff(await pixels(heic.path, size), await pixels(jpeg.path, size))).toBeLessThan(6)
  })

  it('applies the rotation stored in the file once (not again from its EXIF orientation)', async () => {
    const photo = byName.get('rotated.heic')!
    expect([photo.width, photo.height]).toEqual([1800, 1200])
    const rotated = await preview('rotated.heic')
    const upright = await preview('Landscape_1.jpg')
    const size = { width: upright.width, height: upright.height }
    expect([rotated.width, rotated.height]).toEqual([size.width, size.height])
    expect(meanDiff(await pixels(rotated.path, size), await pixels(upright.path, size))).toBeLessThan(6)
    // A second rotation would give a portrait picture, or this one upside down.
    const upsideDown = await pixels(await sharp(upright.path).rotate(180).toBuffer(), size)
    expect(meanDiff(upsideDown, await pixels(upright.path, size))).toBeGreaterThan(15)
  })

  it('converts a Display P3 HEIC to sRGB with its profile', async () => {
    const out = await preview('flag-display-p3.heic')
    const meta = await sharp(out.path).metadata()
    expect(meta.space).toBe('srgb')
    expect(meta.icc).toBeUndefined()
    const size = { width: out.width, height: out.height }
    const top = { x0: 0.2, y0: 0.05, x1: 0.8, y1: 0.28 }
    const want = meanColour(await pixels(fixture('formats/Flag_of_the_Netherlands.png'), size), top)
    const got = meanColour(await pixels(out.path), top)
    for (let k = 0; k < 3; k++) expect(Math.abs(got[k] - want[k])).toBeLessThan(8)
  })

  it('a 12 MP iPhone-style HEIC (stored sideways with an irot rotation, Display P3) is added upright', async () => {
    const photo = byName.get('iphone-12mp.heic')!
    expect(photo).toMatchObject({ format: 'heic', width: 3024, height: 4032 })
    const main = await env.core.api().photos.rendition({ id: photo.id, preset: 'main' })
    expect([main.width, main.height]).toEqual([1000, 1000])
    // Made from Portrait_1.jpg (cropped to 3:4): the same picture, upright, padded to a square.
    const crop = await pixels(await sharp(media(main.relPath)).extract({ left: 125, top: 0, width: 750, height: 1000 }).toBuffer())
    const want = await pixels(await sharp(fixture('orientation/Portrait_1.jpg')).autoOrient().resize(750, 1000, { fit: 'cover' }).toBuffer())
    expect(meanDiff(crop, want)).toBeLessThan(8)
    const upsideDown = await pixels(await sharp(fixture('orientation/Portrait_1.jpg')).autoOrient().rotate(180).resize(750, 1000, { fit: 'cover' }).toBuffer())
    expect(meanDiff(crop, upsideDown)).toBeGreaterThan(20)
  })

  it('leaves no decoded pixels behind in the temporary folder', () => {
    expect(readdirSync(join(env.dataDir, 'media', '.incoming'))).toEqual([])
  })

  it('a truncated HEIC is a per-file error and the rest of the batch is added', async () => {
    const { items, counts } = await env.core.api().photos.batch({ jobId })
    expect(counts).toMatchObject({ added: 5, failed: 1, pending: 0 })
    const bad = items.find((i) => i.name.endsWith('truncated.heic'))!
    expect(bad.state).toBe('failed')
    expect(bad.error?.code).toBe('photo_damaged')
    expect(bad.error?.message).toMatch(/HEIC file is damaged/)
  })
})

describe('HEIC decoder worker', () => {
  let n = 0
  const dir = tempDir()
  const out = () => join(dir, `${n++}.tif`)

  it('refuses a picture above the pixel limit before decoding it', async () => {
    const decoder = new HeicDecoder(Promise.resolve(null))
    const r = await decoder.decode(fixture('heic/landscape.heic'), { maxPixels: 1000, timeoutMs: 10_000, out: out() })
    expect(r).toMatchObject({ ok: false, kind: 'too_many_pixels' })
    const ok = await decoder.decode(fixture('heic/landscape.heic'), { maxPixels: 10e6, timeoutMs: 10_000, out: out() })
    expect(ok).toMatchObject({ ok: true, width: 1800, height: 1200, hasAlpha: false })
    await decoder.close()
  })

  it('stops a decode that takes too long and keeps working afterwards', async () => {
    const decoder = new HeicDecoder(Promise.resolve(null))
    const slow = await decoder.decode(fixture('heic/landscape.heic'), { maxPixels: 10e6, timeoutMs: 1, out: out() })
    expect(slow).toMatchObject({ ok: false, kind: 'timeout' })
    const next = await decoder.decode(fixture('heic/rotated.heic'), { maxPixels: 10e6, timeoutMs: 10_000, out: out() })
    expect(next).toMatchObject({ ok: true, width: 1800, height: 1200 })
    await decoder.close()
  })

  it('shrinks as YCbCr (no full-size RGB picture) to the same colours as libheif converting to RGB', async () => {
    for (const file of ['heic/rotated.heic', 'heic/flag-display-p3.heic']) {
      const bytes = readFileSync(fixture(file))
      // Rows packed (libheif's may be padded), copied out of the decoder's memory.
      const copy = (d: DecodedHeic) => {
        const { width, height, stride, data } = d.pixels
        const rows = Buffer.alloc(width * height * 3)
        for (let y = 0; y < height; y++) rows.set(data.subarray(y * stride, y * stride + width * 3), y * width * 3)
        return { width, height, data: rows, shrink: d.shrink }
      }
      const full = await decodeHeic(bytes, 20e6, () => 3, copy, { viaRgb: true })
      // Straight from libde265's planes (the default), and through libheif's YCbCr image.
      for (const small of [await decodeHeic(bytes, 20e6, () => 3, copy), await decodeHeic(bytes, 20e6, () => 3, copy, { viaLibheif: true })]) {
        // The YCbCr paths shrank while converting; libheif's RGB comes at full size.
        expect([small.shrink, full.shrink]).toEqual([1, 3])
        expect([small.width, small.height]).toEqual([Math.floor(full.width / 3), Math.floor(full.height / 3)])
        const want = await sharp(full.data, { raw: { width: full.width, height: full.height, channels: 3 } }).resize(small.width, small.height, { kernel: 'cubic' }).raw().toBuffer()
        let diff = 0
        for (let i = 0; i < want.length; i++) diff += Math.abs(want[i] - small.data[i])
        // Same matrix, range and rotation: well under one level on average (a wrong matrix or a
        // turned picture differs by tens).
        expect(diff / want.length).toBeLessThan(1.5)
      }
    }
  })

  it('reads the HEVC parameter sets of the primary picture from the file, and nothing from a damaged one', () => {
    const file = readFileSync(fixture('phone/iphone-12mp.heic'))
    const config = hevcConfig(file, 1)
    // VPS, SPS and PPS (NAL types 32, 33, 34), with 4-byte lengths before each NAL in the data.
    expect(config && { types: config.nals.map((n) => (n[0] >> 1) & 63), lengthSize: config.lengthSize }).toEqual({ types: [32, 33, 34], lengthSize: 4 })
    expect(hevcConfig(file, 2)).toBeNull() // no such item
    expect(hevcConfig(file.subarray(0, 200), 1)).toBeNull() // cut inside the meta box
    expect(hevcConfig(Buffer.from('not a HEIF file at all'), 1)).toBeNull()
  })

  it('reads the picture size the HEVC stream declares, and refuses a stream larger than the file states before decoding', async () => {
    const file = readFileSync(fixture('phone/iphone-12mp.heic'))
    const sps = hevcConfig(file, 1)!.nals.find((n) => ((n[0] >> 1) & 63) === 33)!
    // Coded sideways (the file's irot turns it upright to 3024×4032).
    expect(spsPictureSize(sps)).toEqual({ width: 4032, height: 3024 })
    expect(spsPictureSize(sps.subarray(0, 6))).toBeNull()
    for (const f of ['heic/landscape.heic', 'heic/rotated.heic', 'heic/flag-display-p3.heic', 'phone/iphone-12mp.heic']) expect(codedSizeMismatch(readFileSync(fixture(f))), f).toBeNull()
    // A forged file: every ispe box states 64×64 while the stream still codes 4032×3024 (an
    // attacker would code far more): refused as damaged, nothing decoded.
    const forged = Buffer.from(file)
    let boxes = 0
    for (let at = forged.indexOf('ispe'); at >= 0; at = forged.indexOf('ispe', at + 4)) {
      forged.writeUInt32BE(64, at + 8)
      forged.writeUInt32BE(64, at + 12)
      boxes++
    }
    expect(boxes).toBeGreaterThan(0)
    expect(codedSizeMismatch(forged)).toMatchObject({ coded: { width: 4032, height: 3024 }, stated: { width: 64, height: 64 } })
    const path = join(dir, 'forged-size.heic')
    writeFileSync(path, forged)
    const decoder = new HeicDecoder(Promise.resolve(null))
    const r = await decoder.decode(path, { maxPixels: 20e6, timeoutMs: 10_000, out: out() })
    await decoder.close()
    expect(r).toMatchObject({ ok: false, kind: 'damaged' })
    expect(r.ok ? '' : r.message).toMatch(/dimensions \(4032×3024\) exceed those the file states \(64×64\)/)
  })

  it('turns a picture as irot and imir say, as sharp turns it', async () => {
    // 3×2 pixels, each with its own colour.
    const src = Uint8Array.from({ length: 18 }, (_, i) => i * 13)
    const sharpOf = (s: ReturnType<typeof sharp>) => s.raw().toBuffer({ resolveWithObject: true })
    const raw = () => sharp(Buffer.from(src), { raw: { width: 3, height: 2, channels: 3 } })
    const cases: Array<[Turn, ReturnType<typeof sharp>]> = [
      [{ rotateCcw: 90 }, raw().rotate(270)],
      [{ rotateCcw: 180 }, raw().rotate(180)],
      [{ rotateCcw: 270 }, raw().rotate(90)],
      // heif_transform_mirror_direction_vertical: top and bottom swap (sharp's flip).
      [{ mirror: 'vertical' }, raw().flip()],
      [{ mirror: 'horizontal' }, raw().flop()]
    ]
    for (const [t, expected] of cases) {
      const dst = new Uint8Array(18)
      const size = turn(src, 3, 2, t, dst)
      const { data, info } = await sharpOf(expected)
      expect({ ...size, data: [...dst] }, JSON.stringify(t)).toEqual({ w: info.width, h: info.height, data: [...data] })
    }
  })

  it('writes the picture only as large as the renditions need (shrunk while written)', async () => {
    const decoder = new HeicDecoder(Promise.resolve(null))
    const file = out()
    const r = await decoder.decode(fixture('phone/iphone-12mp.heic'), { maxPixels: 20e6, timeoutMs: 60_000, out: file, need: { width: 0, long: 1000 } })
    // The photo's own size is reported; the pixels written are a quarter on each side.
    expect(r).toMatchObject({ ok: true, width: 3024, height: 4032, tiffWidth: 756, tiffHeight: 1008 })
    expect(await sharp(file).metadata()).toMatchObject({ width: 756, height: 1008 })
    // The file is read straight into the decoder's memory, the picture decoded by libde265 without
    // libheif's copy of it, and shrunk into memory the HEVC decoder has freed: the decoder's memory
    // grew to 53.6 MB (64.8 MB through libheif's copy; 68.4 MB with the file copies it held before).
    expect((r as { decoderBytes: number }).decoderBytes).toBeLessThan(56e6)
    await decoder.close()
  }, 60_000)

  it('gives the decoder memory back: a worker that grew for a large picture is stopped, a small one kept', async () => {
    const decoder = new HeicDecoder(Promise.resolve(null))
    const decode = (file: string) => decoder.decode(fixture(file), { maxPixels: 20e6, timeoutMs: 60_000, out: out() })
    expect(await decode('heic/flag-display-p3.heic')).toMatchObject({ ok: true })
    expect(await decode('heic/flag-display-p3.heic')).toMatchObject({ ok: true })
    // A 900×600 picture fits in the decoder's start-up memory: the same worker decoded both.
    expect(decoder.started).toBe(1)
    const both = await Promise.all([decode('phone/iphone-12mp.heic'), decode('phone/iphone-12mp.heic')])
    expect(both).toMatchObject([{ ok: true, width: 3024, height: 4032 }, { ok: true }])
    // Each 12 MP decode grew its worker's memory to about 55 MB and the worker was stopped after
    // it: the second needed a new worker, and so does the next file.
    expect(decoder.started).toBe(2)
    expect(await decode('heic/flag-display-p3.heic')).toMatchObject({ ok: true })
    expect(decoder.started).toBe(3)
    await decoder.close()
  }, 60_000)

  it('reports a missing file as unreadable', async () => {
    const decoder = new HeicDecoder(Promise.resolve(null))
    const r = await decoder.decode(fixture('heic/does-not-exist.heic'), { maxPixels: 10e6, timeoutMs: 10_000, out: out() })
    expect(r).toMatchObject({ ok: false, kind: 'unreadable' })
    await decoder.close()
  })
})
