// The reliability runner: backups, restores, imports and publishing, each in its own process,
// killed with SIGKILL at random moments on real data folders. After every kill Vetrina opens the
// folder again (recovering what the kill interrupted) and the runner checks: the catalogue passes
// SQLite's integrity_check, every verified backup restores, no temporary file is left, no work was
// applied silently (an interrupted import waits for the user, a killed backup or restore is not
// re-run), and the pavilion sandbox holds no duplicate listing or image.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { Core } from '../../electron/core/core.ts'
import { startSandbox, type Sandbox } from '../../electron/sandbox/server.ts'
import { listBackupFiles, verifiedRecord } from '../../electron/core/system/backup-files.ts'
import { INTERRUPTED_JSON } from '../../electron/core/jobs/runner.ts'
import { tempDir } from '../helpers/core.ts'
import { WINE_CATEGORY, makePhotos, wineCreate } from '../publish/helpers.ts'
import { plantMedia } from '../system/helpers.ts'

export type Scenario = 'backup' | 'restore' | 'import' | 'publish'
export const SCENARIOS: Scenario[] = ['backup', 'restore', 'import', 'publish']

export interface Counts {
  trials: number
  killed: number
  completed: number
  checks: number
  failures: string[]
  perScenario: Record<Scenario, { trials: number; killed: number; completed: number }>
  verifiedBackupsRestored: number
  /** After a restart: catalogues whose integrity_check (or health) was not ok. */
  integrityFailures: number
  /** After a restart: temporary staging folders, .partial backups and restore plans left behind. */
  leftovers: number
  /** After a restart: interrupted backups, restores or imports that would run again by themselves. */
  silentWork: number
  interruptedImportsResumed: number
  sandbox: { products: number; images: number; duplicateListings: number; duplicateImages: number }
}

const WORKER = resolve(import.meta.dirname, 'worker.ts')
const IMPORT_ROWS = 1500

/** A deterministic random sequence (the run can be repeated with the same seed). */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 2 ** 32
  }
}

function openCore(dataDir: string, startJobs = true): Core {
  return Core.open({ dataDir, startJobs, autoBackupDelayMs: 3_600_000, connectivity: { onlineIntervalMs: 60_000, offlineIntervalMs: 200, timeoutMs: 2000 } })
}

/**
 * Runs the worker; kills it with SIGKILL `killAfterMs` after it said it is ready (its core open),
 * unless it finished. `ms` is the time of the work itself, from ready to done.
 */
