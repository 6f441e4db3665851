// Backups: one .tar.gz holding a consistent online SQLite backup, the media folder and a
// manifest with sizes and the database's SHA-256. Restores are checked in full (listing,
// sizes, checksums, SQLite integrity, schema version) before anything is replaced.
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import * as tar from 'tar'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import { assertNotNewer, integrityProblems, openDatabase, schemaVersion, type Db } from '../store/db.ts'
import { BACKUP_EXTENSION, isBackupFileName } from '../../../shared/domain/backup-name.ts'

export const BACKUP_FORMAT = 'vetrina-backup/1'
export const DB_NAME = 'catalog.sqlite'
export const MANIFEST_NAME = 'manifest.json'

export interface Manifest {
  format: typeof BACKUP_FORMAT
  appVersion: string
  schemaVersion: number
  createdAt: string
  database: { file: string; size: number; sha256: string }
  media: { files: number; bytes: number }
}

export interface BackupProgress {
  (done: number, total: number, message: string): void
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Dot folders hold work in progress (uploads being received), not the user's media.
    if (entry.name.startsWith('.')) continue
    const p = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...listFiles(p))
    else if (entry.isFile()) out.push(p)
  }
  return out
}

/** Writes a backup archive of `db` and `mediaDir` to `dest` (atomically: .partial then rename). */
export async function writeBackup(opts: {
  db: Db
  mediaDir: string
  workDir: string
  dest: string
  appVersion: string
  now: Date
  progress: BackupProgress
  signal: AbortSignal
}): Promise<{ file: string; size: number; manifest: Manifest }> {
  const stage = join(opts.workDir, `backup-${process.pid}-${opts.now.getTime()}`)
  rmSync(stage, { recursive: true, force: true })
  mkdirSync(stage, { recursive: true })
  const partial = `${opts.dest}.partial`
  try {
    const dbCopy = join(stage, DB_NAME)
    await opts.db.backup(dbCopy, {
      progress: ({ totalPages, remainingPages }) => {
        opts.progress(totalPages - remainingPages, totalPages, 'database')
        if (opts.signal.aborted) throw new AppError(ErrorCodes.cancelled, 'Backup cancelled.')
        return 512
      }
    })
    const media = listFiles(opts.mediaDir)
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      appVersion: opts.appVersion,
      schemaVersion: schemaVersion(opts.db),
      createdAt: opts.now.toISOString(),
      database: { file: DB_NAME, size: statSync(dbCopy).size, sha256: await sha256(dbCopy) },
      media: { files: media.length, bytes: media.reduce((n, f) => n + statSync(f).size, 0) }
    }
    writeFileSync(join(stage, MANIFEST_NAME), JSON.stringify(manifest, null, 2))
    const entries = [MANIFEST_NAME, DB_NAME]
    if (media.length > 0) {
      // The media folder is linked into the stage and packed through the link (follow: true).
      symlinkSync(opts.mediaDir, join(stage, 'media'), 'junction')
      entries.push('media')
    }
    // Streamed so a cancel stops the packing at once (the streams are destroyed); progress counts
    // the uncompressed bytes packed against the database and media sizes.
    const totalBytes = manifest.database.size + manifest.media.bytes
    let packedBytes = 0
    let reported = 0
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        packedBytes += chunk.length
        if (packedBytes - reported >= 4 * 1024 * 1024) {
          reported = packedBytes
          opts.progress(Math.min(packedBytes, totalBytes), totalBytes, 'media')
        }
        done(null, chunk)
      }
    })
    const pack = tar.c(
      {
        cwd: stage,
        portable: true,
        follow: true,
        filter: (path) => !/^media[\\/](.*[\\/])?\./.test(path) // dot folders, as in listFiles
      },
      entries
    )
    try {
      await pipeline(pack, counter, createGzip({ level: 6 }), createWriteStream(partial), { signal: opts.signal })
    } catch (err) {
      if (opts.signal.aborted) throw new AppError(ErrorCodes.cancelled, 'Backup cancelled.')
      throw err
    }
    renameSync(partial, opts.dest)
    return { file: opts.dest, size: statSync(opts.dest).size, manifest }
  } catch (err) {
    rmSync(partial, { force: true })
    throw err
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}

const bad = (message: string) => new AppError(ErrorCodes.badBackup, message)

/**
 * Checks a backup archive and unpacks it into `stageDir`. Nothing outside `stageDir` is touched.
 * Rejects: unreadable or non-gzip files, links and special entries, paths escaping the folder,
 * archives that unpack to more than `maxBytes`, a missing or foreign manifest, checksum or size
 * mismatches, a damaged database, and a database from a newer Vetrina.
 */
