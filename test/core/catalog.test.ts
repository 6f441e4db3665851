// Products through the contract: validation, uniqueness, variants, history and restore, undo,
// sanitizing, and atomic writes.
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { AppError } from '../../shared/contract/errors.ts'
import { openTestCore, type TestCore } from '../helpers/core.ts'

let t: TestCore
beforeEach(() => {
  t = openTestCore()
})
afterEach(async () => {
  await t.close()
})

async function rejects(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
  throw new Error('expected the call to fail')
}

const chianti = {
  sku: 'CHI-2021-075',
  familyId: 'fam_wine',
  texts: {
    it: { title: 'Chianti Classico DOCG 2021 0,75 L', keywords: ['chianti', 'vino rosso'] },
    en: { title: 'Chianti Classico DOCG 2021 Red Wine 750ml' },
    'zh-CN': { title: '经典基安蒂红葡萄酒 2021' }
  },
  attributes: { wine_type: 'red', vintage: 2021, alcohol: { value: 13.5, unit: '% vol' }, grape_varieties: ['sangiovese'] },
  trade: { currency: 'EUR' as const, sellingUnit: 'bottle' as const, moq: 120, ladder: [{ minQty: 120, price: 6.8 }, { minQty: 600, price: 6.1 }], fobPort: 'Livorno' },
  logistics: { netWeight: { value: 1.3, unit: 'kg' as const }, unitsPerCarton: 6, hsCode: '2204.21' },
  origin: { country: 'IT', region: 'Toscana', certifications: ['DOCG'] }
}

