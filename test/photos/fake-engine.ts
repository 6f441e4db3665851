// A stand-in for the photo engine process, for the client's crash and hang handling: it
// answers at once, except for inputs whose path says "crash" (it dies) or "hang" (it never answers).
import type { FromEngine, ToEngine } from '../../electron/core/photos/engine/protocol.ts'

const send = (m: FromEngine) => process.send?.(m)
process.on('message', (msg: ToEngine) => {
  if (msg.type === 'init') return send({ type: 'ready' })
  const { id, request } = msg
  if (request.input.includes('crash')) setTimeout(() => process.kill(process.pid, 'SIGSEGV'), 30)
  else if (request.input.includes('hang')) return
  else setTimeout(() => send({ type: 'reply', id, ok: true, result: { preset: 'main', path: request.input, width: 1, height: 1, bytes: process.pid, sha256: '', mime: 'image/jpeg' } }), 30)
})
// Like the real engine, it goes when the core closes the channel (a little later, as a busy process would).
process.on('disconnect', () => setTimeout(() => process.exit(0), 300))