export async function verifyAndStage(file: string, stageDir: string, opts: { maxBytes: number; progress: BackupProgress }): Promise<Manifest> {
  if (!existsSync(file) || !statSync(file).isFile()) throw bad(`The backup ${file} does not exist.`)
  const head = readFileSync(file).subarray(0, 2)
  if (head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) throw bad('This file is not a Vetrina backup (not a .tar.gz archive).')

  // First pass: list entries without writing anything; stop at the first problem.
  let total = 0
  let entries = 0
  let hasManifest = false
  await listArchive(file, (entry) => {
    entries++
    if (entry.type !== 'File' && entry.type !== 'Directory') return `The backup contains an entry of type ${entry.type} (${entry.path}); refusing it.`
    const p = entry.path.replace(/\\/g, '/')
    if (p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.split('/').includes('..')) return `The backup contains a path outside its folder (${entry.path}).`
    if (p !== MANIFEST_NAME && p !== DB_NAME && !p.startsWith('media/') && p !== 'media') return `The backup contains an unexpected file (${entry.path}).`
    if (p === MANIFEST_NAME) hasManifest = true
    total += entry.size ?? 0
    if (total > opts.maxBytes) return `The backup would unpack to more than ${Math.round(opts.maxBytes / 1e9)} GB; refusing it.`
    return null
  })
  if (!hasManifest) throw bad('The backup has no manifest; it was not made by Vetrina.')

  rmSync(stageDir, { recursive: true, force: true })
  mkdirSync(stageDir, { recursive: true })
  let extracted = 0
  try {
    await tar.x({
      file,
      cwd: stageDir,
      strict: true,
      preservePaths: false,
      filter: () => {
        extracted++
        if (extracted % 50 === 0) opts.progress(extracted, entries, 'unpacking')
        return true
      }
    })
  } catch (err) {
    throw bad(`The backup archive is damaged: ${(err as Error).message}`)
  }

  let manifest: Manifest
  try {
    manifest = JSON.parse(readFileSync(join(stageDir, MANIFEST_NAME), 'utf8')) as Manifest
  } catch {
    throw bad('The backup manifest is unreadable.')
  }
  if (manifest.format !== BACKUP_FORMAT) throw bad(`Unknown backup format "${String(manifest.format)}".`)
  const dbFile = join(stageDir, DB_NAME)
  if (!existsSync(dbFile)) throw bad('The backup has no catalogue database.')
  if (statSync(dbFile).size !== manifest.database.size) throw bad('The catalogue database in the backup has the wrong size (the archive is incomplete).')
  opts.progress(0, 1, 'checksum')
  if ((await sha256(dbFile)) !== manifest.database.sha256) throw bad('The catalogue database in the backup does not match its checksum (the archive is damaged).')
  const media = listFiles(join(stageDir, 'media'))
  if (media.length !== manifest.media.files) throw bad(`The backup should hold ${manifest.media.files} media files but holds ${media.length}.`)

  opts.progress(0, 1, 'integrity')
  const db = openDatabase(dbFile, { readonly: true })
  try {
    assertNotNewer(db, dbFile)
    const problems = integrityProblems(db)
    if (problems.length) throw bad(`The catalogue database in the backup is damaged: ${problems.slice(0, 3).join('; ')}`)
  } finally {
    db.close()
  }
  return manifest
}

/** Reads an archive's entry headers; rejects on the first entry `check` objects to, or on damage. */
function listArchive(file: string, check: (entry: tar.ReadEntry) => string | null): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false
    const fail = (err: AppError) => {
      if (settled) return
      settled = true
      input.destroy()
      reject(err)
    }
    const input = createReadStream(file)
    const parser = new tar.Parser({
      strict: true,
      onReadEntry: (entry) => {
        const problem = check(entry)
        entry.resume()
        if (problem) fail(bad(problem))
      }
    })
    parser.on('error', (err: Error) => fail(bad(`The backup archive is damaged: ${err.message}`)))
    parser.on('end', () => {
      if (!settled) {
        settled = true
        resolve()
      }
    })
    input.on('error', (err) => fail(bad(`The backup cannot be read: ${err.message}`)))
    input.pipe(parser)
  })
}

/** Names of backups in a folder, newest first. */
export function listBackupFiles(dir: string): Array<{ fileName: string; path: string; size: number; createdAt: string; automatic: boolean }> {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => isBackupFileName(f) && f.includes('vetrina-backup'))
    .map((f) => {
      const p = join(dir, f)
      const st = statSync(p)
      // The time in the name is when the backup was taken (copies keep it; mtimes do not).
      const m = /(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(f)
      const createdAt = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])).toISOString() : st.mtime.toISOString()
      return { fileName: f, path: p, size: st.size, createdAt, automatic: f.startsWith('auto-') }
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
}

export function backupFileName(now: Date, automatic: boolean): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return `${automatic ? 'auto-' : ''}vetrina-backup-${stamp}${BACKUP_EXTENSION}`
}

/** Keeps the newest `keep` automatic backups. */
export function rotateAutomatic(dir: string, keep: number): string[] {
  const auto = listBackupFiles(dir).filter((b) => b.automatic)
  const removed = auto.slice(keep)
  for (const b of removed) rmSync(b.path, { force: true })
  return removed.map((b) => b.fileName)
}
