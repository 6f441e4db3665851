// Issue 9, "done when": a clerk gets from the firm's Italian price list to live listings in one
// sitting, through the UI only, without typing a category number. From an empty data folder:
// import a 63-row .xlsx of wine, olive oil and leather bags (written by exceljs), add the folder
// of photos (matched by file name), link the three categories to pavilion categories by searching
// in Italian, bulk-set what readiness asks for, translate through an XLIFF round trip (the test
// edits the downloaded files as a CAT tool would), set the EUR→USD rate and publish everything to
// the built-in sandbox. Every listing must be live there in English and Chinese and shown as
// published in the list. The test counts the user's actions (clicks, key entries, file choices).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, newContext, openApp, startApp, type AppUnderTest } from './harness.ts'
import { priceList, translateXliff, translationMemory, writePhotos, writePriceList } from './mainpath-data.ts'
import { forbidNativeDialogs } from './ui.ts'
import type { Browser } from 'playwright-core'

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

/** Every user action goes through here, so the count is honest. */
class User {
  actions = 0
  readonly log: string[] = []
  readonly page: Page
  constructor(page: Page) {
    this.page = page
  }
  private count(what: string, n = 1) {
    this.actions += n
    this.log.push(what)
  }
  async click(l: Locator, what = 'click') {
    this.count(what)
    await l.click()
  }
  async type(l: Locator, text: string) {
    this.count(`type ${text}`)
    await l.fill(text)
  }
  async key(key: string) {
    this.count(`key ${key}`)
    await this.page.keyboard.press(key)
  }
  async files(l: Locator, paths: string | string[]) {
    this.count('choose file(s)')
    await l.setInputFiles(paths)
  }
  async choose(control: Locator, option: string | RegExp) {
    await this.click(control, 'open list')
    await this.click(this.page.getByRole('option', { name: option, exact: typeof option === 'string' }), `pick ${String(option)}`)
    await this.page.getByRole('listbox').waitFor({ state: 'hidden' })
  }
  nav(name: string) {
    return this.click(this.page.getByRole('navigation').getByText(name, { exact: true }), `go to ${name}`)
  }
}

