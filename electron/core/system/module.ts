// System area: information, settings, catalogue health (and the way out when it is damaged or
// missing), backups (manual and automatic daily, verified, rotated 7 daily / 4 weekly / 12
// monthly), restore, recovery, browser-mode links, and the online status.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { z } from 'zod'
import type { CatalogHealth } from '../../../shared/contract/system.ts'
import { SOURCE_LOCALE } from '../../../shared/domain/locales.ts'
import type { CoreModule, Services } from '../core.ts'
import type { JobKind } from '../jobs/runner.ts'
import { openDatabase, schemaVersion } from '../store/db.ts'
import { PARTIAL_SUFFIX, backupFileName, listBackupFiles, markVerified, newestVerified, rotateAutomatic } from './backup-files.ts'
import { readBackup } from './backup-read.ts'
import { writeBackup } from './backup-write.ts'
import { msg, type Message } from '../../../shared/messages/message.ts'
import { freeBytes } from './disk.ts'
import { SystemErrorCodes as E, systemError } from './errors.ts'
import { recoverReadable } from './health.ts'
import { neutraliseRestored } from './restore-neutralise.ts'
import { discardPlan, executeSwap, planSwap } from './restore-swap.ts'
import { demoJobs } from './demo/jobs.ts'
import { demoFolderOf, isDemoCatalogue } from '../platform/demo-folder.ts'

const DAY_MS = 24 * 3600 * 1000
/** Largest backup we agree to unpack (protects against archive bombs beyond the free-space check). */
const MAX_RESTORE_BYTES = 256 * 1024 ** 3

const BackupPayload = z.object({ path: z.string().optional(), automatic: z.boolean().default(false) })
const RestorePayload = z.object({ file: z.string() })
const RecoverPayload = z.object({})

/** The step a backup, restore or recovery is at ("database", "packing" …) as a message for the jobs panel. */
const STAGES = ['database', 'integrity', 'verifying', 'packing', 'checking', 'checked', 'recovering']
const stageMessage = (stage: string | null | undefined) => (stage && STAGES.includes(stage) ? msg(`settings:job.stage.${stage}`) : null)

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').slice(0, 15)

/** A new folder name for a catalogue kept aside (two restores in one second get two folders). */
function asideFolder(dataDir: string, prefix: string, now: Date): string {
  const base = join(dataDir, `${prefix}-${stamp(now)}`)
  let dir = base
  for (let n = 2; existsSync(dir); n++) dir = `${base}-${n}`
  return dir
}

