// The sample catalogue: made through the core's own calls in a folder of its own, opened from the
// firm's catalogue by a job (the same reload as a restore), marked as a sample everywhere, ready to
// publish to the built-in sandbox, and left again with one call — the firm's catalogue untouched.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core.ts'
import type { Job } from '../../shared/contract/jobs.ts'
import { demoFolderOf, isDemoCatalogue } from '../../electron/core/platform/demo-folder.ts'
import { DEMO_PRODUCTS } from '../../electron/core/system/demo/catalogue.ts'
import { createDemoCatalogue } from '../../electron/core/system/demo/create.ts'
import { openTestCore, tempDir, type TestCore } from '../helpers/core.ts'

/** Resolves at the next `data.changed` of that entity (the switch's own announcement). */
function nextChange(core: Core, entity: string): Promise<void> {
  return new Promise((resolve) => {
    const off = core.events.subscribe((name, payload) => {
      if (name === 'data.changed' && (payload as { entity: string }).entity === entity) {
        off()
        resolve()
      }
    })
  })
}

/**
 * Starts a switching job and resolves with its last state, read from its events: once it is done the
 * core opens the other catalogue, whose job list does not hold it.
 */
async function switchJob(core: Core, start: () => Promise<{ jobId: string }>): Promise<Job> {
  let id: string | null = null
  const seen: Job[] = []
  let check = () => {}
  const ended = new Promise<Job>((resolve) => {
    const off = core.events.subscribe((name, payload) => {
      if (name !== 'job.progress') return
      seen.push(payload as Job)
      check()
    })
    check = () => {
      const last = seen.find((j) => j.id === id && ['done', 'failed', 'cancelled'].includes(j.state))
      if (last) {
        off()
        resolve(last)
      }
    }
  })
  id = (await start()).jobId
  check()
  return ended
}

let tc: TestCore
let home: string
let switched: { ms: number; result: Record<string, unknown> }

beforeAll(async () => {
  home = tempDir('vetrina-home-')
  tc = openTestCore({ dataDir: home })
  // The firm's catalogue has one product of its own, which must come back untouched.
  await tc.api.catalog.createProduct({ sku: 'MIO-001', texts: { it: { title: 'Prodotto della mia azienda' } } })
  const started = Date.now()
  const entered = nextChange(tc.core, 'catalogue')
  const job = await switchJob(tc.core, () => tc.api.system.openDemo({}))
  expect(job.state, JSON.stringify(job.error)).toBe('done')
  await entered
  switched = { ms: Date.now() - started, result: job.result as Record<string, unknown> }
}, 240_000)

afterAll(async () => {
  await tc?.close()
})

