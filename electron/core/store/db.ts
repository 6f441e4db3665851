// Opens the catalogue database: checks the file is SQLite and not from a newer Vetrina, sets
// the pragmas (WAL, foreign keys), and applies pending migrations in one transaction each.
import Database from 'better-sqlite3'
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import { migrations as allMigrations, type Migration } from './migrations/index.ts'

export type Db = Database.Database

const SQLITE_MAGIC = 'SQLite format 3\u0000'

/** better-sqlite3 13 ships a Node-API 10 binary: older runtimes crash on open instead of failing. */
export function assertRuntimeSupportsSqlite(): void {
  const napi = Number(process.versions.napi ?? 0)
  if (napi < 10) {
    throw new Error(
      `Vetrina needs Node.js 22.14 or newer (this is ${process.version}, Node-API ${napi}). ` +
        'Run it through npm scripts ("npm start", "npm run cli -- …"), which use the Node bundled in node_modules.'
    )
  }
}

function assertLooksLikeSqlite(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(16)
    readSync(fd, buf, 0, 16, 0)
    if (buf.toString('latin1') !== SQLITE_MAGIC) {
      throw new AppError(ErrorCodes.dbCorrupt, `The catalogue file ${file} is not a SQLite database (it may be damaged). It was left untouched.`, { params: { file } })
    }
  } finally {
    closeSync(fd)
  }
}

export interface OpenOptions {
  readonly?: boolean
  migrations?: Migration[]
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }))
}

/** Applied migration ids, or [] for a new database. */
function appliedMigrations(db: Db): number[] {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()
  if (!hasTable) return []
  return (db.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as { id: number }[]).map((r) => r.id)
}

/** Refuses a database written by a newer Vetrina (it has migrations this build does not know). */
export function assertNotNewer(db: Db, file: string, migrations: Migration[] = allMigrations): void {
  const known = new Set(migrations.map((m) => m.id))
  const maxKnown = Math.max(0, ...known)
  const unknown = appliedMigrations(db).filter((id) => !known.has(id))
  if (unknown.length > 0 || schemaVersion(db) > maxKnown) {
    throw new AppError(
      ErrorCodes.dbNewer,
      `The catalogue ${file} was written by a newer version of Vetrina (schema ${schemaVersion(db)}, this version knows up to ${maxKnown}). ` +
        'Update Vetrina to open it; the file was not changed.',
      { params: { file, found: schemaVersion(db), known: maxKnown } }
    )
  }
}

export function migrate(db: Db, migrations: Migration[] = allMigrations): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT')
  const applied = new Set(appliedMigrations(db))
  const ran: number[] = []
  for (const m of migrations) {
    if (applied.has(m.id)) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, new Date().toISOString())
      const max = Math.max(m.id, schemaVersion(db))
      db.pragma(`user_version = ${max}`)
    })()
    ran.push(m.id)
  }
  return ran
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  assertRuntimeSupportsSqlite()
  assertLooksLikeSqlite(file)
  let db: Db
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false })
  } catch (err) {
    throw new AppError(ErrorCodes.dbCorrupt, `Cannot open the catalogue ${file}: ${(err as Error).message}`, { params: { file } })
  }
  try {
    // Reading the schema fails fast on a damaged file ("file is not a database").
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    assertNotNewer(db, file, opts.migrations)
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
      db.pragma('busy_timeout = 5000')
    }
    db.pragma('foreign_keys = ON')
    db.pragma('cache_size = -32000')
    db.pragma('temp_store = MEMORY')
    if (!opts.readonly) migrate(db, opts.migrations)
    return db
  } catch (err) {
    db.close()
    if (err instanceof AppError) throw err
    const message = (err as Error).message
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new AppError(ErrorCodes.dbCorrupt, `The catalogue ${file} is damaged (${message}). It was left untouched; restore a backup.`, { params: { file } })
    }
    throw err
  }
}

/** Full integrity check; returns the problems found ([] when the file is sound). */
export function integrityProblems(db: Db): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[]
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok')
  const fk = db.pragma('foreign_key_check') as unknown[]
  if (fk.length > 0) problems.push(`${fk.length} broken references between tables`)
  return problems
}