function runWorker(scenario: Scenario, dataDir: string, args: unknown, killAfterMs: number | null): Promise<{ completed: boolean; ms: number }> {
  let readyAt = Date.now()
  const child = spawn(process.execPath, [WORKER, scenario, dataDir, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  let timer: NodeJS.Timeout | null = null
  child.stdout.on('data', (d: Buffer) => {
    const was = out
    out += d.toString()
    if (!was.includes('ready') && out.includes('ready')) {
      readyAt = Date.now()
      if (killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    }
  })
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  return new Promise((res, rej) => {
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer)
      const completed = out.includes('done')
      if (!completed && signal !== 'SIGKILL') rej(new Error(`${scenario} worker exited with ${code}: ${err.slice(-2000)}`))
      else res({ completed, ms: Date.now() - readyAt })
    })
  })
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** `killWindow`: kills land at a random point of [0, killWindow × the last finished run's work time]. */
export async function runReliability(o: { n: number; seed?: number; killWindow?: number; log?: (line: string) => void }): Promise<Counts> {
  const log = o.log ?? (() => undefined)
  const rnd = random(o.seed ?? 20261122)
  const root = tempDir('vetrina-reliability-')
  const counts: Counts = {
    trials: 0, killed: 0, completed: 0, checks: 0, failures: [], verifiedBackupsRestored: 0, interruptedImportsResumed: 0, integrityFailures: 0, leftovers: 0, silentWork: 0,
    perScenario: Object.fromEntries(SCENARIOS.map((s) => [s, { trials: 0, killed: 0, completed: 0 }])) as Counts['perScenario'],
    sandbox: { products: 0, images: 0, duplicateListings: 0, duplicateImages: 0 }
  }
  const fail = (what: string) => {
    counts.failures.push(what)
    log(`FAIL ${what}`)
  }
  const check = (ok: boolean, what: string) => {
    counts.checks++
    if (!ok) fail(what)
  }

  // ---- set-up: one data folder per scenario ----
  const dirs = Object.fromEntries(SCENARIOS.map((s) => [s, join(root, s)])) as Record<Scenario, string>
  const sandbox: Sandbox = await startSandbox({ dbFile: join(root, 'sandbox.sqlite'), settings: { audit: { delayMs: 50, rejectWords: [] } } })
  sandbox.faults.set({ lostResponseRate: 0.05, lostResponseMode: 'reset', seed: 3 })
  {
    const c = openCore(dirs.backup)
    for (let i = 0; i < 200; i++) await c.api().catalog.createProduct({ sku: `BK-${i}`, texts: { it: { title: `Prodotto ${i}` } } })
    plantMedia(c, 1200, 6 * 1024)
    await c.close()
  }
  const restoreSets: Array<{ file: string; skus: number }> = []
  {
    const c = openCore(dirs.restore)
    for (let i = 0; i < 150; i++) await c.api().catalog.createProduct({ sku: `A-${i}` })
    plantMedia(c, 400, 8 * 1024, 'a')
    restoreSets.push({ file: await backupNow(c, join(root, 'restore-A.tar.gz')), skus: 150 })
    for (let i = 0; i < 60; i++) await c.api().catalog.createProduct({ sku: `B-${i}` })
    plantMedia(c, 200, 8 * 1024, 'b')
    restoreSets.push({ file: await backupNow(c, join(root, 'restore-B.tar.gz')), skus: 210 })
    await c.close()
  }
  {
    const c = openCore(dirs.import)
    for (let i = 0; i < 50; i++) await c.api().catalog.createProduct({ sku: `BASE-${i}` })
    await c.close()
  }
  const photosFile = join(root, 'photos.json')
  {
    const c = openCore(dirs.publish)
    const api = c.api()
    await api.publish.updateSettings({ sandbox: { url: sandbox.url, chinese: false }, ratePerSecond: 1000, concurrency: 4, auditPollSeconds: 0.05, timeoutSeconds: 3, maxFailures: 50 })
    const cr = sandbox.credentials()
    await api.publish.setCredentials({ target: 'sandbox', appKey: cr.appKey, appSecret: cr.appSecret, accessToken: cr.accessToken, refreshToken: cr.refreshToken })
    const category = await api.catalog.createCategory({ name: { it: 'Vini rossi', en: 'Red wines' }, pavilionCategoryId: WINE_CATEGORY })
    const photos = await makePhotos(join(root, 'photos'), 48, 320)
    const byProduct: Record<string, unknown> = {}
    for (let i = 0; i < 24; i++) {
      const p = await api.catalog.createProduct(wineCreate(i, { categoryId: category.id }))
      byProduct[p.id] = photos.slice(i * 2, i * 2 + 2)
    }
    writeFileSync(photosFile, JSON.stringify(byProduct))
    await c.close()
  }

  log(`set-up done in ${root}`)
  // ---- calibration: how long each scenario takes when nobody kills it ----
  const durations = {} as Record<Scenario, number>
  const checked = new Set<string>()
  let importSeq = 0
  const argsFor = (s: Scenario, trial: number) => {
    if (s === 'restore') return { file: restoreSets[trial % 2].file }
    if (s === 'import') return { csv: writeCsv(root, ++importSeq) }
    if (s === 'publish') return { photos: photosFile, titles: 4, seed: trial }
    return {}
  }

  for (let trial = 0; trial < o.n; trial++) {
    const s = SCENARIOS[trial % SCENARIOS.length]
    const dir = dirs[s]
    const before = await snapshot(dir)
    const args = argsFor(s, trial)
    const calibrating = durations[s] === undefined
    const killAfter = calibrating ? null : Math.floor(rnd() * durations[s] * (o.killWindow ?? 0.9))
    log(`    ${s}: starting${killAfter === null ? ' (calibration, not killed)' : `, kill ${killAfter} ms into the work`}`)
    const { completed, ms } = await runWorker(s, dir, args, killAfter)
    // The kill lands at a random point of the work (timed from the worker's core being open); a run
    // that finished before its kill shows the work is quicker now, so the window follows it.
    if (completed) durations[s] = ms
    counts.trials++
    counts.perScenario[s].trials++
    if (completed) {
      counts.completed++
      counts.perScenario[s].completed++
    } else {
      counts.killed++
      counts.perScenario[s].killed++
    }
    log(`${String(trial + 1).padStart(3)} ${s.padEnd(8)} ${completed ? `completed, work took ${ms} ms` : `killed ${killAfter} ms into the work`}`)
    await checkAfter(s, dir, before, completed, args)
  }

  // ---- the pavilion: every listing once, every image once ----
  const db = sandbox.store.db
  counts.sandbox.products = sandbox.store.counts().products
  counts.sandbox.images = sandbox.store.counts().images
  counts.sandbox.duplicateListings = sandbox.store.counts().bySubject.length
  counts.sandbox.duplicateImages = (db.prepare('SELECT count(*) AS n FROM (SELECT sha256 FROM images GROUP BY seller_id, sha256 HAVING count(*) > 1)').get() as { n: number }).n
  check(counts.sandbox.duplicateListings === 0, `duplicate listings on the sandbox: ${counts.sandbox.duplicateListings}`)
  check(counts.sandbox.duplicateImages === 0, `duplicate photobank images on the sandbox: ${counts.sandbox.duplicateImages}`)
  // Backups that finished are verified ones: the check above must have restored some of them.
  check(counts.perScenario.backup.completed === 0 || counts.verifiedBackupsRestored > 0, `${counts.perScenario.backup.completed} backups finished, but no verified backup was restored`)
  await sandbox.close()
  if (!counts.failures.length) rmSync(root, { recursive: true, force: true })
  else log(`data folders kept for inspection in ${root}`)
  return counts

  async function checkAfter(s: Scenario, dir: string, before: { products: number }, completed: boolean, args: { csv?: string; file?: string; photos?: string }): Promise<void> {
    // Start again, as the user would: this settles whatever the kill interrupted.
    const core = openCore(dir)
    const db = core.s.db
    const label = `${s} #${counts.perScenario[s].trials}`
    try {
      check(core.health.state === 'ok', `${label}: the catalogue is ${core.health.state} after the restart`)
      const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check)
      const sound = core.health.state === 'ok' && integrity.length === 1 && integrity[0] === 'ok'
      if (!sound) counts.integrityFailures++
      check(sound, `${label}: integrity_check says ${integrity.slice(0, 3).join('; ')}`)
      const plan = existsSync(join(dir, 'restore-plan.json')) ? ['restore-plan.json'] : []
      const tmp = existsSync(join(dir, 'tmp')) ? readdirSync(join(dir, 'tmp')).filter((f) => /^(backup|restore|recover)-/.test(f)) : []
      const partial = readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.partial'))
      counts.leftovers += plan.length + tmp.length + partial.length
      check(plan.length === 0, `${label}: a restore plan was left`)
      check(tmp.length === 0, `${label}: temporary files left in tmp: ${tmp.join(', ')}`)
      check(partial.length === 0, `${label}: partial backups left: ${partial.join(', ')}`)
      // Nothing applied or re-run by itself.
      const active = db.prepare("SELECT kind, state FROM jobs WHERE kind IN ('system.backup', 'system.restore', 'spreadsheet.import') AND state IN ('queued', 'running', 'waiting')").all()
      counts.silentWork += active.length
      check(active.length === 0, `${label}: interrupted work would run by itself: ${JSON.stringify(active)}`)
      const products = (db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n
      if (s === 'import') {
        const delta = products - before.products
        // All or nothing: the rows are there exactly when the import job finished (it may finish just before the kill).
        // This trial's import job (none when the kill came before it was recorded).
        const last = db.prepare(`SELECT j.state FROM jobs j JOIN spreadsheet_imports i ON i.id = json_extract(j.payload, '$.importId')
          WHERE j.kind = 'spreadsheet.import' AND i.file_name = ? ORDER BY j.created_at DESC LIMIT 1`).get(basename(args.csv!)) as { state: string } | undefined
        check(last?.state === 'done' ? delta === IMPORT_ROWS : delta === 0, `${label}: the import left ${delta} of ${IMPORT_ROWS} rows with its job ${last?.state ?? 'missing'} (all or nothing)`)
        check(!completed || last?.state === 'done', `${label}: a finished import is not done`)
        const paused = db.prepare("SELECT id FROM jobs WHERE kind = 'spreadsheet.import' AND state = 'paused' AND message = ?").all(INTERRUPTED_JSON) as Array<{ id: string }>
        // The user resumes interrupted imports (every other time), or leaves them.
        for (const p of paused) {
          if (counts.interruptedImportsResumed % 2 === 0) {
            await core.api().jobs.resume({ id: p.id })
            await core.s.jobs.whenIdle()
            const after = (db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n
            check(after - before.products === IMPORT_ROWS, `${label}: the resumed import wrote ${after - before.products} of ${IMPORT_ROWS} rows`)
          } else {
            await core.api().jobs.cancel({ id: p.id })
          }
          counts.interruptedImportsResumed++
        }
      }
      if (s === 'restore') {
        const skus = restoreSets.find((r) => r.file === args.file)!.skus
        check(products === before.products || products === skus, `${label}: ${products} products: neither the previous catalogue (${before.products}) nor the backup (${skus})`)
        const media = db.prepare('SELECT rel_path FROM photos').all() as Array<{ rel_path: string }>
        const missing = media.filter((m) => !existsSync(join(dir, 'media', m.rel_path)))
        check(missing.length === 0, `${label}: ${missing.length} photo files missing after the restart`)
        // Kept-aside catalogues pile up by design; keep the folder small.
        for (const f of readdirSync(dir)) if (f.startsWith('before-restore-')) rmSync(join(dir, f), { recursive: true, force: true })
      }
      if (s === 'publish') {
        const photos = JSON.parse(readFileSync(args.photos!, 'utf8')) as Record<string, never[]>
        core.s.productMedia.provider = { mainImages: (id) => photos[id] ?? [] }
        const started = Date.now()
        while (Date.now() - started < 60_000) {
          const st = await core.api().publish.status()
          if (st.pending === 0) break
          await wait(50)
        }
        const st = await core.api().publish.status()
        check(st.pending === 0, `${label}: the outbox did not drain after the restart (${JSON.stringify(st.counts)})`)
      }
      // Every verified backup restores (each checked once, into a scratch folder).
      for (const { path: file } of listBackupFiles(join(dir, 'backups'))) {
        if (checked.has(file) || !verifiedRecord(file)) continue
        checked.add(file)
        await restoresInScratch(file, verifiedRecord(file)!.products)
      }
    } finally {
      await core.close()
    }
  }

  async function restoresInScratch(file: string, products: number | null): Promise<void> {
    const scratch = tempDir('vetrina-scratch-')
    const c = openCore(scratch)
    try {
      const reloaded = new Promise<void>((r) => c.events.on('data.changed', (e) => e.all && r()))
      const { jobId } = await c.api().system.restore({ file: { kind: 'path', path: file } })
      await c.s.jobs.whenIdle()
      const job = await c.api().jobs.get({ id: jobId })
      check(job.state === 'done', `verified backup ${file} does not restore: ${job.error?.message}`)
      if (job.state === 'done') {
        await reloaded
        const n = (c.s.db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n
        check(products === null || n === products, `verified backup ${file}: ${n} products restored, ${products} recorded`)
        counts.verifiedBackupsRestored++
      }
    } finally {
      await c.close()
      rmSync(scratch, { recursive: true, force: true })
    }
  }
}

async function snapshot(dir: string): Promise<{ products: number }> {
  const c = Core.open({ dataDir: dir, startJobs: false, autoBackupDelayMs: 3_600_000 })
  try {
    return { products: (c.s.db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n }
  } finally {
    await c.close()
  }
}

async function backupNow(c: Core, path: string): Promise<string> {
  const { jobId } = await c.api().system.backup({ path })
  await c.s.jobs.whenIdle()
  const job = await c.api().jobs.get({ id: jobId })
  if (job.state !== 'done') throw new Error(`set-up backup failed: ${job.error?.message}`)
  return path
}

function writeCsv(root: string, n: number): string {
  const dir = join(root, 'csv')
  mkdirSync(dir, { recursive: true })
  const lines = ['Codice;Titolo;Prezzo']
  for (let i = 0; i < IMPORT_ROWS; i++) lines.push(`IMP-${n}-${i};Prodotto importato ${n}/${i};${(i % 90) + 1},50`)
  const file = join(dir, `listino-${n}.csv`)
  writeFileSync(file, lines.join('\n'))
  return file
}
