// The composition root of the headless core: opens the store, builds the services and the
// handler table, starts the job runner. Runs under plain Node (CLI, browser-mode host, tests)
// and inside Electron's main process alike. Areas plug in through `modules.ts`.
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Api, AreaName } from '../../shared/contract/index.ts'
import { AppError, ErrorCodes, type CallResult } from '../../shared/contract/errors.ts'
import { calls } from '../../shared/contract/index.ts'
import { dispatch, type CallContext, type Handlers } from './dispatch.ts'
import { EventBus, ScopedEventBus } from './events.ts'
import { JobRunner, type JobKind } from './jobs/runner.ts'
import { createLogger, type Logger } from './log.ts'
import { systemClock, type Clock } from './platform/clock.ts'
import { ConnectivityMonitor, type ConnectivityOptions } from './platform/connectivity.ts'
import { FileService, dataPaths, type DataPaths } from './platform/files.ts'
import type { SecretStore } from './platform/secrets.ts'
import { openSecretStore } from './platform/keyring-secrets.ts'
import { ProductMedia } from './platform/product-media.ts'
import { PavilionLinks } from './platform/pavilion-links.ts'
import { BrowserLinks } from './platform/links.ts'
import { AccessLinks } from './platform/access-links.ts'
import { InstanceLock, LOCK_FILE } from './platform/instance-lock.ts'
import { MediaGuard } from './platform/media-guard.ts'
import { privateUmask, protectDataDir } from './platform/private-files.ts'
import { catalogEvidence, catalogPresent } from './platform/catalog-guard.ts'
import { openDatabase, type Db } from './store/db.ts'
import { quickCheck, type CatalogHealth, type HealthState } from './system/health.ts'
import { settleInterruptedSwap } from './system/restore-swap.ts'
import { SystemErrorCodes, systemError } from './system/errors.ts'
import { SettingsStore } from './settings/settings-store.ts'
import { CategoryStore } from './catalog/categories.ts'
import { FamilyStore } from './catalog/families.ts'
import { ProductStore } from './catalog/product-store.ts'
import { ProductList } from './catalog/product-list.ts'
import { HistoryService } from './catalog/history-service.ts'
import { MODULES } from './modules.ts'
import { isDemoCatalogue } from './platform/demo-folder.ts'

export const APP_VERSION = '0.1.0'

export interface CoreOptions {
  dataDir: string
  clock?: Clock
  secrets?: SecretStore
  /** Log file (default: <dataDir>/logs/vetrina.log); null disables file logging. */
  logFile?: string | null
  echoLog?: boolean
  /** Start the job runner (default true). */
  startJobs?: boolean
  connectivity?: ConnectivityOptions
  /** Take the single-instance lock on the data folder (default true). */
  lock?: boolean
  /** The photo engine's script (default: the one beside the photos code; bench:photos passes the built one the app ships). */
  photoEngine?: string
  /** When the first automatic-backup check runs after start (default 5 s; tests shorten it). */
  autoBackupDelayMs?: number
  /**
   * Open even when the catalogue cannot be used (damaged, missing, from a newer Vetrina), so
   * that it can be restored or recovered: only those calls are answered then (see RESCUE_CALLS).
   * Without it, such a catalogue is an error.
   */
  rescue?: boolean
  /** Free bytes where a path lives (default: the file system's; tests pretend a full disk). */
  freeBytes?: (path: string) => number | null
}

/** A file under media/ that a catalogue references. */
export interface MediaFileRef {
  relPath: string
  sha256: string
  bytes: number
}

/** An area's media files in a catalogue (live, a backup's snapshot, or a staged restore). */
export interface MediaFileSource {
  totals(): { files: number; bytes: number }
  /** Every referenced file once, by path, streamed from the database. */
  each(): Iterable<MediaFileRef>
  /** Stored paths that break the area's media layout. */
  badPaths(): Array<{ table: string; relPath: string }>
}

/** What answers while the catalogue cannot be used: the way out, and nothing that touches the catalogue. */
export const RESCUE_CALLS = new Set([
  'system.info', 'system.health', 'system.getSettings', 'system.listBackups', 'system.restore', 'system.restoreListed', 'system.recover', 'system.startEmpty',
  'system.onlineStatus', 'system.checkOnline'
])
const RESCUE_JOBS = ['system.restore', 'system.recover']

