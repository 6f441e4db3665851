// What a spreadsheet reader hands over: one value per cell. CSV cells are always text; XLSX cells
// keep their type (number, boolean, date, Excel error) so nothing is guessed twice.
import { z } from 'zod'

export const CellDate = z.object({ date: z.string() })
export const CellError = z.object({ error: z.string() })
export const Cell = z.union([z.string(), z.number(), z.boolean(), z.null(), CellDate, CellError])
export type Cell = z.infer<typeof Cell>

/** A row as read from the file: its number in the sheet (1-based, as the user sees it) and its cells. */
export interface SourceRow {
  row: number
  cells: Cell[]
}

export function isDateCell(c: Cell): c is { date: string } {
  return typeof c === 'object' && c !== null && 'date' in c
}

export function isErrorCell(c: Cell): c is { error: string } {
  return typeof c === 'object' && c !== null && 'error' in c
}

export function isEmptyCell(c: Cell | undefined): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '')
}

/** The cell as the user would read it, for reports and previews. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return ''
  if (typeof c === 'string') return c
  if (typeof c === 'number') return String(c)
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE'
  if ('date' in c) return c.date
  return c.error
}
