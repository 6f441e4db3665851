// The catalogue's health: SQLite's quick_check when the catalogue opens and on every backup's
// snapshot. A damaged catalogue is reported (with the newest good backup as the way out) instead
// of being used, and is never backed up over good backups. "Recover what is readable" copies
// every row SQLite can still read into a fresh catalogue, table by table, stepping over damaged
// pages, then rebuilds what is derived (search indexes).
import type { Db } from '../store/db.ts'
import { openDatabase } from '../store/db.ts'

export type HealthState = 'ok' | 'damaged' | 'unreadable' | 'missing' | 'newer'

export interface CatalogHealth {
  state: HealthState
  /** SQLite's words for the first problem (for the log and the details line). */
  problem: string | null
  checkedAt: string
}

/** quick_check's findings; [] when the file is sound. */
export function quickCheck(db: Db): string[] {
  try {
    return (db.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check).filter((r) => r !== 'ok')
  } catch (err) {
    return [(err as Error).message]
  }
}

export interface RecoverReport {
  tables: number
  rows: number
  /** Tables some of whose rows could not be read, with the rows read. */
  damagedTables: Array<{ table: string; rows: number }>
  /** Rows dropped because what they refer to was lost. */
  orphansRemoved: number
}

const FTS_SHADOW = /_(data|idx|content|docsize|config)$/

/**
 * Copies what can be read from the damaged catalogue `damagedFile` into a new catalogue at
 * `targetFile` (same schema, migrated by this Vetrina). Search indexes are left empty: the caller
 * rebuilds them with the catalogue's own indexing.
 */
