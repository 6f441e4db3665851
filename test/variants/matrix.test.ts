// The Variants tab's calls: the missing combinations of the matrix become variants (SKUs from the
// parent and the values), price and stock of many variants change in one undoable step, and the
// pavilion mapping lists each value with what it goes out as and the closest options.
import { afterEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../electron/sandbox/server.ts'
import { missingCombinations } from '../../shared/domain/variants.ts'
import { HANDBAG_CATEGORY, WINE_CATEGORY, linkedCategory, makePhotos, openPublishCore, startTestSandbox, tempDir, waitFor, type TestCore } from '../publish/helpers.ts'
import { bagParent, createWine } from './variant-fixtures.ts'

let sandbox: Sandbox | null = null
let tc: TestCore

afterEach(async () => {
  await tc?.close()
  await sandbox?.close()
  sandbox = null
})

describe('variant matrix', () => {
  it('creates the missing combinations, then sets price and stock of several variants in one undoable step', async () => {
    tc = await openPublishCore(null)
    const api = tc.core.api()
    const parent = await api.catalog.createProduct(bagParent('TOTE-MX', (await api.catalog.createCategory({ name: { it: 'Borse' } })).id, { trade: { moq: 2, ladder: [{ minQty: 2, price: 150 }] } }))
    await api.catalog.createProduct({ sku: 'TOTE-MX-NERO-M', parentId: parent.id, axes: { colour: 'nero', size: 'M' } })
    const existing = (await api.catalog.listProducts({ parent: parent.id })).items
    const missing = missingCombinations(parent.variantAxes, { colour: ['nero', 'cognac'], size: ['M', 'L'] }, existing)
    expect(missing).toHaveLength(3)
    const { created } = await api.catalog.generateVariants({ parentId: parent.id, combinations: missing })
    expect(created.map((v) => v.sku)).toEqual(['TOTE-MX-NERO-L', 'TOTE-MX-COGNAC-M', 'TOTE-MX-COGNAC-L'])
    expect((await api.catalog.getProduct({ id: parent.id })).variantCount).toBe(4)
    // Nothing is made twice: the same combinations again are refused whole.
    const again = await api.catalog.generateVariants({ parentId: parent.id, combinations: [{ colour: 'Cognac', size: 'l' }] }).catch((e) => e)
    expect(again.issues[0]).toMatchObject({ code: 'duplicate_combination', params: { other: 'TOTE-MX-COGNAC-L' } })
    expect((await api.catalog.getProduct({ id: parent.id })).variantCount).toBe(4)

    const ids = created.map((v) => v.id)
    const r = await api.catalog.setVariantCells({ parentId: parent.id, cells: ids.map((id, i) => ({ id, price: 180 + i * 10, stock: 5 + i })) })
    expect(r.changed).toBe(3)
    const priced = await api.catalog.getProduct({ id: ids[2] })
    expect(priced.trade).toMatchObject({ ladder: [{ minQty: 2, price: 200 }], stock: 7 })
    // Back to the main product's prices for one of them, and the whole step undone.
    await api.catalog.setVariantCells({ parentId: parent.id, cells: [{ id: ids[0], price: null }] })
    expect((await api.catalog.getProduct({ id: ids[0] })).trade.ladder).toBeUndefined()
    await api.catalog.undoBulk({ batchId: r.batchId! })
    expect((await api.catalog.getProduct({ id: ids[2] })).trade).toEqual({})
    const wrong = await api.catalog.setVariantCells({ parentId: ids[0], cells: [{ id: ids[1], stock: 1 }] }).catch((e) => e)
    expect(wrong.code).toBe('validation')
  })
})

describe('pavilion mapping for the Variants tab', () => {
  it('lists each value with its option, the closest ones and its picture; a choice made by hand is kept', async () => {
    sandbox = await startTestSandbox()
    tc = await openPublishCore(sandbox, { defaultPhotos: [] })
    const api = tc.core.api()
    const bagCat = await linkedCategory(tc.core, HANDBAG_CATEGORY, 'Borse')
    const wineCat = await linkedCategory(tc.core, WINE_CATEGORY, 'Vini')
    const wine = await createWine(tc.core, 'CHI-MX', wineCat)
    expect((await api.publish.variantOptions({ productId: wine.parent.id })).state).toBe('rules_not_downloaded')
    const { jobId } = await api.publish.refreshRules({})
    await waitFor('rules downloaded', async () => (await api.jobs.get({ id: jobId })).state === 'done')
    await api.catalog.updateProduct({ id: wine.variants[0].id, patch: { axes: { bottle_volume: '0,2 L' } } })
    const info = await api.publish.variantOptions({ productId: wine.parent.id })
    expect(info.state).toBe('ok')
    expect(info.attributes.map((a) => [a.name, a.custom, a.picture])).toEqual([['Bottle Size', false, 'none']])
    const values = info.axes[0].values
    expect(values.map((v) => [v.value, v.source, v.mapping?.kind === 'option' ? v.mapping.name : null])).toEqual([
      ['0,2 L', 'none', null], ['0,75 L', 'auto', '750ml'], ['1,5 L', 'auto', '1.5L']
    ])
    expect(values[0].suggestions.map((s) => s.name).slice(0, 2)).toEqual(['187ml', '375ml'])
    expect(info.problems.map((p) => p.code)).toEqual(['variant_value_unmapped'])
    const pick = values[0].suggestions[0]
    await api.catalog.updateProduct({ id: wine.parent.id, patch: { variantOptions: { bottle_volume: { values: { '0,2 L': { option: pick.value, name: pick.name } } } } } })
    const after = await api.publish.variantOptions({ productId: wine.parent.id })
    expect(after.axes[0].values[0]).toMatchObject({ source: 'chosen', mapping: { kind: 'option', name: '187ml' } })
    expect(after.problems).toEqual([])

    // A bag: colours want a picture; a custom colour is allowed.
    const pics = await makePhotos(tempDir('mx'), 1)
    const bag = await api.catalog.createProduct(bagParent('TOTE-MP', bagCat))
    const v1 = await api.catalog.createProduct({ sku: 'TOTE-MP-1', parentId: bag.id, axes: { colour: 'fucsia', size: 'M' }, trade: { ladder: [{ minQty: 2, price: 100 }] } })
    const v2 = await api.catalog.createProduct({ sku: 'TOTE-MP-2', parentId: bag.id, axes: { colour: 'nero', size: 'M' }, trade: { ladder: [{ minQty: 2, price: 100 }] } })
    tc.photos.set(v2.id, pics)
    const bagInfo = await api.publish.variantOptions({ productId: bag.id })
    const colours = bagInfo.axes.find((a) => a.axis === 'colour')!.values
    expect(colours.map((c) => [c.value, c.source, c.picture])).toEqual([['fucsia', 'new', 'missing'], ['nero', 'auto', 'ok']])
    expect(colours[0].pictureVariantId).toBe(v1.id)
    expect(bagInfo.problems.map((p) => p.code)).toContain('variant_image_missing')

    // Axes named as a Magento export names them ("size_general", "color") find the category's Size and Color.
    const magento = await api.catalog.createProduct({ ...bagParent('MT01', bagCat), variantAxes: ['size_general', 'color'] })
    await api.catalog.createProduct({ sku: 'MT01-M-Black', parentId: magento.id, axes: { size_general: 'M', color: 'Black' }, trade: { ladder: [{ minQty: 2, price: 29 }] } })
    const magentoInfo = await api.publish.variantOptions({ productId: magento.id })
    const nameOf = (id: string | null) => magentoInfo.attributes.find((a) => a.id === id)?.name
    expect(magentoInfo.axes.map((a) => [a.axis, nameOf(a.attributeId)])).toEqual([['size_general', 'Size'], ['color', 'Color']])
  })
})
