// The clerk adds phone photos in the browser (a HEIC, a JPEG turned by EXIF, a PNG with
// transparency and a damaged file), sees the batch report with the refused file's reason in
// Italian and the library with warning badges, opens a photo (original beside the pavilion main
// image), then arranges a product's photos by dragging and picks the primary one.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { fixture } from '../photos/helpers.ts'
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

const file = (path: string, name: string, mimeType = 'image/jpeg') => ({ name, mimeType, buffer: readFileSync(fixture(path)) })

/** The image has loaded and has pixels (a broken media URL would give naturalWidth 0). */
const loaded = (page: Page, testId: string) => page.getByTestId(testId).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)

describe('photos in browser mode', () => {
  test('add photos, read the batch report, browse the library, open a photo', async () => {
    const context = await newContext(browser)
    const { page, errors } = await openApp(context, app.host.ownerLink)
    await page.getByRole('navigation').getByText('Foto').click()
    await page.getByText('Ancora nessuna foto').waitFor()

    await page.getByTestId('photo-files').setInputFiles([
      file('heic/rotated.heic', 'IMG_0042.HEIC', 'image/heic'),
      file('orientation/Portrait_6.jpg', 'bottiglia-fronte.jpg'),
      file('subsampling/video-001.png', 'etichetta.png', 'image/png'),
      file('broken/truncated.jpg', 'rovinata.jpg')
    ])
    const summary = page.getByTestId('batch-summary')
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toContain('Aggiunte 3, già presenti 0, scartate 1, ancora da fare 0.')
    const failure = page.getByTestId('batch-failures')
    expect(await failure.textContent()).toContain('rovinata.jpg')
    expect(await failure.textContent()).toContain('Il file JPEG è danneggiato: è incompleto, probabilmente la copia si è interrotta.')

    // The library: three thumbnails, the small label flagged.
    await expect.poll(() => page.getByTestId('photo-tile').count()).toBe(3)
    const label = page.locator('[data-testid="photo-tile"][data-name="etichetta.png"]')
    await label.getByTestId('warning-too_small').waitFor()
    expect(await page.getByTestId('photo-stats').textContent()).toContain('3 foto')

    // Filter by warning.
    await choose(page, page.getByLabel('Avviso'), /^Troppo piccola/)
    await expect.poll(() => page.getByTestId('photo-tile').count()).toBe(1)
    await choose(page, page.getByLabel('Avviso'), 'Tutte le foto')
    await expect.poll(() => page.getByTestId('photo-tile').count()).toBe(3)

    // The HEIC photo: upright (landscape), original beside the main image, both displayed.
    const heic = page.locator('[data-testid="photo-tile"][data-name="IMG_0042.HEIC"]')
    expect(await heic.textContent()).toContain('1800×1200')
    await heic.locator('button').first().click()
    await page.getByTestId('photo-detail').waitFor()
    await expect.poll(() => loaded(page, 'photo-preview'), { timeout: 20_000 }).toBe(true)
    await expect.poll(() => loaded(page, 'photo-main'), { timeout: 20_000 }).toBe(true)
    expect(await page.getByTestId('photo-detail').textContent()).toContain('JPEG 1000×1000')
    await page.getByRole('button', { name: 'Chiudi' }).last().click()
    expect(errors).toEqual([])
    await context.close()
  })

  test('a product: add from the library, drag to reorder, choose the primary image', async () => {
    const api = app.core.api()
    const product = await api.catalog.createProduct({ sku: 'EVO-500', texts: { it: { title: 'Olio extravergine di oliva 0,5 L' } } })
    const context = await newContext(browser)
    const { page, errors } = await openApp(context, `${app.host.ownerLink}#/catalog/${product.id}/photos`)
    await page.getByTestId('product-photos').waitFor()
    await page.getByText('Ancora nessuna immagine principale').waitFor()

    await page.getByRole('button', { name: 'Aggiungi dalla libreria…' }).click()
    const picker = page.getByRole('dialog')
    for (const name of ['bottiglia-fronte.jpg', 'etichetta.png', 'IMG_0042.HEIC']) {
      await picker.locator(`[data-testid="photo-tile"][data-name="${name}"] button`).first().click()
    }
    await picker.getByRole('button', { name: 'Aggiungi 3 foto' }).click()
    const mainCards = () => page.getByTestId('card-main').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))
    await expect.poll(mainCards).toHaveLength(3)
    const before = await mainCards()

    // Drag the last main image onto the first.
    const cards = page.getByTestId('card-main')
    await cards.nth(2).dragTo(cards.nth(0))
    await expect.poll(mainCards).toEqual([before[2], before[0], before[1]])

    // Move one to the other photos, then make another the primary image.
    await page.locator(`[data-testid="card-main"][data-name="${before[1]}"]`).getByRole('button', { name: 'Tra le altre foto' }).click()
    await expect.poll(() => page.getByTestId('card-extra').count()).toBe(1)
    await page.locator(`[data-testid="card-main"][data-name="${before[0]}"]`).getByRole('button', { name: 'Rendi principale' }).click()
    await expect.poll(mainCards).toEqual([before[0], before[2]])
    expect(await page.locator(`[data-testid="card-main"][data-name="${before[0]}"]`).getByTestId('primary').count()).toBe(1)

    // What the publishing area gets: the main images in this order, pavilion-ready.
    const images = app.core.s.productMedia.mainImages(product.id)
    const names = await Promise.all(images.map(async (i) => (await api.photos.get({ id: i.id })).name))
    expect(names).toEqual([before[0], before[2]])
    expect(images.every((i) => i.width === 1000 && i.height === 1000 && i.mime === 'image/jpeg')).toBe(true)
    // The selected photo's main image is shown beside its original.
    await expect.poll(() => loaded(page, 'compare-main'), { timeout: 20_000 }).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  test('changing the main image size makes the main images again', async () => {
    const context = await newContext(browser)
    const { page, errors } = await openApp(context, `${app.host.ownerLink}#/photos`)
    const card = page.getByTestId('photo-presets')
    await card.locator('summary').click()
    await card.getByLabel("Lato dell'immagine principale (px)").fill('800')
    await card.getByRole('button', { name: 'Salva' }).click()
    await page.getByTestId('toast').getByText('Impostazioni salvate: le immagini esistenti vengono rifatte.').waitFor()
    await app.core.s.jobs.whenIdle()
    const api = app.core.api()
    for (const p of (await api.photos.list({})).items) {
      const main = (await api.photos.get({ id: p.id })).renditions.find((r) => r.preset === 'main')!
      expect(main.current).toBe(true)
      expect(Math.max(main.width, main.height)).toBeLessThanOrEqual(800)
    }
    // Below the pavilion's minimum: refused, with the reason next to the field.
    await card.getByLabel("Lato dell'immagine principale (px)").fill('500')
    await card.getByRole('button', { name: 'Salva' }).click()
    await card.getByRole('alert').filter({ hasText: 'il padiglione vuole più di 640 px' }).waitFor()
    expect((await api.photos.presets({})).main.size).toBe(800)
    expect(errors).toEqual([])
    await context.close()
  })
})
