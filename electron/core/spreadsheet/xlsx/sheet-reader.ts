// Streams the rows of one worksheet with a SAX parser (saxes), so a 100,000-row sheet never sits in
// memory. Cells keep their type: shared and inline strings (rich text runs joined, phonetic runs
// skipped, _xHHHH_ escapes decoded), numbers, booleans, Excel errors, and numbers formatted as
// dates (1900 or 1904 system). Merged areas take the value of their top-left cell.
import type * as Saxes from 'saxes'
import type { Cell, SourceRow } from '../../../../shared/domain/spreadsheet/cells.ts'
import { sheetError } from '../errors.ts'
import type { ReadLimits } from '../limits.ts'
import { serialToDuration, serialToIso, type NumberKind } from './dates.ts'
import { decodeExcelEscapes } from './xml.ts'
import { corrupt, type ZipArchive } from './zip.ts'
import { onFirstUse } from '../../platform/on-first-use.ts'

const saxes = onFirstUse<typeof Saxes>('saxes')

export interface SheetReadOptions {
  date1904: boolean
  styleKinds: NumberKind[]
  sharedStrings: string[]
  limits: ReadLimits
  signal?: AbortSignal
  onProgress?: (read: number, total: number) => void
}

export interface SheetRow extends SourceRow {
  hidden: boolean
}

/** What the sheet revealed besides its rows. */
export interface SheetStats {
  hiddenColumns: number[]
  hiddenRows: number
  merges: number
}

interface MergeRange { r1: number; c1: number; r2: number; c2: number; value: Cell }

const localName = (name: string) => {
  const i = name.indexOf(':')
  return i < 0 ? name : name.slice(i + 1)
}

/** "AB12" → column 27 (0-based), row 12. */
export function parseRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref)
  if (!m) return null
  let col = 0
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64)
  return { col: col - 1, row: Number(m[2]) }
}

export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** Merged ranges sit after the cell data; a quick scan of the inflated text finds them first. */
async function scanMerges(zip: ZipArchive, part: string, signal?: AbortSignal): Promise<MergeRange[]> {
  const stream = await zip.stream(part)
  stream.setEncoding('utf8')
  let tail = ''
  let capture: string[] | null = null
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (signal?.aborted) throw sheetError('cancelled', 'Reading was cancelled.')
      if (capture) {
        capture.push(chunk)
        continue
      }
      const text = tail + chunk
      const at = text.search(/<(\w+:)?mergeCells[\s>]/)
      if (at >= 0) capture = [text.slice(at)]
      else tail = text.slice(-32)
    }
  } catch (err) {
    throw corrupt(err as Error)
  }
  if (!capture) return []
  const ranges: MergeRange[] = []
  for (const m of capture.join('').matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g)) {
    const [a, b] = m[1].split(':')
    const p = parseRef(a)
    const q = parseRef(b ?? a)
    if (p && q) ranges.push({ r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col), value: null })
    if (ranges.length > 100_000) break
  }
  return ranges
}

/** Reads every shared string (they must be in memory: cells refer to them by number). */
export async function readSharedStrings(zip: ZipArchive, part: string, limits: ReadLimits, signal?: AbortSignal): Promise<string[]> {
  const strings: string[] = []
  let chars = 0
  let inSi = false
  let inT = false
  let phonetic = 0
  let text = ''
  const parser = new (saxes().SaxesParser)()
  parser.on('opentag', (tag) => {
    const n = localName(tag.name)
    if (n === 'si') {
      inSi = true
      text = ''
    } else if (n === 't' && inSi) inT = true
    else if (n === 'rPh') phonetic++
  })
  const onText = (t: string) => {
    if (inT && phonetic === 0) text += t
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  parser.on('closetag', (tag) => {
    const n = localName(tag.name)
    if (n === 't') inT = false
    else if (n === 'rPh') phonetic--
    else if (n === 'si') {
      inSi = false
      chars += text.length
      if (chars > limits.maxSharedStringChars) throw sheetError('xlsx_too_much_text', 'The workbook holds more text than Vetrina can import at once. Split it into smaller files.')
      strings.push(decodeExcelEscapes(text))
    }
  })
  const stream = await zip.stream(part)
  stream.setEncoding('utf8')
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (signal?.aborted) throw sheetError('cancelled', 'Reading was cancelled.')
      parser.write(chunk)
    }
    parser.close()
  } catch (err) {
    if (err instanceof Error && 'code' in err && String(err.code).startsWith('spreadsheet_')) throw err
    throw sheetError('xlsx_corrupt', `The workbook is damaged: its text table is not valid XML (${(err as Error).message}).`)
  }
  return strings
}

