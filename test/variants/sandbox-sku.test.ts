// The sandbox's SKU block, checked with a plain caller (not Vetrina's client): the category rules
// declare the sale properties, schema.add validates the block as the gateway does (unknown ids,
// duplicate combinations, prices out of range, too many SKUs, a colour without its picture) and
// product.get returns the variations in both response forms, read here the way the official SDK
// models (ProductSkuResponse → SkuAttribute / SkuDefinition) read them.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../electron/sandbox/server.ts'
import { makePhotos, tempDir } from '../publish/helpers.ts'
import { call, optionCode, type Reply } from '../publish/sandbox-calls.ts'

let sb: Sandbox
let images: Array<{ fileId: number; url: string }>
const rules: Record<string, string> = {}
const WINE = 100008830
const BAG = 152401

const publishReq = (catId: number, xml: string, extra: Record<string, unknown> = {}) =>
  ({ param_product_top_publish_request: JSON.stringify({ cat_id: catId, language: 'en_US', xml, ...extra }) })

beforeAll(async () => {
  const dir = tempDir('sandbox-sku')
  sb = await startSandbox({ dbFile: join(dir, 'sandbox.sqlite'), settings: { audit: { delayMs: 0, rejectWords: [] } } })
  images = []
  for (const p of await makePhotos(join(dir, 'photos'), 4)) {
    const up = await call(sb, 'alibaba.icbu.photobank.upload', { file_name: `p${images.length}.jpg` }, { file: { bytes: readFileSync(p.path), name: `p${images.length}.jpg`, mime: 'image/jpeg' } })
    images.push({ fileId: up.upload_image_response.file_id, url: up.upload_image_response.photobank_url })
  }
  for (const cat of [WINE, BAG]) {
    rules[cat] = (await call(sb, 'alibaba.icbu.product.schema.get', { param_product_top_publish_request: JSON.stringify({ cat_id: cat, language: 'en_US' }) })).data
  }
})

afterAll(async () => {
  await sb?.close()
})

/** The field id of the sale property with this name in a rules document. */
function saleField(cat: number, name: string): string {
  const block = /<field id="saleProp"[^>]*>(.*?)<\/field><field id="(?!p-)/s.exec(rules[cat])?.[1] ?? ''
  const m = new RegExp(`<field id="(p-\\d+)" name="${name}" type="multiCheck">`).exec(block)
  if (!m) throw new Error(`no sale property ${name}`)
  return m[1]
}

const opt = (cat: number, field: string, name: string) => {
  const block = new RegExp(`<field id="saleProp".*?<field id="${field}"[^>]*>(.*?)</field>`, 's').exec(rules[cat])?.[1] ?? ''
  const m = new RegExp(`<option displayName="${name}" value="([^"]+)"`).exec(block)
  if (!m) throw new Error(`no option ${name}`)
  return m[1]
}

interface Sku { values: Record<string, string>; code?: string; stock?: number; prices?: Array<[number, number]> }
interface Declared { field: string; values: Array<{ id: string; name?: string; image?: { fileId: number; url: string } }> }

