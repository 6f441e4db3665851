// The import report as a file: one line per problem (or per row without problems), so it can be
// filtered and sorted in a spreadsheet program.
import type { ReportRow } from '../../../../shared/contract/spreadsheet.ts'
import { neutralizeFormula } from '../../../../shared/domain/spreadsheet/formula-guard.ts'
import { CsvWriter } from './csv-writer.ts'
import { XlsxWriter } from './xlsx-writer.ts'

export const REPORT_HEADERS = ['Riga / Row', 'SKU', 'Esito / Outcome', 'Colonna / Column', 'Campo / Field', 'Gravità / Severity', 'Messaggio / Message']

export async function writeReportFile(rows: Iterable<ReportRow>, format: 'csv' | 'xlsx', dest: string): Promise<number> {
  const writer = format === 'xlsx' ? new XlsxWriter(dest, 'Report') : new CsvWriter(dest, { delimiter: ';', encoding: 'utf-8', decimal: ',', yes: 'sì', no: 'no', bom: true })
  await writer.addRow(REPORT_HEADERS)
  let n = 0
  const t = (s: string) => neutralizeFormula(s)
  for (const r of rows) {
    if (r.issues.length === 0) await writer.addRow([r.row, t(r.sku ?? ''), r.outcome, '', '', '', ''])
    for (const i of r.issues) await writer.addRow([r.row, t(r.sku ?? ''), r.outcome, t(i.column), i.field, i.severity, t(i.message)])
    n++
  }
  await writer.close()
  return n
}
