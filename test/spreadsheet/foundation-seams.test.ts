// The two foundation seams the import relies on: ProductStore.write (bulk path without read-back)
// and exclusive jobs (run alone; contract calls wait for them).
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { Core } from '../../electron/core/core.ts'
import { openCore } from './helpers.ts'
import { msg } from '../../shared/messages/message.ts'

let core: Core
afterEach(async () => {
  await core?.close()
})

describe('ProductStore.write', () => {
  it('creates, updates and reports unchanged writes with the same history and search as manual edits', async () => {
    core = openCore()
    const s = core.s
    const created = s.products.write(null, { sku: 'CHI-21', texts: { it: { title: 'Chianti Classico DOCG 2021' } } }, { source: 'import', detail: 'job_x', emit: false })
    expect(created.created).toBe(true)
    const again = s.products.write(created.id, { texts: { it: { title: 'Chianti Classico DOCG 2021' } } }, { source: 'import', detail: 'job_x' })
    expect(again.changes).toBe(0)
    const changed = s.products.write(created.id, { trade: { moq: 120 } }, { source: 'import', detail: 'job_y' })
    expect(changed.changes).toBe(1)
    const history = await core.api().catalog.history({ id: created.id })
    expect(history.items.map((h) => [h.path, h.source, h.detail])).toEqual([['trade.moq', 'import', 'job_y'], ['', 'import', 'job_x']])
    const found = await core.api().catalog.listProducts({ query: 'Classico' })
    expect(found.items.map((p) => p.sku)).toEqual(['CHI-21'])
    expect(() => s.products.write(created.id, { trade: { moq: -3 } }, { source: 'import' })).toThrow(/MOQ|at least 1|moq/i)
  })
})

describe('exclusive jobs', () => {
  it('start only when nothing else runs, and hold back other jobs and contract calls', async () => {
    core = openCore()
    const s = core.s
    const order: string[] = []
    let releaseSlow!: () => void
    s.jobs.register({
      kind: 'test.slow', payload: z.object({}),
      run: async () => {
        order.push('slow:start')
        await new Promise<void>((r) => { releaseSlow = r })
        order.push('slow:end')
      }
    })
    let releaseExclusive!: () => void
    s.jobs.register({
      kind: 'test.exclusive', payload: z.object({}), exclusive: true,
      run: async () => {
        order.push('exclusive:start')
        await new Promise<void>((r) => { releaseExclusive = r })
        order.push('exclusive:end')
      }
    })
    s.jobs.register({ kind: 'test.other', payload: z.object({}), run: async () => { order.push('other') } })
    s.jobs.enqueue('test.slow', {}, { title: msg('common:jobs.untitled', { test: 'slow' }) })
    await new Promise((r) => setTimeout(r, 20))
    s.jobs.enqueue('test.exclusive', {}, { title: msg('common:jobs.untitled', { test: 'exclusive' }) })
    await new Promise((r) => setTimeout(r, 20))
    expect(order).toEqual(['slow:start'])
    s.jobs.enqueue('test.other', {}, { title: msg('common:jobs.untitled', { test: 'other' }) })
    releaseSlow()
    await new Promise((r) => setTimeout(r, 20))
    expect(order).toEqual(['slow:start', 'slow:end', 'exclusive:start'])
    let statsDone = false
    const stats = core.api().catalog.stats().then(() => { statsDone = true })
    const jobs = await core.api().jobs.list({})
    expect(jobs.items.length).toBe(3)
    await new Promise((r) => setTimeout(r, 20))
    expect(statsDone).toBe(false)
    releaseExclusive()
    await stats
    await s.jobs.whenIdle()
    expect(order).toEqual(['slow:start', 'slow:end', 'exclusive:start', 'exclusive:end', 'other'])
  })
})
