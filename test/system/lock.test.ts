// One Vetrina per catalogue, held by an OS file lock: a second one is refused while the first
// runs; a crash (SIGKILL) never blocks the next start, and a lock file naming a process id that
// now belongs to another program is not mistaken for a running Vetrina.
import { spawn, type ChildProcess } from 'node:child_process'
import { statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { Core } from '../../electron/core/core.ts'
import { tempDir } from '../helpers/core.ts'

let child: ChildProcess | null = null
afterEach(() => {
  child?.kill('SIGKILL')
  child = null
})

function holdInChild(dataDir: string): Promise<ChildProcess> {
  const p = spawn(process.execPath, [resolve(import.meta.dirname, '../helpers/hold-core.ts'), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((res, rej) => {
    p.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && res(p))
    p.once('exit', (code) => rej(new Error(`holder exited with ${code}`)))
  })
}

describe('instance lock', () => {
  test('a second Vetrina is refused while the first runs; after a SIGKILL the next start opens', async () => {
    const dir = tempDir()
    child = await holdInChild(dir)
    expect(() => Core.open({ dataDir: dir, logFile: null })).toThrow(expect.objectContaining({ code: 'already_running', params: expect.objectContaining({ pid: child.pid }) }))
    child.kill('SIGKILL')
    await new Promise((r) => child!.once('exit', r))
    child = null
    const core = Core.open({ dataDir: dir, logFile: null })
    await core.close()
  })

  test('a lock left by a crash that names a live process of another program does not block', async () => {
    const dir = tempDir()
    const core = Core.open({ dataDir: dir, logFile: null })
    await core.close()
    // As a crash leaves it (this version's and an older one's), naming a process that is alive (pid 1).
    const stale = JSON.stringify({ pid: 1, host: 'here', startedAt: '2026-01-01T00:00:00Z' })
    writeFileSync(join(dir, 'vetrina.lock.json'), stale)
    writeFileSync(join(dir, 'vetrina.lock'), stale)
    const again = Core.open({ dataDir: dir, logFile: null })
    await again.close()
  })

  test('the data folder is readable only by its owner', async () => {
    if (process.platform === 'win32') return
    const dir = join(tempDir(), 'Vetrina')
    const core = Core.open({ dataDir: dir, logFile: join(dir, 'logs', 'vetrina.log') })
    await core.api().catalog.createProduct({ sku: 'P-1' })
    core.s.log.info('hello')
    await core.close()
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    for (const f of ['catalog.sqlite', 'logs/vetrina.log', 'vetrina.lock']) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600)
    for (const d of ['media', 'backups', 'logs']) expect(statSync(join(dir, d)).mode & 0o777, d).toBe(0o700)
  })
})
