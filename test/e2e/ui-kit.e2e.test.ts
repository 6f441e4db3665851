// The design system in a real browser: the fonts shipped with the app really draw the text
// (Latin in Noto Sans, Chinese in Noto Sans SC, never the other way round), and at 1024×700 the
// jobs drawer leaves the product editor's actions and the product list visible and clickable,
// with the editor's header and tabs staying in view while the form scrolls.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchBrowser, newContext, openApp, startApp, type AppUnderTest } from './harness.ts'
import { forbidNativeDialogs, valueOf } from './ui.ts'

let app: AppUnderTest
let browser: Browser
let productId: string

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
  const api = app.core.api()
  const p = await api.catalog.createProduct({
    sku: 'CHI-2021-075',
    texts: { it: { title: 'Chianti Classico DOCG 2021 0,75 L', shortDescription: 'Perché è così: più qualità, più novità.' }, 'zh-CN': { title: '经典基安蒂红葡萄酒 2021' } }
  })
  productId = p.id
  for (let i = 0; i < 30; i++) await api.catalog.createProduct({ sku: `EVO-${String(i).padStart(3, '0')}`, texts: { it: { title: `Olio extravergine di oliva ${i}` } } })
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

/** The fonts Chromium really used for the text directly inside the element (DevTools protocol). */
async function usedFonts(page: Page, selector: string): Promise<Array<{ familyName: string; isCustomFont: boolean; glyphCount: number }>> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
    if (!nodeId) throw new Error(`no element ${selector}`)
    return (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts
  } finally {
    await cdp.detach()
  }
}

const LATIN_FACE = /^Noto Sans( (Regular|SemiBold|Bold))?$/
// The SC files name their face after the variable font's instance ("Noto Sans SC Thin" for 400).
const CHINESE_FACE = /^Noto Sans SC( \w+)?$/

async function box(l: Locator) {
  const b = await l.boundingBox()
  if (!b) throw new Error('not visible')
  return b
}

/** The element under the centre of `l` is `l` itself (or inside it): nothing covers it. */
async function reachable(l: Locator): Promise<boolean> {
  return l.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return !!hit && (hit === el || el.contains(hit))
  })
}

