// The translator's workspace in a real browser against the real core (browser mode): the owner
// creates a translator link; the translator opens it, filters, edits keyboard-first with a
// memory suggestion, sees the stale source diff after the owner changes the Italian, keeps the
// description's tags, is refused approval with a QA error unless overriding, and cannot reach the
// catalogue editor's write calls.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, newContext, openApp, startApp, type AppUnderTest } from './harness.ts'
import { choose, forbidNativeDialogs } from './ui.ts'

let app: AppUnderTest
let browser: Browser
let ids: { chianti: string; oil: string; oil2: string }

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
  const api = app.core.api()
  const chianti = await api.catalog.createProduct({
    sku: 'CHI-2021-075',
    texts: { it: { title: 'Chianti Classico DOCG 2021 0,75 L', description: '<p>Un <strong>Chianti Classico</strong> elegante.</p>' } }
  })
  const oil = await api.catalog.createProduct({ sku: 'EVO-050', texts: { it: { title: 'Olio extra vergine di oliva 0,5 L' } } })
  const oil2 = await api.catalog.createProduct({ sku: 'EVO-075', texts: { it: { title: 'Olio extra vergine di oliva 0,75 L' } } })
  await api.translation.saveUnit({ productId: oil.id, field: 'title', locale: 'en', text: 'Extra virgin olive oil 0.5 L', status: 'approved' })
  await api.translation.saveTerm({ sourceLang: 'it', targetLang: '*', kind: 'dnt', source: 'Chianti Classico' })
  ids = { chianti: chianti.id, oil: oil.id, oil2: oil2.id }
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('translation workspace in browser mode', () => {
  test('a translator translates keyboard-first, sees stale diffs and keeps markup', async () => {
    const owner = await openApp(await newContext(browser), app.host.ownerLink)
    await owner.page.goto(`${app.host.url}/#/translate/exchange`)
    await owner.page.getByLabel('Nome (es. l\'agenzia)').fill('Studio Li')
    await owner.page.getByTestId('make-link').click()
    const link = await owner.page.getByTestId('translator-link').first().textContent()
    expect(link).toMatch(/\?token=/)

    const { page, errors } = await openApp(await newContext(browser, 'zh-CN'), link as string)
    const nativeDialogs = forbidNativeDialogs(page)
    // The translator sees the translation section, not settings.
    await expect.poll(() => page.locator('.sidebar').textContent()).toContain('翻译')
    expect(await page.locator('.sidebar').textContent()).not.toContain('设置')
    await page.locator('.sidebar a', { hasText: '翻译' }).click()
    await choose(page, page.getByLabel('目标语言'), '英语')
    await choose(page, page.getByLabel('字段'), '标题')
    await expect.poll(() => page.getByTestId('unit-row').count()).toBe(3)

    // Open the second oil: the memory offers the numbers-only match with the number adapted.
    await page.getByTestId('unit-row').filter({ hasText: 'EVO-075' }).click()
    await expect.poll(() => page.getByTestId('source-text').textContent()).toContain('0,75 L')
    await expect.poll(() => page.getByTestId('suggestions').textContent()).toContain('Extra virgin olive oil 0.75 L')
    const target = page.getByTestId('target')
    await target.focus()
    await page.keyboard.press('Control+Alt+Digit1')
    await expect.poll(() => target.inputValue()).toBe('Extra virgin olive oil 0.75 L')
    await expect.poll(() => page.getByTestId('char-counter').textContent()).toBe('29 / 128')
    await page.keyboard.press('Control+Enter')
    await expect.poll(async () => (await app.core.api().translation.getUnit({ productId: ids.oil2, field: 'title', locale: 'en' })).status).toBe('translated')
    const history = await app.core.api().catalog.history({ id: ids.oil2 })
    expect(history.items.find((h) => h.path === 'texts.en.title')?.detail).toMatch(/Studio Li@127\.0\.0\.1/)

    // Chianti title: copy the source (Alt+C) keeps the do-not-translate name; an approval with a
    // number QA error is refused, then allowed with the explicit override.
    await page.getByTestId('unit-row').filter({ hasText: 'CHI-2021-075' }).click()
    await expect.poll(() => page.getByTestId('source-text').textContent()).toContain('DOCG 2021')
    await expect.poll(() => page.getByTestId('source-text').locator('mark.term-dnt').textContent()).toBe('Chianti Classico')
    await target.focus()
    await page.keyboard.press('Alt+KeyC')
    await expect.poll(() => target.inputValue()).toBe('Chianti Classico DOCG 2021 0,75 L')
    await target.fill('Chianti Classico DOCG 2020 red wine 0.75 L')
    // The app's own confirmation (never the browser's), in the translator's language.
    await page.getByTestId('approve').click()
    const ask = page.getByTestId('confirm-dialog')
    await ask.waitFor()
    expect(await ask.getByRole('heading').textContent()).toBe('仍然批准吗？')
    expect(await ask.textContent()).toContain('数字')
    await ask.getByTestId('confirm-cancel').click()
    await ask.waitFor({ state: 'hidden' })
    expect((await app.core.api().translation.getUnit({ productId: ids.chianti, field: 'title', locale: 'en' })).status).toBe('new')
    expect(await target.inputValue()).toBe('Chianti Classico DOCG 2020 red wine 0.75 L')
    await page.getByTestId('approve').click()
    await ask.getByTestId('confirm-ok').click()
    await expect.poll(async () => (await app.core.api().translation.getUnit({ productId: ids.chianti, field: 'title', locale: 'en' })).qaOverride).toMatch(/Studio Li/)

    // The owner changes the Italian: the unit turns stale and shows a word diff.
    await app.core.api().catalog.updateProduct({ id: ids.chianti, patch: { texts: { it: { title: 'Chianti Classico DOCG 2022 0,75 L' } } } })
    await page.getByTestId('filter-stale').check()
    await expect.poll(() => page.getByTestId('unit-row').count()).toBe(1)
    await page.getByTestId('unit-row').first().click()
    await expect.poll(() => page.getByTestId('source-diff').count()).toBe(1)
    await expect.poll(() => page.getByTestId('source-diff').locator('del').textContent()).toBe('2021')
    expect(await page.getByTestId('source-diff').locator('ins').textContent()).toBe('2022')
    await expect.poll(() => page.getByTestId('stale-badge').count()).toBe(1)
    await target.fill('Chianti Classico DOCG 2022 red wine 0.75 L')
    await page.keyboard.press('Control+Enter')
    await expect.poll(async () => (await app.core.api().translation.getUnit({ productId: ids.chianti, field: 'title', locale: 'en' })).stale).toBe(false)
    await page.getByTestId('filter-stale').uncheck()

    // The description's tags are protected: a broken tag is refused, the right ones saved as HTML.
    await choose(page, page.getByLabel('字段'), '描述')
    await choose(page, page.getByLabel('目标语言'), '简体中文')
    await expect.poll(() => page.getByTestId('unit-row').count()).toBe(1)
    await page.getByTestId('unit-row').first().click()
    await expect.poll(() => page.getByTestId('source-text').locator('.tag-chip').count()).toBe(4)
    await target.fill('<1>一款优雅的<2>经典基安蒂</1></2>')
    await expect.poll(() => page.getByTestId('unit-editor').getByRole('alert').count()).toBeGreaterThan(0)
    // In the translator's language (this page runs in Chinese).
    expect(await page.getByTestId('unit-editor').getByRole('alert').first().textContent()).toMatch(/^标签 \d/)
    await page.getByTestId('confirm').click()
    await expect.poll(() => page.locator('.toast.err').count()).toBeGreaterThan(0)
    await target.fill('<1>一款优雅的<2>Chianti Classico</2>。</1>')
    await page.getByTestId('confirm').click()
    await expect.poll(async () => (await app.core.api().catalog.getProduct({ id: ids.chianti })).texts['zh-CN']?.description)
      .toBe('<p>一款优雅的<strong>Chianti Classico</strong>。</p>')

    // The catalogue's write calls are closed to this role.
    const status = await page.evaluate(async (id) => (await fetch(`/api/call/catalog.updateProduct`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id, patch: { texts: { it: { title: 'x' } } } })
    })).status, ids.oil)
    expect(status).toBe(403)
    expect(errors).toEqual([])
    expect(owner.errors).toEqual([])
    expect(nativeDialogs).toEqual([])
  })
})
