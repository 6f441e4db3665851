// Reads a backup archive in one streamed pass and checks everything in it against the database
// it carries, trusting nothing: the manifest's sizes and checksum, the database (SQLite, not from
// a newer Vetrina, intact, every stored media path inside the content-addressed layout), and
// every media file (referenced by that database, the size and SHA-256 it records, once). Files
// the database does not reference are refused, and so is anything that is not a plain file. A
// restore unpacks into a stage folder that the caller deletes on failure; verifying a backup just
// written unpacks nothing. Entries are pulled one at a time, so a bomb stops at its first lie.
import { createHash } from 'node:crypto'
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream'
import { finished } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { MediaFileSource } from '../core.ts'
import { assertNotNewer, integrityProblems, openDatabase, type Db } from '../store/db.ts'
import { readTar, TarFormatError, type TarEntry } from './archive/tar-reader.ts'
import { DB_NAME, LEGACY_FORMAT, MANIFEST_NAME, MAX_MANIFEST_BYTES, Manifest, mediaRelPath } from './backup-format.ts'
import { SPARE_BYTES } from './disk.ts'
import { SystemErrorCodes as E, mb, systemError } from './errors.ts'

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')
/** Format 1 archives also hold folder entries and leftovers the database no longer references. */
const LEGACY_EXTRA_LIMIT = 20_000
const LEGACY_LAYOUT = /^(originals\/[0-9a-f]{2}\/[0-9a-f]{64}|renditions\/[a-z]+\/[0-9a-z]{2}\/[A-Za-z0-9_-]{1,64}-[0-9a-f]{12})\.[a-z]{3,4}$/

export interface ReadOptions {
  /** Restore: unpack here (must not exist yet). Verify: null, nothing is written. */
  stageDir: string | null
  /** Verify: the snapshot the archive was written from (already checked); the archive's copy is only hashed. */
  snapshotDb?: string
  mediaFiles(db: Db): MediaFileSource
  freeBytes(path: string): number | null
  /** Largest unpacked size agreed to. */
  maxBytes: number
  progress(done: number, total: number, message: string): void
  signal: AbortSignal
}

export interface ReadResult {
  manifest: Manifest
  products: number | null
  mediaFiles: number
  /** Files packed by an older Vetrina that the database does not reference (not restored). */
  skipped: number
  missing: string[]
}

const damaged = (detail: string) => systemError(E.restoreDamaged, `The backup archive is damaged: ${detail}.`, { detail })

function assertGzip(file: string): void {
  if (!existsSync(file) || !statSync(file).isFile()) throw systemError(E.restoreMissingFile, `The backup ${file} does not exist.`, { file })
  const fd = openSync(file, 'r')
  const head = Buffer.alloc(2)
  try {
    readSync(fd, head, 0, 2, 0)
  } finally {
    closeSync(fd)
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) throw systemError(E.restoreNotArchive, 'This file is not a Vetrina backup (not a .tar.gz archive).', { file })
}

async function readSmall(entry: TarEntry): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const chunk of entry.body()) parts.push(chunk)
  return Buffer.concat(parts)
}

function parseManifest(bytes: Buffer): Manifest {
  let raw: unknown
  try {
    raw = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw systemError(E.restoreNoManifest, 'The backup manifest is unreadable; it was not made by Vetrina.')
  }
  const format = (raw as { format?: unknown })?.format
  if (typeof format === 'string' && format.startsWith('vetrina-backup/') && format !== LEGACY_FORMAT && !Manifest.shape.format.options.includes(format as never)) {
    throw systemError(E.restoreUnknownFormat, `Unknown backup format "${format}" (made by a newer Vetrina?).`, { format })
  }
  const parsed = Manifest.safeParse(raw)
  if (!parsed.success) throw systemError(E.restoreNoManifest, 'The backup manifest is not a Vetrina manifest.')
  return parsed.data
}

/** Page size × page count from a SQLite header, when the header's count is valid. */
function sqliteDeclaredSize(head: Buffer): number | null {
  if (head.length < 100) return null
  const pageSize = head.readUInt16BE(16) === 1 ? 65536 : head.readUInt16BE(16)
  const pages = head.readUInt32BE(28)
  const valid = head.readUInt32BE(24) === head.readUInt32BE(92)
  return valid && pages > 0 ? pageSize * pages : null
}

