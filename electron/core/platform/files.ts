// Where files live in the data folder, and how file references from the contract become paths.
// Browser mode uploads bytes first (uploads/<id>); results to download are written to
// exports/<id>/<name>. Paths from a browser are refused: a browser user picks files by upload.
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'
import { randomBytes } from 'node:crypto'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { Download, FileRef } from '../../../shared/contract/files.ts'
import type { CallContext } from '../dispatch.ts'

export interface DataPaths {
  dataDir: string
  db: string
  media: string
  uploads: string
  exports: string
  backups: string
  logs: string
}

export function dataPaths(dataDir: string): DataPaths {
  const dir = resolve(dataDir)
  return {
    dataDir: dir,
    db: join(dir, 'catalog.sqlite'),
    media: join(dir, 'media'),
    uploads: join(dir, 'uploads'),
    exports: join(dir, 'exports'),
    backups: join(dir, 'backups'),
    logs: join(dir, 'logs')
  }
}

const ID = /^[A-Za-z0-9_-]{8,64}$/
const MAX_AGE_MS = 7 * 24 * 3600 * 1000

/** A safe file name for a download (no folders, no control characters). */
export function safeFileName(name: string): string {
  const cleaned = basename(name).replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_').trim()
  return cleaned.length ? cleaned.slice(0, 180) : 'file'
}

export class FileService {
  readonly paths: DataPaths

  constructor(paths: DataPaths) {
    this.paths = paths
    for (const d of [paths.media, paths.uploads, paths.exports, paths.backups, paths.logs]) mkdirSync(d, { recursive: true })
  }

  /** Stores an uploaded stream; returns its id. Refuses streams larger than `maxBytes`. */
  async saveUpload(body: Readable, name: string, maxBytes: number): Promise<{ id: string; size: number }> {
    const id = randomBytes(12).toString('base64url')
    const dir = join(this.paths.uploads, id)
    mkdirSync(dir)
    const file = join(dir, safeFileName(name))
    let size = 0
    try {
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length
            if (size > maxBytes) throw new AppError('upload_too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, { params: { maxBytes } })
            yield chunk
          }
        },
        createWriteStream(file)
      )
    } catch (err) {
      rmSync(dir, { recursive: true, force: true })
      throw err
    }
    return { id, size }
  }

  /** The local path a FileRef points to. */
  resolve(ref: FileRef, ctx: CallContext): string {
    if (ref.kind === 'path') {
      if (ctx.transport === 'http') throw new AppError(ErrorCodes.forbidden, 'Browser mode cannot read files by path; upload the file instead.')
      const p = resolve(ref.path)
      if (!existsSync(p)) throw new AppError('file_not_found', `The file ${p} does not exist or cannot be read.`, { params: { path: p } })
      return p
    }
    if (!ID.test(ref.id)) throw new AppError(ErrorCodes.validation, 'Invalid upload id.')
    const dir = join(this.paths.uploads, ref.id)
    const entries = existsSync(dir) ? readdirSync(dir) : []
    if (entries.length !== 1) throw new AppError('upload_expired', 'The uploaded file is no longer available; upload it again.')
    return join(dir, entries[0])
  }

  /** Like `resolve`, for a file to read: a folder picked by mistake gets its own error instead of EISDIR. */
  resolveFile(ref: FileRef, ctx: CallContext): string {
    const p = this.resolve(ref, ctx)
    if (statSync(p).isDirectory()) throw new AppError('file_is_folder', `${p} is a folder, not a file: choose a file inside it.`, { params: { path: p } })
    return p
  }

  /** Reserves a download: returns where to write it and the id to fetch it with. */
  newDownload(fileName: string): { id: string; path: string; fileName: string } {
    const id = randomBytes(12).toString('base64url')
    const dir = join(this.paths.exports, id)
    mkdirSync(dir, { recursive: true })
    const name = safeFileName(fileName)
    return { id, path: join(dir, name), fileName: name }
  }

  describeDownload(id: string, path: string): Download {
    return { downloadId: id, fileName: basename(path), size: statSync(path).size, path }
  }

  /** Finds a download by id (for the browser-mode host). */
  download(id: string): { path: string; fileName: string } | null {
    if (!ID.test(id)) return null
    const dir = join(this.paths.exports, id)
    if (!existsSync(dir)) return null
    const entries = readdirSync(dir)
    if (entries.length !== 1) return null
    return { path: join(dir, entries[0]), fileName: entries[0] }
  }

  /** Removes uploads and downloads older than a week. */
  sweep(now = Date.now()): void {
    for (const root of [this.paths.uploads, this.paths.exports]) {
      for (const entry of readdirSync(root)) {
        const p = join(root, entry)
        try {
          if (now - statSync(p).mtimeMs > MAX_AGE_MS) rmSync(p, { recursive: true, force: true })
        } catch {
          // Another process may have removed it.
        }
      }
    }
  }
}
