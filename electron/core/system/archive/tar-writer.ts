// Writes a tar stream entry by entry, with backpressure, so a backup of any number of files
// holds one file's chunk in memory at a time. File bodies are hashed as they are packed: the
// bytes in the archive are the bytes checked. Headers are encoded by the tar package.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type * as Tar from 'tar'
import { onFirstUse } from '../../platform/on-first-use.ts'

const tar = onFirstUse<typeof Tar>('tar')

const BLOCK = 512
const ZEROS = Buffer.alloc(BLOCK * 2)

export class SizeChanged extends Error {
  readonly path: string

  constructor(path: string, expected: number, actual: number) {
    super(`${path} has ${actual} bytes instead of ${expected}`)
    this.path = path
  }
}

export class TarWriter {
  private readonly out: Writable
  private readonly mtime: Date
  /** Uncompressed bytes written so far (headers, bodies, padding). */
  written = 0

  constructor(out: Writable, mtime: Date) {
    this.out = out
    this.mtime = mtime
  }

  private async write(chunk: Buffer): Promise<void> {
    this.written += chunk.length
    if (!this.out.write(chunk)) await once(this.out, 'drain')
  }

  private async header(path: string, size: number): Promise<void> {
    const h = new (tar().Header)({ path, mode: 0o600, uid: 0, gid: 0, size, mtime: this.mtime, type: 'File', uname: '', gname: '' })
    const block = Buffer.alloc(BLOCK)
    // A path too long for ustar needs a PAX record first.
    if (h.encode(block, 0)) await this.write(new (tar().Pax)({ path, size, mtime: this.mtime }).encode())
    await this.write(block)
  }

  private async pad(size: number): Promise<void> {
    const rest = size % BLOCK
    if (rest) await this.write(ZEROS.subarray(0, BLOCK - rest))
  }

  async addBuffer(path: string, data: Buffer): Promise<void> {
    await this.header(path, data.length)
    await this.write(data)
    await this.pad(data.length)
  }

  /**
   * Packs `file` as `path`, declaring `size` bytes; throws SizeChanged if the file holds another
   * number of bytes (the archive is then unusable and the caller discards it). Returns the SHA-256.
   */
  async addFile(path: string, file: string, size: number, signal?: AbortSignal): Promise<string> {
    await this.header(path, size)
    const hash = createHash('sha256')
    let seen = 0
    for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024, signal })) {
      const buf = chunk as Buffer
      seen += buf.length
      if (seen > size) throw new SizeChanged(path, size, seen)
      hash.update(buf)
      await this.write(buf)
    }
    if (seen !== size) throw new SizeChanged(path, size, seen)
    await this.pad(size)
    return hash.digest('hex')
  }

  /** Writes the end-of-archive marker and ends the stream. */
  async finish(): Promise<void> {
    await this.write(ZEROS)
    this.out.end()
  }
}
