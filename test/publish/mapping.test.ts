// Mapping per category: a realistic product of each Made-in-Italy sector is mapped onto the rules
// the sandbox serves for its category, sent with schema.add, and read back with product.get:
// option codes (units, attribute values) must be the ones whose display names match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { IcbuClient } from '../../electron/core/publish/client.ts'
import { mapListing } from '../../electron/core/publish/mapping.ts'
import { PavilionApi } from '../../electron/core/publish/pavilion-api.ts'
import { RateLimiter } from '../../electron/core/publish/rate-limiter.ts'
import { buildValueXml, parseRules, type FieldValue, type SchemaField } from '../../electron/core/publish/schema-xml.ts'
import type { Sandbox } from '../../electron/sandbox/server.ts'
import type { Family } from '../../shared/domain/catalog-structure.ts'
import type { Product } from '../../shared/domain/product.ts'
import type { ListingLanguage } from '../../shared/domain/publish.ts'
import { makePhotos, openPublishCore, startTestSandbox, tempDir, wineCreate, type TestCore } from './helpers.ts'

let sb: Sandbox
let tc: TestCore
let api: PavilionApi
let image: { fileId: string; url: string }

beforeAll(async () => {
  sb = await startTestSandbox()
  tc = await openPublishCore(null)
  const c = sb.credentials()
  api = new PavilionApi(new IcbuClient({ baseUrl: sb.url, limiter: new RateLimiter(1000), credentials: async () => c, saveTokens: async () => {} }))
  const [p] = await makePhotos(join(tempDir('map'), 'p'), 1)
  image = await api.uploadImage(readFileSync(p.path), 'bottle.jpg', 'image/jpeg')
})
afterAll(async () => {
  await tc.close()
  await sb.close()
})

async function rulesOf(catId: string, language = 'en_US'): Promise<SchemaField[]> {
  const r = await api.schemaGet(catId, language)
  if (!r.ok) throw new Error(r.messages.join())
  return parseRules(r.xml)
}

function option(fields: SchemaField[], path: string[], displayName: string): string {
  let list = fields
  let field: SchemaField | undefined
  for (const id of path) {
    field = list.find((f) => f.id === id)
    list = field?.children ?? []
  }
  const o = field?.options.find((x) => x.displayName === displayName)
  if (!o) throw new Error(`no option ${displayName} under ${path.join('/')}`)
  return o.value
}

function valueOf(values: FieldValue[], ...path: string[]): FieldValue | undefined {
  let list = values
  let v: FieldValue | undefined
  for (const id of path) {
    v = list.find((x) => x.id === id)
    list = v?.type === 'complex' ? v.fields : []
  }
  return v
}

async function product(create: Parameters<ReturnType<TestCore['core']['api']>['catalog']['createProduct']>[0]): Promise<{ p: Product; family: Family | undefined }> {
  const p = await tc.core.api().catalog.createProduct(create)
  return { p, family: p.familyId ? tc.core.s.families.get(p.familyId) : undefined }
}

/** Maps, publishes to the sandbox, reads back the attributes the pavilion stored. */
async function publish(catId: string, p: Product, family: Family | undefined, language: ListingLanguage = 'en') {
  const fields = await rulesOf(catId, language === 'en' ? 'en_US' : 'zh')
  const mapped = mapListing({ product: p, family, language, fields, images: [image], eurToUsd: 1.08 })
  expect(mapped.problems.filter((x) => x.severity === 'error')).toEqual([])
  const res = await api.schemaAdd({ catId, language: language === 'en' ? 'en_US' : 'zh', xml: buildValueXml(mapped.values) })
  if (!res.ok) throw new Error(`refused: ${res.codes.join(';')} ${res.messages.join(';')}`)
  const got = sb.store.product(Number(res.productId))!
  return { fields, mapped, stored: JSON.parse(got.values_json) as Record<string, { complex?: Record<string, { values: Array<{ text: string; attrs: Record<string, string> }> }>; values: Array<{ text: string }> }>, row: got }
}

const attr = (stored: Awaited<ReturnType<typeof publish>>['stored'], id: string) => stored.icbuCatProp.complex![id].values

