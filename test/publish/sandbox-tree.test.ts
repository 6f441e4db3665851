// The sandbox's category tree, walked level by level through alibaba.icbu.category.get.new as a
// client would: size, the trades Vetrina's users work in, names in both languages, consistent
// parent/child links, leaf rules, and the gateway's codes for unknown and non-leaf ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { startSandbox, type Sandbox } from '../../electron/sandbox/server.ts'
import { buildTree, PROFILES } from '../../electron/sandbox/catalog-data.ts'
import { tempDir } from './helpers.ts'
import { call } from './sandbox-calls.ts'

let sb: Sandbox
interface Node { id: string; name: string; cn: string; level: number; leaf: boolean; parents: string[]; children: string[] }
const nodes = new Map<string, Node>()

beforeAll(async () => {
  sb = await startSandbox({ dbFile: join(tempDir('sandbox-tree'), 'sandbox.sqlite') })
  const queue = ['0']
  while (queue.length) {
    const id = queue.shift()!
    const c = (await call(sb, 'alibaba.icbu.category.get.new', { cat_id: id })).category
    nodes.set(id, { id, name: c.name, cn: c.cn_name, level: c.level, leaf: c.leaf_category, parents: c.parent_ids, children: c.child_ids })
    queue.push(...c.child_ids)
  }
}, 60_000)

afterAll(async () => {
  await sb.close()
})

describe('sandbox category tree', () => {
  it('has several hundred nodes with English and Chinese names and consistent links', () => {
    expect(nodes.size).toBeGreaterThan(300)
    for (const n of nodes.values()) {
      if (n.id === '0') continue
      expect(n.name).toMatch(/^[A-Za-z]/)
      expect(n.cn).toMatch(/[\u4e00-\u9fff]/)
      const parent = nodes.get(n.parents.at(-1) ?? '0')!
      expect(parent.children).toContain(n.id)
      expect(n.level).toBe(n.parents.length + 1)
      expect(n.leaf).toBe(n.children.length === 0)
    }
  })

  it('covers the trades of the pavilion and keeps the pinned leaf ids', () => {
    const names = [...nodes.values()].map((n) => n.name)
    for (const trade of ['Wine', 'Grappa', 'Olive Oil', 'Pasta', 'Hard Cheese', 'Roasted Coffee Beans', 'Dresses', "Men's Dress Shoes", 'Handbags', 'Belts', 'Wallets', 'Dishes & Plates', 'Dining Chairs', 'Face Cream & Lotion']) {
      expect(names).toContain(trade)
    }
    const pinned: Record<string, string> = { 100008830: 'Wine', 100008831: 'Olive Oil', 100008832: 'Pasta', 152401: 'Handbags', 300501: 'Belts', 150301: 'Dishes & Plates', 150401: 'Vases', 660101: 'Face Cream & Lotion' }
    for (const [id, name] of Object.entries(pinned)) expect(nodes.get(id)).toMatchObject({ name, leaf: true })
  })

  it('gives every leaf its attribute rules and answers unknown and non-leaf ids with the gateway codes', async () => {
    const shoes = [...nodes.values()].find((n) => n.name === "Women's Boots")!
    const attrs = await call(sb, 'alibaba.icbu.category.attribute.get', { cat_id: shoes.id })
    expect(attrs.attributes.map((a: { en_name: string }) => a.en_name)).toEqual(expect.arrayContaining(['Brand Name', 'Upper Material']))
    const rules = await call(sb, 'alibaba.icbu.product.schema.get', { param_product_top_publish_request: JSON.stringify({ cat_id: Number(shoes.id), language: 'en_US' }) })
    expect(rules.data).toContain('Pair/Pairs')
    const unknown = await call(sb, 'alibaba.icbu.category.get.new', { cat_id: '123' })
    expect(unknown.error_response.sub_code).toBe('PUB_BIZCHECK_CAT_DATA_NOTEXIST')
    const branch = await call(sb, 'alibaba.icbu.category.attribute.get', { cat_id: '2' })
    expect(branch.error_response.sub_code).toBe('CHK_CAT_NOT_LEAF')
  })

  it('refuses a table with a taken id, an unknown profile or a leaf without rules', () => {
    expect(() => buildTree('A / 甲 #5 @wine\nB / 乙 #5 @wine', PROFILES)).toThrow(/taken/)
    expect(() => buildTree('A / 甲 @nothing', PROFILES)).toThrow(/unknown profile/)
    expect(() => buildTree('A / 甲', PROFILES)).toThrow(/no profile/)
    expect(buildTree('A / 甲 @wine\n  B / 乙', PROFILES).map((c) => c.leaf)).toEqual([false, true])
  })
})
