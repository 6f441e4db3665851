// Helpers for the backup, restore and health tests: real cores on temporary folders, real photos
// through the photo pipeline, waiting for jobs and reloads, and archives crafted the way an
// attacker would (a real backup unpacked, changed, its manifest recomputed, packed again).
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import i18next from 'i18next'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import * as tar from 'tar'
import { expect } from 'vitest'
import type { Job } from '../../shared/contract/jobs.ts'
import type { Core } from '../../electron/core/core.ts'
import type { TestCore } from '../helpers/core.ts'
import { tempDir } from '../helpers/core.ts'

// The UI's own strings and the sentences it shares with the core, merged by namespace as the app does.
export const LOCALE_DIRS = [join(import.meta.dirname, '../../renderer/src/i18n/locales'), join(import.meta.dirname, '../../shared/messages/locales')]

export function localeFile(dir: string, lng: string, ns: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(join(dir, lng, `${ns}.json`), 'utf8'))
  } catch {
    return {}
  }
}

/** The app's translate function for `lng` (both catalogues, as renderer/src/i18n merges them). */
export async function uiTranslator(lng: string) {
  const resources: Record<string, Record<string, unknown>> = {}
  for (const dir of LOCALE_DIRS) {
    for (const f of readdirSync(join(dir, lng))) {
      const ns = f.replace(/\.json$/, '')
      resources[ns] = { ...(resources[ns] ?? {}), ...localeFile(dir, lng, ns) }
    }
  }
  const i = i18next.createInstance()
  await i.init({ lng, resources: { [lng]: resources } as never, interpolation: { escapeValue: false } })
  return i.t.bind(i)
}

export const PHOTO_FIXTURES = join(import.meta.dirname, '../fixtures/photos/formats')
export const SOME_PHOTOS = ['Flag_of_the_Netherlands.png', 'test.webp', 'flag-display-p3.jpg'].map((f) => join(PHOTO_FIXTURES, f))

export function finished(core: Core, jobId: string): Promise<Job> {
  return new Promise((res) => {
    const check = (job: Job) => {
      if (job.id === jobId && ['done', 'failed', 'cancelled', 'paused'].includes(job.state)) {
        off()
        res(job)
      }
    }
    const off = core.events.on('job.progress', check)
    check(core.s.jobs.get(jobId))
  })
}

export function reloaded(core: Core): Promise<void> {
  return new Promise<void>((res) => {
    const off = core.events.on('data.changed', (e) => {
      if (e.all && e.entity === '*') {
        off()
        res()
      }
    })
  })
}

export async function makeBackup(tc: TestCore, path?: string): Promise<string> {
  const { jobId } = await tc.api.system.backup({ path })
  const job = await finished(tc.core, jobId)
  expect(job.state, JSON.stringify(job.error)).toBe('done')
  return (job.result as { file: string }).file
}

/** Restores `file`; resolves with the job once the catalogue was swapped (or the job failed). */
export async function restore(tc: TestCore, file: string): Promise<Job> {
  const reload = reloaded(tc.core)
  const { jobId } = await tc.api.system.restore({ file: { kind: 'path', path: file } })
  const job = await finished(tc.core, jobId)
  if (job.state !== 'done') return job
  await reload
  return tc.core.s.jobs.get(jobId)
}

export async function addPhotos(tc: TestCore, files: string[], sku?: string): Promise<Job> {
  const { jobId } = await tc.api.photos.add({ sources: files.map((path) => ({ kind: 'path' as const, path })), sku })
  const job = await finished(tc.core, jobId)
  expect(job.state).toBe('done')
  return job
}

/** Every file under `dir`, as paths relative to it with `/`. */
export function filesUnder(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else out.push(relative(dir, p).split('\\').join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** Unpacks a backup into a new folder (with tar, as anyone could). */
export async function unpack(file: string): Promise<string> {
  const dir = tempDir('vetrina-unpacked-')
  await tar.x({ file, cwd: dir })
  return dir
}

/**
 * Packs `dir` (manifest.json, catalog.sqlite, media/…) in Vetrina's order, after recomputing the
 * manifest's database size and checksum and (unless told otherwise) the media totals, so the
 * archive passes every check a forger can satisfy. Packed with the tar package, as anyone could.
 */
export async function repack(dir: string, out: string, o: { keepMediaTotals?: boolean; media?: string[] } = {}): Promise<string> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))
  const db = readFileSync(join(dir, 'catalog.sqlite'))
  manifest.database.size = db.length
  manifest.database.sha256 = sha256(db)
  const media = o.media ?? (statSync(join(dir, 'media'), { throwIfNoEntry: false }) ? filesUnder(join(dir, 'media')) : [])
  if (!o.keepMediaTotals) {
    manifest.media.files = media.length
    manifest.media.bytes = media.reduce((n, f) => n + statSync(join(dir, 'media', f)).size, 0)
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest))
  await tar.c({ cwd: dir, file: out, gzip: true, portable: true }, ['manifest.json', 'catalog.sqlite', ...media.map((f) => `media/${f}`)])
  return out
}

