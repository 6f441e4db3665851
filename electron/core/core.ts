// The composition root of the headless core: opens the store, builds the services and the
// handler table, starts the job runner. Runs under plain Node (CLI, browser-mode host, tests)
// and inside Electron's main process alike. Areas plug in through `modules.ts`.
import { mkdirSync, renameSync, rmSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Api, AreaName } from '../../shared/contract/index.ts'
import { AppError, type CallResult } from '../../shared/contract/errors.ts'
import { calls } from '../../shared/contract/index.ts'
import { dispatch, type CallContext, type Handlers } from './dispatch.ts'
import { EventBus } from './events.ts'
import { JobRunner, type JobKind } from './jobs/runner.ts'
import { createLogger, type Logger } from './log.ts'
import { systemClock, type Clock } from './platform/clock.ts'
import { ConnectivityMonitor, type ConnectivityOptions } from './platform/connectivity.ts'
import { FileService, dataPaths, type DataPaths } from './platform/files.ts'
import { FileSecretStore, type SecretStore } from './platform/secrets.ts'
import { ProductMedia } from './platform/product-media.ts'
import { PavilionLinks } from './platform/pavilion-links.ts'
import { BrowserLinks } from './platform/links.ts'
import { InstanceLock } from './platform/instance-lock.ts'
import { openDatabase, type Db } from './store/db.ts'
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
  /**
   * Closes the store once the current job has finished, runs `prepare` (which may swap files on
   * disk: restore), opens everything again and then runs `after` on the new services.
   */
  requestReload(prepare: () => void, after?: (s: Services) => void): void
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
  private pendingReload: { prepare: () => void; after?: (s: Services) => void } | null = null
  private reloading: Promise<void> | null = null
  private closed = false
  private lock: InstanceLock | null = null
  /** The catalogue open now: options.dataDir, or another one opened from it (the sample catalogue). */
  private dataDir: string
  /** The lock of that other catalogue (options.dataDir stays locked by this process meanwhile). */
  private awayLock: InstanceLock | null = null

  private constructor(options: CoreOptions) {
    this.options = options
    this.dataDir = resolve(options.dataDir)
    // A restore asked for a reload: do it once its job has finished.
    this.events.on('job.progress', (job) => {
      if (this.pendingReload && job.state === 'done') setImmediate(() => !this.closed && void this.reload())
    })
  }

  static open(options: CoreOptions): Core {
    const core = new Core(options)
    mkdirSync(options.dataDir, { recursive: true })
    if (options.lock !== false) {
      core.lock = new InstanceLock(options.dataDir)
      core.lock.acquire()
    }
    try {
      core.build()
    } catch (err) {
      core.lock?.release()
      throw err
    }
    return core
  }

  get s(): Services {
    return this.services
  }

  /** Calls the contract (validation, roles) — what every transport does. */
  async call(method: string, input: unknown, ctx: CallContext = { role: 'owner', transport: 'test' }): Promise<CallResult<unknown>> {
    if (this.reloading) await this.reloading
    if (this.closed) return { ok: false, error: { code: 'closed', message: 'Vetrina is shutting down.' } }
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

  private build(): void {
    const o = this.options
    const paths = dataPaths(this.dataDir)
    const home = this.dataDir === resolve(o.dataDir)
    mkdirSync(paths.dataDir, { recursive: true })
    const clock = o.clock ?? systemClock
    const log = createLogger(o.logFile === undefined ? join(paths.logs, 'vetrina.log') : o.logFile, o.echoLog ?? false)
    const db = openDatabase(paths.db)
    const files = new FileService(paths)
    const settings = new SettingsStore(db, this.events)
    const jobs = new JobRunner({ db, events: this.events, clock, log })
    const connectivity = new ConnectivityMonitor(
      { events: this.events, clock, pendingCount: () => jobs.countActive(jobs.onlineKinds()) },
      o.connectivity
    )
    connectivity.onChange((online) => jobs.setOnline(online))
    const categories = new CategoryStore(db, clock)
    const families = new FamilyStore(db, clock)
    families.seedPresets()
    const products = new ProductStore({ db, clock, families, categories, events: this.events })
    const productList = new ProductList({ db, categories, targetLocales: () => settings.app().targetLocales })
    const history = new HistoryService(db, products)
    this.services = {
      db, paths, clock, log, events: this.events, jobs, settings, files,
      // Secrets belong to the firm's catalogue: another one (the sample) keeps its own, in its folder.
      secrets: (home ? o.secrets : undefined) ?? new FileSecretStore(paths.dataDir), connectivity,
      categories, families, products, productList, history, productMedia: new ProductMedia(), pavilionLinks: new PavilionLinks(), links: this.links,
      requestReload: (prepare, after) => {
        this.pendingReload = { prepare, after }
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
    for (const m of this.modules) m.start?.()
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
      try {
        pending.prepare()
      } catch (err) {
        this.services.log.error('reload preparation failed; reopening the previous catalogue', err)
      }
      this.build()
      pending.after?.(this.services)
      this.events.emit('data.changed', { entity: '*', all: true })
    })().finally(() => {
      this.reloading = null
    })
    return this.reloading
  }
}

/**
 * Moves the current database and media aside and puts a staged backup in their place. If any
 * step fails, the moves already made are undone, so the current catalogue is never lost.
 */
export function swapInStaged(paths: DataPaths, stageDir: string, asideDir: string): void {
  mkdirSync(asideDir, { recursive: true })
  const done: Array<[string, string]> = []
  const move = (from: string, to: string) => {
    renameSync(from, to)
    done.push([from, to])
  }
  try {
    for (const suffix of ['', '-wal', '-shm']) {
      const f = paths.db + suffix
      if (existsSync(f)) move(f, join(asideDir, `catalog.sqlite${suffix}`))
    }
    if (existsSync(paths.media)) move(paths.media, join(asideDir, 'media'))
    move(join(stageDir, 'catalog.sqlite'), paths.db)
    if (existsSync(join(stageDir, 'media'))) move(join(stageDir, 'media'), paths.media)
    else mkdirSync(paths.media, { recursive: true })
  } catch (err) {
    for (const [from, to] of done.reverse()) renameSync(to, from)
    throw err
  }
  rmSync(stageDir, { recursive: true, force: true })
}
