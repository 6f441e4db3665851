// The persisted job runner. Jobs are rows in SQLite, inserted in the same transaction as the
// intent that creates them (enqueue is synchronous for that reason). The runner picks runnable
// jobs per kind up to each kind's concurrency, reports progress with an ETA as `job.progress`
// events, and resumes jobs left running by a crash from their last checkpoint.
import type { z } from 'zod'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { Job, JobState, JobUnit } from '../../../shared/contract/jobs.ts'
import { errorKey } from '../../../shared/messages/errors.ts'
import { isMessage, msg, type Message, type MessageParams } from '../../../shared/messages/message.ts'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../store/db.ts'
import type { EventBus } from '../events.ts'
import type { Clock } from '../platform/clock.ts'
import { newId } from '../platform/clock.ts'
import type { Logger } from '../log.ts'
import { JobStopped, RetryLater, WaitForNetwork, type StopReason } from './errors.ts'
import { EtaEstimator } from './eta.ts'

export interface RunningJob<P> {
  readonly id: string
  readonly payload: P
  /** What the job saved last time it ran (null on a first run). */
  readonly checkpoint: unknown
  /** 1 on the first run. */
  readonly attempt: number
  /** Aborted when the job is cancelled or paused, or the app shuts down. */
  readonly signal: AbortSignal
  /** Reports progress (and what is being done, as a message); persisted and broadcast at most a few times per second. */
  progress(done: number, total?: number | null, message?: Message | null): void
  /** Persists a checkpoint now. Call it inside the same transaction as the work it describes. */
  checkpointNow(value: unknown): void
  /** Throws JobStopped if the job was asked to stop. Call between units of work. */
  throwIfStopped(): void
}

export interface JobKind<P = unknown> {
  kind: string
  payload: z.ZodType<P>
  /** How many jobs of this kind run at once (default 1). */
  concurrency?: number
  /**
   * Attempts before a failing job is marked failed (default 1). RetryLater counts as an attempt.
   * 0 means: RetryLater waits as often as it is thrown (the job manages its own limits), and any
   * other error fails the job at once.
   */
  maxAttempts?: number
  /** Only picked while the connectivity monitor says online. */
  requiresOnline?: boolean
  /** What progress counts (rows, photos …), shown with the numbers; none when it is only a measure. */
  unit?: JobUnit
  /**
   * Runs alone: it starts once no other job runs, no job starts while it runs, and contract calls
   * other than jobs.* wait for it (Core.call). For work that keeps one transaction open across
   * awaits (a whole import), so nothing else can slip its writes into that transaction.
   */
  exclusive?: boolean
  /**
   * A job of this kind that a crash, a kill or a shutdown interrupted (running, or still queued
   * by a process that is gone): 'resume' runs it again at the next start (the default), 'pause'
   * shows it as interrupted until the user resumes it (an import must never be applied silently
   * during an unrelated command), 'fail' ends it as interrupted (a backup or restore is never re-run
   * by itself). `cleanup` removes what an interrupted run left behind (temporary files).
   */
  interrupted?: 'resume' | 'pause' | 'fail'
  /**
   * For kinds that do not resume by themselves: the result of an interrupted job whose work was
   * already committed (its checkpoint, written in the work's own transaction, says so), or null.
   * Such a job is finished as done at the next start instead of being paused or failed.
   */
  completedBy?(checkpoint: unknown, payload: P): unknown

  cleanup?(job: { id: string; payload: P }): void
  /** Does the work; the value returned is stored as the job's result. */
  run(job: RunningJob<P>): Promise<unknown>
  /** Backoff before attempt n+1 after a plain failure (default: exponential with jitter). */
  backoffMs?(attempt: number): number
}

export interface EnqueueOptions {
  /** What the jobs panel and the CLI call the job, e.g. msg('import:job.apply', { file }). */
  title: Message
  dedupeKey?: string
  priority?: number
  maxAttempts?: number
  runAfter?: Date
}

interface JobRow {
  id: string
  kind: string
  state: JobState
  title: string
  payload: string
  checkpoint: string | null
  done: number
  total: number | null
  message: string | null
  error: string | null
  result: string | null
  attempts: number
  max_attempts: number
  run_after: string | null
  priority: number
  created_at: string
  updated_at: string
  finished_at: string | null
}