function listingXml(cat: number, o: { declared: Declared[]; skus: Sku[]; bySku: boolean; title?: string; moq?: number; extraCatProp?: string }): string {
  const v = (id: string, attrs: Record<string, string | number | undefined>) =>
    `<value${Object.entries(attrs).filter(([, x]) => x !== undefined).map(([k, x]) => ` ${k}="${x}"`).join('')}>${id}</value>`
  const saleProp = o.declared.map((d) => `<field id="${d.field}" type="multiCheck"><values>${d.values.map((x) => v(x.id, { inputValue: x.name, fileId: x.image?.fileId, imageUrl: x.image?.url })).join('')}</values></field>`).join('')
  const tiers = (t: Array<[number, number]>) => t.map(([q, p]) => `<complex-values><field id="quantity"><value>${q}</value></field><field id="price"><value>${p}</value></field></complex-values>`).join('')
  const skus = o.skus.map((s) => `<complex-values>${Object.entries(s.values).map(([f, id]) => `<field id="${f}"><value>${id}</value></field>`).join('')}${s.code ? `<field id="skuCode"><value>${s.code}</value></field>` : ''}<field id="inventory"><value>${s.stock ?? 100}</value></field>${s.prices ? `<field id="skuLadderPrice">${tiers(s.prices)}</field>` : ''}</complex-values>`).join('')
  const unit = optionCode(rules[cat], 'priceUnit', cat === WINE ? 'Bottle/Bottles' : 'Piece/Pieces')
  const catProp = cat === WINE
    ? `<field id="p-1001"><value>${optionCode(rules[cat], 'p-1001', 'Red')}</value></field>`
    : `<field id="p-1301"><value>${optionCode(rules[cat], 'p-1301', 'Full-grain leather')}</value></field>`
  return `<itemSchema>
<field id="productTitle"><value>${o.title ?? (cat === WINE ? 'Chianti Classico Riserva DOCG Red Wine' : 'Full Grain Leather Tote Bag Made in Italy')}</value></field>
<field id="productKeywords"><complex-value><field id="productKeywords_0"><value>italian</value></field></complex-value></field>
<field id="scImages"><complex-value><field id="scImages_0"><value fileId="${images[0].fileId}">${images[0].url}</value></field></complex-value></field>
<field id="icbuCatProp"><complex-value><field id="p-2"><value>Demo</value></field><field id="p-3"><value inputValue="Italy">-1</value></field>${catProp}${o.extraCatProp ?? ''}</complex-value></field>
<field id="saleProp"><complex-value>${saleProp}</complex-value></field>
<field id="priceUnit"><value>${unit}</value></field>
<field id="saleType"><value>normal</value></field>
<field id="scPrice"><value>${o.bySku ? 3 : 1}</value></field>
${o.bySku ? '' : `<field id="ladderPrice">${tiers([[120, 9.5], [600, 8.9]])}</field>`}
<field id="sku">${skus}</field>
<field id="minOrderQuantity"><value>${o.moq ?? 120}</value></field>
<field id="ladderPeriod"><complex-values><field id="quantity"><value>1200</value></field><field id="day"><value>15</value></field></complex-values></field>
<field id="productDescType"><value>2</value></field>
<field id="superText"><value>&lt;p&gt;Made in Italy.&lt;/p&gt;&lt;img src="${images[0].url}"/&gt;</value></field>
</itemSchema>`
}

function wine(over: Partial<Parameters<typeof listingXml>[1]> = {}) {
  const f = saleField(WINE, 'Bottle Size')
  const sizes = ['375ml', '750ml', '1.5L'].map((s) => opt(WINE, f, s))
  return listingXml(WINE, {
    declared: [{ field: f, values: sizes.map((id) => ({ id })) }],
    skus: sizes.map((id, i) => ({ values: { [f]: id }, code: `CHI-RIS-${i}`, stock: 50 + i, prices: [[120, [6.9, 11.5, 24][i]], [600, [6.2, 10.4, 21.6][i]]] as Array<[number, number]> })),
    bySku: true,
    ...over
  })
}

const codes = (r: Reply) => String(r.msg_code ?? '').split(';')

describe('sandbox: SKU rules', () => {
  it('declares the sale properties in the rules and in category.attribute.get', async () => {
    expect(rules[BAG]).toContain('<field id="saleProp"')
    expect(rules[BAG]).toMatch(/<field id="p-\d+" name="Color" type="multiCheck"><rules>.*valueAttributeRule" value="inputValue".*valueAttributeRule" value="fileId" exProperty="required"/s)
    expect(rules[WINE]).toMatch(/name="ladderPrice"|id="ladderPrice".*?<depend-express fieldId="scPrice" value="1" symbol="=="\/>/s)
    const attrs = await call(sb, 'alibaba.icbu.category.attribute.get', { cat_id: String(BAG) })
    const color = attrs.attributes.find((a: Reply) => a.en_name === 'Color' && a.sku_attribute === 'true')
    expect(color).toMatchObject({ customize_image: 'true', customize_value: 'true' })
    expect(color.attribute_values.every((v: Reply) => v.sku_value === 'true')).toBe(true)
    const wineAttrs = await call(sb, 'alibaba.icbu.category.attribute.get', { cat_id: String(WINE) })
    expect(wineAttrs.attributes.find((a: Reply) => a.sku_attribute === 'true')).toMatchObject({ en_name: 'Bottle Size', customize_value: 'false', customize_image: 'false' })
  })
})

