// Files under the media folder (which backups include). Originals are content-addressed and
// written once: originals/ab/<sha256>.<ext>, never modified. Renditions are named by photo and
// preset spec, so a new spec gets a new file and cached copies never go stale. Every file is
// written (by the photo engine) to a temporary name first and moved into place, so none is ever
// half-written.
import { mkdirSync, rmSync } from 'node:fs'
import { link, mkdir, rename, unlink } from 'node:fs/promises'
import { dirname, join, posix, resolve, sep } from 'node:path'
import { AppError } from '../../../shared/contract/errors.ts'

export class MediaStore {
  readonly root: string
  /** Files being written; emptied at start. */
  readonly tmpDir: string
  /** Removals wait while a backup packs the media folder (see platform/media-guard.ts). */
  private readonly guard: { whenFree(): Promise<void> } | null

  constructor(root: string, guard: { whenFree(): Promise<void> } | null = null) {
    this.root = resolve(root)
    this.tmpDir = join(this.root, '.incoming')
    this.guard = guard
  }

  /** Removes temporary files left by an interrupted run. */
  start(): void {
    rmSync(this.tmpDir, { recursive: true, force: true })
    mkdirSync(this.tmpDir, { recursive: true })
  }

  /** The file a stored path names; a path that would leave the media folder is refused. */
  abs(relPath: string): string {
    const file = resolve(this.root, ...relPath.split('/'))
    if (relPath.includes('\\') || relPath.includes('\0') || !file.startsWith(this.root + sep)) {
      throw new AppError('photo_bad_path', `The stored photo path ${relPath} leaves the media folder; it is ignored.`, { params: { path: relPath } })
    }
    return file
  }

  originalRel(sha256: string, ext: string): string {
    return posix.join('originals', sha256.slice(0, 2), `${sha256}.${ext}`)
  }

  renditionRel(preset: string, photoId: string, spec: string, ext: string): string {
    return posix.join('renditions', preset, photoId.slice(-2).toLowerCase(), `${photoId}-${spec}.${ext}`)
  }

  /** Moves a staged copy to its content address; an original already stored there is kept as is. */
  async keepOriginal(tmp: string, relPath: string): Promise<void> {
    const dest = this.abs(relPath)
    // link() refuses to replace, so an existing original (same bytes) is never rewritten.
    const place = () => link(tmp, dest).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'EEXIST') return
      if (err.code === 'EPERM' || err.code === 'ENOTSUP' || err.code === 'EXDEV') return rename(tmp, dest)
      throw err
    })
    try {
      // The folder (one of 256) usually exists already: made only when the link finds it missing.
      await place().catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err
        await mkdir(dirname(dest), { recursive: true })
        await place()
      })
    } finally {
      await this.discard(tmp)
    }
  }

  async discard(tmp: string): Promise<void> {
    // A plain file: unlink() is one call where rm() looks at it first.
    await unlink(tmp).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err
    })
  }

  /**
   * Best effort: a file that cannot be removed now is only wasted space (the file journal tries
   * again at the next start). Waits while a backup packs the folder. Returns the files that are gone.
   */
  async remove(relPaths: string[]): Promise<string[]> {
    await this.guard?.whenFree()
    const gone = await Promise.all(relPaths.map(async (p) => {
      let file: string
      try {
        file = this.abs(p)
      } catch {
        // A stored path that leaves the folder is never followed: there is nothing of ours to remove.
        return p
      }
      return unlink(file).then(() => p, (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? p : null))
    }))
    return gone.filter((p): p is string => p !== null)
  }
}
