// Damages a catalogue file the way a failing disk does, for the health and rescue tests.
import Database from 'better-sqlite3'
import { readFileSync, writeFileSync } from 'node:fs'

/** Overwrites part of the `nth` leaf page of `table` in a closed catalogue, keeping the file header. */
export function damagePage(file: string, table: string, nth = 2): void {
  const db = new Database(file)
  const page = (db.prepare('SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno LIMIT 1 OFFSET ?').get(table, 'leaf', nth) as { pageno: number }).pageno
  const size = db.pragma('page_size', { simple: true }) as number
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  const bytes = readFileSync(file)
  for (let i = 0; i < 300; i++) bytes[(page - 1) * size + 8 + i] = (i * 73 + 11) & 0xff
  writeFileSync(file, bytes)
}
