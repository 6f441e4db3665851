// The clerk's first session, in a real browser against the real core through browser mode:
// create a product, edit it, find it in Italian and by a 2-character Chinese query, restart the
// host and find it again, switch the UI language, and check that markup in a title stays inert.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, newContext, openApp, startApp, type AppUnderTest } from './harness.ts'
import { choose } from './ui.ts'

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

describe('catalogue in browser mode', () => {
  test('create, edit, search, restart, language, inert markup', async () => {
    const context = await newContext(browser)
    let { page, errors } = await openApp(context, app.host.ownerLink)
    // An empty catalogue opens on the start page; the list is one click away.
    await page.getByTestId('start-page').waitFor()
    await page.getByRole('navigation').getByText('Catalogo').click()

    // Create a product from the list.
    await page.getByRole('button', { name: 'Nuovo prodotto' }).click()
    await page.getByLabel('Codice articolo (SKU)').fill('CHI-2021-075')
    await page.getByLabel('Nome (italiano)').fill('Chianti Classico DOCG 2021 0,75 L')
    await page.getByRole('button', { name: 'Crea' }).click()
    await expect.poll(() => page.getByTestId('editor-title').textContent()).toContain('CHI-2021-075')

    // Edit: the Chinese and English titles (languages named in Italian), then the MOQ on the trade tab.
    await page.getByRole('tab', { name: /^Cinese/ }).click()
    const zhTitle = page.getByLabel(/Nome \(cinese/)
    await zhTitle.fill('经典基安蒂红葡萄酒 2021')
    await zhTitle.blur()
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Salvato')
    await page.getByRole('tab', { name: 'Inglese' }).click()
    const enTitle = page.getByLabel(/Nome \(inglese/)
    await enTitle.fill('Chianti Classico DOCG 2021 Red Wine 750ml')
    await enTitle.blur()
    await page.getByRole('tab', { name: 'Condizioni commerciali' }).click()
    const moq = page.getByLabel("Quantità minima d'ordine (MOQ)")
    await moq.fill('120')
    await moq.blur()
    await expect.poll(async () => (await app.core.api().catalog.getProduct({ sku: 'CHI-2021-075' })).trade.moq).toBe(120)
    const stored = await app.core.api().catalog.getProduct({ sku: 'CHI-2021-075' })
    expect(stored.texts['zh-CN']?.title).toBe('经典基安蒂红葡萄酒 2021')
    expect(stored.texts.en?.title).toBe('Chianti Classico DOCG 2021 Red Wine 750ml')

    // A product whose title carries markup and script.
    await page.getByRole('button', { name: /Indietro/ }).click()
    await page.getByRole('button', { name: 'Nuovo prodotto' }).click()
    await page.getByLabel('Codice articolo (SKU)').fill('XSS-1')
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>Borsa'
    await page.getByLabel('Nome (italiano)').fill(payload)
    await page.getByRole('button', { name: 'Crea' }).click()
    await expect.poll(() => page.getByTestId('editor-title').textContent()).toContain('XSS-1')
    await page.getByRole('button', { name: /Indietro/ }).click()

    // Find it by Italian text and by a 2-character Chinese query.
    const search = page.getByRole('searchbox', { name: 'Cerca' })
    const rows = () => page.getByTestId('product-row').allTextContents()
    await expect.poll(rows).toHaveLength(2)
    await search.fill('chianti')
    await expect.poll(rows).toEqual([expect.stringContaining('CHI-2021-075')])
    await search.fill('葡萄')
    await expect.poll(rows).toEqual([expect.stringContaining('CHI-2021-075')])
    await search.fill('基安')
    await expect.poll(rows).toEqual([expect.stringContaining('CHI-2021-075')])

    // The markup is shown as text and never runs.
    await search.fill('XSS')
    await expect.poll(rows).toEqual([expect.stringContaining('<img src=x onerror="window.__pwned=1"><script>')])
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await page.locator('.vrow img').count()).toBe(0)
    expect(errors).toEqual([])

    // Restart the host on the same data: the product is still there (with a new link).
    const dataDir = app.dataDir
    await app.stop()
    app = await startApp(dataDir)
    ;({ page, errors } = await openApp(context, app.host.ownerLink))
    await page.getByRole('searchbox', { name: 'Cerca' }).fill('Chianti')
    await expect.poll(() => page.getByTestId('product-row').allTextContents()).toEqual([expect.stringContaining('CHI-2021-075')])

    // Switch the UI language; it is remembered after a reload.
    await choose(page, page.getByLabel('Lingua'), 'English')
    await page.getByRole('navigation').getByText('Catalogue').waitFor()
    await choose(page, page.getByLabel('Language'), '中文')
    await page.getByRole('navigation').getByText('产品目录').waitFor()
    await page.reload()
    await page.getByRole('navigation').getByText('产品目录').waitFor()
    expect(errors).toEqual([])
    await context.close()
  })
})
