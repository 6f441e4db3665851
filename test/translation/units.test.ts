import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../shared/contract/errors.ts'
import { openCore, seedWinery, type TestCore } from './helpers.ts'

let t: TestCore
beforeEach(() => {
  t = openCore()
})
afterEach(async () => {
  await t.close()
})

const key = (productId: string, field: 'title' | 'shortDescription' | 'description' | 'keywords', locale = 'en') => ({ productId, field, locale })

describe('translation units', () => {
  it('creates one unit per Italian field and target locale, new until translated', async () => {
    const { chianti, oil } = await seedWinery(t.api)
    const list = await t.api.translation.listUnits({})
    expect(list.total).toBe(2 * 4 + 2 * 2)
    expect(list.items.every((u) => u.status === 'new' && !u.stale)).toBe(true)
    const en = await t.api.translation.listUnits({ locales: ['en'], productIds: [oil.id] })
    expect(en.items.map((u) => u.field)).toEqual(['title', 'shortDescription'])
    expect(chianti.id).toBeTruthy()
  })

  it('marks a translation stale when the Italian changes, with a word diff of old vs new source', async () => {
    const { chianti } = await seedWinery(t.api)
    await t.api.translation.saveUnit({ ...key(chianti.id, 'title'), text: 'Chianti Classico DOCG 2021 0.75 L', status: 'approved' })
    await t.api.catalog.updateProduct({ id: chianti.id, patch: { texts: { it: { title: 'Chianti Classico DOCG 2022 0,75 L' } } } })
    const unit = await t.api.translation.getUnit(key(chianti.id, 'title'))
    expect(unit.stale).toBe(true)
    expect(unit.status).toBe('approved')
    expect(unit.baseSource).toBe('Chianti Classico DOCG 2021 0,75 L')
    expect(unit.sourceDiff).toEqual(expect.arrayContaining([{ op: 'delete', text: '2021' }, { op: 'insert', text: '2022' }]))
    const stale = await t.api.translation.listUnits({ stale: true })
    expect(stale.items.map((u) => `${u.field}.${u.locale}`)).toEqual(['title.en'])
    // The Chinese unit was never translated: a source change leaves it "new", not stale.
    expect((await t.api.translation.getUnit(key(chianti.id, 'title', 'zh-CN'))).stale).toBe(false)
  })

  it('clears stale when the source goes back to what was translated, or when the translator confirms', async () => {
    const { chianti } = await seedWinery(t.api)
    await t.api.translation.saveUnit({ ...key(chianti.id, 'title'), text: 'Chianti Classico DOCG 2021 0.75 L' })
    await t.api.catalog.updateProduct({ id: chianti.id, patch: { texts: { it: { title: 'Chianti Classico DOCG 2022 0,75 L' } } } })
    expect((await t.api.translation.getUnit(key(chianti.id, 'title'))).stale).toBe(true)
    await t.api.catalog.updateProduct({ id: chianti.id, patch: { texts: { it: { title: 'Chianti Classico DOCG 2021 0,75 L' } } } })
    expect((await t.api.translation.getUnit(key(chianti.id, 'title'))).stale).toBe(false)
    await t.api.catalog.updateProduct({ id: chianti.id, patch: { texts: { it: { title: 'Chianti Classico DOCG 2023 0,75 L' } } } })
    const r = await t.api.translation.setStatus({ selection: { stale: true }, status: 'translated' })
    expect(r.changed).toBe(1)
    const u = await t.api.translation.getUnit(key(chianti.id, 'title'))
    expect(u.stale).toBe(false)
    expect(u.baseSource).toBe('Chianti Classico DOCG 2023 0,75 L')
  })

  it('writes targets through the product store so history records the translation', async () => {
    const { chianti } = await seedWinery(t.api)
    await t.translator.translation.saveUnit({ ...key(chianti.id, 'title', 'zh-CN'), text: '经典基安蒂 DOCG 2021 0.75 L' })
    const product = await t.api.catalog.getProduct({ id: chianti.id })
    expect(product.texts['zh-CN']?.title).toBe('经典基安蒂 DOCG 2021 0.75 L')
    const history = await t.api.catalog.history({ id: chianti.id })
    const entry = history.items.find((h) => h.path === 'texts.zh-CN.title')
    expect(entry?.source).toBe('translation')
    expect(entry?.detail).toContain('translator@192.168.1.20')
  })

  it('counts a target typed in the product editor as human work', async () => {
    const { oil } = await seedWinery(t.api)
    await t.api.catalog.updateProduct({ id: oil.id, patch: { texts: { en: { title: 'Extra virgin olive oil 0.5 L' } } } })
    const u = await t.api.translation.getUnit(key(oil.id, 'title'))
    expect(u.status).toBe('translated')
    expect(u.origin).toBe('human')
    expect(u.target).toBe('Extra virgin olive oil 0.5 L')
    await t.api.catalog.updateProduct({ id: oil.id, patch: { texts: { en: { title: null } } } })
    expect((await t.api.translation.getUnit(key(oil.id, 'title'))).status).toBe('new')
  })

  it('refuses to approve with QA errors unless overridden, and records the override', async () => {
    const { chianti } = await seedWinery(t.api)
    const bad = t.api.translation.saveUnit({ ...key(chianti.id, 'title'), text: 'Chianti Classico DOCG 2020 0.75 L', status: 'approved' })
    await expect(bad).rejects.toMatchObject({ code: 'translation_qa_blocked' })
    // Nothing was written by the refused approval.
    expect((await t.api.catalog.getProduct({ id: chianti.id })).texts.en).toBeUndefined()
    const ok = await t.api.translation.saveUnit({ ...key(chianti.id, 'title'), text: 'Chianti Classico DOCG 2020 0.75 L', status: 'approved', override: true })
    expect(ok.status).toBe('approved')
    expect(ok.qaOverride).toMatch(/owner at /)
    expect(ok.qa.map((q) => q.code)).toContain('numbers')
  })

  it('keeps rich-text markup: tags travel as numbered markers and broken markup is refused', async () => {
    const { chianti } = await seedWinery(t.api)
    const u = await t.api.translation.getUnit(key(chianti.id, 'description'))
    expect(u.source).toBe('<1>Un <2>Chianti Classico</2> elegante.</1><3>Affinato 12 mesi in botte.<4/>Made in Italy.</3>')
    expect(u.codes.map((c) => c.tag)).toEqual(['p', 'strong', 'p', 'br'])
    await expect(t.api.translation.saveUnit({ ...key(chianti.id, 'description'), text: '<1>An elegant <2>Chianti Classico</1>.</2>' }))
      .rejects.toMatchObject({ code: 'translation_broken_markup' })
    await expect(t.api.translation.saveUnit({ ...key(chianti.id, 'description'), text: '<1>An elegant <9>Chianti</9></1>' }))
      .rejects.toMatchObject({ code: 'translation_broken_markup' })
    const saved = await t.api.translation.saveUnit({ ...key(chianti.id, 'description'), text: '<1>An elegant <2>Chianti Classico</2>.</1><3>Aged 12 months in barrels.<4/>Made in Italy.</3>' })
    expect(saved.target).toBe('<1>An elegant <2>Chianti Classico</2>.</1><3>Aged 12 months in barrels.<4/>Made in Italy.</3>')
    const product = await t.api.catalog.getProduct({ id: chianti.id })
    expect(product.texts.en?.description).toBe('<p>An elegant <strong>Chianti Classico</strong>.</p><p>Aged 12 months in barrels.<br />Made in Italy.</p>')
    // A missing tag is saved but flagged by QA.
    const missing = await t.api.translation.saveUnit({ ...key(chianti.id, 'description', 'zh-CN'), text: '<1>优雅的经典基安蒂。</1><3>在橡木桶中陈酿12个月。<4/>意大利制造。</3>' })
    expect(missing.qa.some((q) => q.code === 'tags')).toBe(true)
  })

  it('keywords are edited one per line', async () => {
    const { chianti } = await seedWinery(t.api)
    const u = await t.api.translation.getUnit(key(chianti.id, 'keywords'))
    expect(u.source).toBe('chianti\nvino rosso')
    const saved = await t.api.translation.saveUnit({ ...key(chianti.id, 'keywords'), text: 'chianti\nred wine\n', status: 'approved' })
    expect(saved.qa).toEqual([])
    expect((await t.api.catalog.getProduct({ id: chianti.id })).texts.en?.keywords).toEqual(['chianti', 'red wine'])
    // Changing one Italian keyword makes it stale with a diff by line; changing it back clears it.
    await t.api.catalog.updateProduct({ id: chianti.id, patch: { texts: { it: { keywords: ['chianti', 'vino rosso toscano'] } } } })
    const stale = await t.api.translation.getUnit(key(chianti.id, 'keywords'))
    expect(stale.stale).toBe(true)
    expect(stale.sourceDiff?.find((p) => p.op === 'insert')?.text).toMatch(/toscano/)
    await t.api.catalog.updateProduct({ id: chianti.id, patch: { texts: { it: { keywords: ['chianti', 'vino rosso'] } } } })
    expect((await t.api.translation.getUnit(key(chianti.id, 'keywords'))).stale).toBe(false)
    // Keywords with "," are flagged (the pavilion refuses them).
    const bad = await t.api.translation.saveUnit({ ...key(chianti.id, 'keywords', 'zh-CN'), text: '基安蒂,红葡萄酒' })
    expect(bad.qa.map((q) => q.code)).toContain('keywords')
  })

  it('refuses the Italian source and unknown locales in the workspace', async () => {
    const { chianti } = await seedWinery(t.api)
    await expect(t.translator.translation.saveUnit({ ...key(chianti.id, 'title', 'it'), text: 'x' })).rejects.toMatchObject({ code: 'translation_source_locale' })
    await expect(t.translator.translation.saveUnit({ ...key(chianti.id, 'title', 'de'), text: 'x' })).rejects.toMatchObject({ code: 'translation_unknown_locale' })
  })

  it('gives the translator role translation calls only', async () => {
    const { chianti } = await seedWinery(t.api)
    const err = await t.translator.catalog.updateProduct({ id: chianti.id, patch: { texts: { it: { title: 'Hacked' } } } }).catch((e: AppError) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('forbidden')
    await expect(t.translator.translation.configureMt({ provider: 'deepl', apiKey: 'x' })).rejects.toMatchObject({ code: 'forbidden' })
    await expect(t.translator.system.updateSettings({ targetLocales: ['en'] })).rejects.toMatchObject({ code: 'forbidden' })
    const ok = await t.translator.translation.saveUnit({ ...key(chianti.id, 'title'), text: 'Chianti Classico DOCG 2021 0.75 L', status: 'reviewed' })
    expect(ok.status).toBe('reviewed')
  })

  it('creates units for a new target locale and removes units whose source is gone', async () => {
    const { oil } = await seedWinery(t.api)
    await t.api.system.updateSettings({ targetLocales: ['en', 'zh-CN', 'de'] })
    await new Promise((r) => setImmediate(r))
    expect((await t.api.translation.listUnits({ locales: ['de'] })).total).toBe(6)
    await t.api.catalog.updateProduct({ id: oil.id, patch: { texts: { it: { shortDescription: null } } } })
    expect((await t.api.translation.listUnits({ productIds: [oil.id] })).items.map((u) => u.field)).not.toContain('shortDescription')
  })

  it('filters by QA problems, category and text, and reports stats', async () => {
    const cat = await t.api.catalog.createCategory({ name: { it: 'Vini' } })
    const { chianti } = await seedWinery(t.api)
    await t.api.catalog.updateProduct({ id: chianti.id, patch: { categoryId: cat.id } })
    await t.api.translation.saveUnit({ ...key(chianti.id, 'title'), text: 'Chianti  Classico DOCG 2021 0.75 L' })
    expect((await t.api.translation.listUnits({ qa: 'any' })).items.map((u) => u.field)).toEqual(['title'])
    expect((await t.api.translation.listUnits({ categoryId: cat.id, locales: ['en'] })).total).toBe(4)
    expect((await t.api.translation.listUnits({ query: 'olio', locales: ['en'] })).total).toBe(2)
    const stats = await t.api.translation.stats({})
    const en = stats.locales.find((l) => l.locale === 'en')
    expect(en?.byStatus.translated).toBe(1)
    expect(en?.qaWarnings).toBe(1)
  })
})
