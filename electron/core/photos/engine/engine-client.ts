// The core's side of the photo engine process: starts it on first use (with glibc limited to two
// malloc arenas, which keeps libvips' memory from fragmenting into hundreds of megabytes),
// sends requests, and stops it when idle. If the process dies (a decoder crash on a hostile
// file) or hangs, the files it was working on are tried again one at a time, so only the file
// that caused it fails, with a clear error.
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { AppError } from '../../../../shared/contract/errors.ts'
import type { Logger } from '../../log.ts'
import { launchNodeProcess } from '../../platform/node-process.ts'
import { PhotoErrorCodes, damagedError, photoError } from '../errors.ts'
import type { EngineRequest, FromEngine, PrepareRequest, PrepareResult, RenderRequest, StageRequest, StageResult, ToEngine, WrittenRendition } from './protocol.ts'

const IDLE_MS = 30_000

function engineScript(): string {
  for (const name of ['engine-process.js', 'engine-process.mjs', 'engine-process.ts']) {
    const path = fileURLToPath(new URL(`./${name}`, import.meta.url))
    if (existsSync(path)) return path
  }
  throw new Error('the photo engine script is missing from this build')
}

interface Pending {
  id: number
  request: EngineRequest
  /** Tried again alone after the engine died while working on it. */
  isolated: boolean
  /** The watchdog fired while it was in flight. */
  hung?: boolean
  resolve(v: unknown): void
  reject(e: unknown): void
  timer: NodeJS.Timeout | null
}

export class PhotoEngineClient {
  private child: ChildProcess | null = null
  private ready: Promise<void> | null = null
  private readonly inFlight = new Map<number, Pending>()
  private readonly waiting: Pending[] = []
  private nextId = 1
  private idleTimer: NodeJS.Timeout | null = null
  private closed = false
  private readonly slots: number
  private readonly tmpDir: string
  private readonly log: Logger
  private readonly script: string | undefined
  private readonly graceMs: number

  /**
   * `script` replaces the engine (tests use a stand-in that crashes or hangs on purpose);
   * `graceMs` is added to three times the per-file limit before a silent engine is restarted.
   */
  constructor(opts: { slots: number; tmpDir: string; log: Logger; script?: string; graceMs?: number }) {
    this.slots = opts.slots
    this.tmpDir = opts.tmpDir
    this.log = opts.log
    this.script = opts.script
    this.graceMs = opts.graceMs ?? 30_000
  }

  prepare(request: PrepareRequest): Promise<PrepareResult> {
    return this.call(request) as Promise<PrepareResult>
  }

  render(request: RenderRequest): Promise<WrittenRendition> {
    return this.call(request) as Promise<WrittenRendition>
  }

  stage(request: StageRequest): Promise<StageResult> {
    return this.call(request) as Promise<StageResult>
  }

