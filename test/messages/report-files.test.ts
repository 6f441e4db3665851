// The files a person downloads after an import — the report and the rejected rows to fix — are
// written in the language asked for: headers, outcomes, field names and every problem, with row
// numbers and values filled in, and nothing English, no keys, codes or placeholders (the leak
// detector reads them like a page).
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core.ts'
import type { ColumnMapping } from '../../shared/contract/spreadsheet.ts'
import { errorText } from '../../shared/messages/errors.ts'
import { translator } from '../../shared/messages/translator.ts'
import { fileLeaks } from '../e2e/leaks.ts'
import { openCore, tempFile } from '../spreadsheet/helpers.ts'

let core: Core
afterEach(async () => {
  await core?.close()
})

const ROWS = [
  ['Codice', 'Descrizione', 'Famiglia', 'Peso netto', 'Formato bottiglia', 'Prezzo', 'Da pezzi', 'Tipologia', 'Durata'],
  ['OLIO-1', 'Olio extravergine 0,5 L', 'Olio extravergine', '0,5', '0,5 L', '12,50', '6', '', '18 mesi'],
  ['VINO-1', 'Chianti Classico', 'Vino', 'Bottiglia', '0,75 L', '9,80', '12', 'Rosso', '24 mesi'],
  ['VINO-2', 'Vin Santo', 'Vino', '0,5', '0,375 L', 'nove euro', '6', 'Frizzante', '10 secoli'],
  ['VINO-1', 'Doppione', 'Vino', '1', '0,75 L', '9,80', '12', 'Rosso', '24 mesi'],
  ['VINO-3', 'Brunello', 'Vino', '1,25', '0,75 L', '', '12', 'Rosso', '']
]
const COLUMNS: ColumnMapping[] = [
  { index: 0, header: 'Codice', target: 'sku' }, { index: 1, header: 'Descrizione', target: 'title/it' },
  { index: 2, header: 'Famiglia', target: 'family' }, { index: 3, header: 'Peso netto', target: 'logistics/netWeight' },
  { index: 4, header: 'Formato bottiglia', target: 'attribute/bottle_volume' }, { index: 5, header: 'Prezzo', target: 'trade/ladder/1/price' },
  { index: 6, header: 'Da pezzi', target: 'trade/ladder/1/minQty' }, { index: 7, header: 'Tipologia', target: 'attribute/wine_type' },
  { index: 8, header: 'Durata', target: 'attribute/shelf_life' }
]

async function checkedImport(): Promise<{ importId: string }> {
  core = openCore()
  const file = { kind: 'path' as const, path: tempFile('listino.csv', ROWS.map((r) => r.join(';')).join('\n')) }
  const { importId, jobId } = await core.api().spreadsheet.dryRun({ file, columns: COLUMNS, settings: { numberFormat: 'it' } })
  await core.s.jobs.whenIdle()
  expect((await core.api().jobs.get({ id: jobId })).state).toBe('done')
  return { importId }
}

const cells = (line: string, sep: string) => line.split(sep).map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"'))

describe('downloaded import files speak the user\'s language', () => {
  it('the report in Italian: headers, outcomes, field names and problems, nothing leaked', async () => {
    const { importId } = await checkedImport()
    const report = await core.api().spreadsheet.reportFile({ importId, format: 'csv', language: 'it' })
    expect(report.fileName).toBe('listino-rapporto.csv')
    const text = readFileSync(report.path!, 'utf8').replace(/^\ufeff/, '')
    const lines = text.trim().split(/\r?\n/)
    expect(cells(lines[0], ';')).toEqual(['Riga', 'Codice articolo (SKU)', 'Esito', 'Colonna', 'Campo', 'Gravità', 'Problema'])
    expect(text).toContain('«Bottiglia» non è un numero con unità di misura')
    expect(text).toContain('attributo «Formato bottiglia» tralasciato: la famiglia «Olio extravergine» non lo prevede')
    expect(text).toContain('questo codice compare già alla riga 3')
    expect(text).toContain('«nove euro» non è un prezzo')
    expect(text).toContain('«Frizzante» non è tra le opzioni (Rosso, Bianco')
    expect(text).toContain('Formato bottiglia')
    expect(text).toContain(';scartato;')
    expect(fileLeaks(text, 'it', report.fileName)).toEqual([])
  })

  it('the report and the rejected rows in Chinese', async () => {
    const { importId } = await checkedImport()
    const report = await core.api().spreadsheet.reportFile({ importId, format: 'csv', language: 'zh-CN' })
    const text = readFileSync(report.path!, 'utf8').replace(/^\ufeff/, '')
    expect(cells(text.split(/\r?\n/)[0], ',')).toEqual(['行', '货号 (SKU)', '结果', '列', '字段', '严重程度', '问题'])
    expect(text).toContain('“Bottiglia”不是带单位的数字')
    expect(fileLeaks(text, 'zh-CN', report.fileName)).toEqual([])

    const rejected = await core.api().spreadsheet.rejectedFile({ importId, language: 'zh-CN' })
    expect(rejected.fileName).toBe('listino-待修正.csv')
    const fix = readFileSync(rejected.path!, 'utf8')
    expect(fix.split(/\r?\n/)[0].endsWith('Vetrina：待修正的问题')).toBe(true)
    expect(fix).toContain('Peso netto：“Bottiglia”不是带单位的数字')
    // The rows are the user's own (Italian) data; only the last column is Vetrina's words.
    expect(fileLeaks(fix, 'zh-CN', rejected.fileName, (l) => [cells(l, ';').pop() ?? ''])).toEqual([])
  })

  it('the rejected rows in Italian name the column and what to fix', async () => {
    const { importId } = await checkedImport()
    const rejected = await core.api().spreadsheet.rejectedFile({ importId, language: 'it' })
    expect(rejected.fileName).toBe('listino-da-correggere.csv')
    const fix = readFileSync(rejected.path!, 'utf8').trim().split(/\r?\n/)
    expect(cells(fix[0], ';').pop()).toBe('Vetrina: problemi da correggere')
    expect(fix.slice(1).map((l) => cells(l, ';')[0])).toEqual(['VINO-1', 'VINO-2', 'VINO-1', 'VINO-3'])
    const vino2 = cells(fix[2], ';').pop()!
    expect(vino2).toContain('Prezzo: «nove euro» non è un prezzo')
    expect(vino2).toContain('Durata: unità «secoli» sconosciuta (usa mesi, giorni o anni)')
    expect(fileLeaks(fix.join('\n'), 'it', rejected.fileName, (l) => [cells(l, ';').pop() ?? ''])).toEqual([])
  })

  it('a CSV whose quote never closes says on which row', async () => {
    core = openCore()
    const file = { kind: 'path' as const, path: tempFile('rotto.csv', 'Codice;Descrizione\nA-1;Olio\nA-2;"Vino rosso\nA-3;Aceto\n') }
    const { jobId } = await core.api().spreadsheet.dryRun({ file, columns: [{ index: 0, header: 'Codice', target: 'sku' }, { index: 1, header: 'Descrizione', target: 'title/it' }] })
    await core.s.jobs.whenIdle()
    const job = await core.api().jobs.get({ id: jobId })
    expect(job.error).toMatchObject({ code: 'spreadsheet_csv_unclosed_quote', params: { row: 3 } })
    expect(errorText(job.error, translator('it'))).toBe('La riga 3 apre un valore tra virgolette che non si chiude mai: il file potrebbe essere troncato, oppure un valore ha una virgoletta (") spaiata.')
  })
})
