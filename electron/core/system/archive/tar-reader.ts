// Reads a tar stream one entry at a time, pulling bytes only as the caller consumes them, so a
// hostile archive (a gzip bomb, 200,000 entries) is stopped at the first entry the caller
// refuses, before anything more is decompressed. Headers are decoded by the tar package; PAX
// and GNU long-name records are applied to the entry that follows them.
import type * as Tar from 'tar'
import { onFirstUse } from '../../platform/on-first-use.ts'

const tar = onFirstUse<typeof Tar>('tar')

const BLOCK = 512
/** PAX and long-name records are a few hundred bytes; more is not a Vetrina archive. */
const MAX_META_BYTES = 64 * 1024

export class TarFormatError extends Error {}

export interface TarEntry {
  path: string
  /** tar's type name: File, OldFile, Directory, SymbolicLink, … */
  type: string
  size: number
  /** The body, in chunks; read it whole or call skip() before asking for the next entry. */
  body(): AsyncGenerator<Buffer>
  skip(): Promise<void>
}

/** Buffered reads of exact byte counts from an async chunk source. */
class ByteSource {
  private readonly it: AsyncIterator<Buffer>
  private chunks: Buffer[] = []
  private length = 0
  private done = false

  constructor(source: AsyncIterable<Buffer>) {
    this.it = source[Symbol.asyncIterator]()
  }

  private async fill(n: number): Promise<boolean> {
    while (this.length < n && !this.done) {
      const next = await this.it.next()
      if (next.done) this.done = true
      else if (next.value.length) {
        this.chunks.push(next.value)
        this.length += next.value.length
      }
    }
    return this.length >= n
  }

  /** Exactly n bytes, or null at the end of the stream (an error if the stream ends mid-way). */
  async read(n: number): Promise<Buffer | null> {
    if (!(await this.fill(n))) {
      if (this.length === 0) return null
      throw new TarFormatError('the archive ends in the middle of an entry')
    }
    return this.take(n)
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks)
    const out = all.subarray(0, n)
    const rest = all.subarray(n)
    this.chunks = rest.length ? [rest] : []
    this.length = rest.length
    return out
  }

  /** Up to `n` bytes as they arrive. */
  async *stream(n: number): AsyncGenerator<Buffer> {
    let left = n
    while (left > 0) {
      if (this.length === 0 && !(await this.fill(1))) throw new TarFormatError('the archive ends in the middle of an entry')
      const take = Math.min(left, this.length)
      const out = this.take(take)
      left -= take
      yield out
    }
  }

  async close(): Promise<void> {
    await this.it.return?.()
  }
}

const padding = (size: number) => (size % BLOCK ? BLOCK - (size % BLOCK) : 0)

export async function* readTar(source: AsyncIterable<Buffer>): AsyncGenerator<TarEntry> {
  const bytes = new ByteSource(source)
  let extended: Tar.HeaderData | undefined
  let longPath: string | undefined
  try {
    for (;;) {
      const block = await bytes.read(BLOCK)
      if (!block) throw new TarFormatError('the archive ends without its end marker')
      const header = new (tar().Header)(block, 0, extended)
      if (header.nullBlock) {
        const second = await bytes.read(BLOCK)
        if (second && !second.every((b) => b === 0)) throw new TarFormatError('a damaged block in the archive')
        return
      }
      if (!header.cksumValid) throw new TarFormatError('a damaged header in the archive (bad checksum)')
      const size = header.size ?? 0
      if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError('an entry with an impossible size')
      const type = header.type
      if (type === 'ExtendedHeader' || type === 'GlobalExtendedHeader' || type === 'NextFileHasLongPath' || type === 'OldGnuLongPath') {
        if (size > MAX_META_BYTES) throw new TarFormatError('an oversized extended header')
        const body = size ? await bytes.read(size + padding(size)) : Buffer.alloc(0)
        if (!body) throw new TarFormatError('the archive ends in the middle of an entry')
        const text = body.subarray(0, size).toString('utf8')
        if (type === 'ExtendedHeader') extended = tar().Pax.parse(text, extended, false)
        else if (type !== 'GlobalExtendedHeader') longPath = text.replace(/\0+$/, '')
        continue
      }
      const path = longPath ?? extended?.path ?? header.path ?? ''
      extended = undefined
      longPath = undefined
      // Whatever the caller leaves unread is skipped before the next header.
      let left = size + padding(size)
      let reading = false
      const drain = async () => {
        for await (const chunk of bytes.stream(left)) left -= chunk.length
      }
      const entry: TarEntry = {
        path, type, size,
        body: async function* () {
          if (reading) throw new Error('entry body already read')
          reading = true
          let bodyLeft = size
          while (bodyLeft > 0) {
            for await (const chunk of bytes.stream(Math.min(bodyLeft, 1024 * 1024))) {
              bodyLeft -= chunk.length
              left -= chunk.length
              yield chunk
            }
          }
        },
        skip: drain
      }
      yield entry
      await drain()
    }
  } finally {
    await bytes.close()
  }
}