describe('the sample catalogue', () => {
  it('is opened in its own folder, marked as a sample, from the firm\'s catalogue', async () => {
    console.log(`sample catalogue made and opened in ${switched.ms} ms`, switched.result)
    const dir = demoFolderOf(home)
    expect(isDemoCatalogue(dir)).toBe(true)
    expect(tc.core.s.paths.dataDir).toBe(dir)
    const info = await tc.api.system.info({})
    expect(info).toMatchObject({ dataDir: dir, catalogue: { demo: true, canGoBack: true, demoReady: true } })
    // No building folder left beside it.
    expect(readdirSync(home).filter((n) => n.includes('.building-'))).toEqual([])
  })

  it('holds about 30 products of three trades, with photos, categories linked to pavilion leaves and rules', async () => {
    const api = tc.api
    const list = await api.catalog.listProducts({ limit: 100 })
    expect(list.total).toBe(DEMO_PRODUCTS.length)
    expect(list.total).toBeGreaterThanOrEqual(25)
    const families = new Map((await api.catalog.listFamilies({})).items.map((f) => [f.id, f.code]))
    const byFamily: Record<string, number> = {}
    for (const item of list.items) {
      const p = await api.catalog.getProduct({ id: item.id })
      const code = families.get(p.familyId ?? '') ?? 'none'
      byFamily[code] = (byFamily[code] ?? 0) + 1
      expect(p.trade.ladder!.length).toBeGreaterThanOrEqual(2)
      expect(p.trade.ladder![0].minQty).toBe(p.trade.moq)
      expect(p.trade.leadTimes!.length).toBeGreaterThanOrEqual(1)
      expect(p.logistics.grossWeight?.value).toBeGreaterThan(0)
      expect(p.attributes.brand_name).toBeTruthy()
    }
    expect(byFamily).toEqual({ wine: 10, olive_oil: 5, leather: 9, ceramics: 7 })
    // Every product has its photo as a main image, and no photo has a quality warning.
    const thumbs = await api.photos.primaryThumbs({ productIds: list.items.map((i) => i.id) })
    expect(thumbs.items.filter((t) => t.thumb !== null && t.photos >= 1)).toHaveLength(list.total)
    const photos = await api.photos.list({ limit: 200 })
    expect(photos.total).toBe(DEMO_PRODUCTS.reduce((n, p) => n + p.pictures.length, 0))
    for (const ph of photos.items) {
      expect(Math.min(ph.width, ph.height), ph.name).toBeGreaterThanOrEqual(1000)
      expect(ph.warnings.map((w) => w.code), ph.name).toEqual([])
    }
    // The real shop photo shipped with the app (resources/demo/photos) is there as it was taken.
    expect(photos.items.find((ph) => ph.name.endsWith('bor-mes-gri.jpg'))).toMatchObject({ width: 1080, height: 1340 })
    const categories = (await api.catalog.listCategories({})).items.filter((c) => c.productCount > 0)
    expect(categories.length).toBe(8)
    expect(categories.every((c) => c.pavilionCategoryId !== null)).toBe(true)
  })

  it('has English for every product and Chinese for most, some approved, some to review, some missing', async () => {
    const stats = await tc.api.translation.stats({})
    const byLocale = Object.fromEntries(stats.locales.map((l) => [l.locale, l.byStatus as Record<string, number>]))
    const units = DEMO_PRODUCTS.length * 3 // title, description, keywords
    const withoutZh = DEMO_PRODUCTS.filter((p) => !p.zh).length
    expect(byLocale.en.new ?? 0).toBe(0)
    expect((byLocale.en.approved ?? 0) + (byLocale.en.translated ?? 0)).toBe(units)
    expect(byLocale['zh-CN'].new).toBe(withoutZh * 3)
    expect(withoutZh).toBeGreaterThan(0)
    expect(withoutZh).toBeLessThan(DEMO_PRODUCTS.length / 2)
    expect(byLocale['zh-CN'].approved).toBeGreaterThan(0)
    expect(byLocale['zh-CN'].translated).toBeGreaterThan(0)
    expect(stats.locales.every((l) => l.qaErrors === 0)).toBe(true)
  })

  it('is ready to publish to the built-in sandbox: every listing whose text is there, nothing else missing', async () => {
    const api = tc.api
    expect(await api.publish.getSettings({})).toMatchObject({ target: 'sandbox', eurToUsd: 1.08 })
    const readiness = await api.publish.readiness({ onlyProblems: false, limit: 1000 })
    const skus = new Map((await api.catalog.listProducts({ limit: 100 })).items.map((i) => [i.id, i.sku]))
    for (const item of readiness.items) {
      const demo = DEMO_PRODUCTS.find((p) => p.sku === skus.get(item.productId))!
      const blocking = item.problems.filter((p) => p.severity !== 'warning')
      if (item.language === 'en' || demo.zh) expect(blocking, `${demo.sku} ${item.language}`).toEqual([])
      else expect(blocking.map((p) => p.code).sort(), demo.sku).toEqual(['description_missing', 'keywords_missing', 'title_missing'])
      expect(item.problems.filter((p) => p.severity === 'warning'), `${demo.sku} ${item.language}`).toEqual([])
    }
    // The sample never goes to the real Alibaba.com.
    await expect(api.publish.updateSettings({ target: 'alibaba' })).rejects.toMatchObject({ code: 'publish_demo_sandbox_only' })
  })

  it('goes back to the firm\'s catalogue, untouched, and opens the sample again without making it twice', async () => {
    const left = nextChange(tc.core, 'catalogue')
    const back = await switchJob(tc.core, () => tc.api.system.closeDemo({}))
    expect(back.state).toBe('done')
    await left
    expect(tc.core.s.paths.dataDir).toBe(home)
    expect(await tc.api.system.info({})).toMatchObject({ catalogue: { demo: false, canGoBack: false, demoReady: true } })
    const mine = await tc.api.catalog.listProducts({ limit: 10 })
    expect(mine.items.map((i) => i.sku)).toEqual(['MIO-001'])
    await expect(tc.api.system.closeDemo({})).rejects.toMatchObject({ code: 'demo_no_way_back' })

    const started = Date.now()
    const again = nextChange(tc.core, 'catalogue')
    const job = await switchJob(tc.core, () => tc.api.system.openDemo({}))
    await again
    expect(job.result).toMatchObject({ created: false })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect((await tc.api.catalog.listProducts({ limit: 1 })).total).toBe(DEMO_PRODUCTS.length)
    await expect(tc.api.system.openDemo({})).rejects.toMatchObject({ code: 'demo_already_open' })
  })
})

describe('making a sample catalogue', () => {
  it('never touches a folder that holds something else', async () => {
    const busy = tempDir('vetrina-busy-')
    mkdirSync(join(busy, 'media'))
    writeFileSync(join(busy, 'catalog.sqlite'), 'not empty')
    await expect(createDemoCatalogue(busy)).rejects.toMatchObject({ code: 'demo_folder_in_use' })
    expect(existsSync(join(busy, 'vetrina-demo.json'))).toBe(false)
  })
})
