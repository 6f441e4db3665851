// Entry point of the photo engine process. The core starts it (engine-client.ts) so image work
// has its own memory and threads, cannot freeze the core's event loop, and a decoder crash on
// a hostile file costs this process, not the application.
import { getHeapStatistics } from 'node:v8'
import { AppError, ErrorCodes } from '../../../../shared/contract/errors.ts'
import { PhotoEngine } from './engine.ts'
import { parentChannel } from '../../platform/node-process.ts'
import type { FromEngine, ToEngine } from './protocol.ts'

let engine: PhotoEngine | null = null
// A forked Node process or an Electron utility process (the packaged desktop app).
const parent = parentChannel()
const send = (msg: FromEngine) => parent.send(msg)

// The engine frees its pixel buffers itself once it is done with them (release.ts), so V8 need
// not collect them. What escapes that (a buffer a failing pipeline made) is collected here: a
// full collection when more than FULL_COLLECT_EXTERNAL of memory outside the JavaScript heap is
// still held after a request. (Started with --expose-gc.)
const FULL_COLLECT_EXTERNAL = 32 * 1024 * 1024
function collect(): void {
  const gc = (globalThis as { gc?: (o?: { type: 'major' }) => void }).gc
  if (gc && getHeapStatistics().external_memory > FULL_COLLECT_EXTERNAL) gc({ type: 'major' })
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
  collect()
})

// The core going away (closed pipe) ends the engine.
parent.onDisconnect(() => {
  void engine?.close().finally(() => process.exit(0))
  setTimeout(() => process.exit(0), 2000).unref()
})
