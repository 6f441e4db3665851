// The baseline, in a process of its own: bare sharp doing the same work as Vetrina for each
// photo (decode once into a working image as large as the main image, then the main image, the
// thumbnail and the small picture the quality checks measure, files written), with the same
// number of photos in flight. With --store, each original is also copied and hashed (SHA-256)
// as Vetrina stores it. With --measure, it also produces what Vetrina records about each photo:
// the header's facts (size, orientation, colour space), the quality measurements (the same
// function Vetrina's engine runs on the same small picture) and each rendition's SHA-256.
// What it never does is Vetrina's own: a separate engine process, messages, the catalogue's
// database, the file journal, atomic writes, the job. Prints one JSON line with the time and CPU time.
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { copyFile, mkdir, open, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import sharp from 'sharp'
import { analysePhoto } from '../../../electron/core/photos/engine/quality.ts'
import { cpuByKind, ownCpuMs, peakRss, threadTimes } from './proc.ts'

const { values } = parseArgs({ options: { folder: { type: 'string' }, slots: { type: 'string' }, store: { type: 'boolean', default: false }, measure: { type: 'boolean', default: false } } })
const files = (await readdir(values.folder!)).sort().map((f) => join(values.folder!, f))
sharp.cache(false)
const out = mkdtempSync(join(tmpdir(), 'vetrina-bench-sharp-'))

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256')
  const buf = Buffer.allocUnsafe(1024 * 1024)
  const fh = await open(path, 'r')
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null)
      if (bytesRead === 0) return hash.digest('hex')
      hash.update(buf.subarray(0, bytesRead))
    }
  } finally {
    await fh.close()
  }
}

async function one(file: string, i: number): Promise<void> {
  if (values.store) {
    const copy = join(out, `${i}-original.jpg`)
    await copyFile(file, copy)
    await sha256(copy)
  }
  if (values.measure) await sharp(file).metadata()
  const { data, info } = await sharp(file, { failOn: 'error', autoOrient: true })
    .resize(1000, 1000, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } }
  const side = Math.max(info.width, info.height)
  // As Vetrina's engine does: one output after the other (fewer pipelines, less memory).
  const main = await sharp(data, raw).resize(side, side, { fit: 'contain', background: '#ffffff' }).jpeg({ quality: 85, mozjpeg: false }).toBuffer()
  const thumb = await sharp(data, raw).resize(320, 320, { fit: 'inside' }).webp({ quality: 75, effort: 2 }).toBuffer()
  const small = await sharp(data, raw).resize(512, 512, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true })
  if (values.measure) {
    analysePhoto({ data: small.data, width: small.info.width, height: small.info.height, channels: small.info.channels })
    for (const rendition of [main, thumb]) createHash('sha256').update(rendition).digest('hex')
  }
  const dir = join(out, String(i % 100))
  await mkdir(dir, { recursive: true })
  await Promise.all([writeFile(join(dir, `${i}-main.jpg`), main), writeFile(join(dir, `${i}-thumb.webp`), thumb)])
}

try {
  const cpu0 = ownCpuMs()
  const threads0 = threadTimes(process.pid)
  const t0 = performance.now()
  let next = 0
  await Promise.all(Array.from({ length: Number(values.slots) }, async () => {
    while (next < files.length) {
      const i = next++
      await one(files[i], i)
    }
  }))
  const seconds = (performance.now() - t0) / 1000
  const threads = cpuByKind(threads0, threadTimes(process.pid))
  console.log(JSON.stringify({ seconds, cpuMs: ownCpuMs() - cpu0, threads, corePeak: peakRss('self'), enginePeak: 0, lagP99Ms: 0, lagMaxMs: 0 }))
} finally {
  rmSync(out, { recursive: true, force: true })
}
