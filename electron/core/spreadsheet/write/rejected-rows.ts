// The rejected rows of an import, cut out of the original file in its own format (same encoding and
// separator for a CSV), header rows included, with one more column saying what to fix — so the
// user corrects them in the spreadsheet program and imports just that file again.
import type { Cell } from '../../../../shared/domain/spreadsheet/cells.ts'
import { neutralizeFormula } from '../../../../shared/domain/spreadsheet/formula-guard.ts'
import type { ReadLimits } from '../limits.ts'
import { frameTable } from '../read/framed.ts'
import { openTable, type TableReadOptions } from '../read/table.ts'
import { CsvWriter } from './csv-writer.ts'
import { XlsxWriter } from './xlsx-writer.ts'

/**
 * `rows`: row number → what to fix there, already in the reader's language; `problemsHeader`:
 * the heading of that column ("Vetrina: problemi da correggere").
 */
export async function writeRejectedRows(
  source: string,
  read: TableReadOptions & { headerRow?: number; headerRows?: number },
  rows: Map<number, string>,
  dest: string,
  limits: ReadLimits,
  problemsHeader: string
): Promise<number> {
  const table = await openTable(source, read, limits)
  try {
    const framed = await frameTable(table, read)
    const width = framed.header.headers.length
    const writer = table.format === 'xlsx'
      ? new XlsxWriter(dest, table.sheet ?? 'Sheet1', framed.headerRows.length)
      : new CsvWriter(dest, {
          delimiter: table.delimiter ?? ';', encoding: table.encoding ?? 'utf-8', decimal: '.', yes: 'TRUE', no: 'FALSE',
          bom: table.encodingEvidence === 'bom' || table.encoding === 'utf-16le' || table.encoding === 'utf-16be'
        })
    const pad = (cells: Cell[]) => Array.from({ length: width }, (_, i) => cells[i] ?? null)
    const text = (c: Cell): Cell => (typeof c === 'string' ? neutralizeFormula(c) : c)
    for (const [i, h] of framed.headerRows.entries()) await writer.addRow([...pad(h.cells).map(text), i === 0 ? problemsHeader : null])
    let written = 0
    for await (const row of framed.rows) {
      const problem = rows.get(row.row)
      if (problem === undefined) continue
      await writer.addRow([...pad(row.cells).map(text), problem])
      written++
    }
    await writer.close()
    return written
  } finally {
    table.close()
  }
}
