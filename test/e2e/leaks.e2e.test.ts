// The leak detector on the real app: every screen and state a person meets — empty and full, a
// rejected import, a failed publish, a QA override, an offline queue, the jobs panel with failed
// jobs, dialogs, validation errors — walked in Italian and in Chinese, failing on any English
// sentence of the catalogue the language words differently, i18next key, {{placeholder}} or
// internal code (test/e2e/leaks.ts). First, proof that it fails on planted leaks.
// A new screen joins the walk with one entry in SCREENS (or an assertNoLeaks call in its own test).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { makePhotos, startTestSandbox, wineCreate } from '../publish/helpers.ts'
import type { Sandbox } from '../../electron/sandbox/server.ts'
import { fixture } from '../photos/helpers.ts'
import { bagParent, bagVariants } from '../variants/variant-fixtures.ts'
import { launchBrowser, newContext, openApp, startApp, type AppUnderTest } from './harness.ts'
import { assertNoLeaks, findLeaks, pageSegments, type LeakLocale } from './leaks.ts'
import { damagePage } from '../helpers/damage.ts'

let app: AppUnderTest
let browser: Browser
/** A pavilion sandbox of the test's own, so its faults can be switched on (its control key is the test's). */
let sandbox: Sandbox
const ids: Record<string, string> = {}

/** A CSV with rows the import rejects (a price in words, a weight that is a word, a duplicate SKU). */
const BAD_CSV = [
  'Codice;Descrizione;Famiglia;Prezzo;Da pezzi;Peso netto;Formato bottiglia',
  'VIN-1;Chianti Classico;Vino;9,80;12;0,75;0,75 L',
  'VIN-2;Vin Santo;Vino;nove euro;6;Bottiglia;0,375 L',
  'VIN-1;Doppione;Vino;9,80;12;1;0,75 L'
].join('\n')

async function waitForJobs(): Promise<void> {
  for (let i = 0; i < 300 && app.core.s.jobs.countActive() > 0; i++) await new Promise((r) => setTimeout(r, 100))
}

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
}, 120_000)

/** Fills the catalogue and brings about the states to walk: failures, refusals, an offline queue. */
async function setUp(): Promise<void> {
  const api = app.core.api()
  const s = app.core.s
  // Products ready to publish (pavilion-ready photos from the photos seam), one that is not.
  const photos = await makePhotos(join(app.dataDir, 'walk-photos'), 1)
  s.productMedia.provider = { mainImages: () => photos }
  sandbox = await startTestSandbox()
  await api.publish.updateSettings({ auditPollSeconds: 0.2, ratePerSecond: 50, maxFailures: 1, timeoutSeconds: 5, sandbox: { url: sandbox.url, chinese: true } })
  const c = sandbox.credentials()
  await api.publish.setCredentials({ target: 'sandbox', appKey: c.appKey, appSecret: c.appSecret, accessToken: c.accessToken, refreshToken: c.refreshToken })
  const cat = await api.catalog.createCategory({ name: { it: 'Vini rossi', en: 'Red wines', 'zh-CN': '红葡萄酒' }, pavilionCategoryId: '100008830' })
  ids.good = (await api.catalog.createProduct(wineCreate(1, { categoryId: cat.id }))).id
  ids.second = (await api.catalog.createProduct(wineCreate(2, { categoryId: cat.id }))).id
  ids.broken = (await api.catalog.createProduct(wineCreate(3, { categoryId: cat.id, sku: 'ROSE-2022', texts: { it: { title: 'Rosato di Toscana IGT' }, en: { title: 'Rosé di Toscana IGT' } } }))).id

  // A bag with a real variant matrix: two axes (colour × size), four variants, one without a price.
  const bags = await api.catalog.createCategory({ name: { it: 'Borse', en: 'Bags', 'zh-CN': '包袋' }, pavilionCategoryId: '152401' })
  ids.bag = (await api.catalog.createProduct(bagParent('TOTE-WALK', bags.id, { trade: { currency: 'USD', sellingUnit: 'piece', moq: 2, ladder: [{ minQty: 2, price: 150 }], leadTimes: [{ maxQty: null, days: 20 }] } }))).id
  for (const v of bagVariants('TOTE-WALK', ids.bag).filter((v) => v.axes?.colour !== 'bordeaux')) {
    await api.catalog.createProduct(v.sku === 'TOTE-WALK-COG-L' ? { ...v, trade: { stock: 4 } } : v)
  }

  // A rejected import (checked), and one that failed as a whole (all or nothing, rolled back).
  const bad = join(app.dataDir, 'listino-errori.csv')
  writeFileSync(bad, BAD_CSV)
  const columns = [
    { index: 0, header: 'Codice', target: 'sku' }, { index: 1, header: 'Descrizione', target: 'title/it' }, { index: 2, header: 'Famiglia', target: 'family' },
    { index: 3, header: 'Prezzo', target: 'trade/ladder/1/price' }, { index: 4, header: 'Da pezzi', target: 'trade/ladder/1/minQty' },
    { index: 5, header: 'Peso netto', target: 'logistics/netWeight' }, { index: 6, header: 'Formato bottiglia', target: 'attribute/bottle_volume' }
  ]
  await api.spreadsheet.dryRun({ file: { kind: 'path', path: bad }, columns, settings: { numberFormat: 'it' } })
  await api.spreadsheet.importFile({ file: { kind: 'path', path: bad }, columns, settings: { numberFormat: 'it' }, mode: 'all-or-nothing' })
  // A photo batch with a refused file.
  await api.photos.add({ sources: [{ kind: 'path', path: fixture('broken/corrupt-header.jpg') }] })
  await waitForJobs()

  // A failed publish: the sandbox answers every call with a provider error.
  await api.publish.refreshRules({})
  await waitForJobs()
  await setSandboxFaults({ errorRate: 1 })
  await api.publish.enqueue({ productIds: [ids.good] })
  await waitForJobs()
  await setSandboxFaults({ reset: true })

  // Offline: the probe fails, so a new publish waits in the queue for the connection.
  s.connectivity.setProbe({ target: 'https://open-api.alibaba.com', run: async () => false })
  await s.connectivity.check()
  await api.publish.enqueue({ productIds: [ids.second] })
}

