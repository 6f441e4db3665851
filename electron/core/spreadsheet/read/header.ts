// Finds the header: the first row that looks like column names (several text cells, as wide as
// the table), after notes and blank rows above it; a second header row is joined when the first
// one groups columns ("Prezzo" over "EUR" and "USD"). The user can always say which row it is.
import { type Cell, cellText, isEmptyCell } from '../../../../shared/domain/spreadsheet/cells.ts'
import { sheetError } from '../errors.ts'
import { columnLetter } from '../xlsx/sheet-reader.ts'
import type { TableRow } from './table.ts'

export interface HeaderInfo {
  /** Row number of the (first) header row; 0 when the file has no header. */
  headerRow: number
  headerRows: number
  /** Data starts after this row number (the last header row; 0 without a header). */
  lastHeaderRow: number
  /** One name per column ("" for a column without one). */
  headers: string[]
  /** Columns whose header cell was too long to be a name (an instruction, a pasted text) and was shortened. */
  shortened: Array<{ column: string; length: number }>
}

/** Longer header cells are shortened to SHORT_HEADER characters (and "…"), so they still work as names. */
const LONG_HEADER = 200
const SHORT_HEADER = 120

export function headerText(c: Cell | undefined): string {
  return cellText(c).replace(/[\s\u00a0]+/g, ' ').trim()
}

const nonEmpty = (r: TableRow) => r.cells.filter((c) => !isEmptyCell(c)).length
const allText = (r: TableRow) => r.cells.every((c) => isEmptyCell(c) || (typeof c === 'string' && !/^[+-]?[\d.,]+$/.test(c.trim())))

function looksLikeSecondHeader(first: TableRow, second: TableRow | undefined, width: number): boolean {
  if (!second || !allText(second) || nonEmpty(second) < 2) return false
  let gapsFilled = 0
  let grouped = 0
  for (let i = 0; i < width; i++) {
    const top = headerText(first.cells[i])
    const below = headerText(second.cells[i])
    if (!top && below) gapsFilled++
    if (top && i > 0 && top === headerText(first.cells[i - 1]) && below) grouped++
  }
  return gapsFilled + grouped > 0
}

/** `rows`: the first non-blank rows of the sheet (a few dozen are enough). */
export function detectHeader(rows: TableRow[], wanted: { headerRow?: number; headerRows?: number }): HeaderInfo {
  const width = Math.max(0, ...rows.map((r) => r.cells.length))
  if (rows.length === 0 || width === 0) throw sheetError('empty_file', 'The file holds no rows.')
  if (wanted.headerRow === 0) return { headerRow: 0, headerRows: 0, lastHeaderRow: 0, headers: Array.from({ length: width }, (_, i) => columnLetter(i)), shortened: [] }
  let index: number
  if (wanted.headerRow !== undefined) {
    index = rows.findIndex((r) => r.row === wanted.headerRow)
    if (index < 0) throw sheetError('header_row_empty', `Row ${wanted.headerRow} is empty or beyond the first rows of the sheet; choose another header row.`, { row: wanted.headerRow })
  } else {
    const widest = Math.max(...rows.map(nonEmpty))
    index = rows.findIndex((r) => nonEmpty(r) >= Math.max(2, Math.ceil(widest * 0.5)) && allText(r))
    if (index < 0) index = 0
  }
  const first = rows[index]
  const count = wanted.headerRows ?? (looksLikeSecondHeader(first, rows[index + 1], width) ? 2 : 1)
  const headerRowsData = rows.slice(index, index + count)
  const shortened: HeaderInfo['shortened'] = []
  const headers = Array.from({ length: width }, (_, i) => {
    const parts: string[] = []
    for (const r of headerRowsData) {
      const t = headerText(r.cells[i])
      if (t && parts[parts.length - 1] !== t) parts.push(t)
    }
    const name = parts.join(' / ')
    if (name.length <= LONG_HEADER) return name
    shortened.push({ column: columnLetter(i), length: name.length })
    return `${name.slice(0, SHORT_HEADER).trimEnd()}…`
  })
  return { headerRow: first.row, headerRows: headerRowsData.length, lastHeaderRow: headerRowsData[headerRowsData.length - 1].row, headers, shortened }
}
