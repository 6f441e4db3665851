// After a restore the core is opened again on the restored catalogue. Nothing of the previous
// build may linger: no listener of a closed catalogue (browser mode crashed on the next publishing
// job: "database connection is not open"), and every kind of job runs on the new one.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import type { Job } from '../../shared/contract/jobs.ts'
import { startHost, type RunningHost } from '../../electron/core/host/server.ts'
import type { Sandbox } from '../../electron/sandbox/server.ts'
import { WINE_CATEGORY, drain, linkedCategory, makePhotos, openPublishCore, startTestSandbox, tempDir, wineCreate, type TestCore } from '../publish/helpers.ts'
import { SOME_PHOTOS, finished, reloaded } from './helpers.ts'

let sandbox: Sandbox | null = null
let tc: TestCore | null = null
let host: RunningHost | null = null
afterEach(async () => {
  await host?.close()
  await tc?.close()
  await sandbox?.close()
  host = tc = sandbox = null
})

describe('after a restore', () => {
  test('no listener of the old catalogue is left, and every job kind runs on the restored one', async () => {
    sandbox = await startTestSandbox()
    const photos = await makePhotos(tempDir('photos'), 2)
    const dataDir = tempDir('reload')
    tc = await openPublishCore(sandbox, { dataDir, defaultPhotos: photos })
    const core = tc.core
    const ui = tempDir('ui')
    writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Vetrina</title>')
    host = await startHost({ core, uiDir: ui })
    const api = core.api()
    const categoryId = await linkedCategory(core, WINE_CATEGORY)
    const product = await api.catalog.createProduct(wineCreate(1, { categoryId }))
    const run = async (jobId: string): Promise<Job> => {
      const job = await finished(core, jobId)
      expect(job.error?.code, `${job.kind}: ${job.error?.message}`).not.toBe('internal')
      return job
    }
    const backup = await run((await api.system.backup({})).jobId)
    // Counted from the bus itself (the same way on any version of the core).
    const subscribed = () => (core.events as unknown as { listeners: Set<unknown> }).listeners.size
    const listeners = subscribed()

    for (let round = 0; round < 3; round++) {
      const reload = reloaded(core)
      await api.system.restore({ file: { kind: 'path', path: (backup.result as { file: string }).file } })
      await reload
      core.s.productMedia.provider = { mainImages: () => photos }
      expect(subscribed(), `listeners after restore ${round + 1}`).toBe(listeners)
    }

    const kinds = new Set<string>()
    const track = core.events.on('job.progress', (j) => kinds.add(j.kind))
    // Publishing (listing, audit, rules), through browser mode as the clerk would.
    const key = new URL(host.ownerLink).searchParams.get('token')!
    const viaHost = await fetch(`${host.url}/api/call/publish.enqueue`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: '{}' })
    expect(viaHost.status).toBe(200)
    await drain(core)
    expect((await api.publish.listings({ productId: product.id })).items.every((l) => l.state === 'published')).toBe(true)
    await run((await api.publish.refreshRules({})).jobId)
    // Photos: a batch, then renditions made again after a preset change.
    await run((await api.photos.add({ sources: SOME_PHOTOS.slice(0, 1).map((path) => ({ kind: 'path' as const, path })), productId: product.id })).jobId)
    const presets = await api.photos.presets({})
    const changed = await api.photos.updatePresets({ thumb: { size: presets.thumb.size - 20 } } as never)
    if (changed.jobId) await run(changed.jobId)
    // Spreadsheets.
    const csv = join(dataDir, 'listino.csv')
    writeFileSync(csv, 'Codice;Titolo\nNEW-1;Olio nuovo\n')
    const imp = await api.spreadsheet.importFile({ file: { kind: 'path', path: csv }, columns: [{ index: 0, header: 'Codice', target: 'sku' }, { index: 1, header: 'Titolo', target: 'title/it' }] })
    expect((await run(imp.jobId)).state).toBe('done')
    const exported = await run((await api.spreadsheet.exportCatalog({ format: 'csv', path: join(dataDir, 'export.csv') })).jobId)
    expect(exported.state).toBe('done')
    // Translation: memory, XLIFF, QA, machine translation (no service set up: it fails cleanly).
    const tmx = await run((await api.translation.tmExport({})).jobId)
    const tmxFile = (tmx.result as { path?: string; file?: string })?.path ?? (tmx.result as { file?: string })?.file
    if (tmxFile && existsSync(tmxFile)) await run((await api.translation.tmImport({ file: { kind: 'path', path: tmxFile } })).jobId)
    const xliff = await run((await api.translation.xliffExport({ version: '2.0' })).jobId)
    const xliffFile = JSON.stringify(xliff.result).match(/"path":"([^"]+\.xlf)"/)?.[1]
    if (xliffFile) await run((await api.translation.xliffImport({ file: { kind: 'path', path: xliffFile }, dryRun: true })).jobId)
    await run((await api.translation.recheckQa({})).jobId)
    const unit = (await api.translation.listUnits({ limit: 1 } as never)).items[0]
    await run(core.s.jobs.enqueue('translation.mt', { provider: 'libretranslate', units: [{ productId: unit.productId, field: unit.field, locale: unit.locale }], actor: null }, { title: { key: 'translate:job.mt' } }).id)
    // Backup and restore once more.
    const again = await run((await api.system.backup({})).jobId)
    expect(again.state).toBe('done')
    track()
    const expected = ['publish.listing', 'publish.audit', 'publish.rules', 'photos.ingest', 'photos.render', 'spreadsheet.import', 'spreadsheet.export',
      'translation.tmExport', 'translation.xliffExport', 'translation.xliffImport', 'translation.qaRecheck', 'translation.mt', 'system.backup']
    expect([...kinds].sort()).toEqual(expect.arrayContaining(expected))
    const log = join(dataDir, 'logs', 'vetrina.log')
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').not.toMatch(/connection is not open/)
  })
})
