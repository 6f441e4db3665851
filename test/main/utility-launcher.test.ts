// The photo engine as an Electron utility process (the packaged app has the RunAsNode fuse off,
// so it cannot fork itself as Node). Electron's utilityProcess is replaced by a stand-in that
// really forks Node with process.parentPort emulated, so the real engine runs the real render
// through UtilityChild and parentChannel, and stops when the core lets it go.
import { fork } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, test } from 'vitest'
import { createLogger } from '../../electron/core/log.ts'
import { forkLauncher, PARENT_DISCONNECT, setNodeProcessLauncher } from '../../electron/core/platform/node-process.ts'
import { PhotoEngineClient } from '../../electron/core/photos/engine/engine-client.ts'
import { DEFAULT_LIMITS } from '../../electron/core/photos/types.ts'
import { UtilityChild, utilityLauncher, type UtilityProcessLike, type UtilityProcessModule } from '../../electron/main/utility-launcher.ts'
import { DEFAULT_PRESETS } from '../../shared/domain/photo-presets.ts'
import { tempDir } from '../helpers/core.ts'

const SHIM = join(import.meta.dirname, 'fixtures/parent-port-shim.mjs')

/** utilityProcess.fork, played by a Node fork that only speaks through process.parentPort. */
function fakeUtilityProcess(log: { forks: Array<{ execArgv: string[]; serviceName: string }>; exits: number[] }): UtilityProcessModule {
  return {
    fork(modulePath, _args, options) {
      log.forks.push({ execArgv: options.execArgv, serviceName: options.serviceName })
      const child = fork(modulePath, [], { env: options.env, execArgv: [...options.execArgv, '--import', SHIM], serialization: 'advanced', stdio: 'inherit' })
      const proc = Object.assign(new EventEmitter(), {
        get pid() { return child.pid },
        postMessage: (m: unknown) => void child.send(m as never),
        kill: () => child.kill()
      })
      child.on('spawn', () => proc.emit('spawn'))
      child.on('message', (m) => proc.emit('message', m))
      child.on('exit', (code) => {
        log.exits.push(code ?? -1)
        proc.emit('exit', code ?? -1)
      })
      return proc as unknown as UtilityProcessLike
    }
  }
}

afterAll(() => setNodeProcessLauncher(forkLauncher))

describe('helper processes as utility processes', () => {
  test('UtilityChild: messages both ways, disconnect asks the process to stop, exit is reported', () => {
    const posted: unknown[] = []
    const proc = Object.assign(new EventEmitter(), { pid: 42, postMessage: (m: unknown) => void posted.push(m), kill: () => true })
    const child = new UtilityChild(proc as unknown as UtilityProcessLike)
    const got: unknown[] = []
    child.on('message', (m) => got.push(m))
    expect(child.send({ type: 'init' })).toBe(true)
    proc.emit('message', { type: 'ready' })
    expect(got).toEqual([{ type: 'ready' }])
    child.disconnect()
    expect(posted).toEqual([{ type: 'init' }, { type: PARENT_DISCONNECT }])
    expect(child.connected).toBe(false)
    expect(child.send({ type: 'late' })).toBe(false)
    let exit: unknown[] = []
    child.once('exit', (...a) => (exit = a))
    proc.emit('exit', 0)
    expect(exit).toEqual([0, null])
    expect(child.exitCode).toBe(0)
    expect(child.pid).toBe(42)
  })

  test('the real photo engine renders through it, and exits cleanly when released', async () => {
    const log = { forks: [] as Array<{ execArgv: string[]; serviceName: string }>, exits: [] as number[] }
    setNodeProcessLauncher(utilityLauncher(fakeUtilityProcess(log)))
    const dir = tempDir('vetrina-utility-')
    const input = join(dir, 'in.jpg')
    await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 180, g: 40, b: 60 } } }).jpeg().toFile(input)
    const client = new PhotoEngineClient({ slots: 1, tmpDir: dir, log: createLogger(null, false) })
    const out = await client.render({ op: 'render', input, format: 'jpeg', preset: 'main', spec: DEFAULT_PRESETS.main, output: join(dir, 'out.jpg'), limits: DEFAULT_LIMITS })
    expect(out.width).toBeGreaterThan(0)
    expect((await sharp(out.path).metadata()).format).toBe('jpeg')
    expect(log.forks).toEqual([{ execArgv: ['--expose-gc', '--max-semi-space-size=1'], serviceName: 'Vetrina photo engine' }])
    await client.close()
    // Stopped by the disconnect message (exit 0), not by the 3-second kill.
    expect(log.exits).toEqual([0])
  })
})