describe('sandbox: SKU validation', () => {
  it('accepts a wine in three bottle sizes priced per SKU', async () => {
    const r = await call(sb, 'alibaba.icbu.product.schema.add', publishReq(WINE, wine()))
    expect(r).toMatchObject({ biz_success: true })
  })

  it('refuses unknown attribute ids and unknown value ids', async () => {
    const f = saleField(WINE, 'Bottle Size')
    const badAttr = wine().replace(`<field id="saleProp"><complex-value>`, '<field id="saleProp"><complex-value><field id="p-999"><values><value>1</value></values></field>')
    const r1 = await call(sb, 'alibaba.icbu.product.schema.add', publishReq(WINE, badAttr))
    expect(r1.biz_success).toBe(false)
    expect(codes(r1)).toContain('CHK_BASIC_FIELD_NOT_EXIST')
    const badValue = wine().replace(new RegExp(`(<field id="${f}" type="multiCheck"><values><value>)\\d+`), '$17777777')
    const r2 = await call(sb, 'alibaba.icbu.product.schema.add', publishReq(WINE, badValue))
    expect(codes(r2)).toContain('CHK_BASIC_MULTIPLEOF')
    // A custom value where the category allows none (bottle sizes are a fixed list).
    const custom = wine().replace(new RegExp(`(<field id="${f}" type="multiCheck"><values>)<value>\\d+</value>`), '$1<value inputValue="0,375 L">-1</value>')
    const r3 = await call(sb, 'alibaba.icbu.product.schema.add', publishReq(WINE, custom))
    expect(codes(r3)).toContain('CHK_BASIC_MULTIPLEOF')
  })

  it('refuses two SKUs with the same combination, naming both', async () => {
    const f = saleField(WINE, 'Bottle Size')
    const id = opt(WINE, f, '750ml')
    const xml = listingXml(WINE, { declared: [{ field: f, values: [{ id }] }], skus: [{ values: { [f]: id }, prices: [[120, 9]] }, { values: { [f]: id }, prices: [[120, 10]] }], bySku: true })
    const r = await call(sb, 'alibaba.icbu.product.schema.add', publishReq(WINE, xml))
    expect(r.biz_success).toBe(false)
    expect(codes(r)).toEqual(['PUB_BIZCHECK_PRODUCT_SKU_INVALID'])
    expect(r.message).toContain('SKUs 1 and 2 are the same combination (Bottle Size 750ml)')
  })

  it('refuses prices out of the category range and more SKUs than allowed', async () => {
    const high = await call(sb, 'alibaba.icbu.product.schema.add', publishReq(WINE, wine().replace('<value>24</value>', '<value>6000</value>')))
    expect(codes(high)).toContain('PUB_BIZCHECK_PRODUCT_SKU_INVALID')
    expect(high.message).toMatch(/Price \(USD\) must be at most 5000/)
    const f = saleField(WINE, 'Bottle Size')
    const all = ['187ml', '375ml', '500ml', '750ml', '1L', '1.5L', '3L', '5L'].map((s) => opt(WINE, f, s))
    const nine = listingXml(WINE, {
      declared: [{ field: f, values: all.map((id) => ({ id })) }],
      skus: [...all.map((id, i) => ({ values: { [f]: id }, prices: [[120, 5 + i]] as Array<[number, number]> })), { values: { [f]: all[0] }, prices: [[120, 5]] }],
      bySku: true
    })
    const r = await call(sb, 'alibaba.icbu.product.schema.add', publishReq(WINE, nine))
    expect(codes(r)).toContain('PUB_BIZCHECK_PRODUCT_SKU_INVALID')
    expect(r.message).toContain('SKU: at most 8 entries')
  })

  it('refuses a colour without its picture, a SKU with a value saleProp does not declare, and SKU prices under a ladder', async () => {
    const color = saleField(BAG, 'Color')
    const size = saleField(BAG, 'Size')
    const black = opt(BAG, color, 'Black')
    const m = opt(BAG, size, 'M')
    const l = opt(BAG, size, 'L')
    const noPicture = listingXml(BAG, {
      declared: [{ field: color, values: [{ id: black, name: 'Black' }] }, { field: size, values: [{ id: m }, { id: l }] }],
      skus: [{ values: { [color]: black, [size]: m }, prices: [[2, 120]] }, { values: { [color]: black, [size]: l }, prices: [[2, 130]] }],
      bySku: true, moq: 2
    })
    const r1 = await call(sb, 'alibaba.icbu.product.schema.add', publishReq(BAG, noPicture))
    expect(r1.message).toContain('"Black" needs a picture')
    const undeclared = listingXml(BAG, {
      declared: [{ field: color, values: [{ id: black, image: images[1] }] }, { field: size, values: [{ id: m }] }],
      skus: [{ values: { [color]: black, [size]: m }, prices: [[2, 120]] }, { values: { [color]: black, [size]: l }, prices: [[2, 130]] }],
      bySku: true, moq: 2
    })
    const r2 = await call(sb, 'alibaba.icbu.product.schema.add', publishReq(BAG, undeclared))
    expect(r2.message).toContain('SKU 2: Size value')
    const pricesUnderLadder = listingXml(BAG, {
      declared: [{ field: color, values: [{ id: black, image: images[1] }] }, { field: size, values: [{ id: m }] }],
      skus: [{ values: { [color]: black, [size]: m }, prices: [[2, 120]] }],
      bySku: false, moq: 2
    })
    const r3 = await call(sb, 'alibaba.icbu.product.schema.add', publishReq(BAG, pricesUnderLadder))
    expect(r3.message).toContain('has its own prices, but the price is set by quantity')
  })
})

