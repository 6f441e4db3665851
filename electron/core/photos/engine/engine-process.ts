// Entry point of the photo engine process. The core starts it (engine-client.ts) so image work
// has its own memory and threads, cannot freeze the core's event loop, and a decoder crash on
// a hostile file costs this process, not the application.
import { AppError, ErrorCodes } from '../../../../shared/contract/errors.ts'
import { PhotoEngine } from './engine.ts'
import { parentChannel } from '../../platform/node-process.ts'
import type { FromEngine, ToEngine } from './protocol.ts'

let engine: PhotoEngine | null = null
// A forked Node process or an Electron utility process (the packaged desktop app).
const parent = parentChannel()
const send = (msg: FromEngine) => parent.send(msg)

// Each photo leaves a few megabytes of pixel buffers that only the garbage collector frees, and
// this process allocates so little JavaScript that it would rarely collect: the buffers would
// pile up. So after each request that made pixel buffers it runs a cheap minor collection (the
// buffers are still young), and a full one only when the memory held outside the JavaScript heap
// still exceeds FULL_COLLECT_EXTERNAL: buffers of a photo that outlived two minor collections
// while other photos finished. A full collection on a byte count instead ran every few photos
// and cost ~3 ms of CPU time per photo, mostly on V8's helper threads. (Started with --expose-gc.)
const FULL_COLLECT_EXTERNAL = 32 * 1024 * 1024
function collect(madePixels: boolean): void {
  const gc = (globalThis as { gc?: (o?: { type: 'minor' | 'major' }) => void }).gc
  if (!gc || !madePixels) return
  gc({ type: 'minor' })
  if (process.memoryUsage().external > FULL_COLLECT_EXTERNAL) gc({ type: 'major' })
}

parent.onMessage(async (message) => {
  const msg = message as ToEngine
  if (msg.type === 'init') {
    engine = new PhotoEngine(msg.init)
    send({ type: 'ready' })
    return
  }
  const { id, request } = msg
  try {
    if (!engine) throw new Error('the photo engine was not initialised')
    const result = request.op === 'prepare' ? await engine.prepare(request) : request.op === 'render' ? await engine.render(request) : await engine.stage(request)
    send({ type: 'reply', id, ok: true, result })
  } catch (err) {
    const error = err instanceof AppError
      ? err.toData()
      : { code: (err as NodeJS.ErrnoException)?.code && /^E[A-Z]+$/.test((err as NodeJS.ErrnoException).code!) ? (err as NodeJS.ErrnoException).code! : ErrorCodes.internal, message: (err as Error)?.message ?? String(err) }
    send({ type: 'reply', id, ok: false, error })
  }
  // Staging reads into reused buffers; decoding (even a failed one) makes pixel buffers.
  collect(request.op !== 'stage')
})

// The core going away (closed pipe) ends the engine.
parent.onDisconnect(() => {
  void engine?.close().finally(() => process.exit(0))
  setTimeout(() => process.exit(0), 2000).unref()
})
