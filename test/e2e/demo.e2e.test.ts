// The sample catalogue through the UI, as a new user meets it: an empty catalogue opens on the
// start page, "Prova con un catalogo di esempio" makes and opens the sample in a folder of its own,
// a banner says so on every screen, everything ready is published to the built-in sandbox, and one
// click goes back to the firm's own catalogue — still empty. Prints the user actions it took.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { demoFolderOf, isDemoCatalogue } from '../../electron/core/platform/demo-folder.ts'
import { DEMO_PRODUCTS } from '../../electron/core/system/demo/catalogue.ts'
import { launchBrowser, newContext, openApp, startApp, type AppUnderTest } from './harness.ts'

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

describe('the sample catalogue in browser mode', () => {
  test('making the sample can be stopped from its card: nothing is switched, made or lost, and the offer is back', async () => {
    const context = await newContext(browser)
    const { page, errors } = await openApp(context, app.host.ownerLink)
    await page.getByTestId('start-page').waitFor()
    await page.getByTestId('start-demo').click()
    await page.getByTestId('start-demo-progress').waitFor()
    const stop = page.getByTestId('start-demo-cancel')
    expect(await stop.textContent()).toBe('Interrompi')
    await stop.click()
    // Stopped without a question (only the sample's own folder was being made): the offer is back.
    await page.getByTestId('start-demo-cancelled').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('start-demo-cancelled').textContent()).toContain('il tuo catalogo non è cambiato')
    expect(await page.getByTestId('start-demo-progress').count()).toBe(0)
    expect(await page.getByTestId('start-demo').textContent()).toBe('Prova con un catalogo di esempio')
    expect(await page.getByTestId('start-demo-card').getByRole('alert').count()).toBe(0)
    const jobs = (await app.core.api().jobs.list({})).items.filter((j) => j.kind === 'system.openDemo')
    expect(jobs.map((j) => j.state)).toEqual(['cancelled'])
    expect(app.core.s.paths.dataDir).toBe(app.dataDir)
    expect(isDemoCatalogue(demoFolderOf(app.dataDir))).toBe(false)
    expect(await page.getByTestId('demo-banner').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  }, 120_000)

  test('empty catalogue → try the sample → banner → publish to the sandbox → back to the empty catalogue', async () => {
    const started = Date.now()
    let actions = 0
    const context = await newContext(browser)
    const { page, errors } = await openApp(context, app.host.ownerLink)

    // First run: the start page, with the offer below the checklist.
    await page.getByTestId('start-page').waitFor()
    const offer = page.getByTestId('start-demo-card')
    await offer.waitFor()
    expect(await page.getByTestId('demo-banner').count()).toBe(0)
    await page.getByTestId('start-demo').click(); actions++
    // The offer gives way to the progress of the making (after React's next render, not at the click).
    await page.getByTestId('start-demo').waitFor({ state: 'detached', timeout: 10_000 })

    // Made and opened: the app starts again on the sample, marked as such.
    const banner = page.getByTestId('demo-banner')
    await banner.waitFor({ timeout: 90_000 })
    const madeMs = Date.now() - started
    expect(await banner.textContent()).toContain('Catalogo di esempio.')
    expect(await banner.textContent()).toContain('mai su Alibaba.com')
    expect(app.core.s.paths.dataDir).toBe(demoFolderOf(app.dataDir))
    await expect.poll(() => page.getByTestId('step-products').textContent()).toContain(`${DEMO_PRODUCTS.length} prodotti nel catalogo`)
    expect(await page.getByTestId('start-demo-card').count()).toBe(0)

    // Publish everything ready to the built-in sandbox.
    await page.getByRole('navigation').getByText('Pubblica').click(); actions++
    await page.getByRole('heading', { name: 'Pubblica sul Padiglione Made in Italy' }).waitFor()
    expect(await banner.isVisible()).toBe(true)
    await expect.poll(() => page.getByTestId('publish-target').textContent()).toBe('Sandbox (prova)')
    const listings = DEMO_PRODUCTS.length + DEMO_PRODUCTS.filter((p) => p.zh).length
    await expect.poll(() => page.getByTestId('readiness-chart').textContent(), { timeout: 15_000 }).toContain(`${listings} inserzioni pronte`)
    await page.getByTestId('publish-all').click(); actions++
    await page.getByTestId('confirm-dialog').getByTestId('confirm-ok').click(); actions++
    await expect.poll(() => page.getByTestId('publish-progress').textContent(), { timeout: 120_000 }).toContain(`Pubblicate ${listings} · in revisione 0 · in attesa 0`)
    const status = await app.core.api().publish.status({})
    expect(status.target).toBe('sandbox')
    expect(status.counts.published).toBe(listings)

    // Back to the firm's catalogue: still empty, the offer there again (now just to open it).
    await banner.getByTestId('demo-back').click(); actions++
    await page.getByTestId('demo-banner').waitFor({ state: 'detached', timeout: 30_000 })
    expect(app.core.s.paths.dataDir).toBe(app.dataDir)
    await page.getByRole('navigation').getByText('Inizia').click(); actions++
    await expect.poll(() => page.getByTestId('start-demo').textContent()).toBe('Apri il catalogo di esempio')
    expect(await page.getByTestId('step-products').getAttribute('data-done')).toBe('false')
    expect((await app.core.api().catalog.listProducts({ limit: 1 })).total).toBe(0)
    expect(errors).toEqual([])
    console.log(`sample catalogue e2e: ${actions} user actions; made and opened in ${madeMs} ms; whole path ${Date.now() - started} ms; ${listings} listings published to the sandbox`)
  }, 240_000)
})
