// The Variants tab in a real browser: values typed per axis build the matrix, the missing
// combinations are created in one go, prices are set on all of them at once (and undone), each
// colour is matched to an Alibaba.com option or linked by hand, and the publish queue shows the
// bag as one listing with its variant count.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import type { ListingImage } from '../../electron/core/platform/product-media.ts'
import { makePhotos, waitFor } from '../publish/helpers.ts'
import { bagParent } from '../variants/variant-fixtures.ts'
import { launchBrowser, newContext, openApp, startApp, type AppUnderTest } from './harness.ts'
import { choose, forbidNativeDialogs } from './ui.ts'

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

describe('Variants tab', () => {
  test('matrix, bulk prices with undo, pavilion options, one listing in the queue', async () => {
    const photos = await makePhotos(join(app.dataDir, 'test-photos'), 4)
    const byProduct = new Map<string, ListingImage[]>()
    app.core.s.productMedia.provider = { mainImages: (id) => byProduct.get(id) ?? [] }
    const api = app.core.api()
    await api.publish.updateSettings({ auditPollSeconds: 0.2, ratePerSecond: 50, sandbox: { url: null, chinese: false } })
    const cat = await api.catalog.createCategory({ name: { it: 'Borse' }, pavilionCategoryId: '152401' })
    const bag = await api.catalog.createProduct(bagParent('TOTE-E2E', cat.id, { trade: { currency: 'USD', sellingUnit: 'piece', moq: 2, ladder: [{ minQty: 2, price: 150 }], leadTimes: [{ maxQty: null, days: 20 }] } }))
    byProduct.set(bag.id, [photos[0]])
    const { jobId } = await api.publish.refreshRules({})
    await waitFor('rules', async () => (await api.jobs.get({ id: jobId })).state === 'done', 30_000)

    const context = await newContext(browser)
    const { page, errors } = await openApp(context, app.host.ownerLink)
    const dialogs = forbidNativeDialogs(page)
    await page.goto(`${new URL(app.host.ownerLink).origin}/#/catalog/${bag.id}/variants`)
    await page.getByTestId('variants-tab').waitFor()

    // Values per axis, then the missing combinations in one go (asked once, with the count).
    const colours = page.getByLabel('Valori di «Colore»')
    for (const v of ['nero', 'cognac']) await colours.fill(v).then(() => colours.press('Enter'))
    const sizes = page.getByLabel('Valori di «Taglia»')
    for (const v of ['M', 'L']) await sizes.fill(v).then(() => sizes.press('Enter'))
    await expect.poll(() => page.getByTestId('missing-row').count()).toBe(4)
    await page.getByTestId('create-missing').click()
    await expect.poll(() => page.getByTestId('confirm-dialog').textContent()).toContain('Creare 4 varianti?')
    await page.getByTestId('confirm-ok').click()
    await expect.poll(() => page.getByTestId('variant-row').count(), { timeout: 10_000 }).toBe(4)
    expect(await page.getByTestId('missing-row').count()).toBe(0)
    expect((await api.catalog.getProduct({ id: bag.id })).variantCount).toBe(4)

    // Price on all four at once, in Italian number format; then undone from the toast.
    await page.getByLabel('Seleziona tutte le varianti').check()
    await page.getByTestId('bulk-price').fill('185,50')
    await page.getByTestId('bulk-price-apply').click()
    await expect.poll(() => page.getByTestId('price-TOTE-E2E-NERO-M').inputValue()).toBe('185,5')
    const prices = async () => (await Promise.all((await api.catalog.listProducts({ parent: bag.id })).items.map((v) => api.catalog.getProduct({ id: v.id })))).map((v) => v.trade.ladder?.[0]?.price)
    expect(await prices()).toEqual([185.5, 185.5, 185.5, 185.5])
    await page.getByTestId('toast').getByRole('button', { name: 'Annulla' }).click()
    await expect.poll(prices).toEqual([undefined, undefined, undefined, undefined])
    // One cell typed by hand.
    await page.getByTestId('price-TOTE-E2E-COGNAC-L').fill('210')
    await page.getByTestId('price-TOTE-E2E-COGNAC-L').press('Enter')
    await expect.poll(async () => (await api.catalog.getProduct({ sku: 'TOTE-E2E-COGNAC-L' })).trade.ladder).toEqual([{ minQty: 2, price: 210 }])

    // On Alibaba.com: "nero" is found as Black; "cognac" is linked to Tan by hand; both need a photo.
    const pavilion = page.getByTestId('variant-pavilion')
    const nero = pavilion.locator('[data-testid="value-row"][data-value="nero"]')
    await expect.poll(() => nero.textContent(), { timeout: 10_000 }).toContain('Black')
    expect(await nero.getByTestId('source-nero').textContent()).toBe('Trovato')
    await expect.poll(() => pavilion.getByRole('button', { name: 'Aggiungi la foto' }).count()).toBe(2)
    await choose(page, pavilion.getByTestId('option-cognac'), 'Tan')
    await expect.poll(() => pavilion.getByTestId('source-cognac').textContent()).toBe('Scelto')
    expect((await api.catalog.getProduct({ id: bag.id })).variantOptions.colour.values.cognac).toMatchObject({ name: 'Tan' })

    // With a photo per colour, the bag goes out as one listing of 4 SKUs.
    for (const v of (await api.catalog.listProducts({ parent: bag.id })).items) byProduct.set(v.id, [v.axes.colour === 'nero' ? photos[1] : photos[2]])
    expect(await api.publish.enqueue({ productIds: [bag.id] })).toMatchObject({ queued: 1 })
    await page.getByRole('navigation').getByText('Pubblica').click()
    await page.getByRole('tab', { name: 'Coda' }).click()
    const row = page.getByTestId('listing-row').filter({ hasText: 'TOTE-E2E' })
    await expect.poll(() => row.getByTestId('variant-count').textContent()).toBe('4 varianti')
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('published')
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})