interface Active {
  kind: string
  controller: AbortController
  reason: StopReason | null
  eta: EtaEstimator
  lastPersist: number
  lastEmit: number
  pending: { done: number; total: number | null; message: Message | null } | null
  promise: Promise<void>
}

const ACTIVE_STATES: JobState[] = ['queued', 'running', 'paused', 'waiting']
/** The message of a job parked until the network returns (stored as JSON, compared in SQL). */
export const OFFLINE_MESSAGE = msg('common:jobs.wait.offline')
const OFFLINE_JSON = JSON.stringify(OFFLINE_MESSAGE)
/** The message of a job stopped by a crash, a kill or a shutdown (stored as JSON, compared in SQL). */
export const INTERRUPTED = msg('common:jobs.interrupted')
export const INTERRUPTED_JSON = JSON.stringify(INTERRUPTED)
export const INTERRUPTED_ERROR = { code: 'job_interrupted', message: 'Vetrina stopped while this was running; nothing of it was applied. Start it again if you still want it.' }
const PERSIST_EVERY_MS = 250
const EMIT_EVERY_MS = 100

export function defaultBackoffMs(attempt: number): number {
  const base = Math.min(60_000 * 30, 1000 * 2 ** Math.min(attempt, 20))
  return Math.round(base / 2 + Math.random() * (base / 2))
}

export class JobRunner {
  private kinds = new Map<string, JobKind<any>>()
  private active = new Map<string, Active>()
  private online = false
  private started = false
  private stopping = false
  private tickScheduled = false
  private wakeTimer: NodeJS.Timeout | null = null
  private readonly db: Db
  private readonly events: EventBus
  private readonly clock: Clock
  private readonly log: Logger
  private idleWaiters: Array<() => void> = []
  /** Prepared statements by SQL text: preparing costs more than running, and ticks run per job. */
  private readonly statements = new Map<string, Statement>()
  private exclusiveWaiters: Array<() => void> = []
  /** While the catalogue cannot be used, only these kinds run (restore, recover). */
  private onlyKinds: Set<string> | null = null

  constructor(deps: { db: Db; events: EventBus; clock: Clock; log: Logger }) {
    this.db = deps.db
    this.events = deps.events
    this.clock = deps.clock
    this.log = deps.log
  }

  private sql(text: string): Statement {
    let stmt = this.statements.get(text)
    if (!stmt) {
      stmt = this.db.prepare(text)
      this.statements.set(text, stmt)
    }
    return stmt
  }

  register<P>(def: JobKind<P>): void {
    if (this.kinds.has(def.kind)) throw new Error(`job kind registered twice: ${def.kind}`)
    this.kinds.set(def.kind, def)
    if (this.started) this.schedule()
  }

  /** Runs only `kinds` (null: all). A damaged or missing catalogue runs nothing but its way out. */
  restrictTo(kinds: string[] | null): void {
    this.onlyKinds = kinds ? new Set(kinds) : null
    this.schedule()
  }

  private allowed(kind: string): boolean {
    return !this.onlyKinds || this.onlyKinds.has(kind)
  }

  setConcurrency(kind: string, n: number): void {
    const def = this.kinds.get(kind)
    if (def) def.concurrency = Math.max(1, Math.floor(n))
    this.schedule()
  }

  /** Called by the connectivity monitor. Jobs that need the network run only while online. */
  setOnline(online: boolean): void {
    const changed = this.online !== online
    this.online = online
    if (online && changed) {
      // Jobs parked for the network may run now.
      this.sql("UPDATE jobs SET run_after = NULL WHERE state = 'waiting' AND message = ?").run(OFFLINE_JSON)
    }
    if (changed) this.schedule()
  }

  isOnline(): boolean {
    return this.online
  }

