// One way to read any supported file: decides the format, the encoding and the separator (or takes
// the user's choice), and streams rows as often as asked (preview, dry run, apply, rejected rows).
import { statSync } from 'node:fs'
import type iconvType from 'iconv-lite'
import type { SourceRow } from '../../../../shared/domain/spreadsheet/cells.ts'
import { sheetError } from '../errors.ts'
import type { ReadLimits } from '../limits.ts'
import { XlsxBook } from '../xlsx/book.ts'
import type { SheetStats } from '../xlsx/sheet-reader.ts'
import { emptyCsvStats, readCsvRows, type CsvStats } from './csv-reader.ts'
import { detectDelimiter, type Delimiter } from './delimiter.ts'
import { bomLength, controlByteShare, detectEncoding, type EncodingGuess, type TextEncoding } from './encoding.ts'
import { readHead, SAMPLE_BYTES, sniffFormat, type SourceFormat } from './sniff.ts'
import { onFirstUse } from '../../platform/on-first-use.ts'

const iconv = onFirstUse<typeof iconvType>('iconv-lite')

export interface TableReadOptions {
  format?: SourceFormat
  encoding?: TextEncoding
  delimiter?: Delimiter
  sheet?: string
}

export interface TableWarning {
  code: string
  message: string
  params?: Record<string, string | number>
}

export interface TableRow extends SourceRow {
  hidden?: boolean
}

export interface OpenedTable {
  format: SourceFormat
  fileSize: number
  encoding: TextEncoding | null
  encodingEvidence: EncodingGuess['evidence'] | 'chosen' | null
  delimiter: Delimiter | null
  sheets: Array<{ name: string; hidden: boolean }>
  sheet: string | null
  /** Streams the rows; call again to read the file again. */
  rows(opts?: { signal?: AbortSignal; onProgress?: (fraction: number) => void }): AsyncGenerator<TableRow>
  /** Warnings known so far (more appear once rows have been read: undecodable characters, hidden rows). */
  warnings(): TableWarning[]
  close(): void
}

export async function openTable(path: string, read: TableReadOptions, limits: ReadLimits): Promise<OpenedTable> {
  const format = sniffFormat(path, limits, read.format)
  if (read.format && read.format !== format) {
    throw sheetError('wrong_format', format === 'xlsx' ? 'This file is an Excel workbook, not a CSV.' : 'This file is not an Excel workbook; read it as CSV.', { format })
  }
  return format === 'xlsx' ? openXlsx(path, read, limits) : openCsv(path, read, limits)
}

function openCsv(path: string, read: TableReadOptions, limits: ReadLimits): OpenedTable {
  const head = readHead(path)
  const guess = detectEncoding(head)
  const encoding = read.encoding ?? guess.encoding
  const sampleText = iconv().decode(head.subarray(bomLength(head, encoding)), encoding, { stripBOM: true })
  // A sample cut mid-record would vote badly: keep whole lines only.
  const sample = head.length === SAMPLE_BYTES ? sampleText.slice(0, sampleText.lastIndexOf('\n') + 1 || undefined) : sampleText
  if (sampleText.length >= 256 && controlByteShare(sampleText) > 0.02) {
    throw sheetError('not_a_spreadsheet', 'This file does not look like a CSV: it holds binary data. Choose a CSV or .xlsx file, or check the encoding.')
  }
  if (sampleText.trim() === '') throw sheetError('empty_file', 'The file holds no data (only blank lines).')
  const delimiter = read.delimiter ?? detectDelimiter(sample)
  let stats: CsvStats = emptyCsvStats()
  const size = statSync(path).size
  return {
    format: 'csv', fileSize: size, encoding, encodingEvidence: read.encoding ? 'chosen' : guess.evidence, delimiter,
    sheets: [], sheet: null,
    rows: (opts = {}) => {
      // Each read counts afresh (a dry run reads the file once more after the preview).
      stats = emptyCsvStats()
      return readCsvRows(path, {
        encoding, delimiter, limits, signal: opts.signal,
        onProgress: opts.onProgress ? (r, t) => opts.onProgress!(t > 0 ? r / t : 1) : undefined
      }, stats)
    },
    warnings: () => {
      const out: TableWarning[] = []
      // Said whenever the fallback is in use, also when the preview's choice was passed on to the import.
      if (guess.evidence === 'not-utf8' && encoding === guess.encoding) {
        out.push({ code: 'encoding_guessed', message: 'The file is not UTF-8; it was read as Windows-1252 (Western European). Choose another encoding if accented letters look wrong.' })
      }
      if (stats.unreadable > 0) {
        const examples = stats.unreadableExamples.join(' · ')
        out.push({
          code: 'unreadable_characters',
          message: `${stats.unreadableCells} cell(s) in ${stats.unreadableRows} row(s) hold characters that cannot be read as ${encoding} (shown as "\ufffd"), e.g. row ${examples}. The file is probably in another encoding: choose it and read the file again.`,
          params: { count: stats.unreadable, cells: stats.unreadableCells, rows: stats.unreadableRows, encoding, examples }
        })
      }
      if (stats.nulBytes > 0) out.push({ code: 'nul_bytes', message: `The file contains ${stats.nulBytes} NUL byte(s); rows holding them are rejected.`, params: { count: stats.nulBytes } })
      return out
    },
    close: () => {}
  }
}

async function openXlsx(path: string, read: TableReadOptions, limits: ReadLimits): Promise<OpenedTable> {
  const book = await XlsxBook.open(path, limits)
  let sheet
  try {
    sheet = book.sheet(read.sheet)
  } catch (err) {
    book.close()
    throw err
  }
  const stats: SheetStats = { hiddenColumns: [], hiddenRows: 0, merges: 0 }
  return {
    format: 'xlsx', fileSize: statSync(path).size, encoding: null, encodingEvidence: null, delimiter: null,
    sheets: book.sheets.map((s) => ({ name: s.name, hidden: s.hidden })), sheet: sheet.name,
    rows: (opts = {}) => {
      stats.hiddenColumns = []
      stats.hiddenRows = 0
      return book.rows(sheet, { signal: opts.signal, onProgress: opts.onProgress ? (r, t) => opts.onProgress!(t > 0 ? r / t : 1) : undefined }, stats)
    },
    warnings: () => {
      const out: TableWarning[] = book.warnings.map((w) => ({ ...w }))
      if (sheet.hidden) out.push({ code: 'hidden_sheet', message: `The sheet "${sheet.name}" is hidden in Excel.`, params: { sheet: sheet.name } })
      if (stats.hiddenRows > 0) out.push({ code: 'hidden_rows', message: `${stats.hiddenRows} row(s) are hidden in Excel; they are imported like the others.`, params: { count: stats.hiddenRows } })
      if (stats.hiddenColumns.length > 0) out.push({ code: 'hidden_columns', message: `${stats.hiddenColumns.length} column(s) are hidden in Excel; map them like the others.`, params: { count: stats.hiddenColumns.length } })
      return out
    },
    close: () => book.close()
  }
}
