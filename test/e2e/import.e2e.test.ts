// The clerk imports the firm's price list (Italian-locale CSV: ";", Windows-1252, "1.234,50",
// a two-row header) through the wizard in a real browser against the real core, checks it
// (nothing written), imports it and finds the products in the list; then a file with bad rows
// is reported row by row and only its valid rows are imported.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import iconv from 'iconv-lite'
import type { Browser } from 'playwright-core'
import { ITALIAN_ROWS } from '../spreadsheet/italian-catalog.ts'
import { launchBrowser, newContext, openApp, startApp, type AppUnderTest } from './harness.ts'
import { choose, valueOf } from './ui.ts'

let app: AppUnderTest
let browser: Browser

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const csv = (rows: string[][]) =>
  iconv.encode(rows.map((r) => r.map((v) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(';')).join('\r\n') + '\r\n', 'windows-1252')

describe('import wizard in browser mode', () => {
  test('Italian-locale CSV: map, check, import, find the products', async () => {
    const context = await newContext(browser)
    const { page, errors } = await openApp(context, app.host.ownerLink)
    await page.getByRole('navigation').getByText('Importa / esporta').click()
    await page.getByTestId('import-file').setInputFiles({ name: 'listino.csv', mimeType: 'text/csv', buffer: csv(ITALIAN_ROWS) })

    // Columns suggested from the Italian headers; the two price columns under "Prezzo" are mapped by hand.
    await page.getByTestId('mapping').waitFor()
    await expect.poll(() => valueOf(page.getByLabel('Codice', { exact: true }))).toBe('sku')
    expect(await valueOf(page.getByLabel('Descrizione inglese', { exact: true }))).toBe('title/en')
    expect(await valueOf(page.getByLabel('Peso netto (kg)', { exact: true }))).toBe('logistics/netWeight')
    expect(await page.getByLabel('Codice', { exact: true }).inputValue()).toBe('Codice articolo (SKU)')
    await choose(page, page.getByLabel('Prezzo / EUR'), 'Scaglione 1 – prezzo')
    // The destination list filters as you type.
    await page.getByLabel('da pz.').fill('scaglione 1 quant')
    await page.getByRole('option', { name: 'Scaglione 1 – da quantità', exact: true }).click()
    await choose(page, page.getByLabel('Biologico'), '— ignora —')
    await choose(page, page.getByLabel('Data vendemmia'), '— ignora —')
    expect(await valueOf(page.getByLabel('Prezzo / EUR'))).toBe('trade/ladder/1/price')
    expect(await valueOf(page.getByLabel('da pz.'))).toBe('trade/ladder/1/minQty')
    expect(await valueOf(page.getByLabel('Biologico'))).toBe('ignore')
    await page.getByRole('button', { name: 'Verifica tutte le righe' }).click()

    // The dry run: every row checked, nothing written.
    const summary = page.getByTestId('summary-line')
    await expect.poll(() => summary.textContent()).toContain('3 righe: 3 nuove, 0 modificate, 0 invariate, 0 scartate')
    await page.getByText('Non è stato ancora scritto nulla.').waitFor()
    expect((await app.core.api().catalog.stats()).total).toBe(0)

    // Import, then the products are in the list.
    await page.getByRole('button', { name: 'Importa tutto (3 righe)' }).click()
    await page.getByText('Importati: 3 nuovi, 0 modificati, 0 invariati.').waitFor()
    const vs = await app.core.api().catalog.getProduct({ sku: 'VS-375' })
    expect(vs.trade.ladder).toEqual([{ minQty: 12, price: 1234.5 }])
    await page.getByRole('button', { name: 'Apri il catalogo' }).click()
    const rows = () => page.getByTestId('product-row').allTextContents()
    await expect.poll(rows).toHaveLength(3)
    const text = (await rows()).join('\n')
    for (const sku of ['CHI-21', 'VS-375', 'OLIO-05']) expect(text).toContain(sku)
    expect(text).toContain('Vin Santo del Chianti "Occhio di Pernice"')
    expect(errors).toEqual([])
    await context.close()
  })

  test('bad rows are reported with their reason; the valid rows can be imported alone', async () => {
    const context = await newContext(browser)
    const { page, errors } = await openApp(context, app.host.ownerLink)
    await page.getByRole('navigation').getByText('Importa / esporta').click()
    const rows = [
      ['Codice', 'Descrizione', 'Prezzo'],
      ['PEC-1', 'Pecorino Toscano DOP', '9,50'],
      ['PEC-2', 'Pecorino stagionato', 'nove euro'],
      ['PEC-1', 'Doppione', '9,50']
    ]
    await page.getByTestId('import-file').setInputFiles({ name: 'formaggi.csv', mimeType: 'text/csv', buffer: csv(rows) })
    await page.getByTestId('mapping').waitFor()
    await page.getByRole('button', { name: 'Verifica tutte le righe' }).click()
    await expect.poll(() => page.getByTestId('summary-line').textContent()).toContain('3 righe: 1 nuove, 0 modificate, 0 invariate, 2 scartate')
    const report = () => page.getByTestId('report-row').allTextContents()
    await page.getByRole('tab', { name: 'scartato' }).click()
    await expect.poll(report).toEqual([
      expect.stringContaining('Prezzo: «nove euro» non è un prezzo'),
      expect.stringContaining('questo codice compare già alla riga 2')
    ])
    expect(await page.getByRole('button', { name: /Importa tutto/ }).isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'Importa le 1 righe valide' }).click()
    await page.getByText('Importati: 1 nuovi, 0 modificati, 0 invariati.').waitFor()
    expect((await app.core.api().catalog.getProduct({ sku: 'PEC-1' })).texts.it?.title).toBe('Pecorino Toscano DOP')
    await expect(app.core.api().catalog.getProduct({ sku: 'PEC-2' })).rejects.toMatchObject({ code: 'not_found' })
    expect(errors).toEqual([])
    await context.close()
  })
})
