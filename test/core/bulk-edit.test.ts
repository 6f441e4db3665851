// Bulk edit and the trash on a real catalogue: selection by ids or by a filter (every page), one
// history batch undone in one step, a dry run naming the products that would become invalid,
// nothing half-applied, and products restored from the trash exactly as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Core } from '../../electron/core/core.ts'
import { MemorySecretStore } from '../../electron/core/platform/secrets.ts'
import type { Api } from '../../shared/contract/index.ts'

let core: Core
let api: Api
const ids: string[] = []

beforeAll(async () => {
  core = Core.open({ dataDir: mkdtempSync(join(tmpdir(), 'vetrina-bulk-')), logFile: null, secrets: new MemorySecretStore() })
  api = core.api()
  for (let i = 0; i < 620; i++) {
    const wine = i % 2 === 0
    const p = await api.catalog.createProduct({
      sku: `${wine ? 'VIN' : 'OLIO'}-${i}`,
      familyId: wine ? 'fam_wine' : 'fam_olive_oil',
      texts: { it: { title: wine ? `Chianti Classico ${i}` : `Olio extravergine ${i}`, keywords: ['toscana'] } },
      attributes: wine ? { wine_type: 'red' } : {}
    })
    ids.push(p.id)
  }
})

afterAll(async () => {
  await core.close()
})

describe('bulk edit', () => {
  it('sets fields on every product matching a filter (all pages) as one batch, undone in one step', async () => {
    const res = await api.catalog.bulkEdit({
      selection: { filter: { query: 'chianti' }, except: [ids[0]] },
      change: { currency: 'EUR', moq: 120, leadTimeDays: 20, status: 'ready', originCountry: 'IT', brand: 'Fattoria Demo', keywords: { locale: 'it', add: ['vino rosso'], remove: ['toscana'] } }
    })
    expect(res).toMatchObject({ matched: 309, changed: 309, applied: true, invalid: [] })
    const p = await api.catalog.getProduct({ id: ids[2] })
    expect(p.trade).toMatchObject({ currency: 'EUR', moq: 120, leadTimes: [{ maxQty: null, days: 20 }] })
    expect(p.texts.it?.keywords).toEqual(['vino rosso'])
    expect(p.attributes.brand_name).toBe('Fattoria Demo')
    expect((await api.catalog.getProduct({ id: ids[0] })).trade.moq).toBeUndefined()
    expect((await api.catalog.getProduct({ id: ids[1] })).trade.moq).toBeUndefined()
    const batches = new Set((await api.catalog.history({ id: ids[2] })).items.filter((h) => h.detail === 'bulk').map((h) => h.batchId))
    expect([...batches]).toEqual([res.batchId])

    expect(await api.catalog.undoBulk({ batchId: res.batchId! })).toEqual({ reverted: 309 })
    const back = await api.catalog.getProduct({ id: ids[2] })
    expect(back.trade.moq).toBeUndefined()
    expect(back.status).toBe('draft')
    expect(back.texts.it?.keywords).toEqual(['toscana'])
    await expect(api.catalog.undoBulk({ batchId: res.batchId! })).rejects.toMatchObject({ code: 'nothing_to_undo' })
  })

  it('dry-runs a change that would make some products invalid, and refuses to half-apply it', async () => {
    // Oils into the wine family: fine; wines into the oil family keep a wine attribute the family lacks.
    const selection = { ids: ids.slice(0, 10) }
    const dry = await api.catalog.bulkEdit({ selection, change: { familyId: 'fam_olive_oil' }, dryRun: true })
    expect(dry.applied).toBe(false)
    expect(dry.invalid.map((i) => i.sku).sort()).toEqual(['VIN-0', 'VIN-2', 'VIN-4', 'VIN-6', 'VIN-8'])
    expect(dry.invalid[0].issues[0]).toMatchObject({ path: 'attributes.wine_type', code: 'unknown_attribute' })
    expect(dry.changed).toBe(0)
    await expect(api.catalog.bulkEdit({ selection, change: { familyId: 'fam_olive_oil', moq: 50 } })).rejects.toMatchObject({ code: 'bulk_invalid' })
    expect((await api.catalog.getProduct({ id: ids[1] })).trade.moq).toBeUndefined()
    const skipped = await api.catalog.bulkEdit({ selection, change: { moq: 50, familyId: 'fam_olive_oil' }, skipInvalid: true })
    expect(skipped).toMatchObject({ changed: 5, applied: true })
    expect((await api.catalog.getProduct({ id: ids[1] })).trade.moq).toBe(50)
    expect(skipped.invalid).toHaveLength(5)
  })
})

describe('trash', () => {
  it('keeps deleted products whole and restores them exactly, or undoes the delete in one step', async () => {
    const before = await api.catalog.getProduct({ id: ids[3] })
    const history = (await api.catalog.history({ id: ids[3] })).items.length
    const { trashed, batchId } = await api.catalog.trashProducts({ selection: { ids: [ids[3], ids[5]] } })
    expect(trashed).toBe(2)
    await expect(api.catalog.getProduct({ id: ids[3] })).rejects.toMatchObject({ code: 'not_found' })
    expect((await api.catalog.listProducts({ query: 'OLIO-3' })).items.map((i) => i.sku)).not.toContain('OLIO-3')
    expect((await api.catalog.listTrash()).items.map((t) => t.sku).sort()).toEqual(['OLIO-3', 'OLIO-5'])
    await api.catalog.restoreFromTrash({ productIds: [ids[3]] })
    const after = await api.catalog.getProduct({ id: ids[3] })
    expect({ ...after, version: 0, updatedAt: '' }).toEqual({ ...before, version: 0, updatedAt: '' })
    expect((await api.catalog.history({ id: ids[3] })).items).toHaveLength(history)
    expect((await api.catalog.listProducts({ query: 'Olio extravergine 3' })).items.map((i) => i.sku)).toContain('OLIO-3')
    // The rest of that delete comes back with one undo.
    expect(await api.catalog.undoBulk({ batchId })).toEqual({ reverted: 1 })
    expect((await api.catalog.getProduct({ id: ids[5] })).sku).toBe('OLIO-5')
    expect((await api.catalog.listTrash()).total).toBe(0)
    // deleteProduct goes to the trash too; a product made since with the same SKU blocks the restore.
    await api.catalog.deleteProduct({ id: ids[7] })
    await api.catalog.createProduct({ sku: 'OLIO-7' })
    await expect(api.catalog.restoreFromTrash({ productIds: [ids[7]] })).rejects.toMatchObject({ code: 'trash_sku_taken' })
    expect(await api.catalog.emptyTrash({})).toEqual({ deleted: 1 })
  })
})
