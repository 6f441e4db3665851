// The catalogue's health: a damaged page is found when the catalogue opens (and by every backup's
// snapshot), the person is told in their language with the way out, nothing is backed up over the
// good backups, the last good backup survives rotation, and the way out works (restore, recover).
// A missing catalogue never silently becomes an empty one, and a restore interrupted half-way
// leaves the old catalogue or the new one.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { AppError } from '../../shared/contract/errors.ts'
import { Core } from '../../electron/core/core.ts'
import { simulateCrashAfterMoves } from '../../electron/core/system/restore-swap.ts'
import { errorText } from '../../renderer/src/ui/errors.ts'
import { openTestCore, tempDir, type TestCore } from '../helpers/core.ts'
import { finished, makeBackup, plantMedia, reloaded, restore, uiTranslator as translator } from './helpers.ts'
import { damagePage } from '../helpers/damage.ts'

let t: TestCore | null = null
afterEach(async () => {
  simulateCrashAfterMoves(null)
  await t?.close()
  t = null
})


async function fillCatalogue(tc: TestCore, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await tc.api.catalog.createProduct({ sku: `VINO-${String(i).padStart(4, '0')}`, texts: { it: { title: `Vino rosso della casa numero ${i}`, description: `<p>${'Un vino morbido e profumato. '.repeat(6)}</p>` } } })
  }
}