export async function* readSheetRows(zip: ZipArchive, part: string, opts: SheetReadOptions, stats: SheetStats): AsyncGenerator<SheetRow> {
  const merges = await scanMerges(zip, part, opts.signal)
  stats.merges = merges.length
  const total = zip.size(part)
  const parser = new (saxes().SaxesParser)()
  const ready: SheetRow[] = []
  let rowNum = 0
  let rowsWithValues = 0
  let rowHidden = false
  let cells: Cell[] = []
  let nextCol = 0
  let col = 0
  let type = 'n'
  let style = 0
  let inV = false
  let v = ''
  let inIs = false
  let inT = false
  let phonetic = 0
  let inline = ''
  let inSheetData = false

  const cellValue = (): Cell => {
    switch (type) {
      case 's': {
        const s = opts.sharedStrings[Number(v)]
        if (s === undefined && opts.sharedStrings.length === 0) {
          throw sheetError('xlsx_incomplete', `The workbook is incomplete: its table of texts is missing (cell ${columnLetter(col)}${rowNum} needs it). Open it in Excel and save it again.`)
        }
        if (s === undefined) throw sheetError('xlsx_corrupt', `The workbook is damaged: cell ${columnLetter(col)}${rowNum} refers to text that is missing.`)
        return s
      }
      case 'inlineStr': return decodeExcelEscapes(inIsSeen ? inline : v)
      case 'str': return decodeExcelEscapes(v)
      case 'b': return v === '1' || v === 'true'
      case 'e': return { error: v || '#ERROR' }
      case 'd': return v ? { date: v.replace(/Z$/, '').replace(/T00:00:00(\.0+)?$/, '') } : null
      default: {
        if (v === '') return null
        const n = Number(v)
        if (!Number.isFinite(n)) return v
        const kind = opts.styleKinds[style]
        if (kind === 'date') return { date: serialToIso(n, opts.date1904) }
        if (kind === 'time') return serialToDuration(n)
        return n
      }
    }
  }
  let inIsSeen = false

  parser.on('opentag', (tag) => {
    const n = localName(tag.name)
    const a = tag.attributes as Record<string, string>
    switch (n) {
      case 'sheetData': inSheetData = true; break
      case 'row': {
        rowNum = a.r ? Number(a.r) : rowNum + 1
        if (!Number.isInteger(rowNum) || rowNum < 1) throw sheetError('xlsx_corrupt', 'The workbook is damaged: a row has an invalid number.')
        rowHidden = a.hidden === '1' || a.hidden === 'true'
        cells = []
        nextCol = 0
        break
      }
      case 'c': {
        const ref = a.r ? parseRef(a.r) : null
        col = ref ? ref.col : nextCol
        type = a.t ?? 'n'
        style = a.s ? Number(a.s) : 0
        v = ''
        inline = ''
        inIsSeen = false
        break
      }
      case 'v': inV = true; break
      case 'is': inIs = true; inIsSeen = true; break
      case 't': if (inIs) inT = true; break
      case 'rPh': phonetic++; break
      case 'col':
        if (!inSheetData && (a.hidden === '1' || a.hidden === 'true')) {
          const last = Math.min(Number(a.max), opts.limits.maxColumns)
          for (let c = Number(a.min); c <= last; c++) stats.hiddenColumns.push(c - 1)
        }
        break
    }
  })
  const onText = (t: string) => {
    if (inV) v += t
    else if (inT && phonetic === 0) inline += t
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  parser.on('closetag', (tag) => {
    switch (localName(tag.name)) {
      case 'v': inV = false; break
      case 't': inT = false; break
      case 'is': inIs = false; break
      case 'rPh': phonetic--; break
      case 'c': {
        // Formatted empty cells (a colour, a border) are no values: they do not widen the table.
        const value = cellValue()
        if (value !== null) {
          if (col >= opts.limits.maxColumns) {
            throw sheetError('too_many_columns', `Row ${rowNum} uses column ${columnLetter(col)}; at most ${opts.limits.maxColumns} columns are supported.`, { row: rowNum, columns: col + 1, max: opts.limits.maxColumns })
          }
          cells[col] = value
        }
        nextCol = col + 1
        break
      }
      case 'sheetData': inSheetData = false; break
      case 'row': {
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null
        for (const m of merges) {
          if (rowNum < m.r1 || rowNum > m.r2) continue
          if (rowNum === m.r1) m.value = cells[m.c1] ?? null
          for (let c = m.c1; c <= m.c2; c++) if (cells[c] === null || cells[c] === undefined) cells[c] = m.value
        }
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null
        if (cells.some((c) => c !== null)) {
          if (rowHidden) stats.hiddenRows++
          // Rows with values are what counts: a sheet formatted down to row 1,048,576 may hold two.
          if (++rowsWithValues > opts.limits.maxRows) {
            throw sheetError('too_many_rows', `The sheet has more than ${opts.limits.maxRows.toLocaleString('en')} rows with values. Split it into smaller files.`, { max: opts.limits.maxRows })
          }
          ready.push({ row: rowNum, cells, hidden: rowHidden })
        }
        break
      }
    }
  })

  const stream = await zip.stream(part)
  stream.setEncoding('utf8')
  let read = 0
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (opts.signal?.aborted) throw sheetError('cancelled', 'Reading was cancelled.')
      read += Buffer.byteLength(chunk)
      parser.write(chunk)
      opts.onProgress?.(read, total)
      if (ready.length) yield* ready.splice(0)
    }
    parser.close()
    if (ready.length) yield* ready.splice(0)
  } catch (err) {
    if (err instanceof Error && 'code' in err && String(err.code).startsWith('spreadsheet_')) throw err
    throw sheetError('xlsx_corrupt', `The workbook is damaged: the sheet cannot be read (${(err as Error).message}).`, { detail: (err as Error).message })
  } finally {
    stream.destroy()
  }
}
