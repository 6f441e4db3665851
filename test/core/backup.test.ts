// Backups and restore: a consistent archive of the database and media; restore checks everything
// before replacing anything, keeps the previous catalogue aside, and refuses bad archives.
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import * as tar from 'tar'
import { afterEach, describe, expect, test } from 'vitest'
import type { Job } from '../../shared/contract/jobs.ts'
import { rotateAutomatic } from '../../electron/core/system/backup.ts'
import { openTestCore, tempDir, type TestCore } from '../helpers/core.ts'

let t: TestCore | null = null
afterEach(async () => {
  await t?.close()
  t = null
})

function finished(core: TestCore['core'], jobId: string): Promise<Job> {
  return new Promise((res) => {
    const check = (job: Job) => {
      if (job.id === jobId && ['done', 'failed', 'cancelled'].includes(job.state)) {
        off()
        res(job)
      }
    }
    const off = core.events.on('job.progress', check)
    check(core.s.jobs.get(jobId))
  })
}

async function reloaded(core: TestCore['core']): Promise<void> {
  await new Promise<void>((res) => {
    const off = core.events.on('data.changed', (e) => {
      if (e.all) {
        off()
        res()
      }
    })
  })
}

async function makeBackup(tc: TestCore, path?: string): Promise<string> {
  const { jobId } = await tc.api.system.backup({ path })
  const job = await finished(tc.core, jobId)
  expect(job.state).toBe('done')
  return (job.result as { file: string }).file
}

