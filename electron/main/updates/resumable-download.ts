// Downloads an update installer so that a dropped line costs only the bytes not yet received:
// the file grows in `<dest>.partial` and the next attempt asks for the rest (HTTP Range, guarded
// by If-Range so a replaced file on the server starts over). The finished file must match the
// feed's sha512 before it takes its final name. No electron import: the app passes Electron's
// net.fetch (system proxy, certificates), tests Node's fetch against a local server.
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

export type FetchLike = (url: string, init: { headers: Record<string, string>; signal?: AbortSignal }) => Promise<Response>

export interface DownloadTarget {
  url: string
  /** base64 sha512, as electron-builder writes it in latest.yml. */
  sha512: string
  size?: number
  /** The final file. */
  dest: string
}

export interface DownloadOptions {
  fetch: FetchLike
  signal?: AbortSignal
  onProgress?: (received: number, total: number | null) => void
}

export class ChecksumError extends Error {
  readonly code = 'ERR_CHECKSUM_MISMATCH'
}

interface PartialMeta {
  url: string
  sha512: string
  /** ETag or Last-Modified of the response the partial file came from. */
  validator: string | null
}

export async function sha512File(path: string): Promise<string> {
  const hash = createHash('sha512')
  await pipeline(createReadStream(path), hash)
  return hash.digest('base64')
}

const sizeOf = async (p: string) => (await stat(p).catch(() => null))?.size ?? 0

/** Resolves once `dest` holds the verified file; rejects (keeping the partial file) when the line drops. */
export async function resumableDownload(target: DownloadTarget, options: DownloadOptions): Promise<void> {
  const { dest } = target
  const partial = `${dest}.partial`
  const metaFile = `${dest}.partial.json`
  await mkdir(dirname(dest), { recursive: true })
  if (existsSync(dest) && (await sha512File(dest)) === target.sha512) return

  let meta: PartialMeta | null = await readFile(metaFile, 'utf8').then((t) => JSON.parse(t) as PartialMeta).catch(() => null)
  if (!meta || meta.sha512 !== target.sha512) {
    // Another version's bytes (or none): start over.
    await rm(partial, { force: true })
    meta = null
  }
  let offset = await sizeOf(partial)
  if (target.size !== undefined && offset > target.size) {
    await rm(partial, { force: true })
    offset = 0
  }

  if (target.size === undefined || offset < target.size) {
    const headers: Record<string, string> = {}
    if (offset > 0) {
      headers.Range = `bytes=${offset}-`
      if (meta?.validator) headers['If-Range'] = meta.validator
    }
    const res = await options.fetch(target.url, { headers, signal: options.signal })
    if (res.status === 416) {
      // The server has no bytes past ours: the partial file is complete, or wrong (the hash decides).
      await res.body?.cancel()
    } else {
      if (res.status !== 200 && res.status !== 206) {
        await res.body?.cancel()
        throw new Error(`The update server answered HTTP ${res.status} for ${target.url}.`)
      }
      if (res.status === 206 && !contentRangeStartsAt(res.headers.get('content-range'), offset)) {
        await res.body?.cancel()
        await rm(partial, { force: true })
        throw new Error('The update server sent another part of the file than asked; the download starts over.')
      }
      if (res.status === 200) offset = 0
      const validator = res.headers.get('etag') ?? res.headers.get('last-modified')
      await writeFile(metaFile, JSON.stringify({ url: target.url, sha512: target.sha512, validator } satisfies PartialMeta))
      const length = Number(res.headers.get('content-length'))
      const total = target.size ?? (Number.isFinite(length) && length > 0 ? offset + length : null)
      let received = offset
      const progress = new Transform({
        transform(chunk: Buffer, _enc, done) {
          received += chunk.length
          options.onProgress?.(received, total)
          done(null, chunk)
        }
      })
      if (!res.body) throw new Error('The update server sent no data.')
      await pipeline(Readable.fromWeb(res.body as never), progress, createWriteStream(partial, { flags: offset > 0 ? 'a' : 'w' }), { signal: options.signal })
    }
  }

  if ((await sha512File(partial)) !== target.sha512) {
    await rm(partial, { force: true })
    await rm(metaFile, { force: true })
    throw new ChecksumError(`The downloaded update does not match its checksum (${target.url}); it will be downloaded again.`)
  }
  await rename(partial, dest)
  await rm(metaFile, { force: true })
}

function contentRangeStartsAt(header: string | null, offset: number): boolean {
  const m = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header ?? '')
  return !!m && Number(m[1]) === offset
}