describe('mapping per category', () => {
  it('wine: type, grapes, alcohol without the unit the name states, origin, unit and ladder', async () => {
    const { p, family } = await product(wineCreate(1, { sku: 'MAP-WINE' }))
    const { fields, mapped, stored } = await publish('100008830', p, family)
    expect(attr(stored, 'p-1001').map((v) => v.text)).toEqual([option(fields, ['icbuCatProp', 'p-1001'], 'Red')])
    expect(attr(stored, 'p-1002').map((v) => v.text)).toEqual([option(fields, ['icbuCatProp', 'p-1002'], 'Sangiovese'), option(fields, ['icbuCatProp', 'p-1002'], 'Merlot')])
    expect(attr(stored, 'p-1003')[0].text).toBe('13.5')
    expect(attr(stored, 'p-1004')[0].text).toBe('0.75 L')
    expect(attr(stored, 'p-3')[0].text).toBe(option(fields, ['icbuCatProp', 'p-3'], 'Italy'))
    expect(attr(stored, 'p-4')[0].text).toBe('MAP-WINE')
    expect(stored.priceUnit.values[0].text).toBe(option(fields, ['priceUnit'], 'Bottle/Bottles'))
    const ladder = valueOf(mapped.values, 'ladderPrice')
    expect(ladder?.type === 'multiComplex' && ladder.items.map((i) => i.map((f) => (f.type === 'input' ? f.value.value : '')))).toEqual([['120', '7.40'], ['600', '6.60']])
    const custom = valueOf(mapped.values, 'customMoreProperty')
    expect(custom?.type === 'multiComplex' && custom.items.map((i) => (i[0].type === 'input' ? i[0].value.value : ''))).toEqual(expect.arrayContaining(['Appellation', 'Region', 'Certifications', 'Packaging']))
  })

  it('olive oil: grade and cultivars by name, tins as the unit, euro prices converted to USD', async () => {
    const { p, family } = await product({
      sku: 'MAP-OIL', familyId: 'fam_olive_oil',
      texts: { en: { title: 'Tuscan Extra Virgin Olive Oil IGP 5 L Tin', description: '<p>Cold extracted.</p>', keywords: ['extra virgin olive oil'] } },
      attributes: { brand_name: 'Frantoio Demo', oil_grade: 'extra_virgin', cultivars: ['frantoio', 'leccino'], acidity: { value: 0.2, unit: '%' }, volume: { value: 5, unit: 'L' } },
      trade: { currency: 'EUR', sellingUnit: 'tin', moq: 24, ladder: [{ minQty: 24, price: 38.5 }], leadTimes: [{ maxQty: 500, days: 10 }] },
      origin: { country: 'IT', region: 'Toscana', certifications: ['IGP'] }
    })
    const { fields, stored } = await publish('100008831', p, family)
    expect(attr(stored, 'p-1101')[0].text).toBe(option(fields, ['icbuCatProp', 'p-1101'], 'Extra virgin olive oil'))
    expect(attr(stored, 'p-1102').length).toBe(2)
    expect(attr(stored, 'p-1103')[0].text).toBe('0.2')
    expect(stored.priceUnit.values[0].text).toBe(option(fields, ['priceUnit'], 'Tin/Tins'))
    expect(stored.ladderPrice as unknown).toMatchObject({ items: [{ price: { values: [{ text: '41.58' }] } }] })
  })

  it('pasta: a family of the firm with its own attributes maps by label; unknown places of origin become custom values', async () => {
    const family = await tc.core.api().catalog.saveFamily({
      code: 'pasta', label: { it: 'Pasta', en: 'Pasta' },
      attributes: [
        { code: 'brand_name', type: 'text', label: { it: 'Marchio', en: 'Brand name' } },
        { code: 'pasta_type', type: 'select', label: { it: 'Formato', en: 'Pasta type' }, options: [{ code: 'spaghetti', label: { it: 'Spaghetti', en: 'Spaghetti' } }, { code: 'paccheri', label: { it: 'Paccheri', en: 'Paccheri' } }] },
        { code: 'wheat', type: 'select', label: { it: 'Grano', en: 'Wheat type' }, options: [{ code: 'durum', label: { it: 'Semola di grano duro', en: 'Durum wheat semolina' } }] }
      ]
    })
    const { p } = await product({
      sku: 'MAP-PASTA', familyId: family.id,
      texts: { en: { title: 'Paccheri Bronze Cut Durum Wheat Pasta 500 g', description: '<p>Bronze drawn, slow dried.</p>', keywords: ['italian pasta', 'paccheri'] } },
      attributes: { brand_name: 'Pastificio Demo', pasta_type: 'paccheri', wheat: 'durum' },
      trade: { currency: 'USD', sellingUnit: 'bag', moq: 1000, ladder: [{ minQty: 1000, price: 1.2 }], leadTimes: [{ maxQty: 10000, days: 20 }] },
      origin: { country: 'PT' }
    })
    const { fields, stored } = await publish('100008832', p, family)
    expect(attr(stored, 'p-1201')[0]).toMatchObject({ text: '-1', attrs: { inputValue: 'Paccheri' } })
    expect(attr(stored, 'p-1202')[0].text).toBe(option(fields, ['icbuCatProp', 'p-1202'], 'Durum Wheat Semolina'))
    expect(attr(stored, 'p-3')[0]).toMatchObject({ text: '-1', attrs: { inputValue: 'Portugal' } })
    expect(stored.priceUnit.values[0].text).toBe(option(fields, ['priceUnit'], 'Bag/Bags'))
  })

  it('handbags: material, colour spelled the British way, size; texts without a matching field become custom attributes', async () => {
    const { p, family } = await product({
      sku: 'MAP-BAG', familyId: 'fam_leather',
      texts: { en: { title: 'Florentine Full-Grain Leather Tote Bag Handmade', description: '<p>Hand-stitched in Florence.</p>', keywords: ['leather tote bag', 'made in italy bag'] } },
      attributes: { brand_name: 'Bottega Demo', material: 'full_grain', colour: 'grey', size: 'one_size', lining: { en: 'Cotton canvas', it: 'Tela di cotone' } },
      trade: { currency: 'USD', sellingUnit: 'piece', moq: 10, ladder: [{ minQty: 10, price: 189 }, { minQty: 50, price: 165 }], leadTimes: [{ maxQty: 100, days: 25 }] },
      origin: { country: 'IT', region: 'Toscana' }
    })
    const { fields, mapped, stored } = await publish('152401', p, family)
    expect(attr(stored, 'p-1301')[0].text).toBe(option(fields, ['icbuCatProp', 'p-1301'], 'Full-grain leather'))
    expect(attr(stored, 'p-1302')[0].text).toBe(option(fields, ['icbuCatProp', 'p-1302'], 'Gray'))
    expect(attr(stored, 'p-1304')[0].text).toBe(option(fields, ['icbuCatProp', 'p-1304'], 'One size'))
    const custom = valueOf(mapped.values, 'customMoreProperty')
    expect(JSON.stringify(custom)).toContain('Cotton canvas')
  })

  it('plates: technique, pattern, diameter with its unit, yes/no attributes, sets', async () => {
    const { p, family } = await product({
      sku: 'MAP-PLATE', familyId: 'fam_ceramics',
      texts: { en: { title: 'Deruta Hand-Painted Majolica Dinner Plate 27 cm', description: '<p>Raffaellesco pattern.</p>', keywords: ['deruta ceramics', 'majolica plate'] } },
      attributes: { brand_name: 'Maioliche Demo', technique: 'hand_painted', pattern: { en: 'Raffaellesco', it: 'Raffaellesco' }, diameter: { value: 27, unit: 'cm' }, dishwasher_safe: true, microwave_safe: false },
      trade: { currency: 'USD', sellingUnit: 'set', moq: 10, ladder: [{ minQty: 10, price: 54 }], leadTimes: [{ maxQty: 200, days: 30 }] },
      origin: { country: 'IT', region: 'Umbria' }
    })
    const { fields, stored } = await publish('150301', p, family)
    expect(attr(stored, 'p-1401')[0].text).toBe(option(fields, ['icbuCatProp', 'p-1401'], 'Hand-painted'))
    expect(attr(stored, 'p-1402')[0].text).toBe('Raffaellesco')
    expect(attr(stored, 'p-1403')[0].text).toBe('27 cm')
    expect(attr(stored, 'p-1404')[0].text).toBe(option(fields, ['icbuCatProp', 'p-1404'], 'Yes'))
    expect(attr(stored, 'p-1405')[0].text).toBe(option(fields, ['icbuCatProp', 'p-1405'], 'No'))
    expect(stored.priceUnit.values[0].text).toBe(option(fields, ['priceUnit'], 'Set/Sets'))
  })

  it('face cream: skin types, net content through a synonym, ingredients, jars', async () => {
    const { p, family } = await product({
      sku: 'MAP-CREAM', familyId: 'fam_cosmetics',
      texts: { en: { title: 'Organic Olive Oil Face Cream 50 ml', description: '<p>With extra virgin olive oil.</p>', keywords: ['face cream', 'italian cosmetics'] } },
      attributes: { brand_name: 'Cosmesi Demo', skin_type: ['all', 'sensitive'], content_volume: { value: 50, unit: 'ml' }, inci: 'Aqua, Olea Europaea Fruit Oil', vegan: true },
      trade: { currency: 'USD', sellingUnit: 'jar', moq: 100, ladder: [{ minQty: 100, price: 6.9 }], leadTimes: [{ maxQty: 1000, days: 15 }] },
      origin: { country: 'IT' }
    })
    const { fields, stored } = await publish('660101', p, family)
    expect(attr(stored, 'p-1501').map((v) => v.text)).toEqual([option(fields, ['icbuCatProp', 'p-1501'], 'All'), option(fields, ['icbuCatProp', 'p-1501'], 'Sensitive')])
    expect(attr(stored, 'p-1502')[0].text).toBe('50 ml')
    expect(attr(stored, 'p-1503')[0].text).toBe('Aqua, Olea Europaea Fruit Oil')
    expect(attr(stored, 'p-1504')[0].text).toBe(option(fields, ['icbuCatProp', 'p-1504'], 'Yes'))
    expect(stored.priceUnit.values[0].text).toBe(option(fields, ['priceUnit'], 'Jar/Jars'))
  })

  it('the Chinese copy resolves options by their Chinese display names', async () => {
    const { p, family } = await product(wineCreate(2, { sku: 'MAP-WINE-ZH' }))
    const { fields, stored, row } = await publish('100008830', p, family, 'zh-CN')
    expect(row.subject).toBe(p.texts['zh-CN'].title)
    expect(attr(stored, 'p-1001')[0].text).toBe(option(fields, ['icbuCatProp', 'p-1001'], '红葡萄酒'))
    expect(attr(stored, 'p-3')[0].text).toBe(option(fields, ['icbuCatProp', 'p-3'], '意大利'))
    expect(stored.priceUnit.values[0].text).toBe(option(fields, ['priceUnit'], '瓶'))
  })
})
