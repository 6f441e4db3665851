// Upgrading a catalogue written before a migration existed keeps its data and its search.
import { join } from 'node:path'
import { expect, test } from 'vitest'
import Database from 'better-sqlite3'
import { migrate } from '../../electron/core/store/db.ts'
import { migrations } from '../../electron/core/store/migrations/index.ts'
import { openTestCore, tempDir } from '../helpers/core.ts'

test('a catalogue from before the update-sequence migration is upgraded with its search intact', async () => {
  const dir = tempDir()
  const db = new Database(join(dir, 'catalog.sqlite'))
  migrate(db, migrations.filter((m) => m.id < 3))
  const now = new Date().toISOString()
  db.prepare("INSERT INTO products (id, sku, status, data, sort_title, created_at, updated_at) VALUES ('p_old', 'OLD-1', 'draft', '{}', 'vaso', ?, ?)").run(now, now)
  db.prepare("INSERT INTO product_texts (product_id, locale, field, value, updated_at) VALUES ('p_old', 'it', 'title', 'Vaso di Deruta', ?)").run(now)
  const seq = (db.prepare("SELECT seq FROM products WHERE id = 'p_old'").get() as { seq: number }).seq
  db.prepare('INSERT INTO product_fts (rowid, sku, body) VALUES (?, ?, ?)').run(seq, 'OLD-1', 'Vaso di Deruta')
  db.prepare('INSERT INTO product_short (rowid, tokens) VALUES (?, ?)').run(seq, 'OLD-1 Vaso di Deruta')
  db.close()

  const t = openTestCore({ dataDir: dir })
  try {
    expect((await t.api.catalog.listProducts({ query: 'deruta' })).items.map((i) => i.sku)).toEqual(['OLD-1'])
    await t.api.catalog.updateProduct({ id: 'p_old', patch: { texts: { it: { title: 'Vaso di Deruta dipinto a mano' } } } })
    await t.api.catalog.createProduct({ sku: 'NEW-1', texts: { it: { title: 'Piatto di Deruta' } } })
    expect((await t.api.catalog.listProducts({ query: 'deruta' })).items.map((i) => i.sku)).toEqual(['NEW-1', 'OLD-1'])
    expect((await t.api.catalog.listProducts({ query: 'dipinto' })).items.map((i) => i.sku)).toEqual(['OLD-1'])
  } finally {
    await t.close()
  }
})
