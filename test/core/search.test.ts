// Search in any language (including 1–2 character Chinese words), filters, sort and keyset paging.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openTestCore, type TestCore } from '../helpers/core.ts'

let t: TestCore
const sku = async (query: string, extra: Record<string, unknown> = {}) =>
  (await t.api.catalog.listProducts({ query, sort: 'sku', direction: 'asc', ...extra })).items.map((i) => i.sku)

beforeAll(async () => {
  t = openTestCore()
  const wines = await t.api.catalog.createCategory({ name: { it: 'Vini' } })
  const reds = await t.api.catalog.createCategory({ parentId: wines.id, name: { it: 'Rossi' } })
  const oils = await t.api.catalog.createCategory({ name: { it: 'Oli' } })
  await t.api.catalog.createProduct({
    sku: 'CHI-2021', categoryId: reds.id, status: 'ready',
    texts: { it: { title: 'Chianti Classico DOCG 2021', keywords: ['vino rosso toscano'] }, en: { title: 'Chianti Classico Red Wine' }, 'zh-CN': { title: '经典基安蒂红葡萄酒' } }
  })
  await t.api.catalog.createProduct({
    sku: 'EVO-500', categoryId: oils.id,
    texts: { it: { title: 'Olio extravergine di oliva Toscano IGP 0,5 L', description: '<p>Raccolta <b>precoce</b>, frantoio a freddo</p>' }, en: { title: 'Tuscan PGI extra virgin olive oil' }, 'zh-CN': { title: '托斯卡纳特级初榨橄榄油' } }
  })
  await t.api.catalog.createProduct({ sku: 'DER-PLATE-28', texts: { it: { title: 'Piatto in maiolica di Deruta, dipinto a mano' }, 'zh-CN': { title: '德鲁塔手绘马约利卡陶瓷盘' } } })
  await t.api.catalog.createProduct({ sku: 'CREMA-01', texts: { it: { title: 'Crème idratante al latte di capra' } } })
  for (let i = 0; i < 25; i++) {
    await t.api.catalog.createProduct({ sku: `VS-${String(i).padStart(3, '0')}`, categoryId: wines.id, texts: { it: { title: `Vin Santo del Chianti ${2000 + i}` } } })
  }
})
afterAll(async () => {
  await t.close()
})

describe('search', () => {
  test('Italian, English and Chinese text of 3+ characters', async () => {
    expect(await sku('classico')).toEqual(['CHI-2021'])
    expect(await sku('olive oil')).toEqual(['EVO-500'])
    expect(await sku('初榨橄榄油')).toEqual(['EVO-500'])
    expect(await sku('马约利卡')).toEqual(['DER-PLATE-28'])
    expect(await sku('precoce')).toEqual(['EVO-500'])
    expect(await sku('toscan')).toEqual(['CHI-2021', 'EVO-500'])
  })

  test('2- and 1-character Chinese queries (the trigram index cannot)', async () => {
    expect(await sku('葡萄')).toEqual(['CHI-2021'])
    expect(await sku('陶瓷')).toEqual(['DER-PLATE-28'])
    expect(await sku('油')).toEqual(['EVO-500'])
    expect(await sku('托斯 橄榄')).toEqual(['EVO-500'])
  })

  test('short Latin queries match word starts; SKUs and diacritics', async () => {
    expect(await sku('ol')).toEqual(['EVO-500'])
    expect(await sku('de', { limit: 500 })).toEqual(expect.arrayContaining(['DER-PLATE-28', 'VS-000']))
    expect(await sku('de', { limit: 500 })).not.toContain('EVO-500')
    expect(await sku('DER-PLATE')).toEqual(['DER-PLATE-28'])
    expect(await sku('creme')).toEqual(['CREMA-01'])
    expect(await sku('nothing-like-this')).toEqual([])
    expect(await sku('"unbalanced quote')).toEqual([])
  })

  test('filters: status, category with its subcategories, missing translation', async () => {
    expect(await sku('', { status: ['ready'] })).toEqual(['CHI-2021'])
    const cats = (await t.api.catalog.listCategories({})).items
    const wines = cats.find((c) => c.name.it === 'Vini')!
    const inWines = await sku('', { categoryId: wines.id, limit: 500 })
    expect(inWines).toHaveLength(26)
    expect(inWines).toContain('CHI-2021')
    expect(await sku('', { categoryId: null })).toEqual(['CREMA-01', 'DER-PLATE-28'])
    const missingEn = await sku('', { missingLocale: 'en', limit: 500 })
    expect(missingEn).toHaveLength(27)
    expect(missingEn).not.toContain('EVO-500')
  })

  test('keyset paging visits every product once, in order, for each sort', async () => {
    for (const [sort, direction] of [['sku', 'asc'], ['title', 'asc'], ['updated', 'desc'], ['created', 'desc']] as const) {
      const seen: string[] = []
      let cursor: string | null = null
      let total = 0
      let pages = 0
      do {
        const page = await t.api.catalog.listProducts({ sort, direction, limit: 7, cursor })
        if (pages === 0) total = page.total
        seen.push(...page.items.map((i) => i.sku))
        cursor = page.nextCursor
        pages++
      } while (cursor)
      expect(total).toBe(29)
      expect(new Set(seen).size).toBe(29)
      expect(pages).toBe(5)
      if (sort === 'sku') expect(seen).toEqual([...seen].sort())
    }
    const bad = await t.core.call('catalog.listProducts', { cursor: 'not-a-cursor' })
    expect(bad.ok).toBe(false)
  })

  test('titles come back in the language asked for, with missing languages listed', async () => {
    const r = await t.api.catalog.listProducts({ query: 'CHI-2021', displayLocale: 'zh-CN' })
    expect(r.items[0]).toMatchObject({ title: '经典基安蒂红葡萄酒', titleLocale: 'zh-CN', missingLocales: [] })
    const c = await t.api.catalog.listProducts({ query: 'CREMA', displayLocale: 'en' })
    expect(c.items[0]).toMatchObject({ titleLocale: 'it', missingLocales: ['en', 'zh-CN'] })
  })
})
