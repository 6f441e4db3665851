// Opaque handles for the files and folders the user chose in the desktop app. The page never
// names a path: the main process opens the dialog (or receives a dropped file through the
// preload), keeps the path here and gives the page a random handle, valid only for the window it
// was given to, only in this session, and only for what was chosen (a file to read, a folder to
// read, a file to write). The path policy (electron/core/path-policy.ts) swaps it back.
// No electron import: unit-tested with plain objects.
import { randomBytes } from 'node:crypto'
import type { PathUse } from '../../shared/contract/define.ts'
import type { FileHandles } from '../core/path-policy.ts'

/** What the user chose: a file to open, a folder to open, or where to save a file. */
export type Grant = 'open-file' | 'open-folder' | 'save'

const SERVES: Readonly<Record<PathUse, readonly Grant[]>> = {
  read: ['open-file'],
  'read-any': ['open-file', 'open-folder'],
  write: ['save']
}

const HANDLE = /^vh1_[A-Za-z0-9_-]{32}$/
/** Enough for any real session; beyond it the oldest handles are forgotten. */
const MAX_HANDLES = 20_000

interface Entry {
  path: string
  grant: Grant
  /** The webContents it was handed to. */
  owner: number
}

export class FileHandleRegistry {
  private readonly entries = new Map<string, Entry>()

  /** Records a path the user chose in `owner`'s window; returns its handle. */
  grant(path: string, grant: Grant, owner: number): string {
    const handle = `vh1_${randomBytes(24).toString('base64url')}`
    this.entries.set(handle, { path, grant, owner })
    if (this.entries.size > MAX_HANDLES) this.entries.delete(this.entries.keys().next().value!)
    return handle
  }

  /** The real path behind `handle`, if `owner` was given it for a choice that serves `use`. */
  resolve(handle: string, use: PathUse, owner: number): string | null {
    if (typeof handle !== 'string' || !HANDLE.test(handle)) return null
    const entry = this.entries.get(handle)
    if (!entry || entry.owner !== owner || !SERVES[use].includes(entry.grant)) return null
    return entry.path
  }

  /** The resolver for one window, as the dispatcher takes it. */
  forOwner(owner: number): FileHandles {
    return { resolve: (handle, use) => this.resolve(handle, use, owner) }
  }

  /** Forgets a window's handles (it closed or navigated away). */
  revoke(owner: number): void {
    for (const [handle, entry] of this.entries) if (entry.owner === owner) this.entries.delete(handle)
  }

  get size(): number {
    return this.entries.size
  }
}
