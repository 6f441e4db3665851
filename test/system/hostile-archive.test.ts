// A backup is a file that can come from anywhere. Each hostile archive here is made the way a
// forger would (a real backup unpacked, changed, its manifest recomputed) and must be refused or
// neutralised, leaving the current catalogue as it was and nothing behind in the data folder.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Job } from '../../shared/contract/jobs.ts'
import { sanitizeRichText } from '../../electron/core/catalog/rich-text.ts'
import { startHost, type RunningHost } from '../../electron/core/host/server.ts'
import { openTestCore, tempDir, type TestCore } from '../helpers/core.ts'
import { SOME_PHOTOS, addPhotos, filesUnder, makeBackup, repack, restore, sha256, unpack, writeRawArchive } from './helpers.ts'

let t: TestCore
let good: string
const root = tempDir('vetrina-hostile-')

beforeAll(async () => {
  // The data folder sits two levels down, so "../../x" from media/ stays inside this test's folder.
  const dataDir = join(root, 'office', 'data')
  mkdirSync(dataDir, { recursive: true })
  t = openTestCore({ dataDir })
  await t.api.catalog.createProduct({ sku: 'KEEP-ME', texts: { it: { title: 'Olio extravergine 0,5 L' } } })
  await addPhotos(t, SOME_PHOTOS, 'KEEP-ME')
  good = await makeBackup(t)
}, 60_000)
afterAll(async () => {
  await t.close()
})

/** What must hold after any refused archive: the catalogue as it was, nothing left in tmp. */
async function expectUntouched(): Promise<void> {
  expect((await t.api.catalog.getProduct({ sku: 'KEEP-ME' })).texts.it.title).toBe('Olio extravergine 0,5 L')
  expect((await t.api.catalog.listProducts({})).total).toBe(1)
  expect(readdirSync(join(t.dataDir, 'tmp')).filter((f) => !f.startsWith('rescue'))).toEqual([])
  expect(existsSync(join(t.dataDir, 'restore-plan.json'))).toBe(false)
}

async function refused(file: string, code: string): Promise<Job> {
  const job = await restore(t, file)
  expect(job.state, JSON.stringify(job.result)).toBe('failed')
  await expectUntouched()
  expect(job.error?.code, job.error?.message).toBe(code)
  return job
}

/** A copy of the good backup, unpacked, changed by `change`, repacked with a matching manifest. */
async function forged(name: string, change: (dir: string, db: Database.Database) => void, o: Parameters<typeof repack>[2] = {}): Promise<string> {
  const dir = await unpack(good)
  const db = new Database(join(dir, 'catalog.sqlite'))
  db.pragma('journal_mode = DELETE')
  try {
    change(dir, db)
  } finally {
    db.close()
  }
  return repack(dir, join(root, `${name}.tar.gz`), o)
}

