// System area: information, settings, backups (manual and automatic daily with rotation),
// restore, and the online status.
import { join, resolve } from 'node:path'
import { mkdirSync } from 'node:fs'
import { z } from 'zod'
import { SOURCE_LOCALE } from '../../../shared/domain/locales.ts'
import { swapInStaged, type CoreModule, type Services } from '../core.ts'
import type { JobKind } from '../jobs/runner.ts'
import { openDatabase, schemaVersion } from '../store/db.ts'
import { backupFileName, listBackupFiles, rotateAutomatic, verifyAndStage, writeBackup } from './backup.ts'
import { demoJobs } from './demo/jobs.ts'
import { demoFolderOf, isDemoCatalogue } from '../platform/demo-folder.ts'

const DAY_MS = 24 * 3600 * 1000
/** Largest backup we agree to unpack (protects against archive bombs). */
const MAX_RESTORE_BYTES = 64 * 1024 ** 3

const BackupPayload = z.object({ path: z.string().optional(), automatic: z.boolean().default(false) })
const RestorePayload = z.object({ file: z.string() })

export function systemModule(s: Services): CoreModule<'system'> {
  const tmpDir = join(s.paths.dataDir, 'tmp')

  const backupJob: JobKind<z.infer<typeof BackupPayload>> = {
    kind: 'system.backup',
    payload: BackupPayload,
    async run(job) {
      mkdirSync(tmpDir, { recursive: true })
      const now = s.clock.now()
      const dest = job.payload.path ? resolve(job.payload.path) : join(s.paths.backups, backupFileName(now, job.payload.automatic))
      const out = await writeBackup({
        db: s.db, mediaDir: s.paths.media, workDir: tmpDir, dest, appVersion: s.appVersion, now, signal: job.signal,
        progress: (done, total, message) => job.progress(done, total, message)
      })
      const removed = job.payload.automatic ? rotateAutomatic(s.paths.backups, s.settings.app().autoBackup.keep) : []
      return { file: out.file, size: out.size, removed }
    }
  }

  const restoreJob: JobKind<z.infer<typeof RestorePayload>> = {
    kind: 'system.restore',
    payload: RestorePayload,
    async run(job) {
      const stage = join(tmpDir, `restore-${job.id}`)
      const manifest = await verifyAndStage(job.payload.file, stage, {
        maxBytes: MAX_RESTORE_BYTES,
        progress: (done, total, message) => job.progress(done, total, message)
      })
      job.throwIfStopped()
      const stamp = s.clock.now().toISOString().replace(/[-:]/g, '').slice(0, 15)
      const aside = join(s.paths.dataDir, `before-restore-${stamp}`)
      const jobId = job.id
      const title = `Restore ${job.payload.file}`
      s.requestReload(
        () => {
          // Backups made by a running backup job carry that job as "running": do not rerun it.
          const staged = openDatabase(join(stage, 'catalog.sqlite'))
          try {
            staged.prepare("UPDATE jobs SET state = 'cancelled', message = 'interrupted by the backup' WHERE kind IN ('system.backup', 'system.restore') AND state IN ('queued', 'running', 'waiting', 'paused')").run()
            staged.prepare('ATTACH DATABASE ? AS current').run(s.paths.db)
            s.keepOnRestore(staged)
            staged.exec('DETACH DATABASE current')
          } finally {
            staged.close()
          }
          swapInStaged(s.paths, stage, aside)
        },
        (fresh) => {
          const now = fresh.clock.now().toISOString()
          fresh.db.prepare(
            `INSERT OR REPLACE INTO jobs (id, kind, state, title, payload, done, total, result, attempts, max_attempts, created_at, updated_at, finished_at)
             VALUES (?, 'system.restore', 'done', ?, ?, 1, 1, ?, 1, 1, ?, ?, ?)`
          ).run(jobId, title, JSON.stringify(job.payload), JSON.stringify({ restoredFrom: job.payload.file, previousKeptIn: aside, manifest }), now, now, now)
        }
      )
      return { restoredFrom: job.payload.file, previousKeptIn: aside, manifest }
    }
  }

  let timer: NodeJS.Timeout | null = null
  let statusTimer: NodeJS.Timeout | null = null
  let first: NodeJS.Timeout | null = null
  /** Queues the daily automatic backup when the newest one is older than a day. */
  const maybeAutoBackup = () => {
    const cfg = s.settings.app().autoBackup
    if (!cfg.enabled) return
    const newest = listBackupFiles(s.paths.backups).find((b) => b.automatic)
    if (newest && s.clock.now().getTime() - Date.parse(newest.createdAt) < DAY_MS) return
    const hasProducts = s.db.prepare('SELECT 1 FROM products LIMIT 1').get()
    if (!hasProducts) return
    s.jobs.enqueue('system.backup', { automatic: true }, { title: 'Automatic daily backup', dedupeKey: 'auto-backup' })
  }

  const demo = demoJobs(s)
  let offProgress: (() => void) | null = null

  return {
    area: 'system',
    jobs: [backupJob, restoreJob, ...demo.jobs],
    start() {
      first = setTimeout(maybeAutoBackup, s.options.autoBackupDelayMs ?? 5_000)
      first.unref?.()
      timer = setInterval(maybeAutoBackup, 3600 * 1000)
      timer.unref?.()
      // The event bus outlives this catalogue (a restore or the sample catalogue reopens the core):
      // the listener goes with stop().
      offProgress = s.events.on('job.progress', (job) => {
        // Coalesced: counting thousands of queued jobs on every progress event would be quadratic.
        if (statusTimer || !s.jobs.onlineKinds().includes(job.kind)) return
        statusTimer = setTimeout(() => {
          statusTimer = null
          s.connectivity.publish()
        }, 250)
        statusTimer.unref?.()
      })
    },
    stop() {
      offProgress?.()
      if (statusTimer) clearTimeout(statusTimer)
      if (timer) clearInterval(timer)
      if (first) clearTimeout(first)
    },
    handlers: {
      info: (_input, ctx) => ({
        version: s.appVersion,
        dataDir: s.paths.dataDir,
        schemaVersion: schemaVersion(s.db),
        sourceLocale: SOURCE_LOCALE,
        role: ctx.role,
        catalogue: {
          demo: s.demo,
          canGoBack: resolve(s.paths.dataDir) !== resolve(s.options.dataDir),
          demoReady: isDemoCatalogue(demoFolderOf(resolve(s.options.dataDir)))
        }
      }),
      openDemo: (input) => demo.open(input.fresh),
      closeDemo: () => demo.close(),
      getSettings: () => s.settings.app(),
      updateSettings: (input) => s.settings.updateApp(input),
      backup: (input) => {
        const job = s.jobs.enqueue('system.backup', { path: input.path, automatic: false }, { title: input.path ? `Backup to ${input.path}` : 'Backup' })
        return { jobId: job.id }
      },
      listBackups: () => ({ items: listBackupFiles(s.paths.backups) }),
      restore: (input, ctx) => {
        const file = s.files.resolve(input.file, ctx)
        const job = s.jobs.enqueue('system.restore', { file }, { title: `Restore ${input.file.kind === 'upload' ? input.file.name ?? 'uploaded backup' : file}` })
        return { jobId: job.id }
      },
      onlineStatus: () => s.connectivity.status(),
      checkOnline: () => s.connectivity.check()
    }
  }
}