/** Writes an entry's body to `dest` (or nowhere), hashing it; `head` sees its first 100 bytes before any is written. */
async function copyEntry(entry: TarEntry, dest: string | null, onBytes: (n: number) => void, head?: (first: Buffer) => void): Promise<string> {
  const hash = createHash('sha256')
  const out = dest ? createWriteStream(dest, { flags: 'wx', mode: 0o600 }) : null
  // An error of the file (disk full, folder removed) is kept and thrown here, never left unhandled.
  let failure: Error | null = null
  out?.on('error', (err) => {
    failure ??= err
  })
  const write = async (chunk: Buffer) => {
    if (failure) throw failure
    hash.update(chunk)
    onBytes(chunk.length)
    if (out && !out.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          out.off('drain', done)
          out.off('error', done)
          resolve()
        }
        out.once('drain', done)
        out.once('error', done)
      })
    }
  }
  let pending: Buffer[] | null = head ? [] : null
  try {
    for await (const chunk of entry.body()) {
      if (pending) {
        pending.push(chunk)
        const joined = Buffer.concat(pending)
        if (joined.length < 100) continue
        pending = null
        head!(joined)
        await write(joined)
      } else {
        await write(chunk)
      }
    }
    if (pending) {
      const joined = Buffer.concat(pending)
      head!(joined)
      await write(joined)
    }
    if (out) {
      out.end()
      await finished(out)
    }
    if (failure) throw failure
  } catch (err) {
    out?.destroy()
    throw err
  }
  return hash.digest('hex')
}

export async function readBackup(file: string, o: ReadOptions): Promise<ReadResult> {
  assertGzip(file)
  const input = pipeline(createReadStream(file), createGunzip(), () => undefined)
  let unpacked = 0
  const counted = (async function* () {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      unpacked += chunk.length
      if (unpacked > o.maxBytes + 64 * 1024 * 1024) {
        throw systemError(E.restoreTooLarge, `The backup would unpack to more than ${o.maxBytes} bytes; refusing it.`, { limitMb: mb(o.maxBytes) })
      }
      if (o.signal.aborted) throw new AppError(ErrorCodes.cancelled, 'Cancelled.')
      yield chunk
    }
  })()
  const entries = readTar(counted)
  let db: Db | null = null
  try {
    return await readEntries(entries, o, (d) => {
      db = d
    })
  } catch (err) {
    if (err instanceof AppError) throw err
    if (err instanceof TarFormatError) throw damaged(err.message)
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOSPC') throw systemError(E.restoreNoSpace, 'The disk filled up while unpacking the backup.', { neededMb: null, freeMb: 0 })
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || /unexpected end|incorrect header|invalid/i.test((err as Error).message)) throw damaged((err as Error).message)
    throw err
  } finally {
    ;(db as Db | null)?.close()
    await entries.return(undefined as never).catch(() => undefined)
    input.destroy()
  }
}