describe('backup and restore', () => {
  test('restore brings back products and photos; the replaced catalogue is kept aside', async () => {
    t = openTestCore()
    await t.api.catalog.createProduct({ sku: 'CHI-2021', texts: { it: { title: 'Chianti Classico DOCG 2021' } } })
    mkdirSync(join(t.core.s.paths.media, 'originals', 'ab'), { recursive: true })
    writeFileSync(join(t.core.s.paths.media, 'originals', 'ab', 'abcdef.jpg'), Buffer.alloc(2048, 7))
    // An upload being received is work in progress, not part of the catalogue.
    mkdirSync(join(t.core.s.paths.media, '.incoming'), { recursive: true })
    writeFileSync(join(t.core.s.paths.media, '.incoming', 'upload-1.part'), Buffer.alloc(100, 1))
    const file = await makeBackup(t)
    expect(file).toMatch(/vetrina-backup-\d{8}-\d{6}\.vetrina-backup$/)
    const packed: string[] = []
    await tar.t({ file, onReadEntry: (e) => { packed.push(e.path) } })
    expect(packed).toContain('media/originals/ab/abcdef.jpg')
    expect(packed.filter((p) => p.includes('.incoming'))).toEqual([])
    const list = (await t.api.system.listBackups({})).items
    expect(list[0]).toMatchObject({ path: file, automatic: false })

    // Change everything after the backup.
    await t.api.catalog.createProduct({ sku: 'LATER-1' })
    const chi = await t.api.catalog.getProduct({ sku: 'CHI-2021' })
    await t.api.catalog.updateProduct({ id: chi.id, patch: { texts: { it: { title: 'Titolo cambiato' } } } })
    writeFileSync(join(t.core.s.paths.media, 'originals', 'ab', 'abcdef.jpg'), Buffer.alloc(10, 1))

    const reload = reloaded(t.core)
    const { jobId } = await t.api.system.restore({ file: { kind: 'path', path: file } })
    await reload
    const job = t.core.s.jobs.get(jobId)
    expect(job.state).toBe('done')
    const result = job.result as { previousKeptIn: string }
    expect((await t.api.catalog.getProduct({ sku: 'CHI-2021' })).texts.it.title).toBe('Chianti Classico DOCG 2021')
    expect((await t.api.catalog.listProducts({ query: 'LATER' })).total).toBe(0)
    expect(readFileSync(join(t.core.s.paths.media, 'originals', 'ab', 'abcdef.jpg'))).toEqual(Buffer.alloc(2048, 7))
    expect(readdirSync(result.previousKeptIn).sort()).toEqual(expect.arrayContaining(['catalog.sqlite', 'media']))
    // The old catalogue in the aside folder still has the later product.
    const aside = new Database(join(result.previousKeptIn, 'catalog.sqlite'), { readonly: true })
    expect(aside.prepare("SELECT count(*) AS n FROM products WHERE sku = 'LATER-1'").get()).toEqual({ n: 1 })
    aside.close()
    // The restored catalogue keeps working, search included.
    expect((await t.api.catalog.listProducts({ query: 'chianti' })).total).toBe(1)
    await t.api.catalog.createProduct({ sku: 'AFTER-RESTORE' })
  })

  test('a backup cancelled while packing media stops cleanly and leaves no archive', async () => {
    t = openTestCore()
    await t.api.catalog.createProduct({ sku: 'CHI-2021' })
    for (let i = 0; i < 400; i++) {
      const dir = join(t.core.s.paths.media, 'originals', String(i % 16).padStart(2, '0'))
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, `${i}.jpg`), randomBytes(64 * 1024))
    }
    const uncaught: unknown[] = []
    const onUncaught = (err: unknown) => { uncaught.push(err) }
    process.on('uncaughtException', onUncaught)
    try {
      const dest = join(tempDir(), 'cancelled.tar.gz')
      const { jobId } = await t.api.system.backup({ path: dest })
      // Cancel as soon as the archive is being written (photos do not compress: packing takes a while).
      const watch = setInterval(() => {
        if (existsSync(`${dest}.partial`)) {
          clearInterval(watch)
          void t?.api.jobs.cancel({ id: jobId })
        }
      }, 2)
      const job = await finished(t.core, jobId)
      expect(job.state).toBe('cancelled')
      expect(existsSync(dest)).toBe(false)
      expect(existsSync(`${dest}.partial`)).toBe(false)
      await new Promise((res) => setTimeout(res, 50))
      expect(uncaught).toEqual([])
    } finally {
      process.off('uncaughtException', onUncaught)
    }
  })

  test('bad archives are refused and the catalogue is left as it was', async () => {
    t = openTestCore()
    await t.api.catalog.createProduct({ sku: 'KEEP-ME' })
    const good = await makeBackup(t)
    const dir = tempDir()
    const dbHash = () => createHash('sha256').update(readFileSync(t!.core.s.paths.db)).digest('hex')
    const before = (await t.api.catalog.listProducts({})).total

    // 1. Not an archive at all.
    const notGz = join(dir, 'photo.tar.gz')
    writeFileSync(notGz, Buffer.from('\xff\xd8\xff\xe0 JPEG bytes', 'latin1'))
    // 2. Truncated archive.
    const truncated = join(dir, 'truncated.tar.gz')
    writeFileSync(truncated, readFileSync(good).subarray(0, 600))
    // 3. An archive with a path that escapes the folder.
    const evilDir = join(dir, 'evil')
    mkdirSync(join(evilDir, 'x'), { recursive: true })
    writeFileSync(join(evilDir, 'manifest.json'), '{}')
    writeFileSync(join(evilDir, 'evil.txt'), 'pwned')
    const traversal = join(dir, 'traversal.tar.gz')
    await tar.c({ gzip: true, file: traversal, cwd: evilDir, preservePaths: true, portable: true, onWriteEntry: (e: { path: string }) => { if (e.path === 'evil.txt') e.path = '../../evil.txt' } } as never, ['manifest.json', 'evil.txt'])
    // 4. A manifest whose checksum does not match the database.
    const stage = join(dir, 'stage')
    mkdirSync(stage)
    await tar.x({ file: good, cwd: stage })
    const manifest = JSON.parse(readFileSync(join(stage, 'manifest.json'), 'utf8'))
    manifest.database.sha256 = '0'.repeat(64)
    writeFileSync(join(stage, 'manifest.json'), JSON.stringify(manifest))
    const badSum = join(dir, 'badsum.tar.gz')
    await tar.c({ gzip: true, file: badSum, cwd: stage }, ['manifest.json', 'catalog.sqlite'])
    // 5. A backup made by a newer Vetrina.
    const stage2 = join(dir, 'stage2')
    mkdirSync(stage2)
    await tar.x({ file: good, cwd: stage2 })
    const raw = new Database(join(stage2, 'catalog.sqlite'))
    raw.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (9999, 'future', 'x')").run()
    raw.close()
    const m2 = JSON.parse(readFileSync(join(stage2, 'manifest.json'), 'utf8'))
    m2.database.size = readFileSync(join(stage2, 'catalog.sqlite')).length
    m2.database.sha256 = createHash('sha256').update(readFileSync(join(stage2, 'catalog.sqlite'))).digest('hex')
    writeFileSync(join(stage2, 'manifest.json'), JSON.stringify(m2))
    const newer = join(dir, 'newer.tar.gz')
    await tar.c({ gzip: true, file: newer, cwd: stage2 }, ['manifest.json', 'catalog.sqlite'])

    const hash = dbHash()
    for (const [file, reason] of [
      [notGz, /not a Vetrina backup/],
      [truncated, /damaged/],
      [traversal, /outside its folder|unexpected file/],
      [badSum, /checksum/],
      [newer, /newer version/]
    ] as const) {
      const { jobId } = await t.api.system.restore({ file: { kind: 'path', path: file } })
      const job = await finished(t.core, jobId)
      expect(job.state, file).toBe('failed')
      expect(job.error?.message, file).toMatch(reason)
    }
    expect(existsSync(join(dir, '..', 'evil.txt'))).toBe(false)
    expect((await t.api.catalog.listProducts({})).total).toBe(before)
    expect(dbHash()).toBe(hash)
  })

  test('automatic backups are rotated, keeping the newest', () => {
    const dir = tempDir()
    const names: string[] = []
    for (let i = 0; i < 9; i++) {
      const name = `auto-vetrina-backup-2026111${i}-020000.tar.gz`
      writeFileSync(join(dir, name), 'x')
      utimesSync(join(dir, name), new Date(2026, 10, 10 + i), new Date(2026, 10, 10 + i))
      names.push(name)
    }
    writeFileSync(join(dir, 'vetrina-backup-manual.tar.gz'), 'x')
    const removed = rotateAutomatic(dir, 7)
    expect(removed.sort()).toEqual(names.slice(0, 2).sort())
    expect(readdirSync(dir)).toHaveLength(8)
  })
})

