// One running Vetrina per catalogue: two processes running jobs on the same database would
// publish twice. A lock file names the owning process; a lock left by a crashed process is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../../shared/contract/errors.ts'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export class InstanceLock {
  private readonly file: string
  private held = false

  constructor(dataDir: string) {
    this.file = join(dataDir, 'vetrina.lock')
  }

  acquire(): void {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.file, 'wx')
        writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }))
        closeSync(fd)
        this.held = true
        return
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
        let pid = 0
        try {
          pid = Number(JSON.parse(readFileSync(this.file, 'utf8')).pid)
        } catch {
          // unreadable lock: treat as stale
        }
        if (pid && alive(pid)) {
          throw new AppError('already_running', `Vetrina is already running on this catalogue (process ${pid}). Close it first, or use its browser mode.`, { params: { pid } })
        }
        rmSync(this.file, { force: true })
      }
    }
    throw new AppError('already_running', 'Could not lock the catalogue folder.')
  }

  release(): void {
    if (this.held) rmSync(this.file, { force: true })
    this.held = false
  }
}