describe('hostile archives', () => {
  test('photo paths in the database that leave media/ are refused; stored ones are never followed', async () => {
    const victim = join(root, 'office', 'victim.txt')
    writeFileSync(victim, 'a file outside the data folder')
    const file = await forged('traversal', (_dir, db) => {
      const [a, b] = db.prepare('SELECT id FROM photos ORDER BY seq').all() as Array<{ id: string }>
      db.prepare("UPDATE photos SET rel_path = '../../victim.txt' WHERE id = ?").run(a.id)
      db.prepare("UPDATE renditions SET rel_path = '../../victim.txt' WHERE photo_id = ?").run(b.id)
    })
    await refused(file, 'system_restore_bad_path')
    // Even a path already in the catalogue (however it got there) is never followed out of media/.
    const photo = (await t.api.photos.list({})).items[0]
    t.core.s.db.prepare("UPDATE renditions SET rel_path = '../../victim.txt', spec = 'stale' WHERE photo_id = ?").run(photo.id)
    t.core.s.db.prepare("UPDATE photos SET rel_path = '../../victim.txt' WHERE id = ?").run(photo.id)
    await expect(t.api.photos.rendition({ id: photo.id, preset: 'main' })).rejects.toMatchObject({ code: 'photo_bad_path' })
    await t.api.photos.delete({ ids: [photo.id] })
    expect(readFileSync(victim, 'utf8')).toBe('a file outside the data folder')
    // Put the catalogue back as the other cases expect it.
    const back = await restore(t, good)
    expect(back.state).toBe('done')
  })

  test('HTML or scripts planted under media/ are refused, and never served as a page', async () => {
    const file = await forged('planted', (dir) => {
      mkdirSync(join(dir, 'media', 'originals', 'ab'), { recursive: true })
      writeFileSync(join(dir, 'media', 'originals', 'ab', 'index.html'), '<script src="/media/x.js"></script>')
      writeFileSync(join(dir, 'media', 'x.js'), "fetch('/api/call/system.backup', { method: 'POST' })")
    })
    await refused(file, 'system_restore_unexpected_entry')
    expect(existsSync(join(t.core.s.paths.media, 'x.js'))).toBe(false)

    // Whatever is in media/, only images are shown; anything else is a download under a sandbox.
    const ui = tempDir('vetrina-ui-')
    writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Vetrina</title>')
    const host: RunningHost = await startHost({ core: t.core, uiDir: ui })
    try {
      writeFileSync(join(t.core.s.paths.media, 'page.html'), '<script>alert(document.cookie)</script>')
      writeFileSync(join(t.core.s.paths.media, 'fake.jpg'), '<script>alert(1)</script>')
      const key = new URL(host.ownerLink).searchParams.get('token')!
      const get = (p: string) => fetch(`${host.url}/media/${p}`, { headers: { Authorization: `Bearer ${key}` } })
      for (const p of ['page.html', 'fake.jpg']) {
        const r = await get(p)
        expect(r.status).toBe(200)
        expect(r.headers.get('content-type')).toBe('application/octet-stream')
        expect(r.headers.get('content-disposition')).toBe('attachment')
        expect(r.headers.get('content-security-policy')).toMatch(/sandbox/)
        expect(r.headers.get('x-content-type-options')).toBe('nosniff')
      }
      const thumb = t.core.s.db.prepare("SELECT rel_path FROM renditions WHERE preset = 'thumb' LIMIT 1").get() as { rel_path: string }
      const img = await get(thumb.rel_path)
      expect(img.headers.get('content-type')).toBe('image/webp')
      expect(img.headers.get('content-disposition')).toBeNull()
      expect(img.headers.get('x-content-type-options')).toBe('nosniff')
    } finally {
      await host.close()
    }
    // And a description cannot link a reader into our origin.
    expect(sanitizeRichText('<p><a href="/media/page.html">scheda</a> <a href="../media/x.js">x</a> <a href="https://www.example.it/">sito</a></p>'))
      .toBe('<p><a>scheda</a> <a>x</a> <a href="https://www.example.it/" rel="noopener noreferrer">sito</a></p>')
  })

  test('a photo whose bytes were swapped is refused', async () => {
    const file = await forged('swapped', (dir) => {
      const original = filesUnder(join(dir, 'media')).find((f) => f.startsWith('originals/'))!
      const bytes = readFileSync(join(dir, 'media', original))
      bytes[bytes.length - 10] ^= 0xff // same size, other bytes
      writeFileSync(join(dir, 'media', original), bytes)
    })
    await refused(file, 'system_restore_media_mismatch')
  })

  test('foreign endpoints, the LAN switch, planted links, jobs and file paths from the archive are not taken', async () => {
    await t.core.s.settings.set('publish', { ...(await t.api.publish.getSettings({})), target: 'sandbox', sandbox: { url: null, chinese: true } })
    const before = {
      publish: t.core.s.db.prepare("SELECT value FROM settings WHERE key = 'publish'").get(),
      mt: t.core.s.db.prepare("SELECT value FROM settings WHERE key = 'translation.mt'").get()
    }
    const file = await forged('foreign', (_dir, db) => {
      const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      put.run('publish', JSON.stringify({ target: 'alibaba', sandbox: { url: 'http://gateway.evil.example:9', chinese: true }, alibaba: { url: 'http://open-api.evil.example', chinese: false }, ratePerSecond: 5, concurrency: 4, eurToUsd: 1.1, maxFailures: 5, auditPollSeconds: 60, timeoutSeconds: 30 }))
      put.run('translation.mt', JSON.stringify({ deepl: { enabled: true, baseUrl: 'http://deepl.evil.example', rateLimit: 5, pivot: 'english', englishVariant: 'EN-GB' } }))
      put.run('app', JSON.stringify({ uiLanguage: 'it', targetLocales: ['en', 'zh-CN'], autoBackup: { enabled: true, keep: 7 }, lanAccess: true }))
      const now = new Date().toISOString()
      db.prepare(`INSERT INTO jobs (id, kind, state, title, payload, max_attempts, created_at, updated_at) VALUES
        ('job_evil1', 'system.backup', 'queued', 'Backup', ?, 1, ?, ?),
        ('job_evil2', 'system.backup', 'failed', 'Backup', ?, 1, ?, ?)`).run(JSON.stringify({ path: join(root, 'overwritten.txt') }), now, now, JSON.stringify({ path: join(root, 'overwritten.txt') }), now, now)
      db.prepare(`INSERT INTO spreadsheet_imports (id, file, file_name, format, spec, state, created_at, updated_at) VALUES ('imp_evil', '/etc/passwd', 'passwd.csv', 'csv', '{}', 'checked', ?, ?)`).run(now, now)
      if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'access_links'").get()) {
        db.prepare(`INSERT INTO access_links (id, role, label, token_sha256, created_at, expires_at) VALUES ('lnk_evil', 'owner', 'evil', ?, ?, '2999-01-01T00:00:00.000Z')`).run(sha256(Buffer.from('known-key')), now)
      }
    })
    const job = await restore(t, file)
    expect(job.state, job.error?.message).toBe('done')
    const db = t.core.s.db
    expect(db.prepare("SELECT value FROM settings WHERE key = 'publish'").get()).toEqual(before.publish)
    expect(db.prepare("SELECT value FROM settings WHERE key = 'translation.mt'").get()).toEqual(before.mt)
    expect((await t.api.system.getSettings({})).lanAccess).toBe(false)
    expect(db.prepare("SELECT count(*) AS n FROM jobs WHERE id LIKE 'job_evil%'").get()).toEqual({ n: 0 })
    expect(db.prepare("SELECT file FROM spreadsheet_imports WHERE id = 'imp_evil'").get()).toEqual({ file: '' })
    expect(t.core.s.accessLinks.verify('known-key')).toBeNull()
    await new Promise((r) => setTimeout(r, 100))
    expect(existsSync(join(root, 'overwritten.txt'))).toBe(false)
    const back = await restore(t, good)
    expect(back.state, back.error?.message).toBe('done')
  })

  test('gzip bombs are refused, leaving nothing on disk', async () => {
    const manifest = JSON.parse(readFileSync(join(await unpack(good), 'manifest.json'), 'utf8'))
    const size = 128 * 1024 * 1024
    manifest.database.size = size
    const head = { path: 'manifest.json', size: Buffer.byteLength(JSON.stringify(manifest)), body: Buffer.from(JSON.stringify(manifest)) }
    // A forged SQLite header over data that compresses 100:1 (below any ratio limit), the size it declares.
    const page = Buffer.alloc(4096)
    page.write('SQLite format 3\0', 0, 'latin1')
    page.writeUInt16BE(4096, 16)
    const noisySize = 48 * 1024 * 1024
    page.writeUInt32BE(1, 24)
    page.writeUInt32BE(noisySize / 4096, 28)
    page.writeUInt32BE(1, 92)
    const noisy = join(root, 'bomb-noisy.tar.gz')
    const block = Buffer.alloc(noisySize)
    for (let i = 0; i < noisySize; i += 300) block[i] = (i / 300) & 0xff
    page.copy(block, 0)
    const noisyHead = { ...head, body: Buffer.from(JSON.stringify({ ...manifest, database: { ...manifest.database, size: noisySize } })) }
    noisyHead.size = noisyHead.body.length
    await writeRawArchive(noisy, [noisyHead, { path: 'catalog.sqlite', size: noisySize, body: block }], 1)
    expect(statSync(noisy).size).toBeLessThan(noisySize / 20)
    await refused(noisy, 'system_restore_db_checksum')
    // Zeros where the catalogue should be: megabytes that unpack to hundreds.
    const zeros = join(root, 'bomb-zeros.tar.gz')
    await writeRawArchive(zeros, [head, { path: 'catalog.sqlite', size }])
    expect(statSync(zeros).size).toBeLessThan(1024 * 1024)
    const started = Date.now()
    await refused(zeros, 'system_restore_db_not_sqlite')
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  test('an archive of 200,000 entries is refused at the first one its catalogue does not reference', async () => {
    const dir = await unpack(good)
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))
    const db = readFileSync(join(dir, 'catalog.sqlite'))
    manifest.media = { files: 200_000, bytes: 0, missing: [] }
    const many = join(root, 'many.tar.gz')
    await writeRawArchive(many, (function* () {
      yield { path: 'manifest.json', size: Buffer.byteLength(JSON.stringify(manifest)), body: Buffer.from(JSON.stringify(manifest)) }
      yield { path: 'catalog.sqlite', size: db.length, body: db }
      for (let i = 0; i < 200_000; i++) {
        const sha = sha256(Buffer.from(String(i)))
        yield { path: `media/originals/${sha.slice(0, 2)}/${sha}.jpg`, size: 0, body: Buffer.alloc(0) }
      }
    })(), 1)
    const started = Date.now()
    const job = await restore(t, many)
    expect(job.state).toBe('failed')
    expect(['system_restore_db_checksum', 'system_restore_damaged', 'system_restore_unexpected_entry']).toContain(job.error?.code)
    await expectUntouched()
    expect(Date.now() - started).toBeLessThan(15_000)
  })

  test('a damaged database in the archive is refused', async () => {
    const file = await forged('damaged-db', (_dir, db) => {
      for (let i = 0; i < 300; i++) db.prepare('INSERT INTO history (product_id, batch_id, path, old, new, at, source) SELECT id, ?, ?, NULL, ?, ?, ? FROM products').run(`b${i}`, 'texts.it.title', JSON.stringify('x'.repeat(200)), new Date().toISOString(), 'manual')
      const page = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'history' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 3").get() as { pageno: number }).pageno
      const pageSize = db.pragma('page_size', { simple: true }) as number
      db.close()
      const bytes = readFileSync(join(_dir, 'catalog.sqlite'))
      for (let i = 8; i < 200; i++) bytes[(page - 1) * pageSize + i] = (i * 37) & 0xff
      writeFileSync(join(_dir, 'catalog.sqlite'), bytes)
    })
    await refused(file, 'system_restore_db_damaged')
  })
})