afterAll(async () => {
  await browser?.close()
  await app?.stop()
  await sandbox?.close()
})

/** The sandbox's test controls (they need its control key). */
async function setSandboxFaults(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sandbox.controlToken}` }, body: JSON.stringify(body) })
  if (!res.ok) throw new Error(`sandbox faults: HTTP ${res.status}`)
}

interface Screen {
  name: string
  /** Hash route to open. */
  route: string
  /** What shows the screen is there. */
  ready: (page: Page) => Promise<unknown>
  /** Optional: bring the screen into a state (open a dialog, make an error), then check again. */
  act?: (page: Page) => Promise<void>
}

const FIXTURES = join(import.meta.dirname, '../fixtures')
const byTestId = (id: string) => (page: Page) => page.getByTestId(id).first().waitFor()

const SCREENS: Screen[] = [
  { name: 'start', route: 'start', ready: byTestId('start-page') },
  { name: 'catalogue', route: 'catalog', ready: byTestId('product-row') },
  {
    name: 'new product dialog', route: 'catalog', ready: byTestId('product-row'),
    act: async (page) => {
      await page.getByTestId('new-product').click()
      await page.getByRole('dialog').waitFor()
    }
  },
  { name: 'editor: general', route: `catalog/{good}/general`, ready: byTestId('editor-title') },
  { name: 'editor: attributes', route: `catalog/{good}/attributes`, ready: byTestId('editor-title') },
  {
    name: 'editor: trade with a price-tier error', route: `catalog/{good}/trade`, ready: byTestId('editor-title'),
    act: async (page) => {
      const qty = page.getByRole('textbox', { name: /\s2$/ }).first()
      await qty.fill('5')
      await qty.blur()
      await page.getByRole('alert').first().waitFor()
    }
  },
  { name: 'editor: logistics', route: `catalog/{good}/logistics`, ready: byTestId('editor-title') },
  { name: 'editor: variants', route: `catalog/{good}/variants`, ready: byTestId('editor-title') },
  { name: 'editor: variants of a bag (colour × size, four variants, a photo per colour missing)', route: `catalog/{bag}/variants`, ready: byTestId('variant-row') },
  { name: 'editor: photos', route: `catalog/{good}/photos`, ready: byTestId('editor-title') },
  { name: 'editor: history', route: `catalog/{good}/history`, ready: byTestId('history') },
  { name: 'import: start and recent imports', route: 'import', ready: byTestId('recent-import') },
  {
    name: 'import: a rejected import', route: 'import', ready: byTestId('recent-import'),
    act: async (page) => {
      await page.getByTestId('recent-import').last().getByRole('button').first().click()
      await page.getByTestId('report-row').first().waitFor()
    }
  },
  { name: 'photos', route: 'photos', ready: byTestId('photo-stats') },
  { name: 'translation workspace', route: 'translate', ready: byTestId('unit-editor') },
  {
    name: 'QA override asked before approving a translation with errors', route: 'translate', ready: byTestId('unit-editor'),
    act: async (page) => {
      // The English title "Rosé di Toscana IGT": an accented letter the pavilion refuses in English titles.
      await page.getByTestId('unit-row').filter({ hasText: 'ROSE-2022' }).filter({ hasText: 'Rosé' }).first().click()
      await page.getByTestId('approve').click()
      await page.getByTestId('confirm-dialog').waitFor()
    }
  },
  { name: 'translation exchange', route: 'translate/exchange', ready: (p) => p.locator('.page').first().waitFor() },
  {
    name: 'translation exchange: an XLIFF file that cannot be read', route: 'translate/exchange', ready: (p) => p.getByTestId('xliff-file').waitFor({ state: 'attached' }),
    act: async (page) => {
      await page.getByTestId('xliff-file').setInputFiles({ name: 'traduzioni-agenzia.xlf', mimeType: 'application/xml', buffer: Buffer.from('<?xml version="1.0"?>\n<xliff version="2.0" srcLang="it" trgLang="en"><file id="f1"><unit id="u1"><segment><source>Vino') })
      await page.getByTestId('toast').filter({ hasText: /XLIFF/ }).first().waitFor({ timeout: 20_000 })
    }
  },
  {
    name: 'translation exchange: an XLIFF from another tool that is refused', route: 'translate/exchange', ready: (p) => p.getByTestId('xliff-file').waitFor({ state: 'attached' }),
    act: async (page) => {
      // Made by locize (en-US → de-CH), with a unit id XLIFF 2.0 does not allow: refused, saying where
      // (it was "internal error" while sentences with a count were looked up without it).
      await page.getByTestId('xliff-file').setInputFiles({ name: 'example.xliff', mimeType: 'application/xml', buffer: readFileSync(join(FIXTURES, 'translation/xliff/locize/example.xliff')) })
      await page.getByTestId('toast').filter({ hasText: /XLIFF/ }).first().waitFor({ timeout: 20_000 })
    }
  },
  { name: 'glossary', route: 'translate/glossary', ready: (p) => p.locator('.page').first().waitFor() },
  { name: 'providers', route: 'translate/providers', ready: (p) => p.locator('.page').first().waitFor() },
  {
    name: 'publish overview and a toast', route: 'publish', ready: byTestId('readiness-chart'),
    act: async (page) => {
      await page.getByTestId('download-rules').click()
      await page.getByTestId('toast').first().waitFor()
    }
  },
  {
    name: 'publish queue with a failed listing and its history', route: 'publish/queue', ready: byTestId('listing-row'),
    act: async (page) => {
      const row = page.locator('[data-testid="listing-row"][data-state="failed"]').first()
      await row.waitFor()
      await row.getByRole('button').first().click().catch(() => undefined)
      await page.waitForTimeout(300)
    }
  },
  { name: 'publish settings', route: 'publish/settings', ready: (p) => p.locator('.page').first().waitFor() },
  { name: 'settings', route: 'settings', ready: (p) => p.locator('.page').first().waitFor() },
  {
    name: 'category browser with search results', route: 'settings', ready: byTestId('pavilion-link'),
    act: async (page) => {
      await page.getByTestId('pavilion-link').first().click()
      const dialog = page.getByTestId('category-browser')
      await dialog.waitFor()
      await dialog.getByTestId('pavilion-search').fill('wine')
      await dialog.getByTestId('pavilion-results').locator('li').first().waitFor({ timeout: 20_000 })
    }
  },
  {
    name: 'bulk edit of the selected products, checked before applying', route: 'catalog', ready: byTestId('product-row'),
    act: async (page) => {
      await page.getByTestId('select-loaded').check()
      await page.getByTestId('bulk-edit-open').click()
      const bulk = page.getByTestId('bulk-edit')
      await bulk.getByTestId('bulk-moq').fill('0')
      await bulk.getByTestId('bulk-lead-time').fill('15')
      // The check's outcome: the count line, or the refusal of an MOQ of 0 (either is read for leaks).
      await bulk.getByTestId('bulk-summary').locator('strong, [role=alert]').first().waitFor({ timeout: 20_000 })
    }
  },
  {
    name: 'jobs panel with failed jobs', route: 'catalog', ready: byTestId('product-row'),
    act: async (page) => {
      await page.getByTestId('jobs-button').click()
      await page.getByTestId('job').first().waitFor()
    }
  }
]

/** The empty catalogue, before anything is imported or published. */
const EMPTY_SCREENS: Screen[] = [
  { name: 'start (empty)', route: 'start', ready: byTestId('start-page') },
  {
    name: 'start (empty): the sample being made, then stopped from its card', route: 'start', ready: byTestId('start-demo'),
    act: async (page) => {
      await page.getByTestId('start-demo').click()
      await page.getByTestId('start-demo-progress').waitFor()
      const segs = await pageSegments(page, 'start (empty): the sample being made')
      const leaks = findLeaks(segs, (await page.evaluate(() => document.documentElement.lang)) as LeakLocale)
      expect(leaks.map((l) => `[${l.kind}] ${l.text} — ${l.where}`)).toEqual([])
      await page.getByTestId('start-demo-cancel').click()
      await page.getByTestId('start-demo-cancelled').waitFor({ timeout: 30_000 })
    }
  },
  { name: 'catalogue (empty)', route: 'catalog', ready: (p) => p.locator('.empty-state, [data-testid="empty-state"]').first().waitFor() },
  { name: 'photos (empty)', route: 'photos', ready: byTestId('photo-stats') },
  { name: 'translation (empty)', route: 'translate', ready: (p) => p.locator('.page').first().waitFor() },
  { name: 'publish (empty)', route: 'publish', ready: byTestId('readiness-chart') },
  { name: 'jobs panel (empty)', route: 'catalog', ready: (p) => p.locator('.page').first().waitFor(), act: async (page) => {
    await page.getByTestId('jobs-button').click()
    await page.getByTestId('jobs-drawer').waitFor()
  } }
]

/** A catalogue with a damaged page: the rescue screen and its confirmations are all there is. */
const RESCUE_SCREENS: Screen[] = [
  { name: 'rescue (damaged catalogue)', route: '', ready: byTestId('rescue-page') },
  {
    name: 'rescue: restore the newest verified backup, asked first', route: '', ready: byTestId('rescue-restore'),
    act: async (page) => {
      await page.getByTestId('rescue-restore').click()
      await page.getByTestId('confirm-dialog').waitFor()
    }
  },
  {
    name: 'rescue: recover what is readable, asked first', route: '', ready: byTestId('rescue-recover'),
    act: async (page) => {
      await page.getByTestId('rescue-recover').click()
      await page.getByTestId('confirm-dialog').waitFor()
    }
  }
]

async function walk(locale: LeakLocale, browserLocale: string, screens: Screen[], on: AppUnderTest = app): Promise<string[]> {
  const context = await newContext(browser, browserLocale)
  const { page, errors } = await openApp(context, on.host.ownerLink)
  const found: string[] = []
  const started = Date.now()
  let states = 0
  let texts = 0
  const check = async (label: string) => {
    const segs = await pageSegments(page, label)
    states++
    texts += segs.length
    if (process.env.LEAKS_DEBUG) console.log(`=== ${label}\n${segs.map((x) => `  ${x.where.split(' › ').pop()}: ${x.text.replace(/\s+/g, ' ').slice(0, 140)}`).join('\n')}`)
    for (const l of findLeaks(segs, locale)) found.push(`[${l.kind}] ${l.text} — ${l.where}`)
  }
  /** The options of the app's own selects are only in the page while open: open each, read, close. */
  const checkSelects = async (label: string) => {
    const triggers = page.locator('main button[role="combobox"]:not([disabled])')
    const n = Math.min(await triggers.count(), 8)
    for (let i = 0; i < n; i++) {
      const trigger = triggers.nth(i)
      if (!(await trigger.isVisible())) continue
      await trigger.click()
      const list = page.getByRole('listbox')
      if (await list.waitFor({ timeout: 1500 }).then(() => true, () => false)) await check(`${label} › options of select ${i + 1}`)
      await page.keyboard.press('Escape')
      await list.waitFor({ state: 'hidden', timeout: 1500 }).catch(() => undefined)
    }
  }
  for (const screen of screens) {
    const route = screen.route.replace(/\{(\w+)\}/g, (_, k: string) => ids[k])
    await page.evaluate((r) => { location.hash = `#/${r}` }, route)
    await screen.ready(page)
    await page.waitForTimeout(250)
    await check(screen.name)
    if (!screen.act) await checkSelects(screen.name)
    if (screen.act) {
      await screen.act(page)
      await check(`${screen.name} (after action)`)
      await page.keyboard.press('Escape')
    }
  }
  // The online indicator says the queue waits for the connection.
  if (on === app) await check('header: offline queue')
  expect(errors).toEqual([])
  await context.close()
  // The walk's size, so a walk that silently shrinks shows in the log (and cannot pass empty).
  console.log(`leak walk ${locale}: ${states} screens and states, ${texts} texts checked, ${((Date.now() - started) / 1000).toFixed(1)} s`)
  expect(states).toBeGreaterThanOrEqual(screens.length)
  expect(texts).toBeGreaterThan(states * 5)
  return found
}

