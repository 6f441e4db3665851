// One running Vetrina per catalogue: two processes running jobs on the same database would
// publish twice. The lock is an OS file lock (SQLite's exclusive lock on `vetrina.lock`, held
// while we run): the operating system drops it when the process ends, however it ends, so a
// crash never blocks a restart and a reused process id is never mistaken for a live Vetrina.
// `vetrina.lock.json` only says who holds it, for the message.
import Database from 'better-sqlite3'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../../../shared/contract/errors.ts'

export const LOCK_FILE = 'vetrina.lock'

interface Holder { pid: number; host: string; startedAt: string }

export class InstanceLock {
  private readonly file: string
  private readonly infoFile: string
  private db: Database.Database | null = null

  constructor(dataDir: string) {
    this.file = join(dataDir, LOCK_FILE)
    this.infoFile = join(dataDir, `${LOCK_FILE}.json`)
  }

  acquire(): void {
    if (this.db) return
    let db = new Database(this.file, { timeout: 0 })
    try {
      try {
        db.pragma('journal_mode = DELETE')
      } catch (err) {
        // An older Vetrina's lock (a JSON file naming a process id): nobody holds it as a lock.
        if (!/not a database/i.test((err as Error).message)) throw err
        db.close()
        rmSync(this.file, { force: true })
        db = new Database(this.file, { timeout: 0 })
        db.pragma('journal_mode = DELETE')
      }
      db.pragma('locking_mode = EXCLUSIVE')
      // An open write transaction keeps the exclusive lock until close (or process death).
      db.exec('BEGIN EXCLUSIVE')
    } catch (err) {
      db.close()
      if (!/locked|busy/i.test((err as Error).message)) throw err
      const holder = this.holder()
      throw new AppError('already_running',
        `Vetrina is already running on this catalogue${holder ? ` (process ${holder.pid} on ${holder.host}, since ${holder.startedAt})` : ''}. Close it first, or use its browser mode.`,
        { params: { pid: holder?.pid ?? null, host: holder?.host ?? null, since: holder?.startedAt ?? null } })
    }
    this.db = db
    const me: Holder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }
    writeFileSync(this.infoFile, JSON.stringify(me), { mode: 0o600 })
  }

  private holder(): Holder | null {
    try {
      return JSON.parse(readFileSync(this.infoFile, 'utf8')) as Holder
    } catch {
      return null
    }
  }

  release(): void {
    if (!this.db) return
    rmSync(this.infoFile, { force: true })
    try {
      this.db.close()
    } finally {
      this.db = null
    }
  }
}
