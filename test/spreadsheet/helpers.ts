// Test helpers for the spreadsheet area: a real core on a temp folder, fixture paths, temp files.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Core } from '../../electron/core/core.ts'

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/spreadsheet')
export const fixture = (...parts: string[]) => join(FIXTURES, ...parts)

export function tempDir(prefix = 'vetrina-sheet-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function openCore(opts: { startJobs?: boolean } = {}): Core {
  return Core.open({ dataDir: tempDir('vetrina-core-'), logFile: null, startJobs: opts.startJobs, lock: false } as Parameters<typeof Core.open>[0])
}

/** Writes bytes or text (encoded as given) to a temp file and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name)
  writeFileSync(path, content)
  return path
}
