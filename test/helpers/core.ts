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
  const core = Core.open({ logFile: null, secrets: new MemorySecretStore(), ...opts, dataDir })
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
