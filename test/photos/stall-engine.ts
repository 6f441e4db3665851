// A photo engine that does the real work but never answers a "prepare": its renditions are
// written and the core waits, as when Vetrina is killed between writing them and recording
// them. It leaves a marker file (STALL_MARKER) once the files are written.
import { writeFileSync } from 'node:fs'
import { PhotoEngine } from '../../electron/core/photos/engine/engine.ts'
import type { FromEngine, ToEngine } from '../../electron/core/photos/engine/protocol.ts'

let engine: PhotoEngine | null = null
const send = (m: FromEngine) => process.send?.(m)
process.on('message', async (msg: ToEngine) => {
  if (msg.type === 'init') {
    engine = new PhotoEngine(msg.init)
    return send({ type: 'ready' })
  }
  const { id, request } = msg
  if (request.op === 'stage') return send({ type: 'reply', id, ok: true, result: await engine!.stage(request) })
  if (request.op === 'prepare') {
    const result = await engine!.prepare(request)
    writeFileSync(process.env.STALL_MARKER!, JSON.stringify(result.renditions.map((r) => r.path)))
  }
})
process.on('disconnect', () => process.exit(0))
