// A SKU on more than one row. Shop platforms export products with one row per image: the first row
// carries the product, the next ones the same SKU and one more image (the other cells empty or
// repeated). Such rows add their images to the product. A later row that gives another value for
// the same product is a real conflict, reported with both row numbers and the column that differs.
import type { ReportRow } from '../../../../shared/contract/spreadsheet.ts'
import { type Cell, cellText, isEmptyCell } from '../../../../shared/domain/spreadsheet/cells.ts'
import type { ImportPlan, PlannedColumn } from './plan.ts'

/** The first row of a SKU, and what became of it. */
export interface FirstRow {
  row: number
  cells: Cell[]
  /** Set once the product is written (or known to exist). */
  productId: string | null
  rejected: boolean
  /** Images this file has given the product so far; null while the file has set none (the stored ones stay). */
  images: string[] | null
  /** Report rows of the later rows merged into this one (turned into rejections if this row is rejected later). */
  merged: ReportRow[]
}

/** The first column where a repeated row contradicts the first one, or null when it only repeats or adds images. */
export function conflictingColumn(plan: ImportPlan, first: Cell[], again: Cell[]): PlannedColumn | null {
  for (const c of plan.columns) {
    if (c.target.kind === 'sku' || c.target.kind === 'images') continue
    const value = again[c.index]
    if (isEmptyCell(value)) continue
    if (cellText(value).trim() !== cellText(first[c.index] ?? null).trim()) return c
  }
  return null
}
