// Streams the records of a CSV file: bytes → text (iconv-lite, BOM dropped) → records (csv-parse:
// any separator, quoted fields with new lines and doubled quotes, CR / LF / CRLF). Row numbers are
// counted as a spreadsheet program shows them (a record with a new line inside is still one row).
import { createReadStream, statSync } from 'node:fs'
import { pipeline } from 'node:stream'
import type iconvType from 'iconv-lite'
import type { CsvError } from 'csv-parse'
import type * as CsvParse from 'csv-parse'
import type { SourceRow } from '../../../../shared/domain/spreadsheet/cells.ts'
import { sheetError } from '../errors.ts'
import type { ReadLimits } from '../limits.ts'
import type { Delimiter } from './delimiter.ts'
import type { TextEncoding } from './encoding.ts'
import { onFirstUse } from '../../platform/on-first-use.ts'

const csvParse = onFirstUse<typeof CsvParse>('csv-parse')
const iconv = onFirstUse<typeof iconvType>('iconv-lite')

export interface CsvReadOptions {
  encoding: TextEncoding
  delimiter: Delimiter
  limits: ReadLimits
  signal?: AbortSignal
  /** Bytes of the file read so far, and the file size. */
  onProgress?: (read: number, total: number) => void
}

/** What the decoder met on the way (reported as warnings). */
export interface CsvStats {
  /** Characters that could not be decoded in the chosen encoding (U+FFFD). */
  unreadable: number
  /** Cells and rows holding such characters, and the first few cells as examples ("row: text"). */
  unreadableCells: number
  unreadableRows: number
  unreadableExamples: string[]
  /** NUL bytes found in the text. */
  nulBytes: number
}

export const emptyCsvStats = (): CsvStats => ({ unreadable: 0, unreadableCells: 0, unreadableRows: 0, unreadableExamples: [], nulBytes: 0 })

/** The part of a cell around its first unreadable character, as a short example. */
function unreadableExample(cell: string): string {
  const at = cell.indexOf('\ufffd')
  const start = Math.max(0, at - 20)
  const text = cell.slice(start, start + 40).replace(/\s+/g, ' ').trim()
  return `${start > 0 ? '…' : ''}${text}${start + 40 < cell.length ? '…' : ''}`
}

function csvFailure(err: CsvError): Error {
  const line = (err as CsvError & { lines?: number }).lines
  // The row being read when the file ended: the records before it, plus one.
  const row = ((err as CsvError & { records?: number }).records ?? 0) + 1
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return sheetError('csv_unclosed_quote', `Row ${row} opens a quoted value that never closes; the file may be truncated, or a value has an unmatched quote (").`, { row })
    case 'CSV_MAX_RECORD_SIZE':
      return sheetError('csv_record_too_large', `Line ${line} starts a row that never ends (over the size limit). A quote (") is probably missing, or the file is not a CSV.`, { line: line ?? null })
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return sheetError('csv_bad_quote', `Line ${line}: a quoted value is followed by other characters before the separator.`, { line: line ?? null })
    default:
      return sheetError('csv_malformed', `The CSV cannot be read near line ${line}: ${err.message}`, { line: line ?? null })
  }
}

export async function* readCsvRows(path: string, opts: CsvReadOptions, stats: CsvStats = emptyCsvStats()): AsyncGenerator<SourceRow> {
  const total = statSync(path).size
  const input = createReadStream(path, { highWaterMark: 256 * 1024 })
  let read = 0
  input.on('data', (chunk) => {
    read += chunk.length
    opts.onProgress?.(read, total)
  })
  const parser = csvParse().parse({
    delimiter: opts.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    info: true,
    max_record_size: opts.limits.maxRecordChars
  })
  const records = pipeline(input, iconv().decodeStream(opts.encoding, { stripBOM: true }), parser, () => {
    // Errors surface through the iterator below.
  })
  const abort = () => input.destroy(sheetError('cancelled', 'Reading was cancelled.'))
  opts.signal?.addEventListener('abort', abort, { once: true })
  try {
    for await (const { record, info } of records as AsyncIterable<{ record: string[]; info: { records: number } }>) {
      if (info.records > opts.limits.maxRows) {
        throw sheetError('too_many_rows', `The file has more than ${opts.limits.maxRows.toLocaleString('en')} rows. Split it into smaller files.`, { max: opts.limits.maxRows })
      }
      if (record.length > opts.limits.maxColumns) {
        throw sheetError('too_many_columns', `Row ${info.records} has ${record.length} columns; at most ${opts.limits.maxColumns} are supported. Check the separator.`, {
          row: info.records, columns: record.length, max: opts.limits.maxColumns
        })
      }
      let damaged = false
      for (const cell of record) {
        // relax_quotes keeps an unclosed quote as text up to the end of the file: that is a truncated file.
        if (cell.startsWith('"') && /[\r\n]/.test(cell)) {
          throw sheetError('csv_unclosed_quote', `Row ${info.records} opens a quoted value that never closes; the file may be truncated, or a value has an unmatched quote (").`, { row: info.records })
        }
        if (cell.includes('\ufffd')) {
          stats.unreadable += cell.split('\ufffd').length - 1
          stats.unreadableCells++
          damaged = true
          if (stats.unreadableExamples.length < 3) stats.unreadableExamples.push(`${info.records}: ${unreadableExample(cell)}`)
        }
        if (cell.includes('\u0000')) stats.nulBytes += cell.split('\u0000').length - 1
      }
      if (damaged) stats.unreadableRows++
      yield { row: info.records, cells: record }
    }
  } catch (err) {
    if (err instanceof csvParse().CsvError) throw csvFailure(err)
    throw err
  } finally {
    opts.signal?.removeEventListener('abort', abort)
    input.destroy()
  }
}
