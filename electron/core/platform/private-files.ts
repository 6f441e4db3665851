// The data folder holds the firm's catalogue, its photos, logs and sealed secrets: only the user
// who runs Vetrina may read it. The folder is 0700 and what Vetrina creates is 0600 (umask 077 in
// this process and the processes it starts). Windows folders under the user profile are private
// already; there, this does nothing.
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const POSIX = process.platform !== 'win32'

/** Makes new files owner-only for the rest of this process (and its children). */
export function privateUmask(): void {
  if (!POSIX) return
  try {
    process.umask(0o077)
  } catch {
    // Not allowed in worker threads; the core runs on the main thread.
  }
}

function tighten(path: string, mode: number): void {
  try {
    const st = statSync(path)
    if ((st.mode & 0o777) !== mode) chmodSync(path, mode)
  } catch {
    // Another user's file or a file system without modes: leave it.
  }
}

/**
 * Tightens the folder and the files at its top level (the catalogue, its WAL, the lock, secrets)
 * and the folders below it; files deeper down were created owner-only by the umask.
 */
export function protectDataDir(dataDir: string): void {
  if (!POSIX || !existsSync(dataDir)) return
  tighten(dataDir, 0o700)
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    const p = join(dataDir, entry.name)
    if (entry.isDirectory()) tighten(p, 0o700)
    else if (entry.isFile()) tighten(p, 0o600)
  }
  const logs = join(dataDir, 'logs')
  if (existsSync(logs)) for (const f of readdirSync(logs)) tighten(join(logs, f), 0o600)
}