describe('from the price list to live listings, through the UI', () => {
  test('import, photos, categories by search, bulk edit, XLIFF, publish: every listing live in two languages', async () => {
    const started = Date.now()
    const rows = priceList()
    expect(rows.length).toBeGreaterThanOrEqual(60)
    const sheet = join(app.dataDir, '..', `${app.dataDir.split('/').pop()}-listino.xlsx`)
    const photos = join(app.dataDir, '..', `${app.dataDir.split('/').pop()}-foto`)
    await writePriceList(sheet, rows)
    await writePhotos(photos, rows)
    // A rehearsal on the built-in sandbox: its audit answers in seconds, so look for the verdict often.
    await app.core.api().publish.updateSettings({ auditPollSeconds: 1 })

    const context = await newContext(browser)
    context.setDefaultTimeout(20_000)
    const { page, errors } = await openApp(context, app.host.ownerLink)
    const dialogs = forbidNativeDialogs(page)
    const user = new User(page)
    // `VETRINA_SCREENSHOTS=dir` keeps pictures of the main screens for the README.
    const shot = async (name: string) => {
      if (process.env.VETRINA_SCREENSHOTS) await page.screenshot({ path: join(process.env.VETRINA_SCREENSHOTS, `${name}.png`) })
    }

    // 0. A first run opens on the start page: the checklist says what is missing, and links there.
    await page.getByTestId('start-page').waitFor()
    await expect.poll(() => page.getByTestId('step-products').getAttribute('data-done')).toBe('false')

    // 1. The price list: pick the file, map the one column nobody could guess, check, import.
    await user.click(page.getByTestId('start-import'))
    await user.files(page.getByTestId('import-file'), sheet)
    const oilRow = page.getByTestId('mapping-row').filter({ hasText: 'Qualità olio' })
    await user.choose(oilRow.getByRole('combobox'), /Categoria.*Olio extravergine/)
    await user.click(page.getByRole('button', { name: 'Verifica tutte le righe' }))
    await expect.poll(() => page.getByTestId('summary-line').textContent(), { timeout: 30_000 }).toContain('63')
    await user.click(page.getByRole('button', { name: 'Importa tutto (63 righe)' }))
    await expect.poll(() => page.getByTestId('import-summary').textContent(), { timeout: 30_000 }).toMatch(/Importat/)

    // 2. The photo folder: files named in the sheet's photo column go to those products.
    await user.nav('Foto')
    await user.files(page.getByTestId('photo-folder'), photos)
    await expect.poll(() => page.getByTestId('batch-summary').textContent(), { timeout: 60_000 }).toContain('ancora da fare 0')

    // 3. Categories: search in Italian, pick the leaf, link. No number typed.
    await user.nav('Impostazioni')
    const link = async (category: string, words: string, leaf: string) => {
      const row = page.locator('.tree-item').filter({ has: page.getByText(category, { exact: true }) })
      await user.click(row.getByTestId('pavilion-link'))
      const dialog = page.getByTestId('category-browser')
      await user.type(dialog.getByTestId('pavilion-search'), words)
      if (category === 'Vini') {
        await dialog.getByTestId('pavilion-results').locator('[data-name="Wine"]').waitFor()
        await shot('category-browser')
      }
      await user.click(dialog.getByTestId('pavilion-results').locator(`[data-testid="pavilion-leaf"][data-name="${leaf}"]`))
      await user.click(dialog.getByTestId('pavilion-confirm'))
      await dialog.waitFor({ state: 'hidden' })
      await expect.poll(() => row.textContent()).toContain(leaf)
    }
    await link('Vini', 'vino rosso', 'Wine')
    await link('Olio', 'olio extravergine', 'Olive Oil')
    await link('Borse', 'borse in pelle', 'Handbags')

    // 4. The EUR → USD rate (prices are in euro, Alibaba.com shows dollars), typed on the start page,
    // whose checklist has followed everything so far.
    await user.nav('Inizia')
    await expect.poll(() => page.getByTestId('step-categories').getAttribute('data-done'), { timeout: 15_000 }).toBe('true')
    await expect.poll(() => page.getByTestId('step-photos').getAttribute('data-done'), { timeout: 15_000 }).toBe('true')
    await user.type(page.getByTestId('start-rate'), '1,08')
    await user.key('Enter')
    await expect.poll(() => page.getByTestId('step-rate').getAttribute('data-done'), { timeout: 15_000 }).toBe('true')
    await shot('start-page')
    await expect.poll(async () => (await app.core.api().publish.getSettings({})).eurToUsd).toBe(1.08)

    // 5. What readiness still asks for, set on all products at once (dry run shown first).
    await user.nav('Catalogo')
    await expect.poll(() => page.getByTestId('product-total').textContent()).toContain('63')
    await user.click(page.getByTestId('select-loaded'))
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toContain('63')
    await user.click(page.getByTestId('bulk-edit-open'))
    const bulk = page.getByTestId('bulk-edit')
    await user.type(bulk.getByTestId('bulk-lead-time'), '15')
    await user.type(bulk.getByTestId('bulk-brand'), 'Fattoria Le Querce')
    await user.type(bulk.getByTestId('bulk-origin'), 'IT')
    await expect.poll(() => bulk.getByTestId('bulk-dry-line').textContent(), { timeout: 20_000 }).toContain('Cambieranno 63 prodotti su 63')
    await shot('bulk-edit')
    await user.click(bulk.getByTestId('bulk-apply'))
    await expect.poll(() => page.getByTestId('toast').filter({ hasText: 'Modificati 63 prodotti' }).count()).toBe(1)

    // 6. Translations: export XLIFF, the translator fills it in a CAT tool, import it back.
    await user.nav('Traduzione')
    await user.click(page.getByRole('tab', { name: /XLIFF/ }))
    const downloads: string[] = []
    page.on('download', (d) => void d.path().then((p) => p && downloads.push(p)))
    await user.click(page.getByTestId('xliff-export'))
    await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2)
    const memory = translationMemory(rows)
    const translated: string[] = []
    for (const file of downloads) {
      const xml = readFileSync(file, 'utf8')
      const lang = /trgLang="zh|target-language="zh/.test(xml) ? 'zh' : 'en'
      const done = translateXliff(xml, memory, lang)
      expect(done.filled).toBe(rows.length * 3)
      const out = `${file}-${lang}.xlf`
      writeFileSync(out, done.xml)
      translated.push(out)
    }
    await user.click(page.getByTestId('xliff-dry-run'))
    for (const f of translated) {
      await user.files(page.getByTestId('xliff-file'), f)
      await expect.poll(() => page.getByTestId('xliff-report').textContent(), { timeout: 30_000 }).toMatch(/189/)
    }

    // 7. Publish everything and wait for the pavilion's verdict.
    await user.nav('Pubblica')
    await user.click(page.getByRole('tab', { name: 'Riepilogo' }))
    await user.click(page.getByTestId('publish-all'))
    await user.click(page.getByTestId('confirm-dialog').getByTestId('confirm-ok'))
    await expect.poll(() => page.getByTestId('publish-progress').textContent(), { timeout: 90_000 })
      .toContain(`Pubblicate ${rows.length * 2} · in revisione 0 · in attesa 0 · da correggere 0`)

    // 8. The list says so, row by row.
    await user.nav('Catalogo')
    // Rows on screen, read in one go (the virtualized list may add a row between two reads).
    const allPublished = () => page.getByTestId('product-row').evaluateAll((rows) =>
      rows.length > 0 && rows.every((r) => (r.querySelector('[data-testid="row-publish"]')?.textContent ?? '').startsWith('Pubblicata')))
    await expect.poll(allPublished, { timeout: 20_000 }).toBe(true)
    await shot('product-list-published')

    // The start page agrees: everything translated, nothing left to fix.
    await user.nav('Inizia')
    await expect.poll(() => page.getByTestId('step-translations').getAttribute('data-done'), { timeout: 15_000 }).toBe('true')
    await expect.poll(() => page.getByTestId('step-fixes').textContent(), { timeout: 15_000 }).toContain(`${rows.length * 2} inserzioni pubblicate`)

    // The sandbox holds every product once per language, approved and on display.
    const sandbox = new Database(join(app.dataDir, 'pavilion-sandbox', 'sandbox.sqlite'), { readonly: true })
    const live = sandbox.prepare("SELECT language, count(*) AS n FROM products WHERE kind = 'product' AND display = 'Y' AND status = 'approved' GROUP BY language").all() as Array<{ language: string; n: number }>
    const subjects = sandbox.prepare("SELECT subject FROM products WHERE kind = 'product'").all() as Array<{ subject: string }>
    sandbox.close()
    expect(live.map((l) => l.n)).toEqual([rows.length, rows.length])
    expect(subjects.map((s) => s.subject)).toEqual(expect.arrayContaining([rows[0].en.title, rows[0].zh.title, rows[rows.length - 1].en.title]))

    const seconds = Math.round((Date.now() - started) / 1000)
    console.log(`main path through the UI: ${user.actions} user actions (clicks + key entries + file choices), ${seconds} s`)
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  }, 240_000)
})