/** The catalogue's health, readable by every area; a backup reports damage it finds. */
export class HealthMonitor {
  private current: CatalogHealth
  private readonly onChange: (h: CatalogHealth) => void

  constructor(initial: CatalogHealth, onChange: (h: CatalogHealth) => void) {
    this.current = initial
    this.onChange = onChange
  }

  get(): CatalogHealth {
    return this.current
  }

  markDamaged(problem: string, at: Date): void {
    if (this.current.state !== 'ok') return
    this.current = { state: 'damaged', problem, checkedAt: at.toISOString() }
    this.onChange(this.current)
  }
}

/** What every area's module receives. */
export interface Services {
  db: Db
  paths: DataPaths
  clock: Clock
  log: Logger
  events: EventBus
  jobs: JobRunner
  settings: SettingsStore
  files: FileService
  secrets: SecretStore
  connectivity: ConnectivityMonitor
  categories: CategoryStore
  families: FamilyStore
  products: ProductStore
  productList: ProductList
  history: HistoryService
  /** Pavilion-ready main images per product (provided by the photos area). */
  productMedia: ProductMedia
  /** Checks pavilion category ids before a category is linked (provided by the publish area). */
  pavilionLinks: PavilionLinks
  /** Issues browser-mode links for other roles while the host runs (null otherwise). */
  links: BrowserLinks
  /** Keys of browser-mode links given to other people (hashed, with expiry). */
  accessLinks: AccessLinks
  /** Removals under media/ wait while a backup packs it. */
  mediaGuard: MediaGuard
  /** Every area's media files in `db` (see CoreModule.mediaFiles). */
  mediaFiles(db: Db): MediaFileSource
  health: HealthMonitor
  /**
   * Closes the store once the current job has finished, runs `prepare` (which may swap files on
   * disk: restore), opens everything again and then runs `after` on the new services.
   */
  requestReload(prepare: () => void, after?: (s: Services) => void, failed?: (s: Services, err: unknown) => void): void
  /** The same, now (after the current call returns), for work that is not a job. */
  reloadNow(prepare: () => void, after?: (s: Services) => void): Promise<void>
  /** Every area's keepOnRestore hook (see CoreModule). */
  keepOnRestore(restored: Db): void
  /**
   * Once the current job has finished, closes this catalogue and opens the one in `dir` instead
   * (the sample catalogue, or back to `options.dataDir`), through the same reload as a restore.
   */
  requestCatalogue(dir: string): void
  /** This is a sample catalogue made by Vetrina (system/demo), not a firm's. */
  demo: boolean
  appVersion: string
  options: CoreOptions
}

/** An area of the application: its handlers, its job kinds, and optional lifecycle hooks. */
export interface CoreModule<A extends AreaName = AreaName> {
  area: A
  handlers: Handlers[A]
  jobs?: JobKind<any>[]
  start?(): void
  stop?(): Promise<void> | void
  /**
   * A restore replaces the catalogue with an older one, but some state lives outside it (what the
   * pavilion already holds). Called with the restored database, migrated, with the catalogue being
   * replaced attached as schema `current`, before the restored one is swapped in.
   */
  keepOnRestore?(restored: Db): void
  /** The files under media/ this area's tables reference in `db`, for backups and restores. */
  mediaFiles?(db: Db): MediaFileSource
}

export type ModuleFactory = (s: Services) => CoreModule

export class Core {
  readonly events = new EventBus()
  /** Survives reloads: the browser-mode host registers itself once. */
  readonly links = new BrowserLinks()
  readonly options: CoreOptions
  private services!: Services
  private modules: CoreModule[] = []
  private handlers!: Handlers
  private pendingReload: { prepare: () => void; after?: (s: Services) => void; failed?: (s: Services, err: unknown) => void } | null = null
  private reloading: Promise<void> | null = null
  private closed = false
  private lock: InstanceLock | null = null
  /** The catalogue open now: options.dataDir, or another one opened from it (the sample catalogue). */
  private dataDir: string
  /** The lock of that other catalogue (options.dataDir stays locked by this process meanwhile). */
  private awayLock: InstanceLock | null = null
  /** Opened once (a keyring probe is not free), kept across reloads. */
  private secretStore: SecretStore | null = null
  /** This build's subscriptions (removed at teardown). */
  private scope: ScopedEventBus | null = null

