// The readiness gate: per product × language, problems in plain words pointing at the field to
// fix; warnings and pending checks do not block; a summary for the chart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../electron/sandbox/server.ts'
import type { ListingImage } from '../../electron/core/platform/product-media.ts'
import { translator } from '../../shared/messages/translator.ts'
import { problemText } from '../../shared/messages/publish.ts'
import { readinessStateOf } from '../../shared/domain/publish.ts'
import { WINE_CATEGORY, linkedCategory, makePhotos, openPublishCore, startTestSandbox, tempDir, waitFor, wineCreate, type TestCore } from './helpers.ts'

let sb: Sandbox
let tc: TestCore
let categoryId: string
let photos: ListingImage[]

beforeAll(async () => {
  sb = await startTestSandbox()
  photos = await makePhotos(tempDir('ready'), 8)
  tc = await openPublishCore(sb, { chinese: true, defaultPhotos: photos.slice(0, 2) })
  categoryId = await linkedCategory(tc.core, WINE_CATEGORY)
})
afterAll(async () => {
  await tc.close()
  await sb.close()
})

async function readiness(over: NonNullable<Parameters<typeof wineCreate>[1]>, images?: ListingImage[]) {
  const api = tc.core.api()
  const base = wineCreate(Math.floor(Math.random() * 90000), { categoryId })
  const merge = (a: object | undefined, b: object | undefined) => Object.fromEntries(Object.entries({ ...a, ...b }).filter(([, v]) => v !== null))
  const p = await api.catalog.createProduct({
    ...base, ...over,
    texts: merge(base.texts, over.texts) as never, trade: merge(base.trade, over.trade) as never, attributes: merge(base.attributes, over.attributes) as never
  })
  if (images) tc.photos.set(p.id, images)
  const r = await api.publish.readiness({ productIds: [p.id] })
  const en = r.items.find((i) => i.language === 'en')!
  const zh = r.items.find((i) => i.language === 'zh-CN')!
  const codes = (x: typeof en) => x.problems.map((q) => q.code)
  return { en, zh, codes, r }
}

