// Files that are odd but ordinary, saved by LibreOffice Calc (test/fixtures/spreadsheet/libreoffice):
// a workbook whose last used row is the sheet's last (1,048,576) holds two products; an image map
// with one row per image adds the images to the product instead of rejecting the extra rows; a
// Windows-1252 list read as UTF-8 by force warns how many cells were damaged, with examples.
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core.ts'
import { DEFAULT_LIMITS } from '../../electron/core/spreadsheet/limits.ts'
import { fixture, openCore } from './helpers.ts'
import { readAll } from './read-helpers.ts'

let core: Core
afterEach(async () => {
  await core?.close()
})

const file = (name: string) => ({ kind: 'path' as const, path: fixture('libreoffice', name) })

async function settle(c: Core, jobId: string) {
  await c.s.jobs.whenIdle()
  return c.api().jobs.get({ id: jobId })
}

describe('a workbook formatted down to its last row', () => {
  it('counts the rows that hold values, not the last used row index', async () => {
    const { rows } = await readAll(fixture('libreoffice', 'righe-formattate.xlsx'))
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3])
    core = openCore()
    const api = core.api()
    const inspection = await api.spreadsheet.inspect({ file: file('righe-formattate.xlsx') })
    const { jobId } = await api.spreadsheet.importFile({ file: file('righe-formattate.xlsx'), read: inspection.read, columns: inspection.columns })
    const job = await settle(core, jobId)
    expect(job.state).toBe('done')
    expect(job.result).toMatchObject({ rows: 2, created: 2 })
  })

  it('still refuses a sheet with more rows of values than the limit', async () => {
    await expect(readAll(fixture('libreoffice', 'righe-formattate.xlsx'), {}, { ...DEFAULT_LIMITS, maxRows: 2 })).rejects.toMatchObject({ code: 'spreadsheet_too_many_rows' })
  })
})

describe('an image map with one row per image', () => {
  it('adds the images of repeated rows to the product; a repeat that changes a value is still an error naming both rows', async () => {
    core = openCore()
    const api = core.api()
    const columns = [{ index: 0, header: 'Codice', target: 'sku' }, { index: 1, header: 'Titolo', target: 'title/it' }, { index: 2, header: 'Immagine', target: 'images' }]
    const { importId, jobId } = await api.spreadsheet.importFile({ file: file('immagini-per-riga.csv'), columns, mode: 'valid-rows' })
    const job = await settle(core, jobId)
    expect(job.result).toMatchObject({ rows: 8, created: 4, merged: 3, rejected: 1 })
    const refs = (sku: string) => core.s.db.prepare('SELECT r.ref FROM spreadsheet_image_refs r JOIN products p ON p.id = r.product_id WHERE p.sku = ? ORDER BY r.position').all(sku).map((r) => (r as { ref: string }).ref)
    expect(refs('VIN-001')).toEqual(['chianti-fronte.jpg', 'chianti-retro.jpg', 'chianti-tappo.jpg'])
    expect(refs('VIN-002')).toEqual(['brunello.jpg', 'brunello-etichetta.jpg'])
    expect(refs('VIN-003')).toEqual(['rosso.jpg'])
    const report = await api.spreadsheet.report({ importId })
    const byRow = Object.fromEntries(report.items.map((r) => [r.row, r]))
    expect(byRow[3]).toMatchObject({ outcome: 'merged', sku: 'VIN-001' })
    expect(byRow[8]).toMatchObject({ outcome: 'rejected', issues: [expect.objectContaining({ code: 'duplicate_sku_in_file', column: 'Titolo', params: expect.objectContaining({ firstRow: 7, column: 'Titolo' }) })] })
    expect((await api.catalog.getProduct({ sku: 'VIN-003' })).texts.it?.title).toBe('Rosso di Montalcino 2022')
  })
})

describe('a forced wrong encoding', () => {
  it('warns how many cells hold unreadable characters, with examples', async () => {
    const { warnings } = await readAll(fixture('libreoffice', 'listino-windows-1252.csv'), { encoding: 'utf-8' })
    const w = warnings.find((x) => x.code === 'unreadable_characters')!
    expect(w.params).toMatchObject({ cells: 400, rows: 400, encoding: 'utf-8' })
    expect(String(w.params!.examples)).toMatch(/^2: Perch\uFFFD artigianale n\. 1 \uFFFD \uFFFD 1,50/)
    expect(String(w.params!.examples).split(' · ')).toHaveLength(3)
  })

  it('marks each damaged row in the report, and the guess "not UTF-8, read as Windows-1252" reaches the import summary', async () => {
    core = openCore()
    const api = core.api()
    const forced = await api.spreadsheet.inspect({ file: file('listino-windows-1252.csv'), read: { encoding: 'utf-8' } })
    const { importId } = await api.spreadsheet.dryRun({ file: file('listino-windows-1252.csv'), read: forced.read, columns: forced.columns })
    await core.s.jobs.whenIdle()
    const report = await api.spreadsheet.report({ importId, warned: true, limit: 1000 })
    expect(report.items).toHaveLength(400)
    expect(report.items[0].issues).toEqual([expect.objectContaining({ code: 'unreadable_characters', column: 'Titolo', severity: 'warning' })])

    const guessed = await api.spreadsheet.inspect({ file: file('listino-windows-1252.csv') })
    expect(guessed.encoding).toBe('windows-1252')
    const { jobId } = await api.spreadsheet.dryRun({ file: file('listino-windows-1252.csv'), read: guessed.read, columns: guessed.columns })
    const job = await settle(core, jobId)
    expect((job.result as { warnings: Array<{ code: string }> }).warnings.map((x) => x.code)).toContain('encoding_guessed')
  })
})
