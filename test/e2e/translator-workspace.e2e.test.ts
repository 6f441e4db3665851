// The translator's keys and bulk actions, and the translator link, in a real browser against the
// real core: Ctrl+Enter confirms and opens the next unit (also when the confirmed unit leaves the
// filtered list); bulk actions say how many units they touch and ask once in the app's dialog
// (never the browser's); a translator link made while browser mode listens on this PC only says so
// and explains how to open it to the office network.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, newContext, openApp, startApp, type AppUnderTest } from './harness.ts'
import { choose, forbidNativeDialogs } from './ui.ts'

let app: AppUnderTest
let browser: Browser
const SKUS = ['AAA-1', 'BBB-2', 'CCC-3', 'DDD-4']

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
  const api = app.core.api()
  for (const [i, sku] of SKUS.entries()) await api.catalog.createProduct({ sku, texts: { it: { title: `Olio extravergine di oliva lotto ${i + 1}` } } })
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const unitStatus = async (sku: string) => {
  const api = app.core.api()
  const p = await api.catalog.getProduct({ sku })
  return (await api.translation.getUnit({ productId: p.id, field: 'title', locale: 'en' })).status
}
const shownSku = (page: Page) => page.getByTestId('unit-editor').locator('h3').first().locator('span').first().textContent()
const currentRowSku = (page: Page) => page.locator('[data-testid="unit-row"][aria-current="true"] .meta b').textContent()

describe('translator workspace', () => {
  test('Ctrl+Enter confirms and moves on, even when the confirmed unit leaves the filter; bulk actions ask once with the count', async () => {
    const { page, errors } = await openApp(await newContext(browser), `${app.host.ownerLink}#/translate`)
    const nativeDialogs = forbidNativeDialogs(page)
    await choose(page, page.getByLabel('Lingua di destinazione'), 'Inglese')
    await choose(page, page.getByLabel('Campo', { exact: true }), 'Titolo')
    await page.getByRole('group', { name: 'Stato' }).getByLabel('Nuova').check()
    await expect.poll(() => page.getByTestId('unit-row').count()).toBe(4)
    const order = await page.locator('[data-testid="unit-row"] .meta b').allTextContents()
    expect([...order].sort()).toEqual(SKUS)

    await page.getByTestId('unit-row').first().click()
    await expect.poll(() => shownSku(page)).toBe(order[0])
    const target = page.getByTestId('target')
    const lot = (sku: string) => SKUS.indexOf(sku) + 1
    await target.fill(`Extra virgin olive oil batch ${lot(order[0])}`)
    await page.keyboard.press('Control+Enter')
    // Saved, and the next unit is open (the saved one is no longer "new", so it left the list).
    await expect.poll(() => unitStatus(order[0])).toBe('translated')
    await expect.poll(() => shownSku(page)).toBe(order[1])
    await expect.poll(() => page.getByTestId('unit-row').count()).toBe(3)
    await expect.poll(() => currentRowSku(page)).toBe(order[1])
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('target')

    // Again, typing right away: the focus is in the next unit's text.
    await target.fill(`Extra virgin olive oil, batch ${lot(order[1])}`)
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => unitStatus(order[1])).toBe('translated')
    await expect.poll(() => shownSku(page)).toBe(order[2])
    await expect.poll(() => currentRowSku(page)).toBe(order[2])
    expect(await unitStatus(order[2])).toBe('new')

    // Bulk approve on everything filtered: the count is in the question; Cancel changes nothing.
    await page.getByRole('group', { name: 'Stato' }).getByLabel('Nuova').uncheck()
    await expect.poll(() => page.getByTestId('unit-row').count()).toBe(4)
    await page.getByTestId('bulk-approve').click()
    const ask = page.getByTestId('confirm-dialog')
    await ask.waitFor()
    expect(await ask.getByRole('heading').textContent()).toBe('Approvare 4 unità filtrate?')
    expect(await ask.textContent()).toContain('tutte le 4 unità che corrispondono ai filtri')
    await ask.getByTestId('confirm-cancel').click()
    await ask.waitFor({ state: 'hidden' })
    for (const sku of SKUS) expect(await unitStatus(sku)).not.toBe('approved')

    // Two checked units: the question says so; confirming approves exactly those two.
    await page.getByRole('checkbox', { name: new RegExp(`^Seleziona ${order[0]}`) }).check()
    await page.getByRole('checkbox', { name: new RegExp(`^Seleziona ${order[1]}`) }).check()
    await page.getByTestId('bulk-approve').click()
    await ask.waitFor()
    expect(await ask.getByRole('heading').textContent()).toBe('Approvare 2 unità selezionate?')
    await ask.getByRole('button', { name: 'Approva' }).click()
    await expect.poll(() => unitStatus(order[0])).toBe('approved')
    expect(await unitStatus(order[1])).toBe('approved')
    expect(await unitStatus(order[2])).toBe('new')
    expect(nativeDialogs).toEqual([])
    expect(errors).toEqual([])
  })

  test('the translator link on this PC only says so and explains how to open it to the office', async () => {
    const { page, errors } = await openApp(await newContext(browser), `${app.host.ownerLink}#/translate/exchange`)
    await page.getByLabel("Nome (es. l'agenzia)").fill('Studio Li')
    await page.getByTestId('make-link').click()
    const result = page.getByTestId('link-result')
    await expect.poll(() => result.getAttribute('data-office')).toBe('off')
    const notice = page.getByTestId('office-network-notice')
    expect(await notice.textContent()).toContain('Questo link funziona solo su questo PC')
    expect(await notice.textContent()).toContain('Impostazioni → Rete dell\'ufficio')
    expect(await page.getByTestId('translator-link').first().getAttribute('data-scope')).toBe('this-pc')
    expect(await page.getByTestId('translator-link').first().textContent()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/)
    // The way there is one click away.
    await notice.getByRole('button', { name: 'Apri le impostazioni' }).click()
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/settings')
    await page.getByRole('heading', { name: "Rete dell'ufficio" }).waitFor()

    // Turned on while browser mode runs on this PC only: it applies at the next start.
    await app.core.api().system.updateSettings({ lanAccess: true })
    await page.evaluate(() => { location.hash = '#/translate/exchange' })
    await page.getByTestId('make-link').click()
    await expect.poll(() => page.getByTestId('link-result').getAttribute('data-office')).toBe('restart')
    expect(await page.getByTestId('office-network-notice').textContent()).toContain('dal prossimo avvio')
    await app.core.api().system.updateSettings({ lanAccess: false })
    expect(errors).toEqual([])
  })
})
