import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jobDone, openCore, seedWinery, type TestCore } from './helpers.ts'

let t: TestCore
beforeEach(() => {
  t = openCore()
})
afterEach(async () => {
  await t.close()
})

describe('translation memory', () => {
  it('learns from approved units only and offers context, exact, numbers-only and fuzzy matches', async () => {
    const { chianti, oil } = await seedWinery(t.api)
    await t.api.translation.saveUnit({ productId: oil.id, field: 'title', locale: 'en', text: 'Extra virgin olive oil 0.5 L' })
    expect((await t.api.translation.tmStats({})).pairs).toEqual([])
    await t.api.translation.saveUnit({ productId: oil.id, field: 'title', locale: 'en', text: 'Extra virgin olive oil 0.5 L', status: 'approved' })
    expect((await t.api.translation.tmStats({})).pairs).toEqual([{ sourceLang: 'it', targetLang: 'en', entries: 1 }])

    const ctx = await t.api.translation.tmLookup({ targetLocale: 'en', text: 'Olio extra vergine di oliva 0,5 L', productId: oil.id, field: 'title' })
    expect(ctx.matches[0]).toMatchObject({ tier: 'context', score: 101, target: 'Extra virgin olive oil 0.5 L' })
    const exact = await t.api.translation.tmLookup({ targetLocale: 'en', text: 'Olio extra vergine di oliva 0,5 L', productId: chianti.id, field: 'title' })
    expect(exact.matches[0]).toMatchObject({ tier: 'exact', score: 100 })
    const numbers = await t.api.translation.tmLookup({ targetLocale: 'en', text: 'Olio extra vergine di oliva 0,75 L' })
    expect(numbers.matches[0]).toMatchObject({ tier: 'numbers', adapted: 'Extra virgin olive oil 0.75 L' })
    expect(numbers.matches[0].diff).toEqual(expect.arrayContaining([{ op: 'delete', text: '0,5' }, { op: 'insert', text: '0,75' }]))
    const fuzzy = await t.api.translation.tmLookup({ targetLocale: 'en', text: 'Olio extra vergine di oliva biologico 0,5 L' })
    expect(fuzzy.matches[0].tier).toBe('fuzzy')
    expect(fuzzy.matches[0].score).toBeGreaterThanOrEqual(70)
    expect(fuzzy.matches[0].score).toBeLessThan(100)
    expect(fuzzy.matches[0].diff).toEqual(expect.arrayContaining([{ op: 'insert', text: 'biologico ' }]))
    const none = await t.api.translation.tmLookup({ targetLocale: 'en', text: 'Borsa in pelle fiorentina' })
    expect(none.matches).toEqual([])
    expect((await t.api.translation.tmLookup({ targetLocale: 'zh-CN', text: 'Olio extra vergine di oliva 0,5 L' })).matches).toEqual([])
  })

  it('shows memory matches as numbered suggestions and pre-translates exact matches', async () => {
    const { oil } = await seedWinery(t.api)
    await t.api.translation.saveUnit({ productId: oil.id, field: 'title', locale: 'en', text: 'Extra virgin olive oil 0.5 L', status: 'approved', override: false })
    const other = await t.api.catalog.createProduct({ sku: 'EVO-050-B', texts: { it: { title: 'Olio extra vergine di oliva 0,5 L' } } })
    const unit = await t.api.translation.getUnit({ productId: other.id, field: 'title', locale: 'en' })
    expect(unit.suggestions[0]).toMatchObject({ n: 1, kind: 'tm', tier: 'exact', text: 'Extra virgin olive oil 0.5 L' })
    const r = await t.api.translation.pretranslate({ selection: { locales: ['en'] } })
    expect(r.filled).toBe(1)
    const after = await t.api.translation.getUnit({ productId: other.id, field: 'title', locale: 'en' })
    expect(after).toMatchObject({ status: 'translated', origin: 'tm', target: 'Extra virgin olive oil 0.5 L' })
  })

  it('exports TMX and imports it into another catalogue, keeping rich-text codes', async () => {
    const { chianti } = await seedWinery(t.api)
    await t.api.translation.saveUnit({ productId: chianti.id, field: 'description', locale: 'zh-CN', status: 'approved',
      text: '<1>一款优雅的<2>经典基安蒂</2>。</1><3>在橡木桶中陈酿12个月。<4/>Made in Italy。</3>' })
    const job = await jobDone(t.api, (await t.api.translation.tmExport({})).jobId)
    expect(job.state).toBe('done')
    const file = (job.result as { file: { path: string } }).file.path
    const tmx = readFileSync(file, 'utf8')
    expect(tmx).toContain('<bpt i="2">&lt;strong&gt;</bpt>')
    const other = openCore()
    try {
      const imp = await jobDone(other.api, (await other.api.translation.tmImport({ file: { kind: 'path', path: file } })).jobId)
      expect(imp.result).toMatchObject({ imported: 1, skipped: 0 })
      const m = await other.api.translation.tmLookup({ targetLocale: 'zh-CN', text: '<p>Un <strong>Chianti Classico</strong> elegante.</p><p>Affinato 12 mesi in botte.<br />Made in Italy.</p>', field: 'description' })
      expect(m.matches[0]).toMatchObject({ tier: 'exact' })
      expect(m.matches[0].target).toContain('<strong>经典基安蒂</strong>')
    } finally {
      await other.close()
    }
  })

  it('rejects hostile and malformed TMX with a clear error', async () => {
    const bomb = join(t.dir, 'bomb.tmx')
    writeFileSync(bomb, '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><tmx version="1.4"><body><tu><tuv xml:lang="it"><seg>&b;</seg></tuv></tu></body></tmx>')
    const j1 = await jobDone(t.api, (await t.api.translation.tmImport({ file: { kind: 'path', path: bomb } })).jobId)
    expect(j1.state).toBe('failed')
    expect(j1.error?.message).toMatch(/DOCTYPE/)
    const broken = join(t.dir, 'broken.tmx')
    writeFileSync(broken, '<tmx version="1.4"><body><tu><tuv xml:lang="it"><seg>ciao</tuv></tu></body></tmx>')
    const j2 = await jobDone(t.api, (await t.api.translation.tmImport({ file: { kind: 'path', path: broken } })).jobId)
    expect(j2.error?.code).toBe('tmx_invalid')
    expect(j2.error?.params).toMatchObject({ line: 1 })
    expect(j2.error?.message).toMatch(/line 1/)
    expect((await t.api.translation.tmStats({})).pairs).toEqual([])
  })
})
