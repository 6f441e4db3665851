// The whole import on a real core: inspect → dry run (nothing written) → apply (one transaction)
// → products, history and search; then the bad-input paths and the two apply modes.
import { afterEach, describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import type { Core } from '../../electron/core/core.ts'
import type { ColumnMapping } from '../../shared/contract/spreadsheet.ts'
import { ITALIAN_ROWS, italianCsv } from './italian-catalog.ts'
import { openCore, tempFile } from './helpers.ts'

let core: Core
afterEach(async () => {
  await core?.close()
})

async function settle(c: Core, jobId: string) {
  await c.s.jobs.whenIdle()
  return c.api().jobs.get({ id: jobId })
}

function mapping(columns: Array<{ index: number; header: string; target: string; confidence?: number }>, overrides: Record<string, string> = {}): ColumnMapping[] {
  return columns.map(({ index, header, target }) => ({ index, header, target: overrides[header] ?? target }))
}

describe('Italian-locale CSV', () => {
  it('is inspected cheaply, checked without writing, then applied with history and search', async () => {
    core = openCore()
    const api = core.api()
    const file = { kind: 'path' as const, path: italianCsv() }
    const inspection = await api.spreadsheet.inspect({ file })
    expect(inspection).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', headerRow: 1, headerRows: 2, numberFormat: 'it', dateOrder: 'dmy' })
    expect(inspection.headers[3]).toBe('Prezzo / EUR')
    expect(inspection.headers[4]).toBe('da pz.')
    const targets = Object.fromEntries(inspection.columns.map((c) => [c.header, c.target]))
    expect(targets).toMatchObject({
      Codice: 'sku', Descrizione: 'title/it', 'Descrizione inglese': 'title/en', 'Peso netto (kg)': 'logistics/netWeight',
      'Quantità minima': 'trade/moq', Unità: 'trade/sellingUnit', Categoria: 'category', Famiglia: 'family',
      Annata: 'attribute/vintage', 'Gradazione alcolica': 'attribute/alcohol', 'Note interne': 'ignore'
    })
    expect(inspection.sampleRows[2].cells[1]).toBe('Olio extravergine di oliva\nDOP Chianti Classico')

    const columns = mapping(inspection.columns, {
      'Prezzo / EUR': 'trade/ladder/1/price', 'da pz.': 'trade/ladder/1/minQty', Biologico: 'ignore', 'Data vendemmia': 'ignore'
    })
    const dry = await api.spreadsheet.dryRun({ file, read: inspection.read, columns, saveProfile: 'Gestionale' })
    const dryJob = await settle(core, dry.jobId)
    expect(dryJob.state).toBe('done')
    expect(dryJob.result).toMatchObject({ rows: 3, created: 3, rejected: 0, written: false, newCategories: ['Vini', 'Vini > Rossi', 'Vini > Dolci', 'Oli'] })
    expect((await api.catalog.stats()).total).toBe(0)
    expect((await api.catalog.listCategories()).items).toEqual([])

    const applied = await api.spreadsheet.apply({ importId: dry.importId })
    expect((await settle(core, applied.jobId)).state).toBe('done')
    expect((await api.spreadsheet.getImport({ importId: dry.importId })).state).toBe('applied')
    const vs = await api.catalog.getProduct({ sku: 'VS-375' })
    expect(vs.texts.it.title).toBe('Vin Santo del Chianti "Occhio di Pernice"')
    expect(vs.trade).toMatchObject({ ladder: [{ minQty: 12, price: 1234.5 }], moq: 12, sellingUnit: 'bottle' })
    expect(vs.logistics.netWeight).toEqual({ value: 0.65, unit: 'kg' })
    expect(vs.attributes).toMatchObject({ vintage: 2015, alcohol: { value: 16, unit: '% vol' } })
    const oil = await api.catalog.getProduct({ sku: 'OLIO-05' })
    expect(oil.trade).toMatchObject({ currency: 'EUR', ladder: [{ minQty: 60, price: 12.9 }] })
    const history = await api.catalog.history({ id: vs.id })
    expect(history.items.every((h) => h.source === 'import' && h.detail === applied.jobId)).toBe(true)
    expect((await api.catalog.listProducts({ query: 'Pernice' })).items.map((p) => p.sku)).toEqual(['VS-375'])
    expect((await api.spreadsheet.listProfiles()).items.map((p) => p.name)).toEqual(['Gestionale'])

    // The same file again: every row is unchanged, nothing new in the history.
    const again = await api.spreadsheet.importFile({ file, read: inspection.read, columns })
    const againJob = await settle(core, again.jobId)
    expect(againJob.result).toMatchObject({ unchanged: 3, created: 0, updated: 0 })
    expect((await api.catalog.history({ id: vs.id })).items.length).toBe(history.items.length)
  })

  it('applies a saved profile to the next file by header names', async () => {
    core = openCore()
    const api = core.api()
    await api.spreadsheet.saveProfile({ name: 'Listino', read: { delimiter: ';' }, columns: [{ header: 'Cod. art.', target: 'sku' }, { header: 'Nome', target: 'title/it' }], settings: { emptyCells: 'clear' } })
    const path = tempFile('x.csv', 'COD. ART.;nome;Altro\nA-1;Pecorino;x\n')
    const inspection = await api.spreadsheet.inspect({ file: { kind: 'path', path }, profile: 'Listino' })
    expect(inspection.columns.map((c) => c.target)).toEqual(['sku', 'title/it', 'ignore'])
    expect(inspection.settings.emptyCells).toBe('clear')
  })
})

describe('rejected rows', () => {
  const rows = [
    ['Codice', 'Descrizione', 'Prezzo', 'MOQ', 'Data'],
    ['A-1', 'Pecorino Toscano DOP', '9,50', '10', '31/12/2025'],
    ['A-2', 'Prezzo negativo', '-3,00', '10', '01/01/2025'],
    ['A-3', 'Prezzo assurdo', '99.999.999,00', '10', '01/01/2025'],
    ['A-1', 'Doppione', '9,50', '10', '01/01/2025'],
    ['A-4', 'Testo nel numero', 'nove euro', 'dieci', '01/01/2025'],
    ['A 5', 'SKU con spazio', '1,00', '1', '01/01/2025'],
    ['', 'Senza codice', '1,00', '1', '01/01/2025'],
    ['A-6', 'Data inesistente', '1,00', '1', '31/02/2025'],
    ['A-7', 'Buono', '2,00', '1', '01/01/2025']
  ]
  const file = () => ({ kind: 'path' as const, path: tempFile('bad.csv', iconv.encode(rows.map((r) => r.join(';')).join('\n'), 'windows-1252')) })
  const columns: ColumnMapping[] = [
    { index: 0, header: 'Codice', target: 'sku' }, { index: 1, header: 'Descrizione', target: 'title/it' },
    { index: 2, header: 'Prezzo', target: 'trade/price' }, { index: 3, header: 'MOQ', target: 'trade/moq' },
    { index: 4, header: 'Data', target: 'attribute/storage/it', asDate: true }
  ]

  it('reports each bad row with row number, SKU, column and reason; all-or-nothing leaves the catalogue unchanged', async () => {
    core = openCore()
    const api = core.api()
    const { importId, jobId } = await api.spreadsheet.importFile({ file: file(), columns, settings: { family: 'pavilion' } })
    const job = await settle(core, jobId)
    expect(job.state).toBe('failed')
    expect(job.error?.code).toBe('spreadsheet_rolled_back')
    expect((await api.catalog.stats()).total).toBe(0)
    const report = await api.spreadsheet.report({ importId, outcomes: ['rejected'] })
    const byRow = Object.fromEntries(report.items.map((r) => [r.row, r]))
    expect(Object.keys(byRow).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9])
    expect(byRow[3].issues[0]).toMatchObject({ column: 'Prezzo', field: 'trade.ladder.0.price' })
    expect(byRow[4].issues[0]).toMatchObject({ column: 'Prezzo', message: expect.stringMatching(/at most/) })
    expect(byRow[5].issues[0]).toMatchObject({ code: 'duplicate_sku_in_file', params: { firstRow: 2 } })
    expect(byRow[6].issues.map((i) => [i.column, i.code])).toEqual([['Prezzo', 'not_a_price'], ['MOQ', 'not_a_number']])
    expect(byRow[7]).toMatchObject({ sku: 'A 5', issues: [{ column: 'Codice', field: 'sku' }] })
    expect(byRow[8].issues[0].code).toBe('sku_missing')
    expect(byRow[9].issues[0]).toMatchObject({ column: 'Data', code: 'date_does_not_exist' })
    expect(report.summary).toMatchObject({ rows: 9, rejected: 7, created: 2 })
  })

  it('imports the valid rows only when asked, and gives the rejected ones back in the original format', async () => {
    core = openCore()
    const api = core.api()
    const { importId, jobId } = await api.spreadsheet.importFile({ file: file(), columns, mode: 'valid-rows', settings: { family: 'pavilion' } })
    const job = await settle(core, jobId)
    expect(job.state).toBe('done')
    expect((await api.catalog.listProducts({ sort: 'sku', direction: 'asc' })).items.map((p) => p.sku)).toEqual(['A-1', 'A-7'])
    expect((await api.catalog.getProduct({ sku: 'A-1' })).attributes.storage).toEqual({ it: '2025-12-31' })
    const rejected = await api.spreadsheet.rejectedFile({ importId })
    const text = iconv.decode(await import('node:fs').then((fs) => fs.readFileSync(rejected.path!)), 'windows-1252')
    const lines = text.trim().split(/\r?\n/)
    expect(lines[0]).toBe('Codice;Descrizione;Prezzo;MOQ;Data;Vetrina: problemi da correggere')
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(['A-2', 'A-3', 'A-1', 'A-4', 'A 5', '', 'A-6'])
    expect(lines[4]).toContain('dieci')
    // Fix them in the file and import just that file: the corrected rows go in.
    const fixed = text.replace('-3,00', '3,00').replace('99.999.999,00', '999,00').replace('A-1;Doppione', 'A-8;Doppione')
      .replace('nove euro;dieci', '9,00;10').replace('A 5;', 'A-5;').replace(';Senza codice', 'A-9;Senza codice').replace('31/02/2025', '28/02/2025')
    const again = await api.spreadsheet.importFile({ file: { kind: 'path', path: tempFile('fixed.csv', iconv.encode(fixed, 'windows-1252')) }, columns, settings: { family: 'pavilion' } })
    expect((await settle(core, again.jobId)).result).toMatchObject({ created: 7, rejected: 0 })
    expect((await api.catalog.stats()).total).toBe(9)
  })

  it('gives a clear message for files without data, and for mappings without a SKU column', async () => {
    core = openCore()
    const api = core.api()
    const headerOnly = { kind: 'path' as const, path: tempFile('h.csv', 'Codice;Descrizione\n') }
    const { jobId } = await api.spreadsheet.importFile({ file: headerOnly, columns: columns.slice(0, 2) })
    expect((await settle(core, jobId)).error?.code).toBe('spreadsheet_no_data_rows')
    await expect(api.spreadsheet.dryRun({ file: headerOnly, columns: [{ index: 1, header: 'Descrizione', target: 'title/it' }] })).rejects.toMatchObject({ code: 'spreadsheet_mapping_no_sku' })
    await expect(api.spreadsheet.inspect({ file: { kind: 'path', path: tempFile('e.csv', '') } })).rejects.toMatchObject({ code: 'spreadsheet_empty_file' })
  })
})
