// Backups and restore: one verified archive of a database snapshot and exactly the media files it
// references; restore checks everything before replacing anything, keeps the previous catalogue
// aside, refuses bad archives, and the automatic backups rotate 7 daily / 4 weekly / 12 monthly.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import * as tar from 'tar'
import { afterEach, describe, expect, test } from 'vitest'
import type { Job } from '../../shared/contract/jobs.ts'
import { planRotation, type BackupFile } from '../../electron/core/system/backup-files.ts'
import { openTestCore, tempDir, type TestCore } from '../helpers/core.ts'
import { SOME_PHOTOS, addPhotos, filesUnder, finished, makeBackup, plantMedia, restore, sha256 } from '../system/helpers.ts'

let t: TestCore | null = null
let other: TestCore | null = null
afterEach(async () => {
  await t?.close()
  await other?.close()
  t = other = null
})

const mediaHashes = (tc: TestCore) => Object.fromEntries(filesUnder(tc.core.s.paths.media).filter((f) => !f.startsWith('.')).map((f) => [f, sha256(readFileSync(join(tc.core.s.paths.media, f)))]))

describe('backup and restore', () => {
  test('a verified archive of the database and exactly the photos it references; restore brings them back and keeps the replaced catalogue aside', async () => {
    t = openTestCore()
    await t.api.catalog.createProduct({ sku: 'CHI-2021', texts: { it: { title: 'Chianti Classico DOCG 2021' } } })
    await addPhotos(t, SOME_PHOTOS, 'CHI-2021')
    const before = mediaHashes(t)
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(6)
    // Not the catalogue's: an upload being received, and a file nothing references.
    mkdirSync(join(t.core.s.paths.media, '.incoming'), { recursive: true })
    writeFileSync(join(t.core.s.paths.media, '.incoming', 'upload-1.part'), Buffer.alloc(100, 1))
    writeFileSync(join(t.core.s.paths.media, 'stray.html'), '<script>alert(1)</script>')

    const file = await makeBackup(t)
    expect(file).toMatch(/vetrina-backup-\d{8}-\d{6}\.vetrina-backup$/)
    const packed: string[] = []
    await tar.t({ file, onReadEntry: (e) => { packed.push(e.path) } })
    expect(packed.slice(0, 2)).toEqual(['manifest.json', 'catalog.sqlite'])
    expect(packed.slice(2).sort()).toEqual(Object.keys(before).map((f) => `media/${f}`).sort())
    const [listed] = (await t.api.system.listBackups({})).items
    expect(listed).toMatchObject({ path: file, automatic: false, verified: true, products: 1 })

    // Change everything after the backup.
    await t.api.catalog.createProduct({ sku: 'LATER-1' })
    const chi = await t.api.catalog.getProduct({ sku: 'CHI-2021' })
    await t.api.catalog.updateProduct({ id: chi.id, patch: { texts: { it: { title: 'Titolo cambiato' } } } })
    const photos = await t.api.photos.list({})
    await t.api.photos.delete({ ids: [photos.items[0].id] })

    const job = await restore(t, file)
    expect(job.state).toBe('done')
    const result = job.result as { previousKeptIn: string }
    expect((await t.api.catalog.getProduct({ sku: 'CHI-2021' })).texts.it.title).toBe('Chianti Classico DOCG 2021')
    expect((await t.api.catalog.listProducts({ query: 'LATER' })).total).toBe(0)
    expect((await t.api.photos.list({})).total).toBe(photos.total)
    expect(mediaHashes(t)).toEqual(before)
    expect(readdirSync(result.previousKeptIn).sort()).toEqual(expect.arrayContaining(['catalog.sqlite', 'media']))
    const aside = new Database(join(result.previousKeptIn, 'catalog.sqlite'), { readonly: true })
    expect(aside.prepare("SELECT count(*) AS n FROM products WHERE sku = 'LATER-1'").get()).toEqual({ n: 1 })
    aside.close()
    // The restored catalogue keeps working, search included; nothing was left in tmp.
    expect((await t.api.catalog.listProducts({ query: 'chianti' })).total).toBe(1)
    await t.api.catalog.createProduct({ sku: 'AFTER-RESTORE' })
    expect(readdirSync(join(t.dataDir, 'tmp')).filter((f) => !f.startsWith('rescue'))).toEqual([])
    expect(existsSync(join(t.dataDir, 'restore-plan.json'))).toBe(false)
  })

  test('a backup taken while photos are being added always restores (three rounds)', async () => {
    t = openTestCore()
    await t.api.catalog.createProduct({ sku: 'P-1' })
    plantMedia(t.core, 40, 8 * 1024)
    const files = readdirSync(join(import.meta.dirname, '../fixtures/photos/orientation')).map((f) => join(import.meta.dirname, '../fixtures/photos/orientation', f))
    for (let round = 0; round < 3; round++) {
      // The backup starts once the batch has committed its first photo, while the rest are being added.
      const firstCommitted = new Promise<void>((res) => {
        const off = t!.core.events.on('data.changed', (e) => {
          if (e.entity === 'photo') {
            off()
            res()
          }
        })
      })
      const { jobId: addId } = await t.api.photos.add({ sources: files.slice(round * 3, round * 3 + 3).map((path) => ({ kind: 'path' as const, path })) })
      await firstCommitted
      const { jobId: backupId } = await t.api.system.backup({ path: join(t.dataDir, `during-${round}.tar.gz`) })
      const [added, backedUp] = await Promise.all([finished(t.core, addId), finished(t.core, backupId)])
      expect(added.state).toBe('done')
      expect(backedUp.state, JSON.stringify(backedUp.error)).toBe('done')
      other = openTestCore()
      const job = await restore(other, (backedUp.result as { file: string }).file)
      expect(job.state, JSON.stringify(job.error)).toBe('done')
      // Every original and rendition the restored catalogue names is there, with its bytes.
      const stored = other.core.s.db.prepare('SELECT rel_path, sha256 FROM photos UNION ALL SELECT rel_path, sha256 FROM renditions').all() as Array<{ rel_path: string; sha256: string }>
      expect(stored.length).toBeGreaterThan(40)
      for (const f of stored) expect(sha256(readFileSync(join(other.core.s.paths.media, f.rel_path)))).toBe(f.sha256)
      await other.close()
      other = null
    }
  })

  test('photos deleted while a backup packs stay until it is done, and the backup restores', async () => {
    t = openTestCore()
    await t.api.catalog.createProduct({ sku: 'P-1' })
    const planted = plantMedia(t.core, 300, 64 * 1024)
    const dest = join(tempDir(), 'with-deletes.tar.gz')
    const { jobId } = await t.api.system.backup({ path: dest })
    // Delete photos as soon as packing begins.
    await new Promise<void>((res) => {
      const watch = setInterval(() => {
        if (existsSync(`${dest}.partial`)) {
          clearInterval(watch)
          res()
        }
      }, 2)
    })
    const deleting = t.api.photos.delete({ ids: planted.slice(0, 100).map((p) => p.id) })
    const job = await finished(t.core, jobId)
    expect(job.state, JSON.stringify(job.error)).toBe('done')
    expect((await deleting).deleted).toBe(100)
    // Removed once the backup finished.
    await new Promise((r) => setTimeout(r, 50))
    expect(existsSync(join(t.core.s.paths.media, planted[0].relPath))).toBe(false)
    other = openTestCore()
    expect((await restore(other, dest)).state).toBe('done')
    expect(existsSync(join(other.core.s.paths.media, planted[0].relPath))).toBe(true)
  })

  test('a backup cancelled while packing media stops cleanly and leaves no archive', async () => {
    t = openTestCore()
    await t.api.catalog.createProduct({ sku: 'CHI-2021' })
    plantMedia(t.core, 400, 64 * 1024)
    const uncaught: unknown[] = []
    const onUncaught = (err: unknown) => { uncaught.push(err) }
    process.on('uncaughtException', onUncaught)
    try {
      const dest = join(tempDir(), 'cancelled.tar.gz')
      const { jobId } = await t.api.system.backup({ path: dest })
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
      expect(readdirSync(join(t.dataDir, 'tmp'))).toEqual([])
      await new Promise((res) => setTimeout(res, 50))
      expect(uncaught).toEqual([])
    } finally {
      process.off('uncaughtException', onUncaught)
    }
  })

  test('a backup or restore that cannot fit on the disk is refused before it starts, leaving nothing', async () => {
    let room: number | null = 10 * 1024 * 1024
    t = openTestCore({ freeBytes: () => room })
    await t.api.catalog.createProduct({ sku: 'P-1' })
    plantMedia(t.core, 20, 64 * 1024)
    const { jobId } = await t.api.system.backup({})
    const job = await finished(t.core, jobId)
    expect(job.state).toBe('failed')
    expect(job.error?.code).toBe('system_backup_no_space')
    expect(readdirSync(t.core.s.paths.backups)).toEqual([])
    room = null
    const file = await makeBackup(t)
    room = 1024
    const refused = await restore(t, file)
    expect(refused.error?.code).toBe('system_restore_no_space')
    expect(readdirSync(join(t.dataDir, 'tmp'))).toEqual([])
  })
})