describe('a damaged page', () => {
  test('the person is told in their language, nothing is backed up over good backups, and the last good backup survives rotation', async () => {
    const dir = tempDir()
    let now = new Date('2026-11-02T08:00:00Z')
    const clock = { now: () => now }
    const open = () => openTestCore({ dataDir: dir, clock, autoBackupDelayMs: 20 })
    const autoDone = (tc: TestCore) => new Promise<void>((res) => {
      const off = tc.core.events.on('job.progress', (j) => {
        if (j.kind === 'system.backup' && j.state === 'done') {
          off()
          res()
        }
      })
    })
    t = open()
    await t.api.system.updateSettings({ autoBackup: { enabled: true, keep: 2, weeks: 0, months: 0 } })
    await fillCatalogue(t, 300)
    await t.close()
    // Two good automatic backups on two days.
    for (let day = 0; day < 2; day++) {
      t = open()
      await autoDone(t)
      await t.close()
      now = new Date(now.getTime() + 25 * 3600_000)
    }
    t = open()
    const good = (await t.api.system.listBackups({})).items
    expect(good.map((b) => b.verified)).toEqual([true, true])
    await t.close()
    t = null

    damagePage(join(dir, 'catalog.sqlite'), 'product_texts')
    // Twelve more days with the damaged catalogue: no backup replaces the good ones.
    for (let day = 0; day < 12; day++) {
      t = open()
      expect(t.core.health.state).toBe('damaged')
      const health = await t.api.system.health({})
      expect(health).toMatchObject({ state: 'damaged', canRecover: true, newestGoodBackup: { path: good[0].path, verified: true } })
      const refused = await t.core.call('catalog.listProducts', {})
      expect(refused.ok).toBe(false)
      if (refused.ok) return
      expect(refused.error.code).toBe('system_catalog_damaged')
      const manual = await t.core.call('system.backup', {})
      expect(manual.ok ? 'accepted' : manual.error.code).toBe('system_catalog_damaged')
      if (day === 0) {
        const err = AppError.fromData(refused.error)
        expect(errorText(err, await translator('it') as never)).toMatch(/^Il catalogo è danneggiato .*ripristina l'ultimo backup verificato, oppure recupera ciò che è ancora leggibile/)
        expect(errorText(err, await translator('en') as never)).toMatch(/^The catalogue is damaged .*restore the newest verified backup/)
        expect(errorText(err, await translator('zh-CN') as never)).toMatch(/^目录数据库已损坏.*恢复最新的已验证备份/)
      }
      await new Promise((r) => setTimeout(r, 60))
      await t.close()
      now = new Date(now.getTime() + 25 * 3600_000)
    }
    t = open()
    const after = (await t.api.system.listBackups({})).items
    expect(after.map((b) => b.path)).toEqual(good.map((b) => b.path))

    // The way out: the newest good backup restores, and the catalogue is sound again.
    const job = await restore(t, good[0].path)
    expect(job.state).toBe('done')
    expect(t.core.health.state).toBe('ok')
    expect((await t.api.catalog.listProducts({})).total).toBe(300)
  })

  test('damage that appears while Vetrina runs is found by the next backup, which is refused and replaces nothing', async () => {
    t = openTestCore()
    await fillCatalogue(t, 200)
    const goodFile = await makeBackup(t)
    const db = t.core.s.db
    const page = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'product_texts' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 2").get() as { pageno: number }).pageno
    const size = db.pragma('page_size', { simple: true }) as number
    db.pragma('wal_checkpoint(TRUNCATE)')
    const bytes = readFileSync(db.name)
    for (let i = 0; i < 300; i++) bytes[(page - 1) * size + 8 + i] = (i * 73 + 11) & 0xff
    writeFileSync(db.name, bytes)
    db.exec('PRAGMA shrink_memory')
    const { jobId } = await t.api.system.backup({})
    const job = await finished(t.core, jobId)
    expect(job.state).toBe('failed')
    expect(job.error?.code).toBe('system_backup_source_damaged')
    expect(t.core.health.state).toBe('damaged')
    expect((await t.api.system.listBackups({})).items.map((b) => b.path)).toEqual([goodFile])
    expect((await t.core.call('catalog.createProduct', { sku: 'NEW' })).ok).toBe(false)
  })

  test('recover what is readable: a new catalogue with every readable row, searchable, the damaged one kept aside', async () => {
    const dir = tempDir()
    t = openTestCore({ dataDir: dir })
    await fillCatalogue(t, 300)
    await t.close()
    damagePage(join(dir, 'catalog.sqlite'), 'product_texts')
    t = openTestCore({ dataDir: dir })
    expect(t.core.health.state).toBe('damaged')
    const reload = reloaded(t.core)
    const { jobId } = await t.api.system.recover({})
    const job = await finished(t.core, jobId)
    expect(job.state, JSON.stringify(job.error)).toBe('done')
    await reload
    const report = job.result as { rows: number; damagedTables: Array<{ table: string }>; previousKeptIn: string }
    expect(report.damagedTables.map((d) => d.table)).toContain('product_texts')
    expect(t.core.health.state).toBe('ok')
    expect((await t.api.catalog.listProducts({})).total).toBe(300)
    // Most descriptions are back, and search finds them.
    const found = await t.api.catalog.listProducts({ query: 'numero 299' })
    expect(found.total, JSON.stringify(t.core.s.db.prepare('SELECT count(*) AS n FROM product_texts').get())).toBe(1)
    expect(existsSync(join(report.previousKeptIn, 'catalog.sqlite'))).toBe(true)
    expect(existsSync(join(dir, 'media'))).toBe(true)
    await t.api.catalog.createProduct({ sku: 'AFTER-RECOVERY' })
  })
})

describe('never silently empty', () => {
  test('a folder with photos and backups but no catalogue is an error with the way out, not a new catalogue', async () => {
    const dir = tempDir()
    t = openTestCore({ dataDir: dir })
    await t.api.catalog.createProduct({ sku: 'KEEP' })
    plantMedia(t.core, 3, 1000)
    const file = await makeBackup(t)
    await t.close()
    t = null
    // Missing last: the restore below then has no catalogue file at all to put aside.
    for (const damage of ['empty', 'missing'] as const) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `catalog.sqlite${suffix}`), { force: true })
      if (damage === 'empty') writeFileSync(join(dir, 'catalog.sqlite'), '')
      expect(() => Core.open({ dataDir: dir, logFile: null })).toThrow(expect.objectContaining({ code: 'system_catalog_missing' }))
      expect(existsSync(join(dir, 'catalog.sqlite')) ? readFileSync(join(dir, 'catalog.sqlite')).length : 0).toBe(0)
    }
    // Opened for rescue: only the way out answers; restoring the backup brings the catalogue back.
    t = openTestCore({ dataDir: dir, rescue: true })
    expect(await t.api.system.health({})).toMatchObject({ state: 'missing', canStartEmpty: true, newestGoodBackup: { path: file } })
    expect((await t.core.call('catalog.listProducts', {})).ok).toBe(false)
    // The rescue screen restores a listed backup by its name; no other name (nor a path) is taken.
    for (const name of ['../catalog.sqlite', file, 'vetrina-backup-20200101-000000.vetrina-backup']) {
      expect(await t.core.call('system.restoreListed', { name })).toMatchObject({ ok: false, error: { code: 'system_restore_missing_file' } })
    }
    expect((await restore(t, file)).state).toBe('done')
    expect(t.core.health.state).toBe('ok')
    expect((await t.api.catalog.getProduct({ sku: 'KEEP' })).sku).toBe('KEEP')
  })

  test('an empty catalogue is started only on purpose', async () => {
    const dir = tempDir()
    t = openTestCore({ dataDir: dir })
    plantMedia(t.core, 1, 100)
    await t.close()
    rmSync(join(dir, 'catalog.sqlite'))
    t = openTestCore({ dataDir: dir, rescue: true })
    expect(t.core.health.state).toBe('missing')
    expect((await t.core.call('system.startEmpty', {})).ok).toBe(false)
    await t.api.system.startEmpty({ confirm: true })
    expect(t.core.health.state).toBe('ok')
    await t.api.catalog.createProduct({ sku: 'FRESH' })
    // A brand-new folder simply gets a new catalogue.
    const fresh = openTestCore()
    expect(fresh.core.health.state).toBe('ok')
    await fresh.close()
  })
})

