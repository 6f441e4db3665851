// Import behaviour beyond the happy path: variants before their parents, updates and empty cells,
// XLSX typed cells, cancel and restart mid-import, and garbage input.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Core } from '../../electron/core/core.ts'
import type { ColumnMapping } from '../../shared/contract/spreadsheet.ts'
import { XlsxWriter } from '../../electron/core/spreadsheet/write/xlsx-writer.ts'
import { openCore, tempDir, tempFile } from './helpers.ts'

let core: Core | undefined
afterEach(async () => {
  await core?.close()
  core = undefined
})

const cols = (...targets: string[]): ColumnMapping[] => targets.map((target, index) => ({ index, header: `c${index}`, target }))

async function run(c: Core, path: string, columns: ColumnMapping[], extra: Record<string, unknown> = {}) {
  const { importId, jobId } = await c.api().spreadsheet.importFile({ file: { kind: 'path', path }, columns, ...extra })
  await c.s.jobs.whenIdle()
  return { importId, job: await c.api().jobs.get({ id: jobId }) }
}

describe('variants and updates', () => {
  it('creates a variant whose parent comes later in the file', async () => {
    core = openCore()
    const path = tempFile('v.csv', 'sku;parent;axis;axes;title;family\nBAG-1-BLK;BAG-1;Nero;;Borsa nera;\nBAG-1;;;colour;Borsa in pelle;leather\nBAG-2-RED;BAG-9;Rosso;;Orfana;\n')
    const { job, importId } = await run(core, path, cols('sku', 'parent', 'axis/colour', 'variantAxes', 'title/it', 'family'), { mode: 'valid-rows' })
    expect(job.result).toMatchObject({ created: 2, rejected: 1 })
    const variant = await core.api().catalog.getProduct({ sku: 'BAG-1-BLK' })
    const parent = await core.api().catalog.getProduct({ sku: 'BAG-1' })
    expect(variant.parentId).toBe(parent.id)
    expect(variant.axes).toEqual({ colour: 'Nero' })
    expect(parent.variantCount).toBe(1)
    const rejected = await core.api().spreadsheet.report({ importId, outcomes: ['rejected'] })
    expect(rejected.items[0]).toMatchObject({ row: 4, issues: [{ code: 'parent_not_found', params: { parent: 'BAG-9' } }] })
  })

  it('updates existing products; empty cells keep values unless told to clear them', async () => {
    core = openCore()
    const api = core.api()
    const p = await api.catalog.createProduct({ sku: 'OIL-1', texts: { it: { title: 'Olio', shortDescription: 'Frantoio' } }, trade: { moq: 10, ladder: [{ minQty: 10, price: 8 }, { minQty: 100, price: 7 }] } })
    const path = tempFile('u.csv', 'sku;title;short;price\nOIL-1;Olio extravergine;;9,50\n')
    const columns = cols('sku', 'title/it', 'shortDescription/it', 'trade/price')
    const first = await run(core, path, columns)
    expect(first.job.result).toMatchObject({ updated: 1 })
    let stored = await api.catalog.getProduct({ id: p.id })
    expect(stored.texts.it).toEqual({ title: 'Olio extravergine', shortDescription: 'Frantoio' })
    // Only the first tier's price came from the file; the second tier is kept.
    expect(stored.trade.ladder).toEqual([{ minQty: 10, price: 9.5 }, { minQty: 100, price: 7 }])
    const history = await api.catalog.history({ id: p.id })
    const imported = history.items.filter((h) => h.source === 'import').map((h) => [h.path, h.detail])
    expect(imported.sort()).toEqual([['texts.it.title', first.job.id], ['trade.ladder', first.job.id]])
    await run(core, path, columns, { settings: { emptyCells: 'clear' } })
    stored = await api.catalog.getProduct({ id: p.id })
    expect(stored.texts.it).toEqual({ title: 'Olio extravergine' })
  })
})

describe('XLSX cells', () => {
  it('reads typed cells: numbers, booleans, dates; Excel errors reject the row', async () => {
    core = openCore()
    const path = join(tempDir(), 'typed.xlsx')
    const w = new XlsxWriter(path)
    await w.addRow(['Codice', 'Nome', 'MOQ', 'Campione', 'Scadenza', 'Prezzo'])
    await w.addRow(['PAR-24', 'Parmigiano Reggiano 24 mesi', 20, true, { date: '2026-03-31' }, 18.5])
    await w.addRow(['PAR-36', 'Parmigiano Reggiano 36 mesi', 20, false, { date: '2026-05-31' }, { error: '#DIV/0!' }])
    await w.close()
    const columns: ColumnMapping[] = [
      { index: 0, header: 'Codice', target: 'sku' }, { index: 1, header: 'Nome', target: 'title/it' }, { index: 2, header: 'MOQ', target: 'trade/moq' },
      { index: 3, header: 'Campione', target: 'attribute/sample_available' }, { index: 4, header: 'Scadenza', target: 'attribute/storage/it', asDate: true },
      { index: 5, header: 'Prezzo', target: 'trade/price' }
    ]
    const { job, importId } = await run(core, path, columns, { mode: 'valid-rows', settings: { family: 'pavilion' } })
    expect(job.result).toMatchObject({ created: 1, rejected: 1 })
    const p = await core.api().catalog.getProduct({ sku: 'PAR-24' })
    expect(p.attributes).toEqual({ sample_available: true, storage: { it: '2026-03-31' } })
    expect(p.trade).toMatchObject({ moq: 20, ladder: [{ minQty: 20, price: 18.5 }] })
    const report = await core.api().spreadsheet.report({ importId, outcomes: ['rejected'] })
    expect(report.items[0].issues[0]).toMatchObject({ column: 'Prezzo', code: 'excel_error', params: { error: '#DIV/0!' } })
  })
})

