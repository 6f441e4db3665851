// The variant model: stock per variant, pavilion option mappings on the parent (kept in history),
// and two variants of one parent never standing for the same axis values.
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../shared/contract/errors.ts'
import { allCombinations, combinationKey, missingCombinations, variantSku } from '../../shared/domain/variants.ts'
import { openTestCore, type TestCore } from '../helpers/core.ts'

let tc: TestCore
afterEach(async () => tc?.close())

async function bag() {
  tc = openTestCore()
  const parent = await tc.api.catalog.createProduct({ sku: 'BAG-TOTE', familyId: 'fam_leather', variantAxes: ['colour', 'size'] })
  const mk = (sku: string, colour: string, size: string, price = 120) =>
    tc.api.catalog.createProduct({ sku, parentId: parent.id, axes: { colour, size }, trade: { ladder: [{ minQty: 2, price }], stock: 40 } })
  return { parent, mk }
}

describe('variant combinations', () => {
  it('refuses a second variant with the same axis values, naming both SKUs', async () => {
    const { mk } = await bag()
    await mk('BAG-TOTE-COG-M', 'cognac', 'M')
    const err = await mk('BAG-TOTE-COG-M2', ' Cognac ', 'm').catch((e) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err.code).toBe('validation')
    const issue = err.issues.find((i: { code: string }) => i.code === 'duplicate_combination')
    expect(issue.params).toEqual({ sku: 'BAG-TOTE-COG-M2', other: 'BAG-TOTE-COG-M', parent: 'BAG-TOTE' })
    expect(issue.message).toContain('BAG-TOTE-COG-M2')
    expect(issue.message).toContain('BAG-TOTE-COG-M ')
    // Nothing was written.
    expect((await tc.api.catalog.listProducts({ parent: (await tc.api.catalog.getProduct({ sku: 'BAG-TOTE' })).id })).items).toHaveLength(1)
  })

  it('refuses an edit that makes two variants equal, and allows editing a variant in place', async () => {
    const { mk } = await bag()
    await mk('BAG-TOTE-COG-M', 'cognac', 'M')
    const black = await mk('BAG-TOTE-BLK-M', 'black', 'M')
    const same = await tc.api.catalog.updateProduct({ id: black.id, patch: { trade: { stock: 3 } } })
    expect(same.trade.stock).toBe(3)
    const err = await tc.api.catalog.updateProduct({ id: black.id, patch: { axes: { colour: 'cognac' } } }).catch((e) => e)
    expect(err.issues[0]).toMatchObject({ code: 'duplicate_combination', params: { other: 'BAG-TOTE-COG-M' } })
    expect((await tc.api.catalog.getProduct({ id: black.id })).axes.colour).toBe('black')
  })

  it('keeps the pavilion mapping of axis values on the parent, with history and undo', async () => {
    const { parent } = await bag()
    const p = await tc.api.catalog.updateProduct({
      id: parent.id,
      patch: { variantOptions: { colour: { attribute: 'Color', values: { bordeaux: { custom: 'Bordeaux' }, cognac: { option: '50011', name: 'Cognac' } } } } }
    })
    expect(p.variantOptions.colour.values.bordeaux).toEqual({ custom: 'Bordeaux' })
    const h = await tc.api.catalog.history({ id: parent.id })
    expect(h.items.map((i) => i.path)).toContain('variantOptions.colour')
    const undone = await tc.api.catalog.undo({ id: parent.id })
    expect(undone.product.variantOptions).toEqual({})
    const bad = await tc.api.catalog.updateProduct({ id: parent.id, patch: { variantOptions: { colour: { values: { x: { custom: 'y'.repeat(71) } } } } } }).catch((e) => e)
    expect(bad.code).toBe('validation')
    const neg = await tc.api.catalog.updateProduct({ id: parent.id, patch: { trade: { stock: -1 } } }).catch((e) => e)
    expect(neg.code).toBe('validation')
  })
})

describe('matrix helpers', () => {
  it('builds the full matrix and finds what is missing', () => {
    const values = { colour: ['black', 'cognac', 'red'], size: ['M', 'L'] }
    expect(allCombinations(['colour', 'size'], values)).toHaveLength(6)
    const missing = missingCombinations(['colour', 'size'], values, [{ sku: 'A', axes: { colour: 'Black', size: 'm' } }])
    expect(missing).toHaveLength(5)
    expect(missing).not.toContainEqual({ colour: 'black', size: 'M' })
    expect(combinationKey({}, ['colour'])).toBeNull()
    expect(variantSku('CHI-RIS', { size: '0,375 L' }, ['size'])).toBe('CHI-RIS-0.375L')
  })
})