describe('restore swap', () => {
  test('a crash at any point of the swap leaves the old catalogue or the new one, never none', async () => {
    t = openTestCore()
    await t.api.catalog.createProduct({ sku: 'OLD-ONLY' })
    plantMedia(t.core, 5, 2000, 'old')
    const oldBackup = await makeBackup(t)
    await t.api.catalog.createProduct({ sku: 'NEW-TOO' })
    plantMedia(t.core, 5, 2000, 'new')
    const newBackup = await makeBackup(t)
    // Four renames: the catalogue aside, the photos aside, the staged catalogue in, the staged photos in.
    for (let moves = 0; moves <= 3; moves++) {
      expect((await restore(t, newBackup)).state).toBe('done')
      simulateCrashAfterMoves(moves)
      const job = await restore(t, oldBackup)
      simulateCrashAfterMoves(null)
      // The swap stopped after `moves` renames; the next start put the previous catalogue back.
      await new Promise((r) => setTimeout(r, 50))
      expect(t.core.health.state).toBe('ok')
      expect((await t.api.catalog.listProducts({ query: 'NEW-TOO' })).total, `after ${moves} moves`).toBe(1)
      expect(t.core.s.jobs.get(job.id), JSON.stringify(job)).toMatchObject({ state: 'failed' })
      expect(existsSync(join(t.dataDir, 'restore-plan.json'))).toBe(false)
      expect(readdirSync(join(t.dataDir, 'tmp')).filter((f) => !f.startsWith('rescue'))).toEqual([])
      const media = t.core.s.db.prepare('SELECT rel_path FROM photos').all() as Array<{ rel_path: string }>
      expect(media).toHaveLength(10)
      for (const m of media) expect(existsSync(join(t.core.s.paths.media, m.rel_path))).toBe(true)
    }
  })
})
