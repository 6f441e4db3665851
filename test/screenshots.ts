// npm run screenshots: every main screen in Italian, English and Chinese at 1366×860 and 1024×700,
// from the built UI in browser mode on the real core, in the e2e browser (test/e2e/browser.ts).
// The pictures go to screenshots/ (ignored by git), one file per screen, language and size.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { launchBrowser, newContext, openApp, startApp } from './e2e/harness.ts'
import { makePhotos, wineCreate } from './publish/helpers.ts'

const OUT = resolve(import.meta.dirname, '../screenshots')
const LANGUAGES = [['it', 'it-IT'], ['en', 'en-GB'], ['zh-CN', 'zh-CN']] as const
const SIZES = [[1366, 860], [1024, 700]] as const

const app = await startApp()
const api = app.core.api()
const ids: Record<string, string> = {}
try {
  // A small catalogue: a linked category, wines with their translations, a price list with problems.
  app.core.s.productMedia.provider = { mainImages: () => photos }
  const photos = await makePhotos(join(app.dataDir, 'shots'), 1)
  const cat = await api.catalog.createCategory({ name: { it: 'Vini rossi', en: 'Red wines', 'zh-CN': '红葡萄酒' }, pavilionCategoryId: '100008830' })
  for (let i = 1; i <= 8; i++) ids[`p${i}`] = (await api.catalog.createProduct(wineCreate(i, { categoryId: cat.id }))).id
  const bad = join(app.dataDir, 'listino-prezzi-autunno.csv')
  writeFileSync(bad, ['Codice;Descrizione;Prezzo;Da pezzi;Peso netto', 'VIN-1;Chianti Classico;9,80;12;0,75', 'VIN-2;Vin Santo;nove euro;6;Bottiglia'].join('\n'))
  const columns = [
    { index: 0, header: 'Codice', target: 'sku' }, { index: 1, header: 'Descrizione', target: 'title/it' },
    { index: 2, header: 'Prezzo', target: 'trade/ladder/1/price' }, { index: 3, header: 'Da pezzi', target: 'trade/ladder/1/minQty' },
    { index: 4, header: 'Peso netto', target: 'logistics/netWeight' }
  ]
  await api.spreadsheet.dryRun({ file: { kind: 'path', path: bad }, columns, settings: { numberFormat: 'it' } })
  for (let i = 0; i < 300 && app.core.s.jobs.countActive() > 0; i++) await new Promise((r) => setTimeout(r, 100))

  const screens: Array<[string, string, string]> = [
    ['start', 'start', '[data-testid="start-page"]'],
    ['catalogue', 'catalog', '[data-testid="product-row"]'],
    ['editor', `catalog/${ids.p1}/general`, '[data-testid="editor-title"]'],
    ['editor-trade', `catalog/${ids.p1}/trade`, '[data-testid="editor-title"]'],
    ['import', 'import', '[data-testid="recent-import"]'],
    ['photos', 'photos', '[data-testid="photo-stats"]'],
    ['translate', 'translate', '[data-testid="unit-editor"]'],
    ['publish', 'publish', '[data-testid="readiness-chart"]'],
    ['publish-queue', 'publish/queue', '.page'],
    ['settings', 'settings', '.page']
  ]
  mkdirSync(OUT, { recursive: true })
  const browser = await launchBrowser()
  let count = 0
  for (const [lang, browserLocale] of LANGUAGES) {
    const context = await newContext(browser, browserLocale)
    const { page } = await openApp(context, app.host.ownerLink)
    for (const [w, h] of SIZES) {
      await page.setViewportSize({ width: w, height: h })
      for (const [name, route, ready] of screens) {
        await page.evaluate((r) => { location.hash = `#/${r}` }, route)
        await page.locator(ready).first().waitFor({ timeout: 20_000 })
        await page.evaluate(() => document.fonts.ready)
        await page.waitForTimeout(300)
        await page.screenshot({ path: join(OUT, `${name}.${lang}.${w}x${h}.png`) })
        count++
      }
    }
    await context.close()
  }
  await browser.close()
  console.log(`${count} screenshots in ${OUT}`)
} finally {
  await app.stop()
}