  private constructor(options: CoreOptions) {
    this.options = options
    this.dataDir = resolve(options.dataDir)
    // A restore asked for a reload: do it once its job has finished.
    this.events.on('job.progress', (job) => {
      if (this.pendingReload && job.state === 'done') setImmediate(() => !this.closed && void this.reload())
    })
  }

  private lockLeftByCrash = false

  static open(options: CoreOptions): Core {
    const core = new Core(options)
    privateUmask()
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
    // Written while a Vetrina runs and removed when it stops: here, it was left by a crash.
    core.lockLeftByCrash = existsSync(join(options.dataDir, `${LOCK_FILE}.json`))
    if (options.lock !== false) {
      core.lock = new InstanceLock(options.dataDir)
      core.lock.acquire()
    }
    try {
      protectDataDir(options.dataDir)
      core.build()
    } catch (err) {
      core.lock?.release()
      throw err
    }
    return core
  }

  /** The catalogue's health as of the last check (open, backup). */
  get health(): CatalogHealth {
    return this.services.health.get()
  }

  get s(): Services {
    return this.services
  }

  /** Calls the contract (validation, roles) — what every transport does. */
  async call(method: string, input: unknown, ctx: CallContext = { role: 'owner', transport: 'test' }): Promise<CallResult<unknown>> {
    if (this.reloading) await this.reloading
    if (this.closed) return { ok: false, error: { code: 'closed', message: 'Vetrina is shutting down.' } }
    const health = this.services.health.get()
    if (health.state !== 'ok' && !RESCUE_CALLS.has(method) && !method.startsWith('jobs.')) {
      return { ok: false, error: healthError(health).toData() }
    }
    // An exclusive job (an import) holds one open transaction: let it finish before anything else touches the store.
    if (!method.startsWith('jobs.')) await this.services.jobs.whenNotExclusive()
    if (this.closed) return { ok: false, error: { code: 'closed', message: 'Vetrina is shutting down.' } }
    return dispatch(this.handlers, method, input, ctx, this.services.log)
  }

  /** A typed client over `call` (CLI, tests); failures throw AppError. */
  api(ctx: CallContext = { role: 'owner', transport: 'test' }): Api {
    const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
    for (const method of Object.keys(calls)) {
      const [area, name] = method.split('.')
      api[area] ??= {}
      api[area][name] = async (input?: unknown) => {
        const r = await this.call(method, input, ctx)
        if (!r.ok) throw AppError.fromData(r.error)
        return r.value
      }
    }
    return api as unknown as Api
  }

  async close(): Promise<void> {
    if (this.closed) return
    // A finished restore waiting to swap files in must complete first.
    if (this.pendingReload) await this.reload()
    else if (this.reloading) await this.reloading
    this.closed = true
    try {
      await this.teardown()
    } finally {
      this.awayLock?.release()
      this.lock?.release()
    }
  }

  /** Switches the folder the next build opens (inside a reload, with the store closed). */
  private moveTo(dir: string): void {
    if (dir === this.dataDir) return
    const home = resolve(this.options.dataDir)
    let lock: InstanceLock | null = null
    if (dir !== home && this.options.lock !== false) {
      mkdirSync(dir, { recursive: true })
      lock = new InstanceLock(dir)
      lock.acquire() // another Vetrina on it: the reload reopens the catalogue that was open
    }
    this.awayLock?.release()
    this.awayLock = lock
    this.dataDir = dir
  }