async function readEntries(entries: AsyncGenerator<TarEntry>, o: ReadOptions, keepDb: (db: Db) => void): Promise<ReadResult> {
  const next = async () => (await entries.next()).value as TarEntry | undefined

  // 1. The manifest, first.
  const first = await next()
  if (!first || first.path !== MANIFEST_NAME || first.type !== 'File' || first.size > MAX_MANIFEST_BYTES) {
    throw systemError(E.restoreNoManifest, 'The backup has no manifest; it was not made by Vetrina.')
  }
  const manifest = parseManifest(await readSmall(first))
  const total = manifest.database.size + manifest.media.bytes
  if (total > o.maxBytes) throw systemError(E.restoreTooLarge, `The backup would unpack to ${total} bytes, more than the ${o.maxBytes} allowed.`, { sizeMb: mb(total), limitMb: mb(o.maxBytes) })
  if (o.stageDir) {
    const free = o.freeBytes(dirname(o.stageDir))
    if (free !== null && free - SPARE_BYTES < total) {
      throw systemError(E.restoreNoSpace, `Restoring needs ${total} bytes of free disk space; ${free} are free.`, { neededMb: mb(total), freeMb: mb(free) })
    }
    mkdirSync(o.stageDir, { recursive: false, mode: 0o700 })
  }
  let done = 0
  let reported = 0
  const onBytes = (n: number) => {
    done += n
    if (done - reported >= 4 * 1024 * 1024) {
      reported = done
      o.progress(done, total, 'checking')
    }
  }

  // 2. The database, second: SQLite, the declared size, the checksum.
  const dbEntry = await next()
  if (!dbEntry || dbEntry.path !== DB_NAME || dbEntry.type !== 'File') throw systemError(E.restoreDbSize, 'The backup has no catalogue database.', { expected: manifest.database.size, found: 0 })
  if (dbEntry.size !== manifest.database.size) {
    throw systemError(E.restoreDbSize, 'The catalogue database in the backup has the wrong size (the archive is incomplete).', { expected: manifest.database.size, found: dbEntry.size })
  }
  const dbPath = o.stageDir ? join(o.stageDir, DB_NAME) : null
  const dbSha = await copyEntry(dbEntry, dbPath, onBytes, (head) => {
    if (!head.subarray(0, 16).equals(SQLITE_MAGIC)) throw systemError(E.restoreDbNotSqlite, 'The catalogue in the backup is not a SQLite database.')
    const declared = sqliteDeclaredSize(head)
    if (declared !== null && declared !== dbEntry.size) {
      throw systemError(E.restoreDbSize, 'The catalogue database in the backup has the wrong size (the archive is incomplete).', { expected: declared, found: dbEntry.size })
    }
  })
  if (dbSha !== manifest.database.sha256) throw systemError(E.restoreDbChecksum, 'The catalogue database in the backup does not match its checksum (the archive is damaged).')

  // 3. The database's own checks, and the media files it references.
  let db: Db
  try {
    db = openDatabase(dbPath ?? o.snapshotDb!, { readonly: true })
  } catch (err) {
    if (err instanceof AppError && err.code === ErrorCodes.dbCorrupt) throw systemError(E.restoreDbDamaged, `The catalogue database in the backup is damaged: ${err.message}`, { problem: err.message })
    throw err
  }
  keepDb(db)
  if (dbPath) {
    assertNotNewer(db, dbPath)
    o.progress(done, total, 'integrity')
    let problems: string[]
    try {
      problems = integrityProblems(db)
    } catch (err) {
      problems = [(err as Error).message]
    }
    if (problems.length) throw systemError(E.restoreDbDamaged, `The catalogue database in the backup is damaged: ${problems.slice(0, 3).join('; ')}`, { problem: problems[0] })
  }
  const source = o.mediaFiles(db)
  const bad = source.badPaths()
  if (bad.length) {
    throw systemError(E.restoreBadPath, `The backup's catalogue stores ${bad.length} file path(s) outside the photo layout (first: ${bad[0].table} ${bad[0].relPath}); refusing it.`, { table: bad[0].table, path: bad[0].relPath.slice(0, 200), count: bad.length })
  }
  const expected = new Map<string, { sha256: string; bytes: number }>()
  for (const f of source.each()) {
    expected.set(f.relPath, { sha256: f.sha256, bytes: f.bytes })
  }
  const legacy = manifest.format === LEGACY_FORMAT
  const missing = new Set(manifest.media.missing)
  // Every entry is checked against the catalogue below; the manifest only names files known missing.
  if ([...missing].some((m) => !expected.has(m))) throw damaged('the manifest does not describe the catalogue it came with')
  const products = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'products'").get() as { n: number }).n
    ? (db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n
    : null

  // 4. Media files: each referenced, once, with its size and hash.
  const seen = new Set<string>()
  let extras = 0
  for (let entry = await next(); entry; entry = await next()) {
    const rel = mediaRelPath(entry.path)
    if (legacy && entry.type === 'Directory' && (entry.path === 'media' || rel !== null)) {
      if (++extras > LEGACY_EXTRA_LIMIT) throw systemError(E.restoreTooManyEntries, 'The backup holds far more entries than its catalogue references; refusing it.', { limit: LEGACY_EXTRA_LIMIT })
      continue
    }
    if (entry.type !== 'File' && entry.type !== 'OldFile') {
      throw systemError(E.restoreUnexpectedEntry, `The backup contains an entry of type ${entry.type} (${entry.path.slice(0, 200)}); refusing it.`, { path: entry.path.slice(0, 200), type: entry.type })
    }
    const want = rel === null ? undefined : expected.get(rel)
    if (!want) {
      if (rel !== null && seen.has(rel)) throw systemError(E.restoreDuplicateEntry, `The backup holds ${entry.path.slice(0, 200)} twice; refusing it.`, { path: entry.path.slice(0, 200) })
      if (legacy && rel !== null && LEGACY_LAYOUT.test(rel)) {
        // An older Vetrina packed the whole folder: a photo added while it ran, a leftover.
        if (++extras > LEGACY_EXTRA_LIMIT) throw systemError(E.restoreTooManyEntries, 'The backup holds far more entries than its catalogue references; refusing it.', { limit: LEGACY_EXTRA_LIMIT })
        seen.add(rel)
        await entry.skip()
        continue
      }
      throw systemError(E.restoreUnexpectedEntry, `The backup contains a file its catalogue does not reference (${entry.path.slice(0, 200)}); refusing it.`, { path: entry.path.slice(0, 200), type: entry.type })
    }
    if (seen.has(rel!)) throw systemError(E.restoreDuplicateEntry, `The backup holds ${entry.path.slice(0, 200)} twice; refusing it.`, { path: entry.path.slice(0, 200) })
    seen.add(rel!)
    if (entry.size !== want.bytes) {
      throw systemError(E.restoreMediaMismatch, `The photo file ${rel} in the backup has ${entry.size} bytes instead of ${want.bytes}; refusing it.`, { path: rel! })
    }
    let dest: string | null = null
    if (o.stageDir) {
      dest = join(o.stageDir, 'media', ...rel!.split('/'))
      mkdirSync(dirname(dest), { recursive: true, mode: 0o700 })
    }
    const sha = await copyEntry(entry, dest, onBytes)
    if (sha !== want.sha256) throw systemError(E.restoreMediaMismatch, `The photo file ${rel} in the backup does not match its checksum; refusing it.`, { path: rel! })
    missing.delete(rel!)
  }
  const absent = [...expected.keys()].filter((p) => !seen.has(p) && !missing.has(p))
  if (absent.length) {
    throw systemError(E.restoreMediaMissing, `The backup lacks ${absent.length} photo file(s) its catalogue references (first: ${absent[0]}); refusing it.`, { count: absent.length, path: absent[0] })
  }
  o.progress(total, total, 'checked')
  return { manifest, products, mediaFiles: expected.size - missing.size, skipped: legacy ? extras : 0, missing: [...missing] }
}
