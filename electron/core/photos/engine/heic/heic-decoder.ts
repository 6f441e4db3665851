// Main-thread side of HEIC decoding: one worker thread, started on first use, one file at a
// time (the WebAssembly decoder is single-threaded), with a time limit per file. The decoder's
// WebAssembly memory grows to fit the largest picture and never shrinks while the worker lives,
// so the worker is stopped (and its memory given back) after a failure (its memory may be in a
// bad state), after any picture that made it grow beyond a few megapixels' worth (a new worker
// starts in about 70 ms, a twelfth of a 12 MP decode), and when idle.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { HeicReply, HeicRequest, HeicWorkerData, SizeNeed } from './heic-worker.ts'

export type HeicResult = Extract<HeicReply, { ok: true }>
export interface HeicFailure { ok: false; kind: 'damaged' | 'too_many_pixels' | 'unreadable' | 'io' | 'timeout'; message: string; code?: string }

const IDLE_MS = 20_000
/** Decoder memory a worker may keep (its start-up size is 17 MB; a 12 MP photo needs about 55 MB). */
const KEEP_BYTES = 24 * 1024 * 1024

/** The worker script: built next to the app bundle (heic-worker.js) or run from source (.ts). */
function workerFile(): string {
  for (const name of ['heic-worker.js', 'heic-worker.mjs', 'heic-worker.ts']) {
    const path = fileURLToPath(new URL(`./${name}`, import.meta.url))
    if (existsSync(path)) return path
  }
  throw new Error('the HEIC worker script is missing from this build')
}

interface Pending {
  req: HeicRequest
  timeoutMs: number
  resolve(r: HeicResult | HeicFailure): void
}

export class HeicDecoder {
  private worker: Worker | null = null
  private queue: Pending[] = []
  private current: (Pending & { timer: NodeJS.Timeout }) | null = null
  private idleTimer: NodeJS.Timeout | null = null
  private nextId = 1
  private closed = false
  private workerData: HeicWorkerData = { displayP3Icc: null }
  private readonly ready: Promise<void>

  constructor(displayP3Icc: Promise<Uint8Array | null>) {
    this.ready = displayP3Icc.then((icc) => {
      this.workerData = { displayP3Icc: icc }
    })
  }

  /** Workers started so far (tests check that a large decoder is stopped). */
  started = 0

  /**
   * Decodes `path` into a TIFF file at `out` (the caller removes it); never rejects: failures
   * come back as `{ ok: false, kind, message }`.
   */
  async decode(path: string, opts: { maxPixels: number; timeoutMs: number; out: string; need?: SizeNeed }): Promise<HeicResult | HeicFailure> {
    await this.ready
    if (this.closed) return { ok: false, kind: 'damaged', message: 'the photo service is shutting down' }
    const need = opts.need ?? { width: Number.MAX_SAFE_INTEGER, long: Number.MAX_SAFE_INTEGER }
    return new Promise((resolve) => {
      this.queue.push({ req: { id: this.nextId++, path, out: opts.out, maxPixels: opts.maxPixels, need }, timeoutMs: opts.timeoutMs, resolve })
      this.pump()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const p of this.queue.splice(0)) p.resolve({ ok: false, kind: 'damaged', message: 'the photo service is shutting down' })
    const w = this.dropWorker()
    if (this.current) this.finish({ ok: false, kind: 'damaged', message: 'the photo service is shutting down' })
    if (this.idleTimer) clearTimeout(this.idleTimer)
    await w
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    const next = this.queue.shift()!
    const worker = this.ensureWorker()
    const timer = setTimeout(() => {
      // A file that takes this long is not a photo we want; the worker is stopped mid-decode.
      this.dropWorker()
      this.finish({ ok: false, kind: 'timeout', message: `decoding took longer than ${Math.round(next.timeoutMs / 1000)} s` })
    }, next.timeoutMs)
    this.current = { ...next, timer }
    worker.postMessage(next.req)
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    // The worker's own JavaScript is small; a small young generation keeps its heap small.
    const worker = new Worker(workerFile(), { workerData: this.workerData, resourceLimits: { maxYoungGenerationSizeMb: 4 } })
    worker.on('message', (reply: HeicReply) => {
      if (this.current?.req.id !== reply.id) return
      if (!reply.ok || reply.decoderBytes > KEEP_BYTES) this.dropWorker()
      this.finish(reply)
    })
    const lost = (why: string) => {
      if (this.worker !== worker) return
      this.worker = null
      if (this.current) this.finish({ ok: false, kind: 'damaged', message: why })
    }
    worker.on('error', (err) => lost(`the decoder crashed: ${err.message}`))
    worker.on('exit', (code) => lost(`the decoder stopped (exit ${code})`))
    worker.unref()
    this.worker = worker
    this.started++
    return worker
  }

  private finish(result: HeicResult | HeicFailure): void {
    const cur = this.current
    if (!cur) return
    clearTimeout(cur.timer)
    this.current = null
    cur.resolve(result)
    if (this.queue.length > 0) this.pump()
    else if (!this.closed) {
      this.idleTimer = setTimeout(() => void this.dropWorker(), IDLE_MS)
      this.idleTimer.unref()
    }
  }

  /** Forgets the worker at once (its late messages and exit are ignored) and stops it. */
  private dropWorker(): Promise<number | void> {
    const w = this.worker
    this.worker = null
    return w ? w.terminate() : Promise.resolve()
  }
}