  /** Opens the catalogue, or (in rescue mode) a stand-in when it cannot be used. */
  private openCatalog(paths: DataPaths, clock: Clock, log: Logger): { db: Db; health: CatalogHealth } {
    const at = clock.now().toISOString()
    const interrupted = settleInterruptedSwap(paths)
    if (interrupted) log.warn(interrupted.committed ? 'a restore finished before the last stop; its leftovers were removed' : 'a restore was interrupted; the previous catalogue was put back')
    let db: Db
    let health: CatalogHealth
    try {
      if (!catalogPresent(paths)) {
        const evidence = catalogEvidence(paths, this.lockLeftByCrash)
        if (evidence.length) {
          throw systemError(SystemErrorCodes.catalogMissing,
            `The data folder ${paths.dataDir} has no catalogue (catalog.sqlite is missing or empty) but holds ${evidence.join(', ')}. ` +
            'Restore the newest backup, or start an empty catalogue on purpose; nothing was created.', { dataDir: paths.dataDir, found: evidence.join(', ') })
        }
      }
      db = openDatabase(paths.db)
      const problems = quickCheck(db)
      health = problems.length ? { state: 'damaged', problem: problems[0], checkedAt: at } : { state: 'ok', problem: null, checkedAt: at }
      if (problems.length) log.error(`the catalogue is damaged: ${problems.slice(0, 5).join('; ')}`)
    } catch (err) {
      const state = rescueState(err)
      if (!state || !this.options.rescue) throw err
      log.error(`the catalogue cannot be used (${state}); opening for rescue only`, err)
      // A stand-in catalogue answers the calls that do not need the real one (settings, jobs).
      const standIn = join(paths.dataDir, 'tmp', 'rescue-catalog.sqlite')
      mkdirSync(join(paths.dataDir, 'tmp'), { recursive: true })
      for (const suffix of ['', '-wal', '-shm']) rmSync(standIn + suffix, { force: true })
      db = openDatabase(standIn)
      health = { state, problem: (err as Error).message, checkedAt: at }
    }
    if (interrupted?.rolledBackJob && health.state === 'ok') {
      const e = systemError(SystemErrorCodes.restoreInterrupted, 'Vetrina stopped while the restored catalogue was being put in place; the previous catalogue was kept. Restore again.')
      db.prepare("UPDATE jobs SET state = 'failed', error = ?, finished_at = ?, updated_at = ? WHERE id = ?").run(JSON.stringify(e.toData()), at, at, interrupted.rolledBackJob)
    }
    return { db, health }
  }

