// The catalogue file: migrations, pragmas, and refusal (without touching the file) of a
// database written by a newer Vetrina or a damaged one.
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, test } from 'vitest'
import { Core } from '../../electron/core/core.ts'
import { migrations } from '../../electron/core/store/migrations/index.ts'
import { openDatabase, schemaVersion } from '../../electron/core/store/db.ts'
import { openTestCore, tempDir, type TestCore } from '../helpers/core.ts'

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex')
let t: TestCore | null = null
afterEach(async () => {
  await t?.close()
  t = null
})

describe('store', () => {
  test('a new catalogue gets every migration, WAL and foreign keys', async () => {
    t = openTestCore()
    const db = t.core.s.db
    expect(schemaVersion(db)).toBe(Math.max(...migrations.map((m) => m.id)))
    expect((db.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as { id: number }[]).map((r) => r.id)).toEqual(migrations.map((m) => m.id))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(() => db.prepare("INSERT INTO product_texts (product_id, locale, field, value, updated_at) VALUES ('nope', 'it', 'title', 'x', 'now')").run()).toThrow(/FOREIGN KEY/)
  })

  test('opening again applies nothing twice and keeps the data', async () => {
    const dir = tempDir()
    let core = Core.open({ dataDir: dir, logFile: null })
    await core.api().catalog.createProduct({ sku: 'A-1' })
    await core.close()
    core = Core.open({ dataDir: dir, logFile: null })
    expect((await core.api().catalog.getProduct({ sku: 'A-1' })).sku).toBe('A-1')
    await core.close()
  })

  test('a database from a newer Vetrina is refused and left untouched', async () => {
    const dir = tempDir()
    const core = Core.open({ dataDir: dir, logFile: null })
    await core.close()
    const file = join(dir, 'catalog.sqlite')
    const raw = new Database(file)
    raw.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (9999, 'from-the-future', 'x')").run()
    raw.pragma('user_version = 9999')
    raw.close()
    const before = sha(file)
    expect(() => Core.open({ dataDir: dir, logFile: null })).toThrow(/newer version of Vetrina/)
    try {
      Core.open({ dataDir: dir, logFile: null })
    } catch (err) {
      expect((err as { code: string }).code).toBe('db_newer_version')
    }
    expect(sha(file)).toBe(before)
  })

  test('a file that is not a database is reported and left untouched', () => {
    const dir = tempDir()
    const file = join(dir, 'catalog.sqlite')
    writeFileSync(file, Buffer.from('PK\u0003\u0004 this is a zip, not a catalogue '.repeat(100)))
    const before = sha(file)
    expect(() => Core.open({ dataDir: dir, logFile: null })).toThrow(/not a SQLite database/)
    expect(sha(file)).toBe(before)
  })

  test('a damaged database is reported and left untouched', () => {
    const dir = tempDir()
    const file = join(dir, 'catalog.sqlite')
    const db = openDatabase(file)
    db.close()
    const bytes = readFileSync(file)
    // Keep the SQLite header but overwrite the schema page with garbage.
    for (let i = 100; i < Math.min(bytes.length, 4096); i++) bytes[i] = (i * 7) & 0xff
    writeFileSync(file, bytes)
    const before = sha(file)
    expect(() => openDatabase(file)).toThrow(/damaged|malformed|not a database/i)
    expect(sha(file)).toBe(before)
  })

  test('a second Vetrina on the same catalogue is refused', () => {
    t = openTestCore()
    expect(() => Core.open({ dataDir: t!.dataDir, logFile: null })).toThrow(/already running/)
  })
})