describe('design system', () => {
  test('Latin text is drawn in the shipped Noto Sans, Chinese in Noto Sans SC', async () => {
    const context = await newContext(browser)
    const { page, errors } = await openApp(context, `${app.host.ownerLink}#/catalog/${productId}`)
    await page.getByTestId('editor-title').waitFor()
    await page.evaluate(() => document.fonts.ready)

    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"?Noto Sans"?, "?Noto Sans SC"?/)
    expect(await page.evaluate(() => document.fonts.check('14px "Noto Sans"', 'Perché è così'))).toBe(true)

    // Italian with accents (latin-ext included): every glyph from the bundled Noto Sans.
    for (const selector of ['[data-testid="editor-title"] .sku', 'nav.sidebar a.active .nav-label', '.editor-head [role="tab"][aria-selected="true"]']) {
      const fonts = await usedFonts(page, selector)
      expect(fonts.length, selector).toBeGreaterThan(0)
      // The face's own name carries the weight ("Noto Sans SemiBold"); never the SC face, never a system font.
      for (const f of fonts) expect(`${f.familyName}${f.isCustomFont ? '' : ' (system)'}`, selector).toMatch(LATIN_FACE)
    }
    await page.getByLabel('Descrizione breve').focus()
    expect(await page.getByLabel('Descrizione breve').inputValue()).toContain('Perché è così')

    // Chinese: the Han characters come from Noto Sans SC, the digits from Noto Sans.
    await page.getByRole('tab', { name: /^Cinese/ }).click()
    await page.getByLabel(/Nome \(cinese/).waitFor()
    await page.evaluate(() => {
      const probe = document.createElement('div')
      probe.id = 'font-probe'
      probe.textContent = '经典基安蒂红葡萄酒 2021'
      document.querySelector('.page')!.append(probe)
    })
    await page.evaluate(() => document.fonts.ready)
    const zh = await usedFonts(page, '#font-probe')
    expect(zh.every((f) => f.isCustomFont)).toBe(true)
    expect(zh.filter((f) => CHINESE_FACE.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0)).toBe(9)
    expect(zh.filter((f) => LATIN_FACE.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0)).toBeGreaterThanOrEqual(4)
    expect(zh.every((f) => LATIN_FACE.test(f.familyName) || CHINESE_FACE.test(f.familyName))).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  test('at 1024×700 the jobs drawer never covers the editor’s actions or the list; header and tabs stay in view', async () => {
    const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1024, height: 700 } })
    const { page, errors } = await openApp(context, `${app.host.ownerLink}#/catalog/${productId}/general`)
    await page.getByTestId('editor-title').waitFor()
    await page.getByTestId('jobs-button').click()
    const drawer = page.getByTestId('jobs-drawer')
    await drawer.waitFor()
    const d = await box(drawer)
    expect(d.width).toBeLessThanOrEqual(360)

    // Every action of the editor's header is inside the viewport, left of the drawer, and on top.
    for (const action of [page.getByTestId('editor-undo'), page.getByTestId('editor-delete'), page.getByRole('tab', { name: 'Condizioni commerciali' }), page.getByRole('button', { name: 'Indietro' })]) {
      const b = await box(action)
      expect(b.x + b.width).toBeLessThanOrEqual(d.x)
      expect(b.y + b.height).toBeLessThanOrEqual(700)
      expect(await reachable(action)).toBe(true)
    }
    // The header and the tabs stay in view while the form scrolls under them.
    await page.getByTestId('product-editor').evaluate((el) => el.scrollBy(0, 5000))
    await expect.poll(() => page.getByTestId('product-editor').evaluate((el) => el.scrollTop)).toBeGreaterThan(100)
    expect(await reachable(page.getByTestId('editor-undo'))).toBe(true)
    expect(await reachable(page.getByRole('tab', { name: 'Condizioni commerciali' }))).toBe(true)
    // A click goes through with the drawer open.
    await page.getByRole('tab', { name: 'Condizioni commerciali' }).click()
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/catalog/${productId}/trade`)

    // The list beside the open drawer: rows visible, not covered, and they open.
    await page.getByRole('button', { name: 'Indietro' }).click()
    const row = page.getByTestId('product-row').first()
    await row.waitFor()
    const r = await box(row)
    expect(r.x + r.width).toBeLessThanOrEqual(d.x + 1)
    expect(await reachable(row.locator('.title'))).toBe(true)
    expect(await reachable(page.getByRole('button', { name: 'Nuovo prodotto' }))).toBe(true)
    await row.click()
    await page.getByTestId('editor-title').waitFor()
    await expect.poll(() => drawer.isVisible()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  test('file picker: our own label in the UI language, never the browser\'s, and the whole file name', async () => {
    const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1024, height: 700 } })
    const { page, errors } = await openApp(context, `${app.host.ownerLink}#/import`)
    const picker = page.getByRole('button', { name: 'Scegli il file…' })
    await picker.waitFor()
    expect(await page.getByTestId('import-file').isVisible()).toBe(false)
    expect(await page.getByTestId('import-file-name').textContent()).toBe('Nessun file scelto')
    const text = await page.locator('body').innerText()
    for (const english of ['Choose File', 'No file chosen', 'Choose Files']) expect(text).not.toContain(english)

    const name = 'Listino prezzi Fattoria di Montalbano vendemmia 2024 definitivo.csv'
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from('Codice;Descrizione\nCHI-1;Chianti\n') })
    await page.getByTestId('mapping').waitFor()
    await page.getByRole('button', { name: 'Indietro' }).click()
    const shown = page.getByTestId('import-file-name')
    await shown.waitFor()
    // The whole name is there (text and tooltip); if it must be shortened, the middle goes and the end stays.
    expect(await shown.textContent()).toBe(name)
    expect(await shown.locator('[title]').getAttribute('title')).toBe(name)
    const head = await box(shown.locator('.head'))
    const tail = await box(shown.locator('.tail'))
    expect(head.width).toBeGreaterThan(150)
    expect(await shown.locator('.tail').textContent()).toMatch(/\.csv$/)
    expect(tail.x + tail.width).toBeLessThanOrEqual(1024)
    expect(tail.x).toBeGreaterThanOrEqual(head.x + head.width - 1)
    expect(errors).toEqual([])
    await context.close()
  })

  test('confirmation in the app\'s dialog: Esc cancels and gives the focus back, the danger button deletes; never the browser\'s box', async () => {
    const api = app.core.api()
    const doomed = await api.catalog.createProduct({ sku: 'DEL-001', texts: { it: { title: 'Da eliminare' } } })
    const context = await newContext(browser)
    const { page, errors } = await openApp(context, `${app.host.ownerLink}#/catalog/${doomed.id}`)
    const native = forbidNativeDialogs(page)
    const del = page.getByTestId('editor-delete')
    await del.focus()
    await page.keyboard.press('Enter')
    const ask = page.getByTestId('confirm-dialog')
    await ask.waitFor()
    expect(await ask.getByRole('heading').textContent()).toBe('Eliminare DEL-001?')
    // Dangerous: the focus starts on Cancel, so Enter alone does not delete.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-cancel')
    await page.keyboard.press('Escape')
    await ask.waitFor({ state: 'hidden' })
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('editor-delete')
    expect((await api.catalog.getProduct({ id: doomed.id })).sku).toBe('DEL-001')

    await del.click()
    await ask.getByRole('button', { name: 'Elimina' }).click()
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/catalog')
    await expect(api.catalog.getProduct({ id: doomed.id })).rejects.toMatchObject({ code: 'not_found' })
    await page.getByTestId('toast').getByText('DEL-001 eliminato.').waitFor()
    expect(native).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  test('select and combobox from the keyboard: arrows, type-ahead, Enter, Esc', async () => {
    const api = app.core.api()
    const wines = await api.catalog.createCategory({ name: { it: 'Vini rossi' } })
    await api.catalog.createCategory({ name: { it: 'Olio extravergine' } })
    await api.catalog.createCategory({ name: { it: 'Ceramiche di Deruta' } })
    const context = await newContext(browser)
    const { page, errors } = await openApp(context, `${app.host.ownerLink}#/catalog/${productId}/general`)
    // Select (status): opens with Enter, arrows move, Enter picks; the value is saved.
    const status = page.getByLabel('Stato', { exact: true })
    const highlighted = () => page.locator('[role="option"][data-highlighted]').textContent()
    await status.focus()
    await page.keyboard.press('Enter')
    await expect.poll(highlighted).toBe('Bozza')
    await page.keyboard.press('ArrowDown')
    await expect.poll(highlighted).toBe('Pronto')
    await page.keyboard.press('Enter')
    await expect.poll(() => valueOf(status)).toBe('ready')
    await expect.poll(async () => (await api.catalog.getProduct({ id: productId })).status).toBe('ready')
    // Esc closes without changing.
    await status.focus()
    await page.keyboard.press('Enter')
    await expect.poll(highlighted).toBe('Pronto')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Escape')
    await page.getByRole('listbox').waitFor({ state: 'hidden' })
    expect(await valueOf(status)).toBe('ready')

    // Combobox (category): typing filters (accents and case ignored), Enter picks the highlighted one.
    const category = page.getByLabel('Categoria', { exact: true })
    await category.click()
    await page.keyboard.type('deruta')
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(['Ceramiche di Deruta'])
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => category.inputValue()).toBe('Ceramiche di Deruta')
    // Esc while typing puts back the chosen one.
    await category.click()
    await page.keyboard.type('vini')
    await page.keyboard.press('Escape')
    await expect.poll(() => category.inputValue()).toBe('Ceramiche di Deruta')
    // Arrow keys walk the list and Enter picks.
    await category.fill('')
    await page.keyboard.type('rossi')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await api.catalog.getProduct({ id: productId })).categoryId).toBe(wines.id)
    expect(await page.getByRole('combobox', { name: 'Categoria' }).getAttribute('aria-expanded')).toBe('false')
    expect(errors).toEqual([])
    await context.close()
  })
})
