// Publishing through the UI, in a real browser against the real core and the sandbox built into
// Vetrina (the default target): download the category rules, read the readiness chart, publish
// everything that is ready, follow the queue to "published", and follow a fix link.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { makePhotos, wineCreate } from '../publish/helpers.ts'
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

describe('publishing in browser mode', () => {
  test('rules, readiness, publish to the built-in sandbox, queue, fix link', async () => {
    // The photos area provides pavilion-ready images; here, real JPEGs made with sharp.
    const photos = await makePhotos(join(app.dataDir, 'test-photos'), 2)
    app.core.s.productMedia.provider = { mainImages: () => photos }
    const api = app.core.api()
    await api.publish.updateSettings({ auditPollSeconds: 0.2, ratePerSecond: 50, sandbox: { url: null, chinese: false } })
    const cat = await api.catalog.createCategory({ name: { it: 'Vini rossi' }, pavilionCategoryId: '100008830' })
    await api.catalog.createProduct(wineCreate(1, { categoryId: cat.id }))
    await api.catalog.createProduct(wineCreate(2, { categoryId: cat.id }))
    const broken = await api.catalog.createProduct(wineCreate(3, { categoryId: cat.id, sku: 'ROSE-2022', texts: { en: { title: 'Rosé di Toscana IGT', keywords: ['rose wine'], description: '<p>Rosé.</p>' } } }))

    const context = await newContext(browser)
    const { page, errors } = await openApp(context, app.host.ownerLink)
    await page.getByRole('navigation').getByText('Pubblica').click()
    await page.getByRole('heading', { name: 'Pubblica sul Padiglione Made in Italy' }).waitFor()
    await expect.poll(() => page.getByTestId('publish-target').textContent()).toBe('Sandbox (prova)')
    await expect.poll(() => page.getByTestId('online-status').textContent(), { timeout: 15_000 }).toContain('Online')

    // Rules not downloaded yet → not fully checked; download them.
    await expect.poll(() => page.getByTestId('readiness-chart').textContent()).toContain('non ancora verificat')
    // Beside each language, the same word as its problems: "da verificare", never "pronta" next to a check still to do.
    const rowStates = () => page.getByTestId('readiness-problems').locator('tbody tr').evaluateAll((rows) => rows.map((r) => ({
      sku: r.querySelector('strong')?.textContent, state: r.querySelector('[data-testid="readiness-state"]')?.textContent,
      problems: [...r.querySelectorAll('.problem-list li .badge')].map((b) => b.textContent).sort().join(', ')
    })).sort((a, b) => String(a.sku).localeCompare(String(b.sku))))
    await expect.poll(async () => (await rowStates()).length).toBe(3)
    expect(await rowStates()).toEqual([
      { sku: 'CHI-00001', state: 'da verificare', problems: 'da verificare' },
      { sku: 'CHI-00002', state: 'da verificare', problems: 'da verificare' },
      { sku: 'ROSE-2022', state: 'da correggere', problems: 'da correggere, da verificare' }
    ])
    // Publishing now would send them, checked against the rules just before: asked without calling them "ready".
    await page.getByTestId('publish-all').click()
    const early = page.getByTestId('confirm-dialog')
    expect(await early.getByRole('heading').textContent()).toBe('Pubblicare 2 inserzioni?')
    expect(await early.textContent()).toContain('2 non sono ancora verificate del tutto')
    await early.getByTestId('confirm-cancel').click()
    await early.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Scarica le regole delle categorie' }).click()
    await expect.poll(() => page.getByTestId('readiness-chart').textContent(), { timeout: 15_000 }).toContain('2 inserzioni pronte')
    await expect.poll(() => page.getByTestId('readiness-chart').textContent()).toContain('1 da correggere')
    await expect.poll(() => page.getByTestId('readiness-problems').textContent()).toContain('togli: é')
    await expect.poll(rowStates).toEqual([{ sku: 'ROSE-2022', state: 'da correggere', problems: 'da correggere' }])

    // Publish everything that is ready and follow the progress to the end of the audit.
    await page.getByTestId('publish-all').click()
    // Asked once, with the count and where the listings go.
    const ask = page.getByTestId('confirm-dialog')
    expect(await ask.getByRole('heading').textContent()).toBe('Pubblicare 2 inserzioni pronte?')
    expect(await ask.textContent()).toContain('sandbox di prova')
    await ask.getByTestId('confirm-ok').click()
    await expect.poll(() => page.getByTestId('publish-progress').textContent(), { timeout: 30_000 }).toContain('Pubblicate 2 · in revisione 0 · in attesa 0 · da correggere 1')

    // The queue shows each listing's state; the refused one explains itself and links to the field.
    await page.getByRole('tab', { name: 'Coda' }).click()
    const states = () => page.getByTestId('listing-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')).sort())
    await expect.poll(states).toEqual(['needs_fixing', 'published', 'published'])
    // What happened to a listing, step by step.
    await page.getByTestId('listing-row').filter({ hasText: 'Pubblicata' }).first().getByRole('button', { name: 'Cronologia' }).click()
    await expect.poll(() => page.getByTestId('listing-history').textContent()).toMatch(/in coda.*inviata \(nuova inserzione\).*accettata da Alibaba\.com.*revisione superata/s)
    const row = page.getByTestId('listing-row').filter({ hasText: 'ROSE-2022' })
    await expect.poll(() => row.textContent()).toContain('Da correggere')
    await row.getByTestId('fix-link').first().click()
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/catalog/${broken.id}/general`)
    await expect.poll(() => page.getByTestId('editor-title').textContent()).toContain('ROSE-2022')

    // Exactly two listings went to the pavilion, each once.
    const listings = (await api.publish.listings({})).items
    expect(listings.filter((l) => l.state === 'published').map((l) => l.remoteId).filter(Boolean)).toHaveLength(2)
    expect((await api.publish.testConnection({})).ok).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })
})
