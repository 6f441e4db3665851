// Free space on the file system holding a folder, so a backup or restore that cannot fit is
// refused before it starts instead of filling the disk.
import { existsSync, statfsSync } from 'node:fs'
import { dirname } from 'node:path'

/** Room kept free for the catalogue's own writes while a backup or restore runs. */
export const SPARE_BYTES = 64 * 1024 * 1024

/** Bytes available to this user where `path` (or its nearest existing parent) lives; null if unknown. */
export function freeBytes(path: string): number | null {
  let p = path
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p)
  try {
    const s = statfsSync(p)
    return Number(s.bavail) * Number(s.bsize)
  } catch {
    return null
  }
}
