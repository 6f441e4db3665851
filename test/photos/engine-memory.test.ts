// The photo engine frees its pixel buffers itself (engine/release.ts) instead of leaving them to
// V8, which in a process making little JavaScript garbage would hold them for many photos.
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { getHeapStatistics } from 'node:v8'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { PhotoEngine } from '../../electron/core/photos/engine/engine.ts'
import { release } from '../../electron/core/photos/engine/release.ts'
import { DEFAULT_LIMITS } from '../../electron/core/photos/types.ts'
import { DEFAULT_PRESETS, PRESET_IDS } from '../../shared/domain/photo-presets.ts'
import { fixture, tempDir } from './helpers.ts'

const external = () => getHeapStatistics().external_memory

describe('release', () => {
  it('frees a buffer sharp made at once, without a garbage collection', async () => {
    const before = external()
    const pixels = await sharp(fixture('orientation/Landscape_1.jpg')).resize(1000).raw().toBuffer()
    expect(external() - before).toBeGreaterThan(pixels.length * 0.9)
    release(pixels)
    expect(pixels.length).toBe(0)
    expect(external() - before).toBeLessThan(pixels.buffer.byteLength + 64 * 1024)
  })

  it('leaves buffers that share their memory alone (slices, small buffers from the pool)', () => {
    const small = Buffer.from('Olio extravergine di oliva')
    const neighbour = Buffer.from('Pecorino')
    const whole = Buffer.alloc(4096, 7)
    const slice = whole.subarray(10, 20)
    release(small, slice, null, undefined)
    expect(small.toString()).toBe('Olio extravergine di oliva')
    expect(neighbour.toString()).toBe('Pecorino')
    expect(slice.length).toBe(10)
    expect(whole[0]).toBe(7)
  })
})

describe('the engine', () => {
  const dir = tempDir('vetrina-engine-memory-')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('holds no pixel buffers after a run of photos, with no garbage collection forced', async () => {
    const folder = fixture('product-photos/photos')
    const photos = (readdirSync(folder, { recursive: true }) as string[]).filter((f) => f.endsWith('.jpg')).sort().slice(0, 12).map((f) => join(folder, f))
    expect(photos.length).toBe(12)
    const engine = new PhotoEngine({ slots: 2, tmpDir: dir })
    const eager = PRESET_IDS.filter((id) => DEFAULT_PRESETS[id].eager)
    const before = external()
    let made = 0
    try {
      // About 4 MB of pixels a photo (a 1000 px working image, the analysis picture, the encoded
      // renditions): 12 photos would leave ~50 MB for V8 to collect some time later.
      await Promise.all(photos.map(async (input, i) => {
        const outputs = Object.fromEntries(eager.map((id) => [id, join(dir, `${i}-${id}`)]))
        const r = await engine.prepare({ op: 'prepare', input, format: 'jpeg', presets: DEFAULT_PRESETS, outputs, limits: DEFAULT_LIMITS })
        made += r.renditions.length
      }))
    } finally {
      await engine.close()
    }
    expect(made).toBe(12 * eager.length)
    expect((external() - before) / 1e6).toBeLessThan(8)
  })
})