describe('products', () => {
  test('create and read back every part of a B2B listing', async () => {
    const p = await t.api.catalog.createProduct(chianti)
    const back = await t.api.catalog.getProduct({ id: p.id })
    expect(back).toMatchObject({ ...chianti, status: 'draft', version: 1, variantCount: 0 })
    expect((await t.api.catalog.getProduct({ sku: 'chi-2021-075' })).id).toBe(p.id)
  })

  test('duplicate SKUs are refused, whatever the letter case', async () => {
    await t.api.catalog.createProduct({ sku: 'OLIO-500' })
    const err = await rejects(t.api.catalog.createProduct({ sku: 'olio-500' }))
    expect(err.code).toBe('duplicate_sku')
    expect(err.message).toContain('olio-500')
    const other = await t.api.catalog.createProduct({ sku: 'OLIO-750' })
    expect((await rejects(t.api.catalog.updateProduct({ id: other.id, patch: { sku: 'OLIO-500' } }))).code).toBe('duplicate_sku')
    expect((await t.api.catalog.listProducts({})).total).toBe(2)
  })

  test('invalid input names the field and stores nothing', async () => {
    const r = await t.core.call('catalog.createProduct', { sku: 'BAD SKU WITH SPACES', trade: { moq: -3 } })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('validation')
      expect(r.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['sku', 'trade.moq']))
    }
    const ladder = await rejects(t.api.catalog.createProduct({ sku: 'L-1', trade: { moq: 100, ladder: [{ minQty: 500, price: 5 }, { minQty: 200, price: 4 }] } }))
    expect(ladder.issues).toEqual([expect.objectContaining({ path: 'trade.ladder.1.minQty', code: 'ladder_ascending' })])
    const belowMoq = await rejects(t.api.catalog.createProduct({ sku: 'L-2', trade: { moq: 100, ladder: [{ minQty: 50, price: 5 }] } }))
    expect(belowMoq.issues?.[0].code).toBe('ladder_below_moq')
    const price = await rejects(t.api.catalog.createProduct({ sku: 'L-3', trade: { ladder: [{ minQty: 1, price: 6.805 }] } }))
    expect(price.issues?.[0].code).toBe('price_decimals')
    const tooMany = await rejects(t.api.catalog.createProduct({ sku: 'L-4', trade: { ladder: [1, 2, 3, 4, 5].map((n) => ({ minQty: n * 10, price: 1 })) } }))
    expect(tooMany.issues?.[0].path).toBe('trade.ladder')
    expect((await t.api.catalog.listProducts({})).total).toBe(0)
  })

  test('attributes are checked against the family', async () => {
    const noFamily = await rejects(t.api.catalog.createProduct({ sku: 'A-1', attributes: { vintage: 2020 } }))
    expect(noFamily.issues?.[0].code).toBe('family_required')
    const wrong = await rejects(t.api.catalog.createProduct({ sku: 'A-2', familyId: 'fam_wine', attributes: { wine_type: 'beer', colour: 'red', alcohol: { value: 12, unit: 'kg' } } }))
    expect(wrong.issues?.map((i) => `${i.path}:${i.code}`).sort()).toEqual([
      'attributes.alcohol:attribute_value', 'attributes.colour:unknown_attribute', 'attributes.wine_type:attribute_value'
    ])
    const ok = await t.api.catalog.createProduct({ sku: 'A-3', familyId: 'fam_leather', attributes: { colour: 'cognac', lining: { it: 'Cotone', en: 'Cotton' } } })
    expect(ok.attributes.lining).toEqual({ it: 'Cotone', en: 'Cotton' })
  })

  test('patches merge field by field; null removes a value', async () => {
    const p = await t.api.catalog.createProduct(chianti)
    const u = await t.api.catalog.updateProduct({ id: p.id, patch: { texts: { en: { shortDescription: 'Aged 12 months in oak' } }, trade: { fobPort: null, moq: 100 } } })
    expect(u.texts.en).toEqual({ title: chianti.texts.en.title, shortDescription: 'Aged 12 months in oak' })
    expect(u.trade.fobPort).toBeUndefined()
    expect(u.trade.moq).toBe(100)
    expect(u.trade.ladder).toEqual(chianti.trade.ladder)
    expect(u.version).toBe(2)
    const same = await t.api.catalog.updateProduct({ id: p.id, patch: { trade: { moq: 100 } } })
    expect(same.version).toBe(2)
    const stale = await rejects(t.api.catalog.updateProduct({ id: p.id, patch: { status: 'ready' }, expectedVersion: 1 }))
    expect(stale.code).toBe('conflict')
  })

  test('rich descriptions keep formatting and lose scripts', async () => {
    const p = await t.api.catalog.createProduct({
      sku: 'D-1',
      texts: { it: { description: '<p onclick="x()">Rosso <b>intenso</b><script>alert(1)</script><img src="javascript:alert(2)"><a href="javascript:evil()">link</a></p>' } }
    })
    const html = p.texts.it.description!
    expect(html).toContain('<b>intenso</b>')
    expect(html).not.toMatch(/script|onclick|javascript:/i)
  })

  test('variants belong to a parent with axes', async () => {
    const bag = await t.api.catalog.createProduct({ sku: 'BAG-TOTE', familyId: 'fam_leather', variantAxes: ['colour', 'size'], texts: { it: { title: 'Borsa tote in pelle' } } })
    const v1 = await t.api.catalog.createProduct({ sku: 'BAG-TOTE-COG-M', parentId: bag.id, axes: { colour: 'cognac', size: 'M' } })
    await t.api.catalog.createProduct({ sku: 'BAG-TOTE-BLK-M', parentId: bag.id, axes: { colour: 'black', size: 'M' } })
    expect((await t.api.catalog.getProduct({ id: bag.id })).variantCount).toBe(2)
    expect((await rejects(t.api.catalog.createProduct({ sku: 'X-1', parentId: bag.id, axes: { material: 'suede' } }))).issues?.[0].code).toBe('unknown_axis')
    expect((await rejects(t.api.catalog.createProduct({ sku: 'X-2', parentId: v1.id }))).issues?.[0].code).toBe('nested_variant')
    expect((await rejects(t.api.catalog.updateProduct({ id: bag.id, patch: { variantAxes: [] } }))).issues?.[0].code).toBe('axes_required')
    const top = await t.api.catalog.listProducts({})
    expect(top.items.map((i) => i.sku)).toEqual(['BAG-TOTE'])
    const children = await t.api.catalog.listProducts({ parent: bag.id, sort: 'sku', direction: 'asc' })
    expect(children.items.map((i) => [i.sku, i.axes.colour])).toEqual([['BAG-TOTE-BLK-M', 'black'], ['BAG-TOTE-COG-M', 'cognac']])
    expect((await t.api.catalog.deleteProduct({ id: bag.id })).deleted).toBe(3)
    expect((await t.api.catalog.listProducts({ query: 'TOTE' })).total).toBe(0)
  })

  test('a write that fails half-way leaves nothing behind', async () => {
    const p = await t.api.catalog.createProduct({ sku: 'ATOM-1', texts: { it: { title: 'Vaso di Deruta' } } })
    t.core.s.products.addWriteHook(({ after }) => {
      if (after.sku === 'ATOM-2' || after.texts.it?.title === 'Vaso rotto') throw new Error('disk full')
    })
    expect((await t.core.call('catalog.createProduct', { sku: 'ATOM-2', texts: { it: { title: 'Piatto dipinto a mano' } } })).ok).toBe(false)
    expect((await t.core.call('catalog.updateProduct', { id: p.id, patch: { texts: { it: { title: 'Vaso rotto' } } } })).ok).toBe(false)
    const db = t.core.s.db
    expect(db.prepare("SELECT count(*) AS n FROM products WHERE sku = 'ATOM-2'").get()).toEqual({ n: 0 })
    expect((await t.api.catalog.getProduct({ id: p.id })).texts.it.title).toBe('Vaso di Deruta')
    expect((await t.api.catalog.listProducts({ query: 'Piatto' })).total).toBe(0)
    expect((await t.api.catalog.listProducts({ query: 'rotto' })).total).toBe(0)
    expect((await t.api.catalog.history({ id: p.id })).items).toHaveLength(1)
  })
})

