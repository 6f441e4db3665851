// The import report as a file: one line per problem (or per row without problems), so it can be
// filtered and sorted in a spreadsheet program. Written in the language of whoever asked for it:
// headers, outcomes, field names and problems all come from the shared catalogues.
import type { ReportRow } from '../../../../shared/contract/spreadsheet.ts'
import { neutralizeFormula } from '../../../../shared/domain/spreadsheet/formula-guard.ts'
import type { UiLanguage } from '../../../../shared/domain/locales.ts'
import { issueFieldName, rowIssueSentence, type AttributeNames } from '../../../../shared/messages/import.ts'
import { translator } from '../../../../shared/messages/translator.ts'
import { CsvWriter } from './csv-writer.ts'
import { XlsxWriter } from './xlsx-writer.ts'

const COLUMNS = ['row', 'sku', 'outcome', 'column', 'field', 'severity', 'problem'] as const

/** A CSV as Excel opens it in that language: ";" and a decimal comma in Italian, "," elsewhere. */
export function csvStyleFor(lng: UiLanguage): { delimiter: string; decimal: ',' | '.' } {
  return lng === 'it' ? { delimiter: ';', decimal: ',' } : { delimiter: ',', decimal: '.' }
}

export async function writeReportFile(rows: Iterable<ReportRow>, format: 'csv' | 'xlsx', dest: string, lng: UiLanguage, names?: AttributeNames): Promise<number> {
  const t = translator(lng)
  const style = csvStyleFor(lng)
  const writer = format === 'xlsx'
    ? new XlsxWriter(dest, String(t('import:reportFile.sheet')))
    : new CsvWriter(dest, { ...style, encoding: 'utf-8', yes: String(t('import:reportFile.yes')), no: String(t('import:reportFile.no')), bom: true })
  await writer.addRow(COLUMNS.map((c) => String(t(`import:reportFile.header.${c}`))))
  let n = 0
  const text = (s: string) => neutralizeFormula(s)
  for (const r of rows) {
    const outcome = String(t(`import:outcome.${r.outcome}`))
    if (r.issues.length === 0) await writer.addRow([r.row, text(r.sku ?? ''), outcome, '', '', '', ''])
    for (const i of r.issues) {
      await writer.addRow([
        r.row, text(r.sku ?? ''), outcome, text(i.column), issueFieldName(i.field, t, names),
        String(t(`import:severity.${i.severity}`)), text(rowIssueSentence(i, t))
      ])
    }
    n++
  }
  await writer.close()
  return n
}
