// XLSX reading on real workbooks (calamine, exceljs and csvkit fixtures) and on damaged ones.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import yazl from 'yazl'
import { AppError } from '../../shared/contract/errors.ts'
import { DEFAULT_LIMITS } from '../../electron/core/spreadsheet/limits.ts'
import { cellsOf, readAll } from './read-helpers.ts'
import { fixture, tempDir, tempFile } from './helpers.ts'

const x = (...p: string[]) => fixture('xlsx', ...p)

function csvOracle(): string[][] {
  return readFileSync(x('csvkit', 'testxlsx_converted.csv'), 'utf8').trim().split('\n').map((l) => l.split(','))
}

/** Cells as csvkit's in2csv writes them. */
function asCsvkit(c: unknown): string {
  if (c === null || c === undefined) return ''
  if (typeof c === 'boolean') return c ? 'True' : 'False'
  if (typeof c === 'object' && c && 'date' in c) return String((c as { date: string }).date)
  return String(c)
}

describe('dates', () => {
  it('reads 1900 and 1904 date systems to the same calendar dates', async () => {
    const a = await cellsOf(x('calamine', 'date.xlsx'))
    const b = await cellsOf(x('calamine', 'date_1904.xlsx'))
    expect(a[0][0]).toEqual({ date: '2021-01-01' })
    expect(a[1][0]).toEqual({ date: '2021-01-02' })
    expect(b.map((r) => r[0])).toEqual(a.map((r) => r[0]))
    // [hh]:mm:ss is a duration, not a day in January 1900.
    expect(a[2][0]).toBe('255:10:10')
  })
  it('honours date1904="1" as written by exceljs (serial 0 = 1904-01-01)', async () => {
    const { rows } = await readAll(x('exceljs', '1904.xlsx'))
    const b4 = rows.find((r) => r.row === 4)!
    expect(b4.cells[1]).toEqual({ date: '1904-01-01' })
  })
})

describe('strings', () => {
  it('reads inline strings in CDATA and prefers inline text over a stray value', async () => {
    expect(await cellsOf(x('calamine', 'inlineStr_cdata.xlsx'))).toEqual([['Hello CDATA', 'World'], ['12345', 'NormalText']])
    const rows = await cellsOf(x('calamine', 'inlineStr_with_value.xlsx'))
    expect(rows[0][4]).toBe('ID')
    expect(rows[1][4]).toBe('RQ11610')
    expect(rows[1][3]).toBe('1.')
  })
  it('keeps an empty shared string as an empty string', async () => {
    const { rows } = await readAll(x('calamine', 'empty_shared_string.xlsx'))
    expect(rows.map((r) => r.cells[0])).toEqual(['abc', ''])
  })
  it('decodes _x000D_ once, and keeps an escaped escape literal', async () => {
    expect((await cellsOf(x('calamine', 'has_x000D_.xlsx')))[0][0]).toBe('ABC\r\nDEF')
    expect((await cellsOf(x('exceljs', 'shared_string_with_escape.xlsx')))[0][0]).toBe('_x000D_')
  })
  it('joins rich text runs, with a namespace prefix on the elements', async () => {
    const rows = await cellsOf(x('calamine', 'richtext-namespaced.xlsx'))
    expect(rows[0][0]).toBe('inline string\nLine 2\nLine 3')
    expect(rows[0][7]).toBe('shared string\nLine 2\nLine 3')
  })
  it('keeps whitespace as written (fields are trimmed later, when mapped)', async () => {
    const rows = await cellsOf(x('calamine', 'whitespace_trim.xlsx'))
    expect(rows[0][0]).toBe('  trimmed value  ')
    expect(rows[0][3]).toBe('clean text')
  })
})