describe('history, restore and undo', () => {
  test('every change is recorded per field with its source', async () => {
    const p = await t.api.catalog.createProduct(chianti)
    await t.api.catalog.updateProduct({ id: p.id, patch: { trade: { moq: 96 }, texts: { it: { title: 'Chianti Classico DOCG 2021' } } } })
    await t.core.s.products.update(p.id, { status: 'ready' }, { source: 'import', detail: 'job_1' })
    const h = (await t.api.catalog.history({ id: p.id })).items
    expect(h.map((e) => [e.path, e.old, e.new, e.source])).toEqual([
      ['status', 'draft', 'ready', 'import'],
      ['trade.moq', 120, 96, 'manual'],
      ['texts.it.title', 'Chianti Classico DOCG 2021 0,75 L', 'Chianti Classico DOCG 2021', 'manual'],
      ['', null, null, 'manual']
    ])
    expect(h[0].detail).toBe('job_1')
    expect(h[1].batchId).toBe(h[2].batchId)
  })

  test('undo reverts the last editor change, step by step', async () => {
    const p = await t.api.catalog.createProduct(chianti)
    await t.api.catalog.updateProduct({ id: p.id, patch: { trade: { moq: 96 } } })
    await t.api.catalog.updateProduct({ id: p.id, patch: { trade: { moq: 60 }, status: 'ready' } })
    let r = await t.api.catalog.undo({ id: p.id })
    expect(r.reverted).toBe(2)
    expect([r.product.trade.moq, r.product.status]).toEqual([96, 'draft'])
    r = await t.api.catalog.undo({ id: p.id })
    expect(r.product.trade.moq).toBe(120)
    expect((await rejects(t.api.catalog.undo({ id: p.id }))).code).toBe('nothing_to_undo')
  })

  test('restore one field, or the whole product as it was after a change', async () => {
    const p = await t.api.catalog.createProduct(chianti)
    await t.api.catalog.updateProduct({ id: p.id, patch: { trade: { moq: 96 } } })
    await t.api.catalog.updateProduct({ id: p.id, patch: { texts: { en: { title: 'Chianti 2021' } }, origin: { region: 'Toscana (Siena)' } } })
    const history = (await t.api.catalog.history({ id: p.id })).items
    const titleChange = history.find((e) => e.path === 'texts.en.title')!
    const restored = await t.api.catalog.restoreField({ id: p.id, historyId: titleChange.id })
    expect(restored.texts.en.title).toBe(chianti.texts.en.title)
    expect(restored.origin.region).toBe('Toscana (Siena)')

    const moqChange = history.find((e) => e.path === 'trade.moq')!
    const v = await t.api.catalog.restoreVersion({ id: p.id, historyId: moqChange.id })
    expect(v.product.trade.moq).toBe(96)
    expect(v.product.origin.region).toBe('Toscana')
    expect(v.product.texts.en.title).toBe(chianti.texts.en.title)
    expect((await t.api.catalog.history({ id: p.id })).items[0].source).toBe('restore')
  })
})

