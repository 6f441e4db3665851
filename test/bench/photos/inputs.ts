// The photos bench:photos feeds, made once and cached in test/.tmp/bench-photos:
//  - jpeg:  12 MP phone-style JPEGs (4000×3000 or 3000×4000), a quarter stored sideways with EXIF
//           orientation 6 as phones do;
//  - large: 45 MP camera JPEGs (8256×5504, a high-resolution mirrorless camera's size);
//  - heic:  12 MP iPhone-style HEIC (the committed fixture phone/iphone-12mp.heic, made with
//           libheif's encoder: 3024×4032 upright, stored sideways with an irot rotation, Display
//           P3 profile), copied with a distinct trailing `free` box each, so every file has its
//           own bytes (Vetrina recognises a file it already has) and decodes to the same picture.
// No large photos with a clear licence are available offline, so the JPEGs are made from the
// real (MIT) photos of test/fixtures/photos/orientation, upscaled, each with its own gaussian
// noise (every file distinct, as in a real batch, and no flat areas for the encoder to exploit).
// Run as a script (node inputs.ts KIND COUNT) it makes the files; the bench runs it in a child
// process so its own memory is not part of any measurement.
import { appendFileSync, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'

export type InputKind = 'jpeg' | 'large' | 'heic'
export const ROOT = join(import.meta.dirname, '../../.tmp/bench-photos')
const FIXTURES = join(import.meta.dirname, '../../fixtures/photos')

export const KINDS: Record<InputKind, { dir: string; ext: string; label: string }> = {
  jpeg: { dir: join(ROOT, 'inputs-12mp-v1'), ext: '.jpg', label: '12 MP JPEG (4000×3000, a quarter stored sideways with EXIF orientation 6)' },
  large: { dir: join(ROOT, 'inputs-45mp-v1'), ext: '.jpg', label: '45 MP camera JPEG (8256×5504)' },
  heic: { dir: join(ROOT, 'inputs-heic-12mp-v1'), ext: '.heic', label: '12 MP iPhone-style HEIC (3024×4032, irot, Display P3)' }
}

/** The first `count` input files of a kind (fewer if not made yet). */
export function inputFiles(kind: InputKind, count: number): string[] {
  const { dir, ext } = KINDS[kind]
  if (!existsSync(dir)) return []
  return readdirSync(dir).filter((f) => f.endsWith(ext)).sort().slice(0, count).map((f) => join(dir, f))
}

/** A folder holding exactly the first `count` inputs of a kind (what Vetrina is given). */
export function inputFolder(kind: InputKind, count: number): string {
  const dir = join(ROOT, `batch-${kind}-${count}`)
  const want = inputFiles(kind, count)
  const have = existsSync(dir) ? readdirSync(dir).sort() : []
  if (have.length !== want.length || have.some((f, i) => f !== want[i].split('/').pop())) {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    for (const f of want) linkSync(f, join(dir, f.split('/').pop()!))
  }
  return dir
}

async function makeJpegs(kind: 'jpeg' | 'large', count: number): Promise<void> {
  const sharp = (await import('sharp')).default
  const { dir } = KINDS[kind]
  mkdirSync(dir, { recursive: true })
  const sources = readdirSync(join(FIXTURES, 'orientation')).filter((f) => /_[0-8]\.jpg$/.test(f)).sort()
  const have = new Set(readdirSync(dir))
  const [long, short] = kind === 'jpeg' ? [4000, 3000] : [8256, 5504]
  let next = 0
  const one = async (i: number) => {
    const name = `photo-${String(i).padStart(4, '0')}.jpg`
    if (have.has(name)) return
    const src = join(FIXTURES, 'orientation', sources[i % sources.length])
    const [w, h] = src.includes('Landscape') ? [long, short] : [short, long]
    // Upright pixels first (the fixtures are stored turned), upscaled.
    const base = await sharp(src).autoOrient().resize(w, h, { fit: 'cover' }).raw().toBuffer()
    const noise = await sharp({ create: { width: w, height: h, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 10 } } }).raw().toBuffer()
    for (let k = 0; k < base.length; k++) {
      const v = base[k] + noise[k] - 128
      base[k] = v < 0 ? 0 : v > 255 ? 255 : v
    }
    let img = sharp(base, { raw: { width: w, height: h, channels: 3 } })
    // Every fourth photo is stored sideways with EXIF orientation 6, as phones and cameras do.
    if (i % 4 === 3) img = img.rotate(270).withMetadata({ orientation: 6 })
    await img.jpeg({ quality: 88 }).toFile(join(dir, name))
  }
  // Large ones one at a time (each needs a few hundred MB while it is made).
  const workers = Array.from({ length: kind === 'large' ? 1 : availableParallelism() }, async () => {
    while (next < count) await one(next++)
  })
  await Promise.all(workers)
}

function makeHeics(count: number): void {
  const { dir } = KINDS.heic
  mkdirSync(dir, { recursive: true })
  const source = join(FIXTURES, 'phone/iphone-12mp.heic')
  for (let i = 0; i < count; i++) {
    const path = join(dir, `IMG_${String(i).padStart(4, '0')}.heic`)
    if (existsSync(path)) continue
    copyFileSync(source, path)
    // A top-level `free` box (ISO/IEC 14496-12 §8.1.2): ignored by readers, unique per file.
    const box = Buffer.alloc(16)
    box.writeUInt32BE(16, 0)
    box.write('free', 4, 'latin1')
    box.writeUInt32BE(i, 12)
    appendFileSync(path, box)
  }
}

export async function makeInputs(kind: InputKind, count: number): Promise<void> {
  if (kind === 'heic') makeHeics(count)
  else await makeJpegs(kind, count)
}

if (process.argv[1] === import.meta.filename) {
  await makeInputs(process.argv[2] as InputKind, Number(process.argv[3]))
}
