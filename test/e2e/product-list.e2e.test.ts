// A big catalogue stays light in the browser: only the visible rows are in the DOM, scrolling
// fetches further pages, and search narrows the list.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { rng, sampleProduct } from '../bench/sample-catalog.ts'
import { launchBrowser, newContext, openApp, startApp, type AppUnderTest } from './harness.ts'

const N = 5000
let app: AppUnderTest
let browser: Browser

beforeAll(async () => {
  app = await startApp()
  const random = rng(7)
  const s = app.core.s
  s.db.transaction(() => {
    for (let i = 0; i < N; i++) s.products.create(sampleProduct(i, random) as never, { source: 'import', emit: false })
  })()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('product list', () => {
  test('virtualized: few DOM rows for thousands of products; scrolling loads more', async () => {
    const context = await newContext(browser, 'en-GB')
    const { page, errors } = await openApp(context, app.host.ownerLink)
    await expect.poll(() => page.getByTestId('product-total').textContent()).toContain('5,000')
    const rows = page.getByTestId('product-row')
    await expect.poll(() => rows.count()).toBeGreaterThan(10)
    expect(await rows.count()).toBeLessThan(60)

    const list = page.getByTestId('product-list')
    const calls: string[] = []
    page.on('request', (r) => { if (r.url().includes('catalog.listProducts')) calls.push(r.postData() ?? '') })
    for (let i = 0; i < 12; i++) {
      await list.evaluate((el) => el.scrollBy(0, 4000))
      await page.waitForTimeout(60)
    }
    await expect.poll(() => calls.some((c) => c.includes('"cursor":"')), { timeout: 5000 }).toBe(true)
    expect(await rows.count()).toBeLessThan(60)
    const lastSku = await rows.last().locator('.sku').textContent()
    expect(lastSku).toMatch(/-\d{6}$/)

    await page.getByRole('searchbox').fill('马约利卡')
    await expect.poll(async () => {
      const texts = await rows.allTextContents()
      return texts.length > 0 && texts.every((t) => t.startsWith('CER-'))
    }).toBe(true)
    expect(Number((await page.getByTestId('product-total').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(100)
    expect(errors).toEqual([])
    await context.close()
  })
})