export function systemModule(s: Services): CoreModule<'system'> {
  const tmpDir = join(s.paths.dataDir, 'tmp')
  const free = s.options.freeBytes ?? freeBytes
  const disposers: Array<() => void> = []

  /** Temporary files of backups, restores and recoveries a crash or kill left behind. */
  const sweepTemporary = () => {
    if (existsSync(tmpDir)) {
      for (const f of readdirSync(tmpDir)) {
        if (/^(backup|restore|recover)-/.test(f)) rmSync(join(tmpDir, f), { recursive: true, force: true })
      }
    }
    if (existsSync(s.paths.backups)) {
      for (const f of readdirSync(s.paths.backups)) if (f.endsWith(PARTIAL_SUFFIX)) rmSync(join(s.paths.backups, f), { force: true })
    }
  }

  const recordJob = (db: ReturnType<typeof openDatabase>, id: string, kind: string, title: Message, payload: unknown, result: unknown) => {
    const now = s.clock.now().toISOString()
    db.prepare(
      `INSERT OR REPLACE INTO jobs (id, kind, state, title, payload, done, total, result, attempts, max_attempts, created_at, updated_at, finished_at)
       VALUES (?, ?, 'done', ?, ?, 1, 1, ?, 1, 1, ?, ?, ?)`
    ).run(id, kind, JSON.stringify(title), JSON.stringify(payload), JSON.stringify(result), now, now, now)
  }

  const markFailed = (fresh: Services, id: string, err: unknown) => {
    const e = systemError(E.restoreSwapFailed, `The restored catalogue could not be put in place (${(err as Error)?.message ?? err}); the previous catalogue was kept.`, { detail: String((err as Error)?.message ?? err) })
    const now = fresh.clock.now().toISOString()
    fresh.db.prepare("UPDATE jobs SET state = 'failed', error = ?, result = NULL, finished_at = ?, updated_at = ? WHERE id = ?").run(JSON.stringify(e.toData()), now, now, id)
    fresh.events.emit('job.progress', fresh.jobs.get(id))
  }

  const backupJob: JobKind<z.infer<typeof BackupPayload>> = {
    kind: 'system.backup',
    payload: BackupPayload,
    interrupted: 'fail',
    cleanup: ({ payload }) => {
      if (payload.path) rmSync(resolve(payload.path) + PARTIAL_SUFFIX, { force: true })
    },
    async run(job) {
      mkdirSync(tmpDir, { recursive: true, mode: 0o700 })
      const now = s.clock.now()
      const dest = job.payload.path ? resolve(job.payload.path) : join(s.paths.backups, backupFileName(now, job.payload.automatic))
      const release = s.mediaGuard.hold()
      let out
      try {
        out = await writeBackup({
          db: s.db, mediaDir: s.paths.media, workDir: tmpDir, dest, appVersion: s.appVersion, now, signal: job.signal,
          mediaFiles: s.mediaFiles, freeBytes: free,
          onDamaged: (problems) => s.health.markDamaged(problems[0], s.clock.now()),
          progress: (done, total, stage) => job.progress(done, total, stageMessage(stage))
        })
      } finally {
        release()
      }
      const cfg = s.settings.app().autoBackup
      const removed = job.payload.automatic ? rotateAutomatic(s.paths.backups, { daily: cfg.keep, weekly: cfg.weeks, monthly: cfg.months }) : []
      return { file: out.file, size: out.size, removed, products: out.products, mediaFiles: out.manifest.media.files, missingMedia: out.missing, verified: true }
    }
  }

  const restoreJob: JobKind<z.infer<typeof RestorePayload>> = {
    kind: 'system.restore',
    payload: RestorePayload,
    interrupted: 'fail',
    cleanup: ({ id }) => rmSync(join(tmpDir, `restore-${id}`), { recursive: true, force: true }),
    async run(job) {
      mkdirSync(tmpDir, { recursive: true, mode: 0o700 })
      const stage = join(tmpDir, `restore-${job.id}`)
      rmSync(stage, { recursive: true, force: true })
      const aside = asideFolder(s.paths.dataDir, 'before-restore', s.clock.now())
      const title = msg('settings:job.restore', { file: basename(job.payload.file) })
      let result
      try {
        const read = await readBackup(job.payload.file, {
          stageDir: stage, mediaFiles: s.mediaFiles, freeBytes: free, maxBytes: MAX_RESTORE_BYTES, signal: job.signal,
          progress: (done, total, stage) => job.progress(done, total, stageMessage(stage))
        })
        job.throwIfStopped()
        result = { restoredFrom: job.payload.file, previousKeptIn: aside, manifest: read.manifest, products: read.products, skippedFiles: read.skipped, kept: {} as Record<string, number> }
        // The staged catalogue: migrated to this version, made safe, keeping what lives outside it.
        const staged = openDatabase(join(stage, 'catalog.sqlite'))
        try {
          staged.prepare('ATTACH DATABASE ? AS current').run(s.db.name)
          result.kept = staged.transaction(() => neutraliseRestored(staged))()
          s.keepOnRestore(staged)
          staged.exec('DETACH DATABASE current')
          recordJob(staged, job.id, 'system.restore', title, job.payload, result)
        } finally {
          staged.close()
        }
        if (dirname(resolve(job.payload.file)) === s.paths.backups) {
          markVerified(job.payload.file, { products: read.products, mediaFiles: read.mediaFiles, missingMedia: read.missing.length, now: s.clock.now() })
        }
        planSwap(s.paths, stage, aside, job.id)
      } catch (err) {
        discardPlan(s.paths)
        rmSync(stage, { recursive: true, force: true })
        throw err
      }
      s.requestReload(() => executeSwap(s.paths), undefined, (fresh, err) => markFailed(fresh, job.id, err))
      return result
    }
  }

  const recoverJob: JobKind<z.infer<typeof RecoverPayload>> = {
    kind: 'system.recover',
    payload: RecoverPayload,
    interrupted: 'fail',
    cleanup: ({ id }) => rmSync(join(tmpDir, `recover-${id}`), { recursive: true, force: true }),
    async run(job) {
      if (s.health.get().state !== 'damaged') throw systemError(E.recoverNothing, 'The catalogue is not damaged; there is nothing to recover.')
      mkdirSync(tmpDir, { recursive: true, mode: 0o700 })
      const stage = join(tmpDir, `recover-${job.id}`)
      rmSync(stage, { recursive: true, force: true })
      mkdirSync(stage, { mode: 0o700 })
      const aside = asideFolder(s.paths.dataDir, 'before-recover', s.clock.now())
      let report
      try {
        job.progress(0, null, stageMessage('recovering'))
        report = recoverReadable(s.db.name, join(stage, 'catalog.sqlite'))
        const staged = openDatabase(join(stage, 'catalog.sqlite'))
        try {
          recordJob(staged, job.id, 'system.recover', msg('settings:job.recover'), {}, { ...report, previousKeptIn: aside })
        } finally {
          staged.close()
        }
        planSwap(s.paths, stage, aside, job.id, true)
      } catch (err) {
        discardPlan(s.paths)
        rmSync(stage, { recursive: true, force: true })
        throw err
      }
      s.requestReload(() => executeSwap(s.paths), (fresh) => reindexSearch(fresh), (fresh, err) => markFailed(fresh, job.id, err))
      return { ...report, previousKeptIn: aside }
    }
  }

  let timer: NodeJS.Timeout | null = null
  let statusTimer: NodeJS.Timeout | null = null
  let first: NodeJS.Timeout | null = null
  /** Queues the daily automatic backup when the newest one is older than a day. */
  const maybeAutoBackup = () => {
    const cfg = s.settings.app().autoBackup
    if (!cfg.enabled || s.health.get().state !== 'ok') return
    const newest = listBackupFiles(s.paths.backups).find((b) => b.automatic && b.verified)
    if (newest && s.clock.now().getTime() - Date.parse(newest.createdAt) < DAY_MS) return
    const hasProducts = s.db.prepare('SELECT 1 FROM products LIMIT 1').get()
    if (!hasProducts) return
    s.jobs.enqueue('system.backup', { automatic: true }, { title: msg('settings:job.autoBackup'), dedupeKey: 'auto-backup' })
  }

  const demo = demoJobs(s)
  const health = (): CatalogHealth => {
    const h = s.health.get()
    return { ...h, newestGoodBackup: newestVerified(s.paths.backups), canRecover: h.state === 'damaged', canStartEmpty: h.state === 'missing' }
  }

  return {
    area: 'system',
    jobs: [backupJob, restoreJob, recoverJob, ...demo.jobs],
    start() {
      sweepTemporary()
      first = setTimeout(maybeAutoBackup, s.options.autoBackupDelayMs ?? 5_000)
      first.unref?.()
      timer = setInterval(maybeAutoBackup, 3600 * 1000)
      timer.unref?.()
      disposers.push(s.events.on('job.progress', (job) => {
        // Coalesced: counting thousands of queued jobs on every progress event would be quadratic.
        if (statusTimer || !s.jobs.onlineKinds().includes(job.kind)) return
        statusTimer = setTimeout(() => {
          statusTimer = null
          s.connectivity.publish()
        }, 250)
        statusTimer.unref?.()
      }))
    },
    stop() {
      for (const off of disposers.splice(0)) off()
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
        health: s.health.get().state,
        catalogue: {
          demo: s.demo,
          canGoBack: resolve(s.paths.dataDir) !== resolve(s.options.dataDir),
          demoReady: isDemoCatalogue(demoFolderOf(resolve(s.options.dataDir)))
        }
      }),
      openDemo: (input) => demo.open(input.fresh),
      closeDemo: () => demo.close(),
      health: () => health(),
      recover: () => {
        if (s.health.get().state !== 'damaged') throw systemError(E.recoverNothing, 'The catalogue is not damaged; there is nothing to recover.')
        return { jobId: s.jobs.enqueue('system.recover', {}, { title: msg('settings:job.recover'), dedupeKey: 'system.recover' }).id }
      },
      startEmpty: async () => {
        if (s.health.get().state !== 'missing') throw systemError(E.startEmptyRefused, 'There is a catalogue here; an empty one is started only when it is missing.')
        await s.reloadNow(() => openDatabase(s.paths.db).close())
        return { started: true }
      },
      getSettings: () => s.settings.app(),
      updateSettings: (input) => s.settings.updateApp(input),
      backup: (input) => {
        const job = s.jobs.enqueue('system.backup', { path: input.path, automatic: false }, { title: input.path ? msg('settings:job.backupTo', { path: input.path }) : msg('settings:job.backup') })
        return { jobId: job.id }
      },
      listBackups: () => ({ items: listBackupFiles(s.paths.backups) }),
      restore: (input, ctx) => {
        const file = s.files.resolve(input.file, ctx)
        const job = s.jobs.enqueue('system.restore', { file }, { title: msg('settings:job.restore', { file: input.file.kind === 'upload' ? input.file.name ?? basename(file) : basename(file) }) })
        return { jobId: job.id }
      },
      restoreListed: (input) => {
        // Only a name from our own list: no path reaches the core this way.
        const b = listBackupFiles(s.paths.backups).find((x) => x.fileName === input.name)
        if (!b) throw systemError(E.restoreMissingFile, `There is no backup named ${input.name} in the backups folder.`, { file: input.name })
        return { jobId: s.jobs.enqueue('system.restore', { file: b.path }, { title: msg('settings:job.restore', { file: b.fileName }) }).id }
      },
      listLinks: (input) => ({ items: s.accessLinks.list(input.includeInactive) }),
      revokeLink: (input) => {
        const link = s.accessLinks.revoke(input.id)
        if (!link) throw systemError(E.linkNotFound, `No link with id ${input.id}.`, { id: input.id })
        s.events.emit('data.changed', { entity: 'accessLinks', ids: [input.id] })
        return link
      },
      onlineStatus: () => s.connectivity.status(),
      checkOnline: () => s.connectivity.check()
    }
  }
}

/** After a recovery the search indexes (derived, not copied) are built again from the products. */
function reindexSearch(fresh: Services): void {
  const rows = fresh.db.prepare('SELECT id, usn, sku FROM products').all() as Array<{ id: string; usn: number; sku: string }>
  fresh.db.transaction(() => {
    for (const r of rows) {
      try {
        fresh.products.index(null, r.usn, r.sku, fresh.products.get(r.id).texts)
      } catch (err) {
        fresh.log.warn(`recover: product ${r.sku} could not be indexed`, err)
      }
    }
  })()
}