describe('long imports', () => {
  const bigFile = (n: number) => {
    const lines = ['Codice;Descrizione;Prezzo']
    for (let i = 0; i < n; i++) lines.push(`SKU-${i};Prodotto numero ${i} della prova;${(i % 90) + 1},50`)
    return tempFile('big.csv', `${lines.join('\n')}\n`)
  }

  it('can be cancelled midway, leaving the catalogue as it was', async () => {
    core = openCore()
    const c = core
    const path = bigFile(6000)
    const { importId, jobId } = await c.api().spreadsheet.importFile({ file: { kind: 'path', path }, columns: cols('sku', 'title/it', 'trade/price') })
    await new Promise<void>((resolve) => {
      const off = c.events.on('job.progress', (job) => {
        if (job.id === jobId && job.state === 'running' && job.done > 0) {
          off()
          c.s.jobs.cancel(jobId)
          resolve()
        }
      })
    })
    await c.s.jobs.whenIdle()
    expect((await c.api().jobs.get({ id: jobId })).state).toBe('cancelled')
    expect((await c.api().spreadsheet.getImport({ importId })).state).toBe('cancelled')
    expect((await c.api().catalog.stats()).total).toBe(0)
  })

  it('an import the app stopped mid-way waits as interrupted, and resumed by the user ends with every row exactly once', async () => {
    const dataDir = tempDir('vetrina-resume-')
    let c = Core.open({ dataDir, logFile: null, lock: false } as Parameters<typeof Core.open>[0])
    const path = bigFile(5000)
    const { jobId } = await c.api().spreadsheet.importFile({ file: { kind: 'path', path }, columns: cols('sku', 'title/it', 'trade/price') })
    await new Promise<void>((resolve) => {
      const off = c.events.on('job.progress', (job) => {
        if (job.id === jobId && job.state === 'running' && job.done > 0) {
          off()
          resolve()
        }
      })
    })
    await c.close() // quitting mid-import: the open transaction is rolled back, the job waits for the user
    c = Core.open({ dataDir, logFile: null, lock: false } as Parameters<typeof Core.open>[0])
    core = c
    await c.s.jobs.whenIdle()
    expect(await c.api().jobs.get({ id: jobId })).toMatchObject({ state: 'paused', message: { key: 'common:jobs.interrupted' } })
    expect((await c.api().catalog.stats()).total).toBe(0)
    await c.api().jobs.resume({ id: jobId })
    await new Promise((r) => setTimeout(r, 20))
    await c.s.jobs.whenIdle()
    expect((await c.api().jobs.get({ id: jobId })).state).toBe('done')
    expect((await c.api().catalog.stats()).total).toBe(5000)
  })
})

describe('garbage', () => {
  it('rejects rows of a fuzzed text file with reasons, never crashing or writing half a row', async () => {
    core = openCore()
    let seed = 99
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
    const alphabet = 'abcXYZ019;,."\' \t-=+@€àè\n'
    let text = 'Codice;Descrizione;Prezzo;Peso\n'
    for (let i = 0; i < 400; i++) text += alphabet[Math.floor(rand() * alphabet.length)]
    const path = tempFile('fuzz.csv', text)
    const columns = cols('sku', 'title/it', 'trade/price', 'logistics/netWeight')
    try {
      const { job } = await run(core, path, columns, { mode: 'valid-rows' })
      if (job.state === 'failed') expect(job.error?.code).toMatch(/^spreadsheet_/)
      const total = (await core.api().catalog.stats()).total
      const summary = job.result as { created: number } | null
      if (summary) expect(total).toBe(summary.created)
    } catch (err) {
      expect((err as { code?: string }).code).toMatch(/^spreadsheet_/)
    }
  })

  it('says which row opens a quote that never closes', async () => {
    core = openCore()
    const path = join(tempDir(), 'cut.csv')
    writeFileSync(path, 'Codice;Descrizione\nA-1;ok\nA-2;"non chiusa\nA-3;persa\n')
    const { job } = await run(core, path, cols('sku', 'title/it'))
    expect(job.error?.code).toBe('spreadsheet_csv_unclosed_quote')
    expect((await core.api().catalog.stats()).total).toBe(0)
  })
})
