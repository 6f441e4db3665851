// Makes the sample catalogue in a folder of its own: built in a sibling folder by a Vetrina core
// opened there (its own database, photos and built-in sandbox), marked as a sample, and moved into
// place only when whole — so a cancelled or failed build leaves nothing half-made, and a folder
// that holds a firm's catalogue is never touched.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { AppError } from '../../../../shared/contract/errors.ts'
import { Core, type CoreOptions } from '../../core.ts'
import { isDemoCatalogue, writeDemoMarker } from '../../platform/demo-folder.ts'
import { InstanceLock } from '../../platform/instance-lock.ts'
import { MemorySecretStore } from '../../platform/secrets.ts'
import { buildDemoCatalogue, type BuildProgress, type BuildResult } from './build.ts'

export interface CreateDemoOptions {
  /** Make it again when a sample catalogue is there already (default: keep it). */
  replace?: boolean
  progress?: BuildProgress
  /** Throws when the work should stop (a job cancelled or paused): nothing is left behind. */
  throwIfStopped?: () => void
  /** Passed on to the core that builds it (the photo engine's script). */
  core?: Pick<CoreOptions, 'photoEngine' | 'connectivity'>
  appVersion?: string
}

export interface CreateDemoResult {
  dir: string
  /** false: a sample catalogue was there already and was kept. */
  created: boolean
  result: BuildResult | null
}

/** Why `dir` cannot hold a sample catalogue, or null. */
export function demoFolderProblem(dir: string): AppError | null {
  if (!existsSync(dir) || isDemoCatalogue(dir)) return null
  if (existsSync(join(dir, 'catalog.sqlite')) || readdirSync(dir).length > 0) {
    return new AppError('demo_folder_in_use', `${dir} is not empty (it may hold a catalogue): the sample catalogue needs a folder of its own. Nothing was changed.`, { params: { path: dir } })
  }
  return null
}

export async function createDemoCatalogue(target: string, o: CreateDemoOptions = {}): Promise<CreateDemoResult> {
  const dir = resolve(target)
  const problem = demoFolderProblem(dir)
  if (problem) throw problem
  if (isDemoCatalogue(dir) && !o.replace) return { dir, created: false, result: null }
  // A Vetrina working in the sample catalogue now must not have it swapped under it.
  let lock: InstanceLock | null = null
  if (existsSync(dir)) {
    lock = new InstanceLock(dir)
    lock.acquire()
  }
  const stamp = `${process.pid}-${Date.now().toString(36)}`
  const building = join(dirname(dir), `.${basename(dir)}.building-${stamp}`)
  let result: BuildResult
  try {
    mkdirSync(building, { recursive: true })
    const core = Core.open({ dataDir: building, logFile: null, secrets: new MemorySecretStore(), autoBackupDelayMs: 3_600_000, ...o.core })
    try {
      result = await buildDemoCatalogue({
        api: core.api({ role: 'owner', transport: 'cli', actor: 'demo' }),
        workDir: join(building, 'tmp', 'demo-sources'),
        progress: o.progress,
        throwIfStopped: o.throwIfStopped
      })
      await core.s.jobs.whenIdle()
    } finally {
      await core.close()
    }
    rmSync(join(building, 'tmp', 'demo-sources'), { recursive: true, force: true })
    writeDemoMarker(building, { createdAt: new Date().toISOString(), appVersion: o.appVersion ?? '', products: result.products })
    // Into place: the old sample (if any) goes aside first and is removed once the new one is there.
    const old = join(dirname(dir), `.${basename(dir)}.old-${stamp}`)
    lock?.release()
    lock = null
    if (existsSync(dir)) renameSync(dir, old)
    renameSync(building, dir)
    rmSync(old, { recursive: true, force: true })
  } catch (err) {
    rmSync(building, { recursive: true, force: true })
    throw err
  } finally {
    lock?.release()
  }
  return { dir, created: true, result }
}
