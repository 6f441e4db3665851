// Writes a backup: an online SQLite snapshot (integrity-checked: a damaged catalogue is never
// backed up over good backups), then the media files that snapshot references — not whatever
// else happens to be in the folder, so photos added meanwhile never make the archive
// inconsistent — streamed one file at a time (any number of files), to `<dest>.partial`.
// The archive is then read back and checked in full before it is renamed into place; a backup
// that fails anywhere leaves no file behind.
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { MediaFileSource } from '../core.ts'
import { openDatabase, schemaVersion, type Db } from '../store/db.ts'
import { SizeChanged, TarWriter } from './archive/tar-writer.ts'
import { BACKUP_FORMAT, DB_NAME, MANIFEST_NAME, MEDIA_PREFIX, type Manifest } from './backup-format.ts'
import { PARTIAL_SUFFIX, markVerified } from './backup-files.ts'
import { readBackup } from './backup-read.ts'
import { SPARE_BYTES } from './disk.ts'
import { SystemErrorCodes as E, mb, systemError } from './errors.ts'

export interface WriteOptions {
  db: Db
  mediaDir: string
  /** Where the snapshot is staged (deleted afterwards). */
  workDir: string
  dest: string
  appVersion: string
  now: Date
  mediaFiles(db: Db): MediaFileSource
  freeBytes(path: string): number | null
  /** Called with the snapshot's integrity problems (the live catalogue is damaged). */
  onDamaged(problems: string[]): void
  progress(done: number, total: number, message: string): void
  signal: AbortSignal
}

export interface WriteResult {
  file: string
  size: number
  manifest: Manifest
  products: number | null
  missing: string[]
}

const cancelled = () => new AppError(ErrorCodes.cancelled, 'Backup cancelled.')

function checkSpace(o: WriteOptions, needed: number): void {
  for (const dir of new Set([dirname(o.dest), o.workDir])) {
    const free = o.freeBytes(dir)
    if (free !== null && free - SPARE_BYTES < needed) {
      throw systemError(E.backupNoSpace, `The backup needs about ${needed} bytes of free disk space in ${dir}; ${free} are free.`, { neededMb: mb(needed), freeMb: mb(free), folder: dir })
    }
  }
}

export async function writeBackup(o: WriteOptions): Promise<WriteResult> {
  const stage = join(o.workDir, `backup-${process.pid}-${o.now.getTime()}`)
  const partial = o.dest + PARTIAL_SUFFIX
  const live = o.mediaFiles(o.db).totals()
  const dbBytes = statSize(o.db.name) + statSize(`${o.db.name}-wal`)
  // The snapshot, then an archive at most as large as the database plus the photos (stored, not compressed).
  checkSpace(o, dbBytes * 2 + live.bytes)
  rmSync(stage, { recursive: true, force: true })
  mkdirSync(stage, { recursive: true, mode: 0o700 })
  mkdirSync(dirname(o.dest), { recursive: true })
  let snapshot: Db | null = null
  try {
    const dbCopy = join(stage, DB_NAME)
    await o.db.backup(dbCopy, {
      progress: ({ totalPages, remainingPages }) => {
        o.progress(totalPages - remainingPages, totalPages, 'database')
        if (o.signal.aborted) throw cancelled()
        return 512
      }
    })
    snapshot = openDatabase(dbCopy, { readonly: true })
    o.progress(0, 1, 'integrity')
    const problems = (snapshot.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check).filter((r) => r !== 'ok')
    if (problems.length) {
      o.onDamaged(problems)
      throw systemError(E.backupSourceDamaged, `The catalogue is damaged (${problems[0]}); it was not backed up, so it cannot replace a good backup. Restore the newest good backup or recover what is readable.`, { problem: problems[0] })
    }
    const source = o.mediaFiles(snapshot)
    const totals = source.totals()
    const missing: string[] = []
    for (const f of source.each()) {
      if (statSize(join(o.mediaDir, ...f.relPath.split('/'))) !== f.bytes) missing.push(f.relPath)
    }
    const dbSize = statSync(dbCopy).size
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      appVersion: o.appVersion,
      schemaVersion: schemaVersion(snapshot),
      createdAt: o.now.toISOString(),
      database: { file: DB_NAME, size: dbSize, sha256: '' },
      media: { files: totals.files, bytes: totals.bytes, missing }
    }
    manifest.database.sha256 = await sha256Of(dbCopy, o.signal)
    await pack(o, partial, manifest, dbCopy, source, new Set(missing))
    // Read back: the archive restores, or it does not count.
    try {
      await readBackup(partial, {
        stageDir: null, snapshotDb: dbCopy, mediaFiles: o.mediaFiles, freeBytes: o.freeBytes, maxBytes: Number.MAX_SAFE_INTEGER,
        progress: (done, total) => o.progress(done, total, 'verifying'), signal: o.signal
      })
    } catch (err) {
      if (o.signal.aborted) throw cancelled()
      throw systemError(E.backupVerifyFailed, `The backup was written but reading it back failed (${(err as Error).message}); it was discarded.`, { reason: (err as AppError).code ?? 'internal' })
    }
    const products = (snapshot.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n
    renameSync(partial, o.dest)
    markVerified(o.dest, { products, mediaFiles: totals.files - missing.length, missingMedia: missing.length, now: o.now })
    return { file: o.dest, size: statSync(o.dest).size, manifest, products, missing }
  } catch (err) {
    rmSync(partial, { force: true })
    if (o.signal.aborted && !(err instanceof AppError && err.code === ErrorCodes.cancelled)) throw cancelled()
    throw err
  } finally {
    snapshot?.close()
    rmSync(stage, { recursive: true, force: true })
  }
}