describe('categories and families', () => {
  test('a category tree, mapped to pavilion ids, with safe deletes', async () => {
    const wines = await t.api.catalog.createCategory({ name: { it: 'Vini', en: 'Wines' } })
    const reds = await t.api.catalog.createCategory({ parentId: wines.id, name: { it: 'Rossi' }, pavilionCategoryId: '100008830' })
    expect((await rejects(t.api.catalog.updateCategory({ id: wines.id, parentId: reds.id }))).message).toMatch(/inside itself/)
    expect((await rejects(t.api.catalog.createCategory({ name: { it: 'X' }, pavilionCategoryId: 'abc' }))).code).toBe('validation')
    const p = await t.api.catalog.createProduct({ sku: 'R-1', categoryId: reds.id })
    expect((await t.api.catalog.listProducts({ categoryId: wines.id })).items.map((i) => i.id)).toEqual([p.id])
    expect((await rejects(t.api.catalog.deleteCategory({ id: wines.id }))).code).toBe('conflict')
    expect((await rejects(t.api.catalog.deleteCategory({ id: reds.id }))).message).toMatch(/1 product/)
    await t.api.catalog.updateProduct({ id: p.id, patch: { categoryId: null } })
    await t.api.catalog.deleteCategory({ id: reds.id })
    expect((await t.api.catalog.listCategories({})).items.map((c) => c.id)).toEqual([wines.id])
  })

  test('preset families cannot lose attributes; custom ones can be added and deleted', async () => {
    const fams = (await t.api.catalog.listFamilies({})).items
    expect(fams.map((f) => f.code)).toEqual(expect.arrayContaining(['pavilion', 'wine', 'olive_oil', 'leather', 'ceramics', 'cosmetics']))
    const wine = fams.find((f) => f.code === 'wine')!
    expect((await rejects(t.api.catalog.saveFamily({ id: wine.id, code: 'wine', label: wine.label, attributes: wine.attributes.slice(1) }))).code).toBe('conflict')
    const extended = await t.api.catalog.saveFamily({ id: wine.id, code: 'wine', label: wine.label, attributes: [...wine.attributes, { code: 'barrel', type: 'boolean', label: { it: 'Barrique' } }] })
    expect(extended.attributes.at(-1)?.code).toBe('barrel')
    const pasta = await t.api.catalog.saveFamily({ code: 'pasta', label: { it: 'Pasta' }, attributes: [{ code: 'shape', type: 'select', label: { it: 'Formato' }, options: [{ code: 'penne', label: { it: 'Penne' } }] }] })
    await t.api.catalog.createProduct({ sku: 'PASTA-1', familyId: pasta.id, attributes: { shape: 'penne' } })
    expect((await rejects(t.api.catalog.deleteFamily({ id: pasta.id }))).code).toBe('conflict')
    expect((await rejects(t.api.catalog.deleteFamily({ id: wine.id }))).message).toMatch(/preset/)
  })
})
