// Reads a whole file through the same path the import uses.
import { DEFAULT_LIMITS, type ReadLimits } from '../../electron/core/spreadsheet/limits.ts'
import { openTable, type TableReadOptions, type TableRow } from '../../electron/core/spreadsheet/read/table.ts'

export async function readAll(path: string, read: TableReadOptions = {}, limits: ReadLimits = DEFAULT_LIMITS) {
  const table = await openTable(path, read, limits)
  try {
    const rows: TableRow[] = []
    for await (const r of table.rows()) rows.push(r)
    return { table, rows, warnings: table.warnings() }
  } finally {
    table.close()
  }
}

/** Rows as arrays of cells, blank rows dropped. */
export async function cellsOf(path: string, read: TableReadOptions = {}) {
  const { rows } = await readAll(path, read)
  return rows.filter((r) => r.cells.some((c) => c !== null && c !== '')).map((r) => r.cells)
}