function statSize(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return -1
  }
}

async function sha256Of(file: string, signal: AbortSignal): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file, { signal })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

async function pack(o: WriteOptions, partial: string, manifest: Manifest, dbCopy: string, source: MediaFileSource, missing: Set<string>): Promise<void> {
  const gzip = createGzip({ level: 6 })
  const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }), { signal: o.signal })
  // The write side may fail first (disk full): stop feeding it.
  written.catch(() => gzip.destroy())
  const tar = new TarWriter(gzip, o.now)
  const total = manifest.database.size + manifest.media.bytes
  let reported = 0
  const report = () => {
    if (tar.written - reported >= 4 * 1024 * 1024) {
      reported = tar.written
      o.progress(Math.min(tar.written, total), total, 'packing')
    }
  }
  try {
    await tar.addBuffer(MANIFEST_NAME, Buffer.from(JSON.stringify(manifest, null, 2)))
    await tar.addFile(DB_NAME, dbCopy, manifest.database.size, o.signal)
    for (const f of source.each()) {
      if (missing.has(f.relPath)) continue
      if (o.signal.aborted) throw cancelled()
      let sha: string
      try {
        sha = await tar.addFile(MEDIA_PREFIX + f.relPath, join(o.mediaDir, ...f.relPath.split('/')), f.bytes, o.signal)
      } catch (err) {
        if (err instanceof SizeChanged || (err as NodeJS.ErrnoException).code === 'ENOENT') {
          throw systemError(E.backupMediaChanged, `The photo file ${f.relPath} changed while it was being backed up; try again.`, { path: f.relPath })
        }
        throw err
      }
      if (sha !== f.sha256) {
        throw systemError(E.backupMediaDamaged, `The photo file ${f.relPath} no longer matches its checksum (damaged on disk); remove that photo or add it again, then back up.`, { path: f.relPath })
      }
      report()
    }
    await tar.finish()
    await written
  } catch (err) {
    gzip.destroy()
    await written.catch(() => undefined)
    if (o.signal.aborted) throw cancelled()
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOSPC') throw systemError(E.backupNoSpace, 'The disk filled up while writing the backup.', { neededMb: mb(total), freeMb: 0, folder: dirname(partial) })
    throw err
  }
}
