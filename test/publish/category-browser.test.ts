// The pavilion category browser in the core against the sandbox: the tree is downloaded level by
// level by a job and cached (browsing works offline afterwards), search finds leaves by English,
// Chinese and Italian words and remembers the firm's words, suggestions for a product, and links
// refused for unknown or non-leaf ids with the nearest valid choices named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../shared/contract/errors.ts'
import type { Sandbox } from '../../electron/sandbox/server.ts'
import { openPublishCore, startTestSandbox, waitFor, wineCreate, type TestCore } from './helpers.ts'

let sb: Sandbox
let t: TestCore

beforeAll(async () => {
  sb = await startTestSandbox()
  t = await openPublishCore(sb)
})

afterAll(async () => {
  await t?.close()
  await sb?.close()
})

const api = () => t.core.api()
const names = (items: Array<{ node: { name: string } }>) => items.map((h) => h.node.name)

describe('pavilion category browser', () => {
  it('browses level by level with breadcrumbs, fetching what is not cached yet', async () => {
    const root = await api().publish.categoryChildren({})
    expect(root.items.map((c) => c.name)).toEqual(expect.arrayContaining(['Food & Beverage', 'Luggage, Bags & Cases', 'Furniture']))
    const food = root.items.find((c) => c.name === 'Food & Beverage')!
    const level2 = await api().publish.categoryChildren({ parentId: food.id })
    const drinks = level2.items.find((c) => c.name === 'Alcoholic Beverage')!
    const level3 = await api().publish.categoryChildren({ parentId: drinks.id })
    expect(level3.path.map((c) => c.name)).toEqual(['Food & Beverage', 'Alcoholic Beverage'])
    expect(level3.items.find((c) => c.id === '100008830')).toMatchObject({ name: 'Wine', cnName: '葡萄酒', leaf: true })
    expect(level3.complete).toBe(true)
  })

  it('downloads the whole tree in a job, then searches it in English, Chinese and Italian', async () => {
    await waitFor('the category tree', async () => {
      const st = (await api().publish.categoryChildren({})).tree
      return !st.downloading && st.pendingBranches === 0 && st.nodes > 300
    }, 60_000)
    expect(names((await api().publish.searchCategories({ query: 'handbags' })).items)[0]).toBe('Handbags')
    expect(names((await api().publish.searchCategories({ query: '橄榄油' })).items)[0]).toBe('Olive Oil')
    const italian = await api().publish.searchCategories({ query: 'cinture in cuoio' })
    expect(names(italian.items).slice(0, 2)).toContain('Leather Belts')
    expect(italian.items[0].via).toBe('italian')
    expect(names((await api().publish.searchCategories({ query: 'olio extravergine di oliva' })).items)[0]).toBe('Olive Oil')
    expect(names((await api().publish.searchCategories({ query: 'grappa' })).items)[0]).toBe('Grappa')
    expect(italian.items[0].path.map((p) => p.name)).toEqual(['Apparel & Accessories', 'Apparel Accessories', 'Leather Belts'])
  })

  it('suggests leaves for a product and remembers the words that led to a link', async () => {
    const cat = await api().catalog.createCategory({ name: { it: 'Rossi toscani' } })
    const p = await api().catalog.createProduct(wineCreate(1, { categoryId: cat.id }))
    const forProduct = await api().publish.suggestCategories({ productId: p.id })
    expect(forProduct.items[0].node.id).toBe('100008830')
    // A word no vocabulary knows, linked once, finds that leaf next time.
    expect(names((await api().publish.searchCategories({ query: 'sciallini' })).items)).not.toContain('Scarves')
    const scarves = (await api().publish.searchCategories({ query: 'scarves' })).items[0].node
    const shawls = await api().catalog.createCategory({ name: { it: 'Sciallini di seta' } })
    const linked = await api().publish.linkCategory({ categoryId: shawls.id, pavilionCategoryId: scarves.id, searchedFor: 'sciallini' })
    expect(linked.path.map((n) => n.name).at(-1)).toBe('Scarves')
    const again = await api().publish.searchCategories({ query: 'sciallini' })
    expect(again.items[0]).toMatchObject({ node: { id: scarves.id }, via: 'remembered' })
  })

  it('refuses unknown and non-leaf ids, naming valid choices, in the catalogue too', async () => {
    const cat = await api().catalog.createCategory({ name: { it: 'Vini' } })
    const refused = async (id: string) => {
      try {
        await api().publish.linkCategory({ categoryId: cat.id, pavilionCategoryId: id })
      } catch (err) {
        return err as AppError
      }
      throw new Error('accepted')
    }
    const unknown = await refused('123')
    expect(unknown.code).toBe('publish_category_unknown')
    expect(String(unknown.params?.choices)).toMatch(/\(\d+\)/)
    const branch = await refused('200')
    expect(branch.code).toBe('publish_category_not_leaf')
    expect(String(branch.params?.choices)).toContain('Wine (100008830)')
    await expect(api().catalog.updateCategory({ id: cat.id, pavilionCategoryId: '123' })).rejects.toMatchObject({ code: 'publish_category_unknown' })
    expect((await api().catalog.listCategories()).items.find((c) => c.id === cat.id)?.pavilionCategoryId).toBeNull()
    // Linking downloads the leaf's rules: readiness no longer waits for them.
    await api().publish.linkCategory({ categoryId: cat.id, pavilionCategoryId: '100008830' })
    const p = await api().catalog.createProduct(wineCreate(2, { categoryId: cat.id }))
    await waitFor('the rules', async () => {
      const r = await api().publish.readiness({ productIds: [p.id] })
      return r.summary.pending === 0
    }).catch((err) => {
      throw new Error(`${err}: ${JSON.stringify(t.core.s.db.prepare('SELECT kind, state, error, message FROM jobs').all())}`)
    })
  })

  it('browses and searches offline from the cache', async () => {
    await sb.close()
    const st = await api().publish.searchCategories({ query: 'vasi' })
    expect(names(st.items)[0]).toBe('Vases')
    const root = await api().publish.categoryChildren({})
    expect(root.items.length).toBeGreaterThan(5)
  })
})