describe('rotation', () => {
  const at = (iso: string, verified = true, automatic = true): BackupFile => ({
    fileName: `${automatic ? 'auto-' : ''}vetrina-backup-${iso}.tar.gz`, path: `/b/${iso}${automatic ? '' : '-manual'}`, size: 1, createdAt: iso, automatic, verified, verifiedAt: verified ? iso : null, products: 1
  })
  const daysBack = (n: number, from = Date.parse('2026-11-22T02:00:00Z')) => new Date(from - n * 86_400_000).toISOString()
  const newestFirst = (list: BackupFile[]) => [...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
  const keep = { daily: 7, weekly: 4, monthly: 12 }

  test('keeps 7 daily, 4 weekly and 12 monthly automatic backups', () => {
    // A backup every day for 500 days.
    const all = newestFirst(Array.from({ length: 500 }, (_, i) => at(daysBack(i))))
    const removed = new Set(planRotation(all, keep).map((b) => b.path))
    const kept = all.filter((b) => !removed.has(b.path)).map((b) => b.createdAt.slice(0, 10))
    expect(kept.slice(0, 7)).toEqual(Array.from({ length: 7 }, (_, i) => daysBack(i).slice(0, 10)))
    expect(new Set(kept.map((d) => d.slice(0, 7))).size).toBeGreaterThanOrEqual(12)
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12)
    expect(kept.length).toBeGreaterThanOrEqual(12)
    // The oldest kept is about a year back.
    expect(Date.parse(kept.at(-1)!)).toBeLessThan(Date.parse(daysBack(300)))
  })

  test('never deletes the newest verified backup, and deletes unverified ones only once a newer verified one exists', () => {
    // A week of backups of a damaged catalogue failed their check; only an old one is good.
    const good = at(daysBack(40))
    const failed = Array.from({ length: 9 }, (_, i) => at(daysBack(i), false))
    const list = newestFirst([...failed, good])
    const removed = planRotation(list, { daily: 1, weekly: 0, monthly: 0 })
    expect(removed.map((b) => b.path)).not.toContain(good.path)
    expect(removed).toEqual([])
    // A manual verified backup newer than every automatic one still leaves the newest automatic good one.
    const manual = at(daysBack(0), true, false)
    const removed2 = planRotation(newestFirst([manual, good, at(daysBack(50)), at(daysBack(60))]), { daily: 0, weekly: 0, monthly: 0 })
    expect(removed2.map((b) => b.path)).not.toContain(manual.path)
    expect(removed2.map((b) => b.path)).toEqual(expect.arrayContaining([at(daysBack(50)).path, at(daysBack(60)).path]))
  })
})