  /** The engine's process id while it runs (benchmarks read its memory). */
  pid(): number | null {
    return this.child?.pid ?? null
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.idleTimer) clearTimeout(this.idleTimer)
    const gone = photoError(PhotoErrorCodes.engineClosed, 'Vetrina is shutting down.')
    for (const p of [...this.waiting.splice(0), ...this.inFlight.values()]) this.settle(p, null, gone)
    await this.stopChild()
  }

  private call(request: EngineRequest): Promise<unknown> {
    if (this.closed) return Promise.reject(photoError(PhotoErrorCodes.engineClosed, 'Vetrina is shutting down.'))
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, request, isolated: false, resolve, reject, timer: null })
      void this.pump()
    })
  }

  /** Sends waiting requests; an isolated retry goes alone. */
  private async pump(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    if (this.waiting.length > 0 || this.inFlight.size > 0) this.hold(true)
    while (this.waiting.length > 0) {
      const next = this.waiting[0]
      const aloneRunning = [...this.inFlight.values()].some((p) => p.isolated)
      if (aloneRunning || (next.isolated && this.inFlight.size > 0)) return
      this.waiting.shift()
      let child: ChildProcess
      try {
        child = await this.ensureChild()
      } catch (err) {
        this.settle(next, null, err)
        continue
      }
      this.inFlight.set(next.id, next)
      // A watchdog well beyond the engine's own per-file limit: only a hung engine trips it.
      const seconds = next.request.limits.timeoutSeconds
      next.timer = setTimeout(() => this.onHang(next), seconds * 3000 + this.graceMs)
      // A send to an engine that has just died fails: the request stays in flight and is tried
      // again when its exit is handled (onExit).
      child.send({ type: 'request', id: next.id, request: next.request } satisfies ToEngine, (err) => {
        if (err) this.log.warn(`could not hand ${next.request.op} to the photo engine: ${err.message}`)
      })
    }
    if (this.inFlight.size === 0 && this.waiting.length === 0 && !this.closed) {
      this.hold(false)
      this.idleTimer = setTimeout(() => void this.stopChild(), IDLE_MS)
      this.idleTimer.unref()
    }
  }

  /** While work is pending the engine keeps this process alive (a CLI must wait for it); idle, it does not. */
  private hold(on: boolean): void {
    const child = this.child
    if (!child) return
    const channel = child.channel as { ref?(): void; unref?(): void } | undefined
    if (on) {
      child.ref()
      channel?.ref?.()
    } else {
      child.unref()
      channel?.unref?.()
    }
  }

  private ensureChild(): Promise<ChildProcess> {
    if (this.child && this.ready) return this.ready.then(() => this.child!)
    // glibc would otherwise keep the memory libvips frees in per-thread arenas (hundreds of MB
    // over a batch): two arenas. (Forcing every block over 128 KB straight from the system as well
    // saved another ~10 MB but cost ~5 ms of CPU time a photo in page faults: glibc's own,
    // adaptive threshold is kept.)
    const env: NodeJS.ProcessEnv = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' }
    // Plain Node forks; the desktop app runs it as an Electron utility process (platform/node-process.ts).
    // The engine makes little JavaScript garbage: a 1 MB young generation (instead of up to 16 MB)
    // is collected as often as it needs and keeps the engine smaller.
    const child = launchNodeProcess(this.script ?? engineScript(), { env, execArgv: ['--expose-gc', '--max-semi-space-size=1'], serviceName: 'Vetrina photo engine' })
    this.child = child
    this.ready = new Promise<void>((resolve, reject) => {
      const onReady = (msg: FromEngine) => {
        if (msg.type !== 'ready') return
        child.off('message', onReady)
        resolve()
      }
      child.on('message', onReady)
      child.once('exit', () => reject(new Error('the photo engine could not start')))
      child.send({ type: 'init', init: { slots: this.slots, tmpDir: this.tmpDir } } satisfies ToEngine, (err) => {
        if (err) this.log.warn(`could not start the photo engine: ${err.message}`)
      })
    })
    this.ready.catch(() => undefined)
    child.on('message', (msg: FromEngine) => {
      if (msg.type !== 'reply') return
      const p = this.inFlight.get(msg.id)
      if (!p) return
      this.inFlight.delete(msg.id)
      if (msg.ok) this.settle(p, msg.result, null)
      else this.settle(p, null, AppError.fromData(msg.error))
      void this.pump()
    })
    // A failed send or kill is reported as an 'error' event: handled (by 'exit') instead of crashing the core.
    child.on('error', (err) => this.log.warn(`photo engine: ${err.message}`))
    child.on('exit', (code, signal) => this.onExit(child, code, signal))
    return this.ready.then(() => child)
  }

  private onHang(p: Pending): void {
    this.log.warn(`the photo engine did not answer for ${p.request.input}; restarting it`)
    p.hung = true
    this.child?.kill('SIGKILL')
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return
    this.child = null
    this.ready = null
    if (this.inFlight.size === 0) return
    this.log.warn(`the photo engine stopped (${signal ?? `exit ${code}`}) while working on ${this.inFlight.size} file(s)`)
    const lost = [...this.inFlight.values()]
    this.inFlight.clear()
    for (const p of lost) {
      if (p.timer) clearTimeout(p.timer)
      if (p.isolated && p.hung) {
        const seconds = p.request.limits.timeoutSeconds
        this.settle(p, null, photoError(PhotoErrorCodes.timeout, `Processing the image took far longer than ${seconds} s and was stopped. Re-export it as a standard JPEG.`, { seconds }))
      } else if (p.isolated) {
        // It failed alone: this file is the cause.
        this.settle(p, null, damagedError(p.request.op === 'stage' ? 'file' : p.request.format, 'decoder_stopped', signal ?? `exit ${code}`))
      } else {
        p.isolated = true
        p.hung = false
        this.waiting.unshift(p)
      }
    }
    if (!this.closed) void this.pump()
  }

  private settle(p: Pending, value: unknown, error: unknown): void {
    if (p.timer) clearTimeout(p.timer)
    p.timer = null
    if (error) p.reject(error)
    else p.resolve(value)
  }

  private async stopChild(): Promise<void> {
    const child = this.child
    this.child = null
    this.ready = null
    if (!child || child.exitCode !== null) return
    // Kept referenced while it stops, so a closing core waits for it.
    child.ref()
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 3000)
      child.once('exit', () => {
        clearTimeout(force)
        resolve()
      })
      if (child.connected) child.disconnect()
      else child.kill('SIGTERM')
    })
  }
}
