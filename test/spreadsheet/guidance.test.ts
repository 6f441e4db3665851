// Files and paths people actually pick get a specific code and advice, never an internal error: a
// header cell of 852 characters (a supplier template saved by LibreOffice), a folder given as the
// file, an Excel binary workbook (.xlsb, calamine's test file), a TMX or XLIFF handed to the
// spreadsheet import, a gzipped or zipped TMX, and the inspect command that says what a file is.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core.ts'
import { vetrina } from '../helpers/cli.ts'
import { fixture, openCore, tempDir } from './helpers.ts'

let core: Core
afterEach(async () => {
  await core?.close()
})

const TMX = resolve(import.meta.dirname, '../fixtures/translation/tmx/omegat')
const path = (p: string) => ({ kind: 'path' as const, path: p })

describe('spreadsheet files', () => {
  it('reads a template whose header cell is a long instruction: the name is shortened, with a warning', async () => {
    core = openCore()
    const api = core.api()
    const file = path(fixture('libreoffice', 'intestazione-lunga.xlsx'))
    const inspection = await api.spreadsheet.inspect({ file })
    expect(inspection.headers[0]).toBe('Codice articolo')
    expect(inspection.headers[2].length).toBeLessThanOrEqual(121)
    expect(inspection.headers[2]).toMatch(/^Descrizione del prodotto in italiano\. .*…$/)
    expect(inspection.warnings).toContainEqual(expect.objectContaining({ code: 'header_shortened', params: { column: 'C', length: 852 } }))
    const { jobId } = await api.spreadsheet.importFile({ file, read: inspection.read, columns: inspection.columns.map((c) => (c.index === 2 ? { ...c, target: 'shortDescription/it' } : c)) })
    await core.s.jobs.whenIdle()
    expect((await api.jobs.get({ id: jobId })).result).toMatchObject({ created: 2 })
    expect((await api.catalog.getProduct({ sku: 'PEC-2' })).texts.it?.shortDescription).toBe('Stagionato 12 mesi.')
  })

  it('names a folder given as the file', async () => {
    core = openCore()
    const dir = tempDir()
    await expect(core.api().spreadsheet.inspect({ file: path(dir) })).rejects.toMatchObject({ code: 'file_is_folder', params: { path: dir } })
    await expect(core.api().translation.importGlossary({ file: path(dir), targetLang: 'en' })).rejects.toMatchObject({ code: 'file_is_folder' })
  })

  it('names an Excel binary workbook (.xlsb) and says how to save it', async () => {
    core = openCore()
    await expect(core.api().spreadsheet.inspect({ file: path(fixture('xlsx', 'calamine', 'date.xlsb')) })).rejects.toMatchObject({ code: 'spreadsheet_xlsb_not_supported' })
  })

  it('recognises a translation memory or an XLIFF handed to the spreadsheet import', async () => {
    core = openCore()
    await expect(core.api().spreadsheet.inspect({ file: path(join(TMX, 'schede-level2.tmx')) })).rejects.toMatchObject({ code: 'spreadsheet_exchange_file', params: { kind: 'tmx' } })
  })
})

describe('translation files', () => {
  it.each(['schede-level2.tmx.gz', 'schede-level2.zip'])('names the compressed memory %s', async (name) => {
    core = openCore()
    const api = core.api()
    const { jobId } = await api.translation.tmImport({ file: path(join(TMX, name)) })
    await core.s.jobs.whenIdle()
    const job = await api.jobs.get({ id: jobId })
    expect(job.error).toMatchObject({ code: 'translation_file_compressed', params: { archive: name.endsWith('.gz') ? 'gzip' : 'zip' } })
  })
})

describe('the command line', () => {
  it('refuses a --data-dir that is a file, with the reason', () => {
    const file = join(tempDir(), 'catalogo.txt')
    writeFileSync(file, 'not a folder')
    const r = vetrina(file, ['products', 'list', '--json'])
    expect(r.code).toBe(1)
    expect(r.json<{ error: { code: string } }>().error.code).toBe('data_dir_not_folder')
    const human = vetrina(file, ['products', 'list'])
    expect(human.stderr).toMatch(/is a file, not a folder/)
  })

  it('vetrina inspect says what a spreadsheet is, how it is read, how many rows it has and where the columns go', () => {
    const data = tempDir()
    mkdirSync(data, { recursive: true })
    const r = vetrina(data, ['inspect', fixture('libreoffice', 'listino-windows-1252.csv'), '--json'])
    expect(r.code).toBe(0)
    const out = r.json<{ format: string; encoding: string; encodingEvidence: string; delimiter: string; rowCount: number; headers: string[]; columns: Array<{ header: string; target: string }>; warnings: Array<{ code: string; text: string }> }>()
    expect(out).toMatchObject({ format: 'csv', encoding: 'windows-1252', encodingEvidence: 'not-utf8', delimiter: ';', rowCount: 400, headers: ['Codice', 'Titolo', 'Prezzo'] })
    expect(out.columns.map((c) => c.target)).toEqual(['sku', 'title/it', 'trade/price'])
    expect(out.warnings).toContainEqual(expect.objectContaining({ code: 'encoding_guessed', text: expect.stringMatching(/Windows-1252/) }))
    const human = vetrina(data, ['inspect', fixture('libreoffice', 'righe-formattate.xlsx')])
    expect(human.code).toBe(0)
    expect(human.stdout).toMatch(/Excel workbook/)
    expect(human.stdout).toMatch(/Sheets: Listino/)
    expect(human.stdout).toMatch(/2 data rows/)
    expect(human.stdout).toMatch(/Codice\s+→ SKU \(item code\) \[sku\]/)
  })

  it('vetrina import --json carries the "not UTF-8, read as Windows-1252" warning, in the summary and the inspection', () => {
    const r = vetrina(tempDir(), ['import', fixture('libreoffice', 'listino-windows-1252.csv'), '--dry-run', '--json'])
    const out = r.json<{ summary: { rows: number; warnings: Array<{ code: string }> }; inspection: { encoding: string; warnings: Array<{ code: string; text: string }> } }>()
    expect(out.summary.rows).toBe(400)
    expect(out.summary.warnings.map((w) => w.code)).toContain('encoding_guessed')
    expect(out.inspection).toMatchObject({ encoding: 'windows-1252', warnings: [expect.objectContaining({ code: 'encoding_guessed', text: expect.stringMatching(/not UTF-8/) })] })
  })

  it('vetrina inspect names translation files and the command that imports them', () => {
    const data = tempDir()
    const r = vetrina(data, ['inspect', join(TMX, 'schede-level2.tmx'), '--json'])
    expect(r.code).toBe(0)
    expect(r.json()).toMatchObject({ kind: 'tmx', command: expect.stringMatching(/^vetrina tm import /) })
    const xlsb = vetrina(data, ['inspect', fixture('xlsx', 'calamine', 'date.xlsb')])
    expect(xlsb.code).toBe(1)
    expect(xlsb.stderr).toMatch(/binary workbook/)
  })
})