describe('leak detector', () => {
  test('fails on a planted English sentence, key, placeholder, code, field path and capitalised language name — and passes Italian text', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await page.setContent(`<html lang="it"><body>
      <h1>Prodotti</h1><p>Nessun prodotto.</p>
      <p id="english">No products.</p>
      <button title="import:check.summary">Importa</button>
      <div role="status">Aggiunte {{count}} foto</div>
      <span>Avviso: near_duplicate</span>
      <div class="error">#3.minQty: deve essere almeno 1</div>
      <input placeholder="SKU, name or word, in any language (also 中文)">
      <span translate="no">olio_extra.csv</span>
      <p>L'italiano è la lingua di origine. Ora: Inglese, Cinese semplificato.</p>
      <label>Italiano › Inglese</label><label>Nome (inglese)</label>
    </body></html>`)
    const leaks = findLeaks(await pageSegments(page, 'planted'), 'it')
    const kinds = leaks.map((l) => `${l.kind}: ${l.text}`)
    expect(kinds).toEqual(expect.arrayContaining([
      'english: No products.', 'key: import:check.summary', 'placeholder: {{count}}', 'code: near_duplicate', 'path: #3.minQty', 'case: Inglese', 'case: Cinese'
    ]))
    // Language names as standalone labels keep their capital; only the mid-sentence ones are leaks.
    expect(leaks.filter((l) => l.kind === 'case')).toHaveLength(2)
    expect(leaks.some((l) => l.kind === 'english' && l.where.includes('placeholder'))).toBe(true)
    // Italian prose, a file name and data marked translate="no" are not leaks.
    expect(leaks.filter((l) => /Prodotti|Nessun prodotto|olio_extra/.test(l.text))).toEqual([])
    await expect(assertNoLeaks(page, 'it', 'planted')).rejects.toThrow(/leak\(s\) in it/)
    await page.setContent('<html lang="zh-CN"><body><p>没有产品。</p><p>Nessun prodotto.</p></body></html>')
    // In Chinese, an Italian sentence is the English catalogue's? No: only English ones count; this page is clean.
    await assertNoLeaks(page, 'zh-CN', 'clean')
    await context.close()
  })

  test('every screen and state in Italian and in Chinese shows no leaks', async () => {
    // First the empty catalogue (empty states say what to do next), then everything at once.
    const empty = [...await walk('it', 'it-IT', EMPTY_SCREENS), ...await walk('zh-CN', 'zh-CN', EMPTY_SCREENS)]
    await setUp()
    const it = await walk('it', 'it-IT', SCREENS)
    const zh = await walk('zh-CN', 'zh-CN', SCREENS)
    expect([...empty, ...it, ...zh]).toEqual([])
  }, 240_000)

  test('the rescue screen of a damaged catalogue, in Italian and in Chinese, shows no leaks', async () => {
    let damaged = await startApp()
    const api = damaged.core.api()
    for (let i = 0; i < 60; i++) {
      await api.catalog.createProduct({ sku: `VINO-${i}`, texts: { it: { title: `Vino rosso della casa numero ${i}`, description: `<p>${'Un vino morbido e profumato. '.repeat(6)}</p>` } } })
    }
    const { jobId } = await api.system.backup({})
    for (let i = 0; i < 300 && damaged.core.s.jobs.get(jobId)?.state !== 'done'; i++) await new Promise((r) => setTimeout(r, 100))
    await damaged.stop()
    damagePage(join(damaged.dataDir, 'catalog.sqlite'), 'product_texts', 1)
    damaged = await startApp(damaged.dataDir, { rescue: true })
    try {
      expect(damaged.core.health.state).toBe('damaged')
      const found = [...await walk('it', 'it-IT', RESCUE_SCREENS, damaged), ...await walk('zh-CN', 'zh-CN', RESCUE_SCREENS, damaged)]
      expect(found).toEqual([])
    } finally {
      await damaged.stop()
    }
  }, 120_000)
})
