// A table read with its header found: buffers the first rows to detect the header and the number
// conventions, then streams the data rows that follow — in one pass over the file.
import { cellText, isEmptyCell } from '../../../../shared/domain/spreadsheet/cells.ts'
import {
  detectDateOrder, detectNumberFormat, type DateOrder, type NumberFormat
} from '../../../../shared/domain/spreadsheet/values.ts'
import { detectHeader, type HeaderInfo } from './header.ts'
import type { OpenedTable, TableRow } from './table.ts'

const HEADER_SCAN_ROWS = 30
const SAMPLE_DATA_ROWS = 200

export interface FramedTable {
  header: HeaderInfo
  /** The header rows themselves (for the rejected-rows file). */
  headerRows: TableRow[]
  /** The first data rows (already part of `rows`). */
  sample: TableRow[]
  numberFormat: NumberFormat
  numberFormatDetected: boolean
  dateOrder: DateOrder
  rows: AsyncGenerator<TableRow>
  /** Stops reading (when not every row is wanted). */
  stop(): Promise<void>
}

const isBlank = (r: TableRow) => r.cells.every((c) => isEmptyCell(c))

export async function frameTable(
  table: OpenedTable,
  wanted: { headerRow?: number; headerRows?: number; numberFormat?: NumberFormat; dateOrder?: DateOrder; sampleColumns?: number[] },
  opts: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}
): Promise<FramedTable> {
  const source = table.rows(opts)
  const buffered: TableRow[] = []
  let nonBlank = 0
  let ended = false
  const minHeaderRow = wanted.headerRow ?? 0
  while (true) {
    const next = await source.next()
    if (next.done) {
      ended = true
      break
    }
    buffered.push(next.value)
    if (!isBlank(next.value) && next.value.row >= minHeaderRow) nonBlank++
    if (nonBlank >= HEADER_SCAN_ROWS + SAMPLE_DATA_ROWS) break
  }
  const candidates = buffered.filter((r) => !isBlank(r)).slice(0, HEADER_SCAN_ROWS + (wanted.headerRow ? buffered.length : 0))
  const header = detectHeader(candidates, wanted)
  const headerRows = buffered.filter((r) => header.headerRow > 0 && r.row >= header.headerRow && r.row <= header.lastHeaderRow && !isBlank(r))
  const data = buffered.filter((r) => r.row > header.lastHeaderRow)
  const sample = data.filter((r) => !isBlank(r)).slice(0, SAMPLE_DATA_ROWS)
  const texts = sample.flatMap((r) => r.cells.filter((c, i) => typeof c === 'string' && (!wanted.sampleColumns || wanted.sampleColumns.includes(i))).map((c) => cellText(c)))
  const detected = detectNumberFormat(texts).format
  const numberFormat = wanted.numberFormat ?? detected ?? (table.delimiter === ',' ? 'en' : 'it')
  const dateOrder = wanted.dateOrder ?? detectDateOrder(texts) ?? (numberFormat === 'en' && table.delimiter === ',' ? 'mdy' : 'dmy')
  async function* rows(): AsyncGenerator<TableRow> {
    yield* data
    if (!ended) yield* source
  }
  return { header, headerRows, sample, numberFormat, numberFormatDetected: wanted.numberFormat === undefined && detected !== null, dateOrder, rows: rows(),
    stop: async () => {
      await source.return(undefined)
    }
  }
}