export function recoverReadable(damagedFile: string, targetFile: string): RecoverReport {
  const out = openDatabase(targetFile)
  const report: RecoverReport = { tables: 0, rows: 0, damagedTables: [], orphansRemoved: 0 }
  try {
    out.pragma('foreign_keys = OFF')
    out.prepare('ATTACH DATABASE ? AS damaged').run(damagedFile)
    const inTarget = new Set((out.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'").all() as { name: string }[]).map((r) => r.name))
    let tables: Array<{ name: string }>
    try {
      tables = out.prepare("SELECT name FROM damaged.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>
    } catch {
      tables = []
    }
    for (const { name } of tables) {
      if (!inTarget.has(name) || FTS_SHADOW.test(name) || name === 'schema_migrations') continue
      report.tables++
      const copied = copyTable(out, name)
      report.rows += copied.rows
      if (copied.damaged) report.damagedTables.push({ table: name, rows: copied.rows })
    }
    out.exec('DETACH DATABASE damaged')
    // Rows whose parent was on a lost page would break every later write: drop them.
    for (let pass = 0; pass < 5; pass++) {
      const broken = out.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null }>
      if (!broken.length) break
      for (const b of broken) {
        if (b.rowid === null) continue
        report.orphansRemoved += out.prepare(`DELETE FROM "${b.table}" WHERE rowid = ?`).run(b.rowid).changes
      }
    }
    out.pragma('foreign_keys = ON')
    return report
  } finally {
    out.close()
  }
}

function columnsOf(db: Db, schema: string, table: string): string[] {
  return (db.prepare(`PRAGMA ${schema}.table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name)
}

function copyTable(out: Db, table: string): { rows: number; damaged: boolean } {
  const theirs = new Set(columnsOf(out, 'damaged', table))
  const cols = columnsOf(out, 'main', table).filter((c) => theirs.has(c)).map((c) => `"${c}"`).join(', ')
  if (!cols) return { rows: 0, damaged: true }
  out.exec(`DELETE FROM main."${table}"`)
  try {
    const rows = out.transaction(() => out.prepare(`INSERT OR IGNORE INTO main."${table}" (${cols}) SELECT ${cols} FROM damaged."${table}"`).run().changes)()
    return { rows, damaged: false }
  } catch {
    // Step over the damaged pages: by rowid when the table has one, else up to the damage.
  }
  out.exec(`DELETE FROM main."${table}"`)
  const withoutRowid = /WITHOUT ROWID/i.test((out.prepare('SELECT sql FROM damaged.sqlite_master WHERE name = ?').get(table) as { sql: string }).sql)
  const viaIndex = copyByIndexKeys(out, table, cols, withoutRowid)
  if (viaIndex) return viaIndex
  return withoutRowid ? copyUntilDamage(out, table, cols) : copyByRowid(out, table, cols)
}

/**
 * An index lives on other pages than its table: read every key from one that is intact, then
 * fetch the rows one by one; only the rows stored on a damaged page are lost.
 */
function copyByIndexKeys(out: Db, table: string, cols: string, withoutRowid: boolean): { rows: number; damaged: boolean } | null {
  const keyCols = withoutRowid
    ? (out.prepare(`PRAGMA damaged.table_info("${table}")`).all() as Array<{ name: string; pk: number }>).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`)
    : ['rowid']
  if (!keyCols.length) return null
  const indexes = (out.prepare(`PRAGMA damaged.index_list("${table}")`).all() as Array<{ name: string; origin: string }>).filter((i) => i.origin !== 'pk')
  for (const index of indexes) {
    let keys: unknown[][]
    try {
      keys = out.prepare(`SELECT ${keyCols.join(', ')} FROM damaged."${table}" INDEXED BY "${index.name}"`).raw().all() as unknown[][]
    } catch {
      continue
    }
    const names = cols.split(', ')
    const one = out.prepare(`SELECT ${cols} FROM damaged."${table}" WHERE ${keyCols.map((k) => `${k} IS ?`).join(' AND ')}`)
    const insert = out.prepare(`INSERT OR IGNORE INTO main."${table}" (${withoutRowid ? '' : 'rowid, '}${cols}) VALUES (${withoutRowid ? '' : '?, '}${names.map(() => '?').join(', ')})`)
    let rows = 0
    // Rows are read outside any transaction (a read error on the damaged file would poison it),
    // then written a batch at a time.
    for (let i = 0; i < keys.length; i += 500) {
      const batch: unknown[][] = []
      for (const key of keys.slice(i, i + 500)) {
        try {
          const row = one.get(...key) as Record<string, unknown> | undefined
          if (row) batch.push([...(withoutRowid ? [] : [key[0]]), ...names.map((n) => row[n.slice(1, -1)])])
        } catch {
          // A row on a damaged page: lost.
        }
      }
      out.transaction(() => {
        for (const values of batch) rows += insert.run(...values).changes
      })()
    }
    return { rows, damaged: true }
  }
  return null
}

function copyByRowid(out: Db, table: string, cols: string): { rows: number; damaged: boolean } {
  const page = out.prepare(`SELECT rowid AS __r, ${cols} FROM damaged."${table}" WHERE rowid > ? ORDER BY rowid LIMIT 200`)
  const single = out.prepare(`SELECT rowid AS __r, ${cols} FROM damaged."${table}" WHERE rowid = ?`)
  const firstAfter = out.prepare(`SELECT rowid AS __r FROM damaged."${table}" WHERE rowid > ? ORDER BY rowid LIMIT 1`)
  const names = cols.split(', ')
  const insert = out.prepare(`INSERT OR IGNORE INTO main."${table}" (rowid, ${cols}) VALUES (?, ${names.map(() => '?').join(', ')})`)
  const put = (row: Record<string, unknown>) => insert.run(row.__r, ...names.map((n) => row[n.slice(1, -1)]))
  let last = -(2 ** 62)
  let rows = 0
  let damaged = false
  const readable = (r: number): boolean => {
    try {
      firstAfter.get(r)
      return true
    } catch {
      return false
    }
  }
  for (let guard = 0; guard < 1_000_000; guard++) {
    let batch: Array<Record<string, unknown>>
    try {
      batch = page.all(last) as Array<Record<string, unknown>>
    } catch {
      damaged = true
      // Rows one by one until the damage, then jump past it: probe further and further rowids,
      // then narrow down to the first one that reads again.
      let r = last
      let ok = true
      while (ok) {
        try {
          const next = firstAfter.get(r) as { __r: number } | undefined
          if (!next) return { rows, damaged }
          const row = single.get(next.__r) as Record<string, unknown>
          rows += put(row).changes
          r = next.__r
        } catch {
          ok = false
        }
      }
      let step = 1
      while (!readable(r + step) && step < 2 ** 52) step *= 2
      if (step >= 2 ** 52) return { rows, damaged }
      let lo = r + Math.floor(step / 2)
      let hi = r + step
      while (hi - lo > 1) {
        const mid = lo + Math.floor((hi - lo) / 2)
        if (readable(mid)) hi = mid
        else lo = mid
      }
      last = hi
      continue
    }
    if (!batch.length) return { rows, damaged }
    out.transaction(() => {
      for (const row of batch) rows += put(row).changes
    })()
    last = batch[batch.length - 1].__r as number
  }
  return { rows, damaged: true }
}

/** Tables without rowid are read page by page in key order up to the first damaged page. */
function copyUntilDamage(out: Db, table: string, cols: string): { rows: number; damaged: boolean } {
  const names = cols.split(', ')
  const insert = out.prepare(`INSERT OR IGNORE INTO main."${table}" (${cols}) VALUES (${names.map(() => '?').join(', ')})`)
  const read = out.prepare(`SELECT ${cols} FROM damaged."${table}" LIMIT ? OFFSET ?`)
  let offset = 0
  let rows = 0
  let size = 500
  for (;;) {
    let batch: Array<Record<string, unknown>>
    try {
      batch = read.all(size, offset) as Array<Record<string, unknown>>
    } catch {
      if (size === 1) return { rows, damaged: true }
      size = Math.max(1, Math.floor(size / 2))
      continue
    }
    if (!batch.length) return { rows, damaged: false }
    out.transaction(() => {
      for (const row of batch) rows += insert.run(...names.map((n) => row[n.slice(1, -1)])).changes
    })()
    offset += batch.length
  }
}