  /** Inserts a job. Synchronous, so it can share a transaction with the change that asks for it. */
  enqueue(kind: string, payload: unknown, opts: EnqueueOptions): Job {
    const def = this.kinds.get(kind)
    if (!def) throw new Error(`unknown job kind: ${kind}`)
    const parsed = def.payload.parse(payload)
    const now = this.clock.now().toISOString()
    const id = newId('job')
    try {
      this.sql(
          `INSERT INTO jobs (id, kind, state, title, payload, max_attempts, run_after, priority, dedupe_key, created_at, updated_at)
           VALUES (?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(id, kind, JSON.stringify(opts.title), JSON.stringify(parsed), opts.maxAttempts ?? def.maxAttempts ?? 1,
          opts.runAfter?.toISOString() ?? null, opts.priority ?? 0, opts.dedupeKey ?? null, now, now)
    } catch (err) {
      if (opts.dedupeKey && /UNIQUE constraint failed: jobs.dedupe_key/.test((err as Error).message)) {
        const existing = this.sql('SELECT * FROM jobs WHERE dedupe_key = ? AND state IN (?, ?, ?, ?)').get(opts.dedupeKey, ...ACTIVE_STATES) as JobRow
        return this.toJob(existing, null)
      }
      throw err
    }
    const job = this.get(id)
    this.afterCommit(() => {
      this.events.emit('job.progress', job)
      this.schedule()
    })
    return job
  }

  get(id: string): Job {
    const row = this.sql('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined
    if (!row) throw new AppError(ErrorCodes.notFound, `No job with id ${id}`, { params: { id } })
    return this.toJob(row, this.active.get(id)?.eta.etaSeconds(row.done, row.total) ?? null)
  }

  list(filter: { states?: JobState[]; kinds?: string[]; limit: number }): Job[] {
    const where: string[] = []
    const args: unknown[] = []
    if (filter.states?.length) {
      where.push(`state IN (${filter.states.map(() => '?').join(',')})`)
      args.push(...filter.states)
    }
    if (filter.kinds?.length) {
      where.push(`kind IN (${filter.kinds.map(() => '?').join(',')})`)
      args.push(...filter.kinds)
    }
    const sql = `SELECT * FROM jobs ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY created_at DESC, id DESC LIMIT ?`
    const rows = this.sql(sql).all(...args, filter.limit) as JobRow[]
    return rows.map((r) => this.toJob(r, this.active.get(r.id)?.eta.etaSeconds(r.done, r.total) ?? null))
  }

  /** Number of jobs that are not finished, optionally of some kinds only. */
  countActive(kinds?: string[]): number {
    const kindFilter = kinds?.length ? ` AND kind IN (${kinds.map(() => '?').join(',')})` : ''
    const row = this.sql(`SELECT count(*) AS n FROM jobs WHERE state IN ('queued','running','paused','waiting')${kindFilter}`)
      .get(...(kinds ?? [])) as { n: number }
    return row.n
  }

  /** Kinds that need the network (for the pending count shown next to the online indicator). */
  onlineKinds(): string[] {
    return [...this.kinds.values()].filter((k) => k.requiresOnline).map((k) => k.kind)
  }

  cancel(id: string): Job {
    const job = this.get(id)
    if (job.state === 'running') {
      this.stopActive(id, 'cancel')
    } else if (ACTIVE_STATES.includes(job.state)) {
      this.finish(id, 'cancelled', {})
    }
    return this.get(id)
  }

  pause(id: string): Job {
    const job = this.get(id)
    if (job.state === 'running') this.stopActive(id, 'pause')
    else if (job.state === 'queued' || job.state === 'waiting') this.setState(id, 'paused')
    return this.get(id)
  }

  resume(id: string): Job {
    const job = this.get(id)
    if (job.state === 'paused') {
      this.setState(id, 'queued')
      this.schedule()
    }
    return this.get(id)
  }

  /** Runs a job that is waiting (backoff, offline) now instead of at its run_after time. */
  wake(id: string): Job {
    const job = this.get(id)
    if (job.state === 'waiting') {
      this.sql('UPDATE jobs SET run_after = NULL, updated_at = ? WHERE id = ?').run(this.clock.now().toISOString(), id)
      this.schedule()
    }
    return this.get(id)
  }

  retry(id: string): Job {
    const job = this.get(id)
    if (job.state !== 'failed' && job.state !== 'cancelled') {
      throw new AppError('job_not_retryable', `Only failed or cancelled jobs can be retried (this one is ${job.state}).`, { params: { state: job.state } })
    }
    const now = this.clock.now().toISOString()
    this.sql("UPDATE jobs SET state = 'queued', attempts = 0, error = NULL, run_after = NULL, finished_at = NULL, updated_at = ? WHERE id = ?")
      .run(now, id)
    this.emit(id)
    this.schedule()
    return this.get(id)
  }

  pauseKind(kind: string): string[] {
    this.sql('INSERT INTO job_queues (kind, paused) VALUES (?, 1) ON CONFLICT(kind) DO UPDATE SET paused = 1').run(kind)
    return this.pausedKinds()
  }

  resumeKind(kind: string): string[] {
    this.sql('INSERT INTO job_queues (kind, paused) VALUES (?, 0) ON CONFLICT(kind) DO UPDATE SET paused = 0').run(kind)
    this.schedule()
    return this.pausedKinds()
  }

  pausedKinds(): string[] {
    return (this.sql('SELECT kind FROM job_queues WHERE paused = 1 ORDER BY kind').all() as { kind: string }[]).map((r) => r.kind)
  }

  /**
   * Starts picking jobs. Jobs a crash left "running" are queued again and resume from their
   * checkpoint, except kinds that must not run again by themselves (see JobKind.interrupted).
   */
  start(): void {
    if (this.started) return
    this.started = true
    this.settleInterrupted()
    const now = this.clock.now().toISOString()
    const orphans = this.sql("UPDATE jobs SET state = 'queued', updated_at = ? WHERE state = 'running'").run(now)
    if (orphans.changes > 0) this.log.info(`resuming ${orphans.changes} job(s) interrupted by a restart`)
    this.schedule()
  }

  /** Kinds that do not resume by themselves: their jobs left running or queued are paused or failed. */
  private settleInterrupted(): void {
    for (const def of this.kinds.values()) {
      const policy = def.interrupted ?? 'resume'
      if (policy === 'resume') continue
      const rows = this.sql("SELECT id, payload, checkpoint FROM jobs WHERE kind = ? AND state IN ('running', 'queued')").all(def.kind) as Array<{ id: string; payload: string; checkpoint: string | null }>
      for (const row of rows) {
        const result = row.checkpoint && def.completedBy ? this.completedResult(def, row) : null
        if (result !== null && result !== undefined) {
          this.finish(row.id, 'done', { result })
          this.log.info(`the interrupted ${def.kind} job ${row.id} had committed its work: finished as done`)
        } else if (policy === 'pause') {
          this.sql("UPDATE jobs SET state = 'paused', message = ?, updated_at = ? WHERE id = ?").run(INTERRUPTED_JSON, this.clock.now().toISOString(), row.id)
        } else {
          this.finish(row.id, 'failed', { error: INTERRUPTED_ERROR, message: INTERRUPTED })
        }
        this.cleanupAfter(def, row.id, row.payload)
      }
      if (rows.length) this.log.info(`${rows.length} interrupted ${def.kind} job(s) ${policy === 'pause' ? 'wait for the user to resume them' : 'were not run again'}`)
    }
  }

  private completedResult(def: JobKind<any>, row: { id: string; payload: string; checkpoint: string | null }): unknown {
    try {
      return def.completedBy!(JSON.parse(row.checkpoint!), def.payload.parse(JSON.parse(row.payload)))
    } catch (err) {
      this.log.warn(`cannot tell whether the interrupted job ${row.id} had finished`, err)
      return null
    }
  }

  private cleanupAfter(def: JobKind<any>, id: string, payload: string): void {
    if (!def.cleanup) return
    try {
      def.cleanup({ id, payload: def.payload.parse(JSON.parse(payload)) })
    } catch (err) {
      this.log.warn(`cleanup after the interrupted job ${id} failed`, err)
    }
  }

  /** Stops picking jobs and asks running ones to stop at their next checkpoint (they resume next start). */
  async stop(): Promise<void> {
    this.stopping = true
    if (this.wakeTimer) clearTimeout(this.wakeTimer)
    for (const id of this.active.keys()) this.stopActive(id, 'shutdown')
    await Promise.allSettled([...this.active.values()].map((a) => a.promise))
    // Nothing more runs on this runner (a reload builds a new one): whoever waits for idle is done waiting.
    for (const w of this.idleWaiters.splice(0)) w()
    for (const w of this.exclusiveWaiters.splice(0)) w()
  }

  /** Resolves when no exclusive job is running (Core.call waits on it). */
  whenNotExclusive(): Promise<void> {
    if (!this.exclusiveActive()) return Promise.resolve()
    return new Promise((resolve) => this.exclusiveWaiters.push(resolve))
  }

  private exclusiveActive(): boolean {
    for (const a of this.active.values()) if (this.kinds.get(a.kind)?.exclusive) return true
    return false
  }

  private releaseExclusiveWaiters(): void {
    if (this.exclusiveWaiters.length === 0 || this.exclusiveActive()) return
    const waiters = this.exclusiveWaiters
    this.exclusiveWaiters = []
    for (const w of waiters) w()
  }

  /** Resolves when no job is running and none is runnable now (tests, CLI). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  private isIdle(): boolean {
    return this.active.size === 0 && !this.hasRunnable()
  }

  private hasRunnable(): boolean {
    const now = this.clock.now().toISOString()
    const paused = new Set(this.pausedKinds())
    for (const def of this.kinds.values()) {
      if (paused.has(def.kind) || (def.requiresOnline && !this.online) || !this.allowed(def.kind)) continue
      const row = this.sql("SELECT 1 FROM jobs WHERE kind = ? AND state IN ('queued','waiting') AND (run_after IS NULL OR run_after <= ?) LIMIT 1")
        .get(def.kind, now)
      if (row) return true
    }
    return false
  }

  private afterCommit(fn: () => void): void {
    // Inside a transaction the row is not visible to anyone else yet; run once it commits.
    if (this.db.inTransaction) setImmediate(fn)
    else fn()
  }

  private schedule(): void {
    if (!this.started || this.stopping || this.tickScheduled) return
    this.tickScheduled = true
    setImmediate(() => {
      this.tickScheduled = false
      try {
        this.tick()
      } catch (err) {
        this.log.error('job scheduler failed', err)
      }
    })
  }

  private tick(): void {
    if (this.stopping) return
    const now = this.clock.now()
    const nowIso = now.toISOString()
    const paused = new Set(this.pausedKinds())
    const eligible = [...this.kinds.values()].filter((def) => !paused.has(def.kind) && (!def.requiresOnline || this.online) && this.allowed(def.kind))
    const due = (def: JobKind<any>, limit: number) =>
      this.sql(
          `SELECT * FROM jobs WHERE kind = ? AND state IN ('queued','waiting') AND (run_after IS NULL OR run_after <= ?)
           ORDER BY priority DESC, created_at, id LIMIT ?`
        )
        .all(def.kind, nowIso, limit) as JobRow[]
    // An exclusive job runs alone: wait for the others to finish and start nothing new meanwhile.
    const exclusiveDue = this.exclusiveActive() ? null : eligible.filter((d) => d.exclusive).map((d) => ({ def: d, row: due(d, 1)[0] })).find((x) => x.row)
    for (const def of this.exclusiveActive() || exclusiveDue ? [] : eligible) {
      const running = [...this.active.values()].filter((a) => a.kind === def.kind).length
      const free = (def.concurrency ?? 1) - running
      if (free <= 0) continue
      for (const row of due(def, free)) this.launch(def, row)
    }
    if (exclusiveDue && this.active.size === 0) this.launch(exclusiveDue.def, exclusiveDue.row)
    this.armWakeTimer(paused)
    if (this.idleWaiters.length > 0 && this.isIdle()) {
      const waiters = this.idleWaiters
      this.idleWaiters = []
      for (const w of waiters) w()
    }
  }

  /** Wakes the scheduler when the earliest waiting job becomes due. */
  private armWakeTimer(paused: Set<string>): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer)
    this.wakeTimer = null
    const kinds = [...this.kinds.values()].filter((d) => !paused.has(d.kind) && (!d.requiresOnline || this.online) && this.allowed(d.kind)).map((d) => d.kind)
    if (kinds.length === 0) return
    const row = this.sql(`SELECT min(run_after) AS next FROM jobs WHERE state IN ('queued','waiting') AND run_after IS NOT NULL AND kind IN (${kinds.map(() => '?').join(',')})`)
      .get(...kinds) as { next: string | null }
    if (!row.next) return
    const delay = Math.max(0, Date.parse(row.next) - this.clock.now().getTime())
    this.wakeTimer = setTimeout(() => this.schedule(), Math.min(delay + 5, 2 ** 31 - 1))
    this.wakeTimer.unref?.()
  }

  private launch(def: JobKind<any>, row: JobRow): void {
    const now = this.clock.now().toISOString()
    const attempt = row.attempts + 1
    this.sql("UPDATE jobs SET state = 'running', attempts = ?, started_at = coalesce(started_at, ?), updated_at = ?, message = NULL WHERE id = ?")
      .run(attempt, now, now, row.id)
    const controller = new AbortController()
    const active: Active = {
      kind: def.kind,
      controller,
      reason: null,
      eta: new EtaEstimator(() => this.clock.now().getTime()),
      lastPersist: 0,
      lastEmit: 0,
      pending: null,
      promise: Promise.resolve()
    }
    this.active.set(row.id, active)
    this.emit(row.id)

    let payload: unknown
    try {
      payload = def.payload.parse(JSON.parse(row.payload))
    } catch (err) {
      this.active.delete(row.id)
      this.finish(row.id, 'failed', { error: { code: 'job_bad_payload', message: `The job's stored data is invalid: ${(err as Error).message}` } })
      return
    }

    const handle: RunningJob<unknown> = {
      id: row.id,
      payload,
      checkpoint: row.checkpoint ? JSON.parse(row.checkpoint) : null,
      attempt,
      signal: controller.signal,
      progress: (done, total, message) => this.reportProgress(row.id, done, total === undefined ? null : total, message ?? null, total !== undefined),
      checkpointNow: (value) => {
        this.sql('UPDATE jobs SET checkpoint = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(value), this.clock.now().toISOString(), row.id)
      },
      throwIfStopped: () => {
        if (controller.signal.aborted) throw new JobStopped(active.reason ?? 'cancel')
      }
    }

    active.promise = (async () => {
      try {
        const result = await def.run(handle)
        this.flushProgress(row.id)
        if (active.reason) throw new JobStopped(active.reason)
        this.finish(row.id, 'done', { result })
      } catch (err) {
        this.flushProgress(row.id)
        this.settleFailure(def, row.id, attempt, row.max_attempts, active, err)
      } finally {
        this.active.delete(row.id)
        this.releaseExclusiveWaiters()
        this.schedule()
      }
    })()
  }

  private settleFailure(def: JobKind<any>, id: string, attempt: number, maxAttempts: number, active: Active, err: unknown): void {
    const stop = err instanceof JobStopped ? err.reason : active.reason
    if (stop === 'cancel') return this.finish(id, 'cancelled', {})
    if (stop === 'pause') return this.setState(id, 'paused')
    if (stop === 'shutdown') {
      const policy = def.interrupted ?? 'resume'
      if (policy === 'pause') {
        this.sql("UPDATE jobs SET state = 'paused', message = ?, updated_at = ? WHERE id = ?").run(INTERRUPTED_JSON, this.clock.now().toISOString(), id)
        return this.emit(id)
      }
      if (policy === 'fail') return this.finish(id, 'failed', { error: INTERRUPTED_ERROR, message: INTERRUPTED })
      return this.setState(id, 'queued')
    }
    if (err instanceof WaitForNetwork) {
      // Not the job's fault: give the attempt back and wait for the monitor.
      this.sql("UPDATE jobs SET state = 'waiting', attempts = attempts - 1, message = ?, run_after = ?, updated_at = ? WHERE id = ?")
        .run(OFFLINE_JSON, new Date(this.clock.now().getTime() + 60_000).toISOString(), this.clock.now().toISOString(), id)
      this.emit(id)
      return
    }
    if (err instanceof RetryLater) {
      if (attempt >= maxAttempts && maxAttempts > 0) {
        return this.finish(id, 'failed', { error: { code: err.code, message: err.message, ...(err.params ? { params: err.params } : {}) } })
      }
      // codes: passed on
      return this.wait(id, err.afterMs, msg(errorKey(err.code), err.params))
    }
    const data: JobError = err instanceof AppError
      ? { code: err.code, message: err.message, ...(err.params ? { params: err.params } : {}) }
      : { code: ErrorCodes.internal, message: (err as Error)?.message ?? String(err) }
    if (!(err instanceof AppError)) this.log.error(`job ${id} (${def.kind}) failed`, err)
    if (attempt < maxAttempts && !(err instanceof AppError && err.code === ErrorCodes.validation)) {
      const backoff = def.backoffMs ? def.backoffMs(attempt) : defaultBackoffMs(attempt)
      return this.wait(id, backoff, msg('common:jobs.wait.retry', { attempt: attempt + 1, attempts: maxAttempts }))
    }
    this.finish(id, 'failed', { error: data })
  }

  private wait(id: string, afterMs: number, message: Message): void {
    const now = this.clock.now()
    this.sql("UPDATE jobs SET state = 'waiting', run_after = ?, message = ?, updated_at = ? WHERE id = ?")
      .run(new Date(now.getTime() + afterMs).toISOString(), JSON.stringify(message), now.toISOString(), id)
    this.emit(id)
  }

  private stopActive(id: string, reason: StopReason): void {
    const a = this.active.get(id)
    if (!a || a.reason) return
    a.reason = reason
    a.controller.abort(new JobStopped(reason))
  }

  private setState(id: string, state: JobState): void {
    this.sql('UPDATE jobs SET state = ?, updated_at = ? WHERE id = ?').run(state, this.clock.now().toISOString(), id)
    this.emit(id)
  }

  private finish(id: string, state: 'done' | 'failed' | 'cancelled', extra: { result?: unknown; error?: JobError; message?: Message }): void {
    const now = this.clock.now().toISOString()
    this.sql(
        `UPDATE jobs SET state = ?, result = ?, error = ?, message = coalesce(?, message), finished_at = ?, updated_at = ?,
           done = CASE WHEN ? = 'done' AND total IS NOT NULL THEN total ELSE done END
         WHERE id = ?`
      )
      .run(state, extra.result === undefined ? null : JSON.stringify(extra.result), extra.error ? JSON.stringify(extra.error) : null,
        extra.message ? JSON.stringify(extra.message) : null, now, now, state, id)
    this.emit(id)
  }

  private reportProgress(id: string, done: number, total: number | null, message: Message | null, totalGiven: boolean): void {
    const a = this.active.get(id)
    if (!a) return
    const prevTotal = a.pending?.total ?? null
    a.pending = { done, total: totalGiven ? total : prevTotal, message }
    a.eta.sample(done)
    const now = Date.now()
    if (now - a.lastPersist >= PERSIST_EVERY_MS) this.flushProgress(id)
    else if (now - a.lastEmit >= EMIT_EVERY_MS) {
      a.lastEmit = now
      this.emit(id)
    }
  }

  private flushProgress(id: string): void {
    const a = this.active.get(id)
    if (!a?.pending) return
    const { done, total, message } = a.pending
    a.pending = null
    a.lastPersist = a.lastEmit = Date.now()
    this.sql('UPDATE jobs SET done = ?, total = coalesce(?, total), message = coalesce(?, message), updated_at = ? WHERE id = ?')
      .run(done, total, message ? JSON.stringify(message) : null, this.clock.now().toISOString(), id)
    this.emit(id)
  }

  private emit(id: string): void {
    try {
      this.events.emit('job.progress', this.get(id))
    } catch (err) {
      this.log.warn(`cannot emit progress for job ${id}`, err)
    }
  }

  private toJob(row: JobRow, etaSeconds: number | null): Job {
    return {
      id: row.id,
      kind: row.kind,
      state: row.state,
      title: storedMessage(row.title) ?? msg('common:jobs.untitled'),
      done: row.done,
      total: row.total,
      unit: this.kinds.get(row.kind)?.unit ?? null,
      etaSeconds: row.state === 'running' ? etaSeconds : null,
      message: storedMessage(row.message),
      error: row.error ? JSON.parse(row.error) : null,
      attempts: row.attempts,
      runAfter: row.run_after,
      result: row.result ? JSON.parse(row.result) : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      finishedAt: row.finished_at
    }
  }
}

type JobError = { code: string; message: string; params?: MessageParams }

/** A title or message column: a message as JSON; text written by older versions counts as none. */
function storedMessage(text: string | null): Message | null {
  if (!text) return null
  if (text === 'offline') return OFFLINE_MESSAGE
  try {
    const value = JSON.parse(text) as unknown
    return isMessage(value) ? value : null
  } catch {
    return null
  }
}
