// bench:backup — backup and restore of a catalogue with 150,000 media files (50,000 photos, two
// renditions each; BENCH_PHOTOS to change), each step in its own process for its peak memory,
// against GNU tar packing and unpacking the same folder in the same rounds (BENCH_ROUNDS,
// interleaved; median and worst round). Then hostile archives: a gzip bomb and a 200,000-entry
// archive, with the time to refuse them and the disk space they leave behind.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { sha256, writeRawArchive } from '../system/helpers.ts'

const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 50_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const WORKER = resolve(import.meta.dirname, 'backup-worker.ts')
const root = mkdtempSync(join(tmpdir(), 'vetrina-bench-backup-'))
const source = join(root, 'source')

function step(name: string, dataDir: string, arg: string): { ms: number; maxRssMb: number; [k: string]: unknown } {
  const r = spawnSync(process.execPath, [WORKER, name, dataDir, arg], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr.slice(-2000)}`)
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!)
}

/** GNU tar, timed with /usr/bin/time (elapsed and peak memory). */
function gnuTar(args: string[]): { ms: number; maxRssMb: number } {
  const started = Date.now()
  const r = spawnSync('/usr/bin/time', ['-f', '%M', 'tar', ...args], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`tar failed: ${r.stderr}`)
  return { ms: Date.now() - started, maxRssMb: Math.round(Number(r.stderr.trim().split('\n').at(-1)) / 1024) }
}

const du = (dir: string) => Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0])
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const worst = (xs: number[]) => Math.max(...xs)
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`

console.log(`bench:backup — ${PHOTOS.toLocaleString('en')} photos × 3 files = ${(PHOTOS * 3).toLocaleString('en')} media files, ${ROUNDS} rounds`)
const plant = step('plant', source, String(PHOTOS))
console.log(`set-up: ${plant.files} files planted in ${s(plant.ms)} (catalogue ${(statSync(join(source, 'catalog.sqlite')).size / 1e6).toFixed(0)} MB, folder ${(du(source) / 1e6).toFixed(0)} MB)`)

const rows: Record<string, Array<{ ms: number; maxRssMb: number }>> = { backup: [], tarPack: [], restore: [], tarUnpack: [] }
for (let round = 0; round < ROUNDS; round++) {
  const archive = join(root, `round-${round}.vetrina-backup`)
  const b = step('backup', source, archive)
  if (b.mediaFiles !== PHOTOS * 3) throw new Error(`the backup holds ${b.mediaFiles} media files`)
  rows.backup.push(b)
  const tarball = join(root, `round-${round}.tar.gz`)
  rows.tarPack.push(gnuTar(['-czf', tarball, '-C', source, 'catalog.sqlite', 'media']))
  const target = mkdtempSync(join(root, 'restore-'))
  const r = step('restore', target, archive)
  if (r.photos !== PHOTOS) throw new Error(`the restore brought back ${r.photos} photos (${r.refused ?? ''})`)
  rows.restore.push(r)
  const plain = mkdtempSync(join(root, 'untar-'))
  rows.tarUnpack.push(gnuTar(['-xzf', tarball, '-C', plain]))
  console.log(`round ${round + 1}: backup ${s(b.ms)} (${b.maxRssMb} MB peak) vs tar ${s(rows.tarPack.at(-1)!.ms)}; restore ${s(r.ms)} (${r.maxRssMb} MB peak) vs untar ${s(rows.tarUnpack.at(-1)!.ms)}; archive ${(statSync(archive).size / 1e6).toFixed(0)} MB`)
  for (const p of [archive, tarball, target, plain]) rmSync(p, { recursive: true, force: true })
}
const line = (label: string, mine: Array<{ ms: number; maxRssMb: number }>, base: Array<{ ms: number; maxRssMb: number }>) => {
  const m = mine.map((x) => x.ms)
  const ratio = mine.map((x, i) => x.ms / base[i].ms)
  console.log(`${label}: median ${s(median(m))}, worst ${s(worst(m))}; peak memory median ${median(mine.map((x) => x.maxRssMb))} MB, worst ${worst(mine.map((x) => x.maxRssMb))} MB; ` +
    `vs GNU tar ${s(median(base.map((x) => x.ms)))}: ×${median(ratio).toFixed(2)} (worst ×${worst(ratio).toFixed(2)})`)
}
line('backup (snapshot + pack + read back and verify every hash)', rows.backup, rows.tarPack)
line('restore (check every path and hash + unpack + swap)', rows.restore, rows.tarUnpack)

// Hostile archives, restored into a small catalogue: time to refuse, disk left behind.
const victim = join(root, 'victim')
step('plant', victim, '100')
const small = join(root, 'small.vetrina-backup')
step('backup', victim, small)
const manifest = JSON.parse(execFileSync('tar', ['-xzOf', small, 'manifest.json'], { encoding: 'utf8' }))
const db = execFileSync('tar', ['-xzOf', small, 'catalog.sqlite'], { maxBuffer: 1 << 30 })
const head = (m: unknown) => ({ path: 'manifest.json', size: Buffer.byteLength(JSON.stringify(m)), body: Buffer.from(JSON.stringify(m)) })

const BOMB = 5 * 1024 ** 3
const bomb = join(root, 'bomb.vetrina-backup')
let t0 = Date.now()
await writeRawArchive(bomb, [head({ ...manifest, database: { ...manifest.database, size: BOMB } }), { path: 'catalog.sqlite', size: BOMB }], 1)
console.log(`gzip bomb: ${(statSync(bomb).size / 1e6).toFixed(1)} MB on disk, ${(BOMB / 1e9).toFixed(1)} GB unpacked (made in ${s(Date.now() - t0)})`)
const many = join(root, 'many.vetrina-backup')
t0 = Date.now()
await writeRawArchive(many, (function* () {
  yield head({ ...manifest, media: { files: 200_000, bytes: 0, missing: [] } })
  yield { path: 'catalog.sqlite', size: db.length, body: db }
  for (let i = 0; i < 200_000; i++) {
    const h = sha256(Buffer.from(String(i)))
    yield { path: `media/originals/${h.slice(0, 2)}/${h}.jpg`, size: 0, body: Buffer.alloc(0) }
  }
})(), 1)
console.log(`200,000 entries: ${(statSync(many).size / 1e6).toFixed(1)} MB (made in ${s(Date.now() - t0)})`)
for (const [label, file] of [['gzip bomb', bomb], ['200,000 entries', many]] as const) {
  const before = du(victim)
  const r = step('restore', victim, file)
  const left = du(victim) - before
  console.log(`${label}: refused (${r.refused}) in ${s(r.ms)}, peak memory ${r.maxRssMb} MB, disk left behind ${left} bytes`)
  if (!r.refused || left > 64 * 1024) process.exitCode = 1
}
rmSync(root, { recursive: true, force: true })
