// Opens a real core on a fresh temporary data folder (real SQLite file), for tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Core, type CoreOptions } from '../../electron/core/core.ts'
import { MemorySecretStore } from '../../electron/core/platform/secrets.ts'

export function tempDir(prefix = 'vetrina-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export interface TestCore {
  core: Core
  api: ReturnType<Core['api']>
  dataDir: string
  close(): Promise<void>
}

export function openTestCore(opts: Partial<CoreOptions> = {}): TestCore {
  const dataDir = opts.dataDir ?? tempDir()
  // No automatic backup 5 s after opening unless a test asks for one (autoBackupDelayMs): on a busy
  // machine it overlapped later steps and left its staging folder in tmp/ while a test looked there.
  const core = Core.open({ logFile: null, secrets: new MemorySecretStore(), autoBackupDelayMs: 24 * 3600 * 1000, ...opts, dataDir })
  return {
    core,
    api: core.api(),
    dataDir,
    async close() {
      await core.close()
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