describe('automatic daily backup', () => {
  test('runs once a day when there is something to back up, verified, and rotates', async () => {
    const dir = tempDir()
    let now = new Date('2026-11-22T08:00:00Z')
    const clock = { now: () => now }
    const open = () => openTestCore({ dataDir: dir, clock, autoBackupDelayMs: 20 })
    const autoBackups = (tc: TestCore) => tc.api.system.listBackups({}).then((r) => r.items.filter((b) => b.automatic))
    const nextBackupDone = (tc: TestCore) =>
      new Promise<Job>((res) => {
        const off = tc.core.events.on('job.progress', (j) => {
          if (j.kind === 'system.backup' && (j.state === 'done' || j.state === 'failed')) {
            off()
            res(j)
          }
        })
      })

    // An empty catalogue is not backed up.
    t = open()
    await new Promise((r) => setTimeout(r, 100))
    expect(await autoBackups(t)).toHaveLength(0)
    await t.api.system.updateSettings({ autoBackup: { enabled: true, keep: 2, weeks: 0, months: 0 } })
    await t.api.catalog.createProduct({ sku: 'DAILY-1' })
    await t.close()

    for (let day = 0; day < 3; day++) {
      t = open()
      expect((await nextBackupDone(t)).state).toBe('done')
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
    expect(kept.every((b) => b.fileName.startsWith('auto-') && b.verified)).toBe(true)
  })
})
