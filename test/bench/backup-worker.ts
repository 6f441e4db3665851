// One measured step of bench:backup in its own process (so its peak memory is its own):
//   plant <dataDir> <photos>   — a catalogue with <photos> photos and two renditions each (3 files per photo)
//   backup <dataDir> <out>     — Vetrina's backup (snapshot, pack, read back and verify)
//   restore <dataDir> <file>   — Vetrina's restore into an empty folder (check, unpack, swap)
// Prints one JSON line: { ms, maxRssMb, ... }.
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Core } from '../../electron/core/core.ts'
import { MemorySecretStore } from '../../electron/core/platform/secrets.ts'

const [step, dataDir, arg] = process.argv.slice(2)
const open = () => Core.open({ dataDir, logFile: null, secrets: new MemorySecretStore(), autoBackupDelayMs: 3_600_000 })
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const started = Date.now()
let extra: Record<string, unknown> = {}

if (step === 'plant') {
  const core = open()
  const n = Number(arg)
  const db = core.s.db
  await core.api().catalog.createProduct({ sku: 'BENCH-1' })
  const photo = db.prepare(`INSERT INTO photos (id, sha256, name, name_key, format, rel_path, bytes, width, height, source, analysis, phash, created_at)
    VALUES (?, ?, ?, ?, 'jpeg', ?, ?, 100, 100, '{}', '{}', '0000000000000000', ?)`)
  const rendition = db.prepare(`INSERT INTO renditions (photo_id, preset, spec, rel_path, sha256, width, height, bytes, mime, created_at) VALUES (?, ?, ?, ?, ?, 64, 64, ?, ?, ?)`)
  const now = new Date().toISOString()
  const put = (rel: string, bytes: Buffer) => {
    const file = join(core.s.paths.media, rel)
    mkdirSync(join(file, '..'), { recursive: true })
    writeFileSync(file, bytes)
  }
  for (let start = 0; start < n; start += 2000) {
    db.transaction(() => {
      for (let i = start; i < Math.min(n, start + 2000); i++) {
        const id = `ph_BENCH${String(i).padStart(10, '0')}`
        const original = randomBytes(600)
        const s = sha(original)
        const rel = `originals/${s.slice(0, 2)}/${s}.jpg`
        put(rel, original)
        photo.run(id, s, `p${i}.jpg`, `p${i}.jpg`, rel, original.length, now)
        for (const [preset, ext, mime] of [['thumb', 'webp', 'image/webp'], ['preview', 'webp', 'image/webp']] as const) {
          const bytes = randomBytes(300)
          const r = `renditions/${preset}/${id.slice(-2).toLowerCase()}/${id}-0123456789ab.${ext}`
          put(r, bytes)
          rendition.run(id, preset, '0123456789ab', r, sha(bytes), bytes.length, mime, now)
        }
      }
    })()
  }
  extra = { files: n * 3 }
  await core.close()
} else if (step === 'backup') {
  const core = open()
  const { jobId } = await core.api().system.backup({ path: arg })
  await core.s.jobs.whenIdle()
  const job = await core.api().jobs.get({ id: jobId })
  if (job.state !== 'done') throw new Error(`backup ${job.state}: ${job.error?.message}`)
  extra = { mediaFiles: (job.result as { mediaFiles: number }).mediaFiles }
  await core.close()
} else if (step === 'restore') {
  const core = open()
  const reloaded = new Promise<void>((r) => core.events.on('data.changed', (e) => e.all && r()))
  const { jobId } = await core.api().system.restore({ file: { kind: 'path', path: arg } })
  await core.s.jobs.whenIdle()
  const job = await core.api().jobs.get({ id: jobId })
  if (job.state !== 'done') {
    extra = { refused: job.error?.code }
  } else {
    await reloaded
    extra = { photos: (core.s.db.prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n }
  }
  await core.close()
}
process.stdout.write(`${JSON.stringify({ ms: Date.now() - started, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), ...extra })}\n`)