describe('automatic daily backup', () => {
  test('runs once a day when there is something to back up, and keeps the newest N', async () => {
    const dir = tempDir()
    let now = new Date('2026-11-22T08:00:00Z')
    const clock = { now: () => now }
    const open = () => openTestCore({ dataDir: dir, clock, autoBackupDelayMs: 20 })
    const autoBackups = (tc: TestCore) => tc.api.system.listBackups({}).then((r) => r.items.filter((b) => b.automatic))
    const nextBackupDone = (tc: TestCore) =>
      new Promise<Job>((res) => {
        const off = tc.core.events.on('job.progress', (j) => {
          if (j.kind === 'system.backup' && j.state === 'done') {
            off()
            res(j)
          }
        })
      })

    // An empty catalogue is not backed up.
    t = open()
    await new Promise((r) => setTimeout(r, 100))
    expect(await autoBackups(t)).toHaveLength(0)
    await t.api.system.updateSettings({ autoBackup: { enabled: true, keep: 2 } })
    await t.api.catalog.createProduct({ sku: 'DAILY-1' })
    await t.close()

    for (let day = 0; day < 3; day++) {
      t = open()
      await nextBackupDone(t)
      await t.close()
      // Opening again the same day does not back up again.
      t = open()
      await new Promise((r) => setTimeout(r, 150))
      expect(t.core.s.jobs.list({ kinds: ['system.backup'], states: ['queued', 'running'], limit: 5 })).toHaveLength(0)
      await t.close()
      now = new Date(now.getTime() + 25 * 3600 * 1000)
    }
    t = open()
    const kept = await autoBackups(t)
    expect(kept).toHaveLength(2)
    expect(kept.every((b) => b.fileName.startsWith('auto-'))).toBe(true)
  })
})
