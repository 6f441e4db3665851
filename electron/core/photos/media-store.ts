// Files under the media folder (which backups include). Originals are content-addressed and
// written once: originals/ab/<sha256>.<ext>, never modified. Renditions are named by photo and
// preset spec, so a new spec gets a new file and cached copies never go stale. Every file is
// written to a temporary name first and renamed into place, so none is ever half-written.
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { copyFile, link, mkdir, open, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { dirname, join, posix } from 'node:path'

export class MediaStore {
  readonly root: string
  /** Files being written; emptied at start. */
  readonly tmpDir: string

  constructor(root: string) {
    this.root = root
    this.tmpDir = join(root, '.incoming')
  }

  /** Removes temporary files left by an interrupted run. */
  start(): void {
    rmSync(this.tmpDir, { recursive: true, force: true })
    mkdirSync(this.tmpDir, { recursive: true })
  }

  abs(relPath: string): string {
    return join(this.root, ...relPath.split('/'))
  }

  originalRel(sha256: string, ext: string): string {
    return posix.join('originals', sha256.slice(0, 2), `${sha256}.${ext}`)
  }

  renditionRel(preset: string, photoId: string, spec: string, ext: string): string {
    return posix.join('renditions', preset, photoId.slice(-2).toLowerCase(), `${photoId}-${spec}.${ext}`)
  }

  /**
   * Copies a file into the store's temporary area and hashes the copy, so the hash is of exactly
   * the bytes kept (even if the user's file changes meanwhile). Then `keepOriginal` or `discard`.
   */
  async stage(source: string): Promise<{ tmp: string; sha256: string }> {
    const tmp = this.tmpName()
    try {
      await copyFile(source, tmp)
      return { tmp, sha256: await hashFile(tmp) }
    } catch (err) {
      await rm(tmp, { force: true })
      throw err
    }
  }

  /** Moves a staged copy to its content address; an original already stored there is kept as is. */
  async keepOriginal(tmp: string, relPath: string): Promise<void> {
    const dest = this.abs(relPath)
    try {
      await mkdir(dirname(dest), { recursive: true })
      // link() refuses to replace, so an existing original (same bytes) is never rewritten.
      await link(tmp, dest).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'EEXIST') return
        if (err.code === 'EPERM' || err.code === 'ENOTSUP' || err.code === 'EXDEV') return rename(tmp, dest)
        throw err
      })
    } finally {
      await rm(tmp, { force: true })
    }
  }

  async discard(tmp: string): Promise<void> {
    await rm(tmp, { force: true })
  }

  async putFile(relPath: string, data: Buffer): Promise<void> {
    const dest = this.abs(relPath)
    const tmp = this.tmpName()
    try {
      await writeFile(tmp, data)
      await mkdir(dirname(dest), { recursive: true })
      await rename(tmp, dest)
    } catch (err) {
      await rm(tmp, { force: true })
      throw err
    }
  }

  /** Best effort: a file that cannot be removed now is only wasted space. */
  async remove(relPaths: string[]): Promise<void> {
    await Promise.all(relPaths.map((p) => unlink(this.abs(p)).catch(() => undefined)))
  }

  private tmpName(): string {
    return join(this.tmpDir, randomBytes(9).toString('base64url'))
  }
}

export function sha256Of(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

const CHUNK = 1024 * 1024
const spareBuffers: Buffer[] = []

/**
 * SHA-256 of a file, read in 1 MB chunks (the event loop is never held for long) into reused
 * buffers: hashing hundreds of photos leaves no garbage for the collector to catch up with.
 */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  const buf = spareBuffers.pop() ?? Buffer.allocUnsafeSlow(CHUNK)
  const fh = await open(path, 'r')
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, null)
      if (bytesRead === 0) break
      hash.update(buf.subarray(0, bytesRead))
    }
  } finally {
    await fh.close()
    spareBuffers.push(buf)
  }
  return hash.digest('hex')
}
