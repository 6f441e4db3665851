// One unit of work for the reliability runner, in its own process, killed with SIGKILL at a
// random moment: a backup, a restore, an import or a publish on a real data folder.
// Usage: node worker.ts <scenario> <dataDir> <json args>. Prints "ready" once the core is open and
// "done" when the work finished.
import { readFileSync } from 'node:fs'
import { Core } from '../../electron/core/core.ts'
import type { ListingImage } from '../../electron/core/platform/product-media.ts'

const [scenario, dataDir, raw] = process.argv.slice(2)
const args = JSON.parse(raw ?? '{}') as { file?: string; csv?: string; photos?: string; titles?: number; seed?: number; killAfterCommit?: boolean }
const core = Core.open({ dataDir, autoBackupDelayMs: 3_600_000, connectivity: { onlineIntervalMs: 60_000, offlineIntervalMs: 200, timeoutMs: 2000 } })
const api = core.api()

function until(check: () => boolean | Promise<boolean>): Promise<void> {
  return new Promise((resolve) => {
    const tick = async () => ((await check()) ? resolve() : setTimeout(tick, 20))
    void tick()
  })
}

async function jobEnds(jobId: string): Promise<void> {
  await until(async () => ['done', 'failed', 'cancelled', 'paused'].includes((await api.jobs.get({ id: jobId })).state))
}

if (args.photos) {
  const photos = JSON.parse(readFileSync(args.photos, 'utf8')) as Record<string, ListingImage[]>
  core.s.productMedia.provider = { mainImages: (id) => photos[id] ?? [] }
}

// The narrowest window there is: killed right after the work's transaction commits, before the
// job is marked done.
if (args.killAfterCommit) {
  const db = core.s.db
  const exec = db.exec.bind(db)
  db.exec = (sql: string) => {
    const r = exec(sql)
    if (sql === 'COMMIT') process.kill(process.pid, 'SIGKILL')
    return r
  }
}

// The core is open: from here on the kill lands in the work itself (the runner times from this line).
process.stdout.write('ready\n')

switch (scenario) {
  case 'backup': {
    await jobEnds((await api.system.backup({})).jobId)
    break
  }
  case 'restore': {
    const reloaded = new Promise<void>((resolve) => core.events.on('data.changed', (e) => e.all && resolve()))
    const { jobId } = await api.system.restore({ file: { kind: 'path', path: args.file! } })
    await jobEnds(jobId)
    if ((await api.jobs.get({ id: jobId })).state === 'done') await reloaded
    break
  }
  case 'import': {
    const { jobId } = await api.spreadsheet.importFile({
      file: { kind: 'path', path: args.csv! },
      columns: [{ index: 0, header: 'Codice', target: 'sku' }, { index: 1, header: 'Titolo', target: 'title/it' }, { index: 2, header: 'Prezzo', target: 'trade/price' }]
    })
    await jobEnds(jobId)
    break
  }
  case 'publish': {
    // The clerk changes some English titles, then publishes.
    const ids = (core.s.db.prepare('SELECT id FROM products ORDER BY seq').all() as Array<{ id: string }>).map((r) => r.id)
    for (let i = 0; i < (args.titles ?? 5); i++) {
      const id = ids[(args.seed! * 7 + i * 13) % ids.length]
      const p = await api.catalog.getProduct({ id })
      await api.catalog.updateProduct({ id, patch: { texts: { en: { title: `${(p.texts.en?.title ?? p.sku).replace(/ v\d+$/, '')} v${args.seed}` } } } })
    }
    await api.publish.enqueue({})
    await until(async () => {
      const st = await api.publish.status()
      return st.pending === 0
    })
    break
  }
  default:
    throw new Error(`unknown scenario ${scenario}`)
}
process.stdout.write('done\n')
await core.close()
process.exit(0)
