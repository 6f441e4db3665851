// The core's side of the photo engine process: a crash or a hang costs only the file that
// caused it; the other files are done again and the engine comes back.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PhotoEngineClient } from '../../electron/core/photos/engine/engine-client.ts'
import type { RenderRequest, WrittenRendition } from '../../electron/core/photos/engine/protocol.ts'
import { DEFAULT_PRESETS } from '../../shared/domain/photo-presets.ts'
import { DEFAULT_LIMITS } from '../../electron/core/photos/types.ts'
import { createLogger } from '../../electron/core/log.ts'

const clients: PhotoEngineClient[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close()
})

function client(): PhotoEngineClient {
  const c = new PhotoEngineClient({ slots: 2, tmpDir: '/tmp', log: createLogger(null, false), script: join(import.meta.dirname, 'fake-engine.ts'), graceMs: 300 })
  clients.push(c)
  return c
}

const request = (input: string, timeoutSeconds = 60): RenderRequest => ({
  op: 'render', input, format: 'jpeg', preset: 'main', spec: DEFAULT_PRESETS.main, output: '/tmp/x.jpg', limits: { ...DEFAULT_LIMITS, timeoutSeconds }
})

describe('photo engine client', () => {
  it('a file that crashes the engine fails alone; the files in flight with it are done again', async () => {
    const c = client()
    const results = await Promise.allSettled([c.render(request('/a.jpg')), c.render(request('/crash.jpg')), c.render(request('/b.jpg')), c.render(request('/c.jpg'))])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled'])
    const failure = (results[1] as PromiseRejectedResult).reason
    expect(failure).toMatchObject({ code: 'photo_damaged' })
    expect(failure.message).toMatch(/stopped the image decoder/)
    // The engine was started again: the last file was answered by another process.
    const pids = results.filter((r) => r.status === 'fulfilled').map((r) => ((r as PromiseFulfilledResult<WrittenRendition>).value.bytes))
    expect(new Set(pids).size).toBeGreaterThan(1)
    expect((await c.render(request('/d.jpg'))).path).toBe('/d.jpg')
  })

  it('a file on which the engine hangs is stopped as too slow; the others are done', async () => {
    const c = client()
    const results = await Promise.allSettled([c.render(request('/hang.jpg', 0.05)), c.render(request('/e.jpg', 0.05))])
    expect(results[1].status).toBe('fulfilled')
    expect(results[0].status).toBe('rejected')
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'photo_timeout' })
  })

  it('work handed to an engine whose channel has closed but which has not exited yet is done by the next engine, without crashing the core', async () => {
    const c = client()
    const first = await c.render(request('/a.jpg'))
    // The channel closes before the process is gone (as when the engine has just been killed).
    ;(c as unknown as { child: { disconnect(): void } }).child.disconnect()
    const later = await c.render(request('/g.jpg'))
    expect(later.path).toBe('/g.jpg')
    expect(later.bytes).not.toBe(first.bytes) // done by another engine process
  })

  it('refuses work once closed', async () => {
    const c = client()
    await c.close()
    await expect(c.render(request('/f.jpg'))).rejects.toMatchObject({ code: 'photo_engine_closed' })
  })
})