describe('structure', () => {
  it('copies a merged value into the whole merged area', async () => {
    const rows = await cellsOf(x('calamine', 'merge_cells.xlsx'))
    expect(rows[0].slice(0, 3)).toEqual(['Row Merge', 'Row Merge', 'Not Merged'])
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Column Merge', 'Column Merge', 'Column Merge'])
    expect(rows[3].slice(1, 4)).toEqual(['Chunk Merged', 'Chunk Merged', 'Chunk Merged'])
  })
  it('reads Strict OOXML and non-standard namespace prefixes', async () => {
    const strict = await cellsOf(x('calamine', 'strict_iso_paths.xlsx'))
    expect(strict[0][0]).toBe('Item')
    expect(strict.length).toBeGreaterThan(10)
    expect(await cellsOf(x('calamine', 'nonstandard-xml-ns-prefix.xlsx'))).toEqual([['a', 'b'], [1, 3], [2, 4]])
  })
  it('turns Excel errors into error cells, never numbers', async () => {
    const rows = await cellsOf(x('calamine', 'errors.xlsx'))
    expect(rows.map((r) => r[0])).toEqual(['#DIV/0!', '#NAME?', '#VALUE!', '#NULL!', '#REF!', '#NUM!', '#N/A'].map((error) => ({ error })))
  })
  it('reports hidden rows and columns from Google Sheets and LibreOffice files', async () => {
    for (const f of ['hidden-test-google-sheets.xlsx', 'hidden-test-libre-calc-as-office-open-xml-spreadsheet.xlsx']) {
      const { rows, warnings } = await readAll(x('exceljs', f))
      expect(rows.find((r) => r.cells[0] === 'HIDDEN')?.hidden).toBe(true)
      expect(warnings.map((w) => w.code).sort()).toEqual(['hidden_columns', 'hidden_rows'])
    }
  })
  it('reads the chosen sheet by name (the first one is the wrong one on purpose)', async () => {
    const { rows, table } = await readAll(x('csvkit', 'sheets.xlsx'), { sheet: 'data' })
    expect(table.sheets.map((s) => s.name)).toEqual(['not this one', 'data', 'ʤ'])
    expect(rows[0].cells.slice(0, 3)).toEqual(['text', 'date', 'integer'])
    await expect(readAll(x('csvkit', 'sheets.xlsx'), { sheet: 'nope' })).rejects.toMatchObject({ code: 'spreadsheet_sheet_not_found' })
  })
  it('matches csvkit in2csv output for test.xlsx and test_skip_lines.xlsx', async () => {
    const oracle = csvOracle()
    for (const f of ['test.xlsx', 'test_skip_lines.xlsx']) {
      const rows = await cellsOf(x('csvkit', f))
      const width = oracle[0].length
      const got = rows.map((r) => Array.from({ length: width }, (_, i) => asCsvkit(r[i])))
      got[0][7] = 'h' // csvkit names the header-less column by its letter
      expect(got.map((r) => r.map((c, i) => (i === 5 && c.length === 10 ? `${c}T00:00:00` : c)))).toEqual(oracle)
    }
  })
  it('does not break on a bogus defined name', async () => {
    expect((await cellsOf(x('exceljs', 'bogus-defined-name.xlsx'))).length).toBeGreaterThan(0)
  })
})

describe('damaged and hostile workbooks', () => {
  it('says clearly that a workbook is password-protected', async () => {
    await expect(readAll(x('calamine', 'pass_protected.xlsx'))).rejects.toMatchObject({ code: 'spreadsheet_xlsx_encrypted' })
  })
  it('rejects invalid XML with a readable error', async () => {
    await expect(readAll(x('exceljs', 'invalid-xml.xlsx'))).rejects.toMatchObject({ code: 'spreadsheet_xlsx_corrupt' })
  })
  it('calls a workbook without its parts incomplete', async () => {
    await expect(readAll(x('exceljs', 'missing-bits.xlsx'))).rejects.toMatchObject({ code: 'spreadsheet_xlsx_incomplete' })
  })
  it('rejects a truncated workbook', async () => {
    const bytes = readFileSync(x('csvkit', 'test.xlsx'))
    await expect(readAll(tempFile('cut.xlsx', bytes.subarray(0, bytes.length / 2)))).rejects.toMatchObject({ code: 'spreadsheet_xlsx_corrupt' })
  })
  it('survives fuzzed workbooks: each one is read or rejected with a spreadsheet error, never a crash', async () => {
    const original = readFileSync(x('csvkit', 'test.xlsx'))
    let seed = 7
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
    for (let i = 0; i < 40; i++) {
      const bytes = Buffer.from(original)
      for (let k = 0; k < 1 + Math.floor(rand() * 20); k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256)
      try {
        await readAll(tempFile(`fuzz-${i}.xlsx`, bytes))
      } catch (err) {
        expect(err).toBeInstanceOf(AppError)
        expect((err as AppError).code).toMatch(/^spreadsheet_/)
      }
    }
  })
  it('refuses a zip bomb before inflating it', async () => {
    const zip = new yazl.ZipFile()
    zip.addBuffer(Buffer.from('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'), '_rels/.rels')
    zip.addBuffer(Buffer.alloc(8 * 1024 * 1024, 0x20), 'xl/worksheets/sheet1.xml')
    zip.end()
    const chunks: Buffer[] = []
    for await (const c of zip.outputStream) chunks.push(c as Buffer)
    const path = tempFile('bomb.xlsx', Buffer.concat(chunks))
    const limits = { ...DEFAULT_LIMITS, ratioCheckAboveBytes: 1024 * 1024, maxCompressionRatio: 100 }
    await expect(readAll(path, {}, limits)).rejects.toMatchObject({ code: 'spreadsheet_zip_bomb' })
  })
  it('refuses a 2 GB file by its size, without reading it', async () => {
    const path = `${tempDir()}/huge.csv`
    writeFileSync(path, 'Codice;Descrizione\n')
    truncateSync(path, 2 * 1024 ** 3)
    await expect(readAll(path)).rejects.toMatchObject({ code: 'spreadsheet_file_too_large' })
  })
  it('names other files it cannot read', async () => {
    await expect(readAll(tempFile('photo.csv', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])))).rejects.toMatchObject({ code: 'spreadsheet_not_a_spreadsheet' })
    await expect(readAll(tempFile('fake.xlsx', 'Codice;Descrizione\nA;B\n'))).rejects.toMatchObject({ code: 'spreadsheet_xlsx_corrupt' })
  })
})