describe('readiness gate', () => {
  it('reports that the category rules are still to be downloaded without blocking', async () => {
    const { en } = await readiness({})
    expect(en.ready).toBe(true)
    expect(en.problems).toEqual([expect.objectContaining({ code: 'rules_not_downloaded', severity: 'pending', field: 'categoryId' })])
    // Sendable, but what it shows beside its "to check" problem is "to check", never "ready".
    expect(readinessStateOf(en.problems)).toBe('unverified')
    // The summary counts as "not fully checked" only what could go: a blocked listing is "to fix".
    const blocked = await readiness({ texts: { en: { title: 'Rosé di Toscana', keywords: ['rose'], description: '<p>x</p>' } } })
    expect(readinessStateOf(blocked.en.problems)).toBe('blocked')
    const r = await tc.core.api().publish.readiness({ productIds: [en.productId, blocked.en.productId] })
    const states = r.items.map((i) => readinessStateOf(i.problems))
    expect(states).toContain('blocked')
    expect(r.summary.pending).toBe(states.filter((st) => st === 'unverified').length)
    expect(r.summary.ready - r.summary.pending).toBe(states.filter((st) => st === 'ready').length)
    expect(r.summary.blocked).toBe(states.filter((st) => st === 'blocked').length)
  })

  it('checks against the downloaded category rules, in plain words, with the field to fix', async () => {
    const { jobId } = await tc.core.api().publish.refreshRules({})
    await waitFor('rules', async () => (await tc.core.api().jobs.get({ id: jobId })).state === 'done')
    // The tree comes by its own job, started with the rules download.
    await waitFor('the category tree', async () => (await tc.core.api().publish.categories({})).items.some((c) => c.id === '152401'))
    const tree = (await tc.core.api().publish.categories({})).items
    expect(tree.find((c) => c.id === WINE_CATEGORY)).toMatchObject({ name: 'Wine', cnName: '葡萄酒', parentId: '200', leaf: true, level: 3 })
    expect(tree.find((c) => c.id === '152401')).toMatchObject({ name: 'Handbags', leaf: true })
    const ok = await readiness({})
    expect(ok.en.problems).toEqual([])
    expect(ok.en.ready && ok.zh.ready).toBe(true)
    expect(readinessStateOf(ok.en.problems)).toBe('ready')

    const long = await readiness({ texts: { en: { title: 'Chianti Classico '.repeat(9), keywords: ['chianti, classico'], description: '<p>x</p>' } } })
    expect(long.en.ready).toBe(false)
    expect(readinessStateOf(long.en.problems)).toBe('blocked')
    expect(long.codes(long.en)).toEqual(expect.arrayContaining(['title_too_long', 'keyword_characters']))
    const tooLong = long.en.problems.find((p) => p.code === 'title_too_long')!
    expect(tooLong).toMatchObject({ field: 'texts.en.title', params: { max: 128 } })
    expect(tooLong.message).toMatch(/at most 128 are allowed/)

    const accents = await readiness({ texts: { en: { title: 'Rosé di Toscana — Vino', keywords: ['rose'], description: '<p>x</p>' } } })
    expect(accents.en.problems.find((p) => p.code === 'title_characters')!.message).toMatch(/remove: é —/)

    const euro = await readiness({ trade: { currency: 'EUR' } })
    expect(euro.codes(euro.en)).toEqual(['currency_rate_missing'])
    await tc.core.api().publish.updateSettings({ eurToUsd: 1.08 })
    expect((await readiness({ trade: { currency: 'EUR' } })).en.ready).toBe(true)

    const noType = await readiness({ attributes: { wine_type: null } })
    expect(noType.en.problems).toEqual([expect.objectContaining({ code: 'attribute_required', field: 'attributes.wine_type', message: 'The pavilion requires "Wine Type" for this category.' })])

    const moq = await readiness({ trade: { moq: 6, ladder: [{ minQty: 6, price: 9 }] } })
    expect(moq.en.problems).toEqual([expect.objectContaining({ code: 'moq_below_minimum', field: 'trade.moq' })])

    const noZh = await readiness({ texts: { 'zh-CN': null as never } })
    expect(noZh.en.ready).toBe(true)
    expect(noZh.codes(noZh.zh)).toEqual(expect.arrayContaining(['title_missing', 'keywords_missing', 'description_missing']))
    expect(noZh.zh.problems.find((p) => p.code === 'title_missing')!.field).toBe('texts.zh-CN.title')
  })

  it('photos: none blocks, more than six warns, over 5 MB blocks, quality warnings pass through', async () => {
    expect((await readiness({}, [])).codes((await readiness({}, [])).en)).toContain('images_missing')
    const many = await readiness({}, photos)
    expect(many.en.ready).toBe(true)
    expect(many.en.problems).toEqual([expect.objectContaining({ code: 'images_too_many', severity: 'warning' })])
    // Advice does not take "ready" away.
    expect(readinessStateOf(many.en.problems)).toBe('ready')
    const big = await readiness({}, [{ ...photos[0], bytes: 6 * 1024 * 1024, warnings: ['too_small'] }])
    expect(big.codes(big.en)).toEqual(['image_too_large', 'image_quality'])
    expect(big.en.ready).toBe(false)
    // The warning is said in the photos area's own sentence, with its numbers — never as its code.
    const t = translator('it')
    const soft = await readiness({}, [{ ...photos[0], warnings: ['too_small', 'blurry'], warningParams: { too_small: { width: 700, height: 525, needed: 1000 }, blurry: { sharpness: 2.4 } } }])
    const shown = soft.en.problems.map((p) => problemText(p, t))
    expect(shown[0]).toBe(`Foto 1: ${t('photos:warning.too_small.long', { width: 700, height: 525, needed: 1000 })}`)
    expect(shown[0]).toContain('700×525')
    expect(shown[1]).toContain('2,4')
    expect(shown.join(' ')).not.toMatch(/too_small|blurry|\{\{/)
  })

  it('a product in a category not linked to Alibaba.com, and a variant, are blocked with a reason', async () => {
    const api = tc.core.api()
    const free = await api.catalog.createCategory({ name: { it: 'Varie' } })
    const r = await readiness({ categoryId: free.id })
    expect(r.en.problems).toEqual([expect.objectContaining({ code: 'category_not_mapped', field: 'categoryId' })])
    const summary = (await api.publish.readiness({ onlyProblems: true })).summary
    expect(summary.blocked).toBeGreaterThan(0)
    expect(summary.byProblem.category_not_mapped).toBeGreaterThanOrEqual(2)
  })
})