/** A plain ustar header, encoded by hand (paths up to 100 bytes). */
export function ustarHeader(path: string, size: number, type = '0'): Buffer {
  const h = Buffer.alloc(512)
  h.write(path, 0, 100, 'utf8')
  h.write('0000644\0', 100, 'latin1')
  h.write('0000000\0', 108, 'latin1')
  h.write('0000000\0', 116, 'latin1')
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1')
  h.write(`${Math.floor(Date.now() / 1000).toString(8).padStart(11, '0')}\0`, 136, 'latin1')
  h.write('        ', 148, 'latin1')
  h.write(type, 156, 'latin1')
  h.write('ustar\0' + '00', 257, 'latin1')
  let sum = 0
  for (const b of h) sum += b
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
  return h
}

/**
 * Writes a .tar.gz by hand: each entry's header declares `size`, and its body is `body` or
 * `size` zero bytes streamed through gzip (a bomb: megabytes on disk, gigabytes unpacked).
 */
export async function writeRawArchive(out: string, entries: Iterable<{ path: string; size: number; body?: Buffer }>, level = 9): Promise<void> {
  const gzip = createGzip({ level })
  const done = pipeline(gzip, createWriteStream(out))
  // Small pieces are gathered into 1 MB writes.
  let pending: Buffer[] = []
  let pendingBytes = 0
  const flush = async () => {
    if (!pendingBytes) return
    const chunk = Buffer.concat(pending)
    pending = []
    pendingBytes = 0
    if (!gzip.write(chunk)) await new Promise((r) => gzip.once('drain', r))
  }
  const write = async (b: Buffer) => {
    if (!b.length) return
    pending.push(b)
    pendingBytes += b.length
    if (pendingBytes >= 1024 * 1024) await flush()
  }
  const zeros = Buffer.alloc(1024 * 1024)
  for (const e of entries) {
    await write(ustarHeader(e.path, e.size))
    if (e.body) await write(e.body)
    else for (let left = e.size; left > 0; left -= zeros.length) await write(left >= zeros.length ? zeros : zeros.subarray(0, left))
    const pad = e.size % 512 ? 512 - (e.size % 512) : 0
    if (pad) await write(Buffer.alloc(pad))
  }
  await write(Buffer.alloc(1024))
  await flush()
  gzip.end()
  await done
}

export function ensureDir(p: string): string {
  mkdirSync(p, { recursive: true })
  return p
}

/**
 * Puts `n` originals of `size` random bytes at their content address and records them as photos
 * (rows as the photo pipeline writes them; the pixels are not an image). For tests and benches
 * that need many media files quickly; real photos go through addPhotos.
 */
export function plantMedia(core: Core, n: number, size: number, seed = 'plant'): Array<{ id: string; relPath: string; sha256: string }> {
  const db = core.s.db
  const insert = db.prepare(`INSERT INTO photos (id, sha256, name, name_key, format, rel_path, bytes, width, height, source, analysis, phash, created_at)
    VALUES (?, ?, ?, ?, 'jpeg', ?, ?, 100, 100, '{}', '{}', ?, ?)`)
  const out: Array<{ id: string; relPath: string; sha256: string }> = []
  const now = new Date().toISOString()
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const bytes = randomBytes(size)
      const sha = sha256(bytes)
      const relPath = `originals/${sha.slice(0, 2)}/${sha}.jpg`
      const file = join(core.s.paths.media, relPath)
      mkdirSync(join(file, '..'), { recursive: true })
      writeFileSync(file, bytes)
      const id = `ph_${seed}${String(i).padStart(8, '0')}`
      // A perceptual hash of its own (from the random bytes), as distinct pictures have: no near-duplicates.
      insert.run(id, sha, `${seed}-${i}.jpg`, `${seed}-${i}.jpg`, relPath, size, sha.slice(0, 16), now)
      out.push({ id, relPath, sha256: sha })
    }
  })()
  return out
}