describe('sandbox: reading SKUs back', () => {
  it('returns the variations through product.get in both forms, as the SDK models read them', async () => {
    const color = saleField(BAG, 'Color')
    const size = saleField(BAG, 'Size')
    const [black, cognac] = [opt(BAG, color, 'Black'), opt(BAG, color, 'Cognac')]
    const [m, l] = [opt(BAG, size, 'M'), opt(BAG, size, 'L')]
    const xml = listingXml(BAG, {
      declared: [
        { field: color, values: [{ id: black, name: 'Black', image: images[1] }, { id: cognac, name: 'Cognac', image: images[2] }, { id: '-1', name: 'Bordeaux', image: images[3] }] },
        { field: size, values: [{ id: m }, { id: l }] }
      ],
      skus: [black, cognac, '-1'].flatMap((c, i) => [m, l].map((s, j) => ({ values: { [color]: c, [size]: s }, code: `TOTE-${i}${j}`, stock: 10 * (i + 1) + j, prices: [[2, 180 + 10 * i + j]] as Array<[number, number]> }))),
      bySku: true, moq: 2
    })
    const add = await call(sb, 'alibaba.icbu.product.schema.add', publishReq(BAG, xml))
    expect(add, add.message).toMatchObject({ biz_success: true })
    const flat = (await call(sb, 'alibaba.icbu.product.get', { product_id: String(add.product_id), language: 'ENGLISH' })).product
    expect(flat.price_type).toBe('sku_price')
    expect(flat.product_sku.skus).toHaveLength(6)
    const wrapped = (await call(sb, 'alibaba.icbu.product.get', { product_id: String(add.product_id), language: 'ENGLISH' }, { simplify: false })).alibaba_icbu_product_get_response.product
    // SDK shape: ProductSkuResponse{sku_attributes>sku_attribute[], skus>sku_definition[]}.
    const attrs = wrapped.product_sku.sku_attributes.sku_attribute as Reply[]
    const defs = wrapped.product_sku.skus.sku_definition as Reply[]
    expect(attrs.map((a) => a.attribute_name)).toEqual(['Color', 'Size'])
    const colours = attrs[0].values.sku_attribute_value as Reply[]
    expect(colours.map((v) => v.system_value_name || v.custom_value_name)).toEqual(['Black', 'Cognac', 'Bordeaux'])
    expect(colours[2]).toMatchObject({ value_id: -1, system_value_name: '', custom_value_name: 'Bordeaux' })
    expect(colours.every((v) => /^\/\/.+\/kf\//.test(v.image_url))).toBe(true)
    const byCode = new Map(defs.map((d) => [d.sku_code, d]))
    const d = byCode.get('TOTE-21')!
    expect(JSON.parse(d.attr2_value)).toEqual({ [color.slice(2)]: -1, [size.slice(2)]: Number(l) })
    expect(d.bulk_discount_prices.bulk_discount_price).toEqual([{ start_quantity: 2, price: '201.00' }])
    expect(d.inventory_dto_list.product_inventory_dto).toEqual([{ store_code: 'default', inventory: 31 }])
    // The flat form carries the same data without the wrappers.
    expect(flat.product_sku.skus.map((s: Reply) => s.sku_id)).toEqual(defs.map((s) => s.sku_id))
    expect(flat.product_sku.sku_attributes[0].values[2].custom_value_name).toBe('Bordeaux')
    // render returns the stored SKU block.
    const render = await call(sb, 'alibaba.icbu.product.schema.render', publishReq(BAG, '', { product_id: add.product_id }))
    expect(render.data).toContain('<field id="skuCode"><value>TOTE-21</value></field>')
  })

  it('updates a listing in place: SKU ids stay for unchanged combinations', async () => {
    const add = await call(sb, 'alibaba.icbu.product.schema.add', publishReq(WINE, wine({ title: 'Vino Nobile di Montepulciano DOCG Red Wine' })))
    const before = (await call(sb, 'alibaba.icbu.product.get', { product_id: String(add.product_id), language: 'ENGLISH' })).product.product_sku.skus as Reply[]
    const f = saleField(WINE, 'Bottle Size')
    const sizes = ['375ml', '750ml'].map((s) => opt(WINE, f, s))
    const skuOnly = listingXml(WINE, { declared: [{ field: f, values: sizes.map((id) => ({ id })) }], skus: sizes.map((id, i) => ({ values: { [f]: id }, code: `CHI-RIS-${i}`, prices: [[120, 7 + i]] as Array<[number, number]> })), bySku: true })
    const partial = `<itemSchema>${['saleProp', 'scPrice', 'sku'].map((id) => new RegExp(`<field id="${id}">.*?</field>(?=\\s*<field id="(?!p-|quantity|price|skuCode|inventory|skuLadderPrice))`, 's').exec(skuOnly)![0]).join('')}</itemSchema>`
    const up = await call(sb, 'alibaba.icbu.product.schema.update', publishReq(WINE, partial, { product_id: add.product_id }))
    expect(up).toMatchObject({ biz_success: true })
    const after = (await call(sb, 'alibaba.icbu.product.get', { product_id: String(add.product_id), language: 'ENGLISH' })).product
    expect(after.product_sku.skus).toHaveLength(2)
    expect(after.subject).toBe('Vino Nobile di Montepulciano DOCG Red Wine')
    expect(after.product_sku.skus.map((s: Reply) => s.sku_id)).toEqual(before.slice(0, 2).map((s) => s.sku_id))
    expect(sb.store.counts().products).toBeGreaterThanOrEqual(2)
  })
})