  private build(): void {
    const o = this.options
    const paths = dataPaths(this.dataDir)
    const home = this.dataDir === resolve(o.dataDir)
    mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 })
    const clock = o.clock ?? systemClock
    const log = createLogger(o.logFile === undefined ? join(paths.logs, 'vetrina.log') : o.logFile, o.echoLog ?? false)
    const { db, health: initialHealth } = this.openCatalog(paths, clock, log)
    const events = (this.scope = new ScopedEventBus(this.events))
    const health = new HealthMonitor(initialHealth, (h) => {
      log.error(`the catalogue is damaged: ${h.problem}`)
      this.services.jobs.restrictTo(RESCUE_JOBS)
      events.emit('data.changed', { entity: 'health', all: true })
    })
    const files = new FileService(paths)
    const settings = new SettingsStore(db, events)
    const jobs = new JobRunner({ db, events, clock, log })
    const connectivity = new ConnectivityMonitor(
      { events, clock, pendingCount: () => jobs.countActive(jobs.onlineKinds()) },
      o.connectivity
    )
    connectivity.onChange((online) => jobs.setOnline(online))
    const categories = new CategoryStore(db, clock)
    const families = new FamilyStore(db, clock)
    if (initialHealth.state === 'ok') families.seedPresets()
    const products = new ProductStore({ db, clock, families, categories, events })
    const productList = new ProductList({ db, categories, targetLocales: () => settings.app().targetLocales })
    const history = new HistoryService(db, products)
    this.services = {
      db, paths, clock, log, events, jobs, settings, files,
      // Secrets belong to the firm's catalogue: another one (the sample) keeps its own, in its folder.
      secrets: home ? (this.secretStore ??= o.secrets ?? openSecretStore(paths.dataDir)) : openSecretStore(paths.dataDir), connectivity,
      categories, families, products, productList, history, productMedia: new ProductMedia(), pavilionLinks: new PavilionLinks(), links: this.links,
      accessLinks: new AccessLinks(db, clock),
      mediaGuard: new MediaGuard(),
      mediaFiles: (target) => mergeSources(this.modules.flatMap((m) => (m.mediaFiles ? [m.mediaFiles(target)] : []))),
      health,
      requestReload: (prepare, after, failed) => {
        this.pendingReload = { prepare, after, failed }
      },
      reloadNow: (prepare, after) => {
        this.pendingReload = { prepare, after }
        return new Promise<void>((resolve, reject) => setImmediate(() => this.reload().then(resolve, reject)))
      },
      keepOnRestore: (restored) => {
        for (const m of this.modules) {
          try {
            m.keepOnRestore?.(restored)
          } catch (err) {
            log.error(`restore: ${m.area} could not keep its state from the replaced catalogue`, err)
          }
        }
      },
      requestCatalogue: (dir) => {
        const target = resolve(dir)
        // Screens everywhere (other browser tabs too) start again on the catalogue now open.
        this.pendingReload = { prepare: () => this.moveTo(target), after: (fresh) => fresh.events.emit('data.changed', { entity: 'catalogue', all: true }) }
      },
      demo: isDemoCatalogue(paths.dataDir),
      appVersion: APP_VERSION,
      options: o
    }
    this.modules = MODULES.map((factory) => factory(this.services))
    const handlers: Partial<Handlers> = {}
    for (const m of this.modules) {
      ;(handlers as Record<string, unknown>)[m.area] = m.handlers
      for (const kind of m.jobs ?? []) jobs.register(kind)
    }
    this.handlers = handlers as Handlers
    const missing = Object.keys(calls).filter((m) => {
      const [area, name] = m.split('.')
      return typeof (handlers as Record<string, Record<string, unknown> | undefined>)[area]?.[name] !== 'function'
    })
    if (missing.length) throw new Error(`contract calls without a handler: ${missing.join(', ')}`)
    files.sweep()
    // A catalogue that cannot be used is not touched: only the way out (system, jobs) starts.
    const usable = health.get().state === 'ok'
    if (!usable) jobs.restrictTo(RESCUE_JOBS)
    for (const m of this.modules) if (usable || m.area === 'system' || m.area === 'jobs') m.start?.()
    if (o.startJobs !== false) jobs.start()
    connectivity.start()
  }

  private async teardown(): Promise<void> {
    const s = this.services
    s.connectivity.stop()
    // Jobs first: a running job still needs its area (the photo engine, the sandbox) to stop
    // cleanly at a checkpoint; areas stop once nothing uses them.
    await s.jobs.stop()
    for (const m of this.modules) await m.stop?.()
    // Whatever an area subscribed and did not remove goes now: nothing may reach a closed catalogue.
    this.scope?.dispose()
    s.db.close()
  }

  /** Closes everything, lets `prepare` swap files on disk, and opens again. */
  private reload(): Promise<void> {
    if (this.reloading) return this.reloading
    const pending = this.pendingReload
    this.pendingReload = null
    if (!pending) return Promise.resolve()
    this.reloading = (async () => {
      await this.teardown()
      let failure: unknown = null
      try {
        pending.prepare()
      } catch (err) {
        failure = err
        this.services.log.error('reload preparation failed; reopening the previous catalogue', err)
      }
      this.build()
      try {
        if (failure) pending.failed?.(this.services, failure)
        else pending.after?.(this.services)
      } catch (err) {
        this.services.log.error('after the reload', err)
      }
      this.events.emit('data.changed', { entity: '*', all: true })
    })().finally(() => {
      this.reloading = null
    })
    return this.reloading
  }
}

function rescueState(err: unknown): HealthState | null {
  if (!(err instanceof AppError)) return null
  if (err.code === SystemErrorCodes.catalogMissing) return 'missing'
  if (err.code === ErrorCodes.dbCorrupt) return 'unreadable'
  if (err.code === ErrorCodes.dbNewer) return 'newer'
  return null
}

/** The error every call but the way out gets while the catalogue cannot be used. */
export function healthError(h: CatalogHealth): AppError {
  const code = h.state === 'missing' ? SystemErrorCodes.catalogMissing
    : h.state === 'newer' ? SystemErrorCodes.catalogNewer
    : h.state === 'unreadable' ? SystemErrorCodes.catalogUnreadable
    : SystemErrorCodes.catalogDamaged
  return systemError(code, `The catalogue cannot be used (${h.state}: ${h.problem ?? 'unknown'}). Restore the newest good backup${h.state === 'damaged' ? ' or recover what is readable' : ''} in Settings → Backup, or with "vetrina restore".`, { state: h.state, problem: (h.problem ?? '').slice(0, 300) })
}

function mergeSources(sources: MediaFileSource[]): MediaFileSource {
  return {
    totals: () => sources.reduce((t, s) => {
      const x = s.totals()
      return { files: t.files + x.files, bytes: t.bytes + x.bytes }
    }, { files: 0, bytes: 0 }),
    *each() {
      for (const s of sources) yield* s.each()
    },
    badPaths: () => sources.flatMap((s) => s.badPaths())
  }
}
