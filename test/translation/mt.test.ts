import { createServer } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { translationInternals } from '../../electron/core/translation/module.ts'
import { jobDone, openCore, seedWinery, waitFor, type TestCore } from './helpers.ts'
import { startAlibaba, startDeepl, startLibreTranslate, type FakeServer } from './mt-servers.ts'
import { OFFLINE_MESSAGE } from '../../electron/core/jobs/runner.ts'

let t: TestCore
const servers: FakeServer[] = []
beforeEach(() => {
  t = openCore()
})
afterEach(async () => {
  await t.close()
  for (const s of servers.splice(0)) await s.close()
})

async function freePort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as { port: number }).port
  await new Promise((r) => srv.close(r))
  return port
}

describe('DeepL adapter', () => {
  it('translates Italian directly with a glossary, as "machine", and never overwrites human work', async () => {
    const deepl = await startDeepl({ key: 'secret-key:fx' })
    servers.push(deepl)
    const { chianti, oil } = await seedWinery(t.api)
    await t.api.translation.saveTerm({ sourceLang: 'it', targetLang: '*', kind: 'dnt', source: 'Chianti Classico' })
    await t.api.translation.saveTerm({ sourceLang: 'it', targetLang: 'en', kind: 'preferred', source: 'olio', target: 'oil' })
    await t.api.translation.configureMt({ provider: 'deepl', enabled: true, baseUrl: deepl.url, apiKey: 'secret-key:fx' })
    const info = (await t.api.translation.mtProviders({})).items.find((p) => p.name === 'deepl')
    expect(info).toMatchObject({ configured: true, enabled: true, route: 'direct from Italian' })
    await t.api.translation.saveUnit({ productId: oil.id, field: 'title', locale: 'en', text: 'Extra virgin olive oil 0.5 L' })

    const { jobId, units } = await t.api.translation.machineTranslate({ provider: 'deepl', selection: { locales: ['en'] } })
    expect(units).toBe(6)
    const job = await jobDone(t.api, jobId)
    expect(job.state).toBe('done')
    expect(job.result).toMatchObject({ machine: 5, suggestions: 1 })

    const title = await t.api.translation.getUnit({ productId: chianti.id, field: 'title', locale: 'en' })
    expect(title).toMatchObject({ status: 'machine', origin: 'machine', target: '[EN-GB] Chianti Classico DOCG 2021 0,75 L' })
    const human = await t.api.translation.getUnit({ productId: oil.id, field: 'title', locale: 'en' })
    expect(human).toMatchObject({ status: 'translated', target: 'Extra virgin olive oil 0.5 L' })
    expect(human.suggestions.find((s) => s.kind === 'mt')?.text).toBe('[EN-GB] Olio extra vergine di oliva 0,5 L')
    // Keywords go one per text; descriptions as HTML.
    const kw = await t.api.translation.getUnit({ productId: chianti.id, field: 'keywords', locale: 'en' })
    expect(kw.target).toBe('[EN-GB] chianti\n[EN-GB] vino rosso')
    const translateCalls = deepl.requests.filter((r) => r.path === '/v2/translate').map((r) => JSON.parse(r.body))
    expect(translateCalls.some((b) => b.tag_handling === 'html')).toBe(true)
    expect(translateCalls.every((b) => b.source_lang === 'IT' && b.target_lang === 'EN-GB' && b.glossary_id === 'g-1')).toBe(true)
    expect([...deepl.glossaries.values()][0]).toMatchObject({ source_lang: 'it', target_lang: 'en', entries: expect.arrayContaining([['Chianti Classico', 'Chianti Classico'], ['olio', 'oil']]) })
    // The glossary is uploaded once while unchanged, replaced when it changes.
    await jobDone(t.api, (await t.api.translation.machineTranslate({ provider: 'deepl', selection: { locales: ['en'], productIds: [oil.id] } })).jobId)
    expect(deepl.requests.filter((r) => r.path === '/v2/glossaries').length).toBe(1)
    await t.api.translation.saveTerm({ sourceLang: 'it', targetLang: 'en', kind: 'preferred', source: 'bottiglia', target: 'bottle' })
    await jobDone(t.api, (await t.api.translation.machineTranslate({ provider: 'deepl', selection: { locales: ['en'], productIds: [oil.id] } })).jobId)
    expect(deepl.requests.filter((r) => r.path === '/v2/glossaries').length).toBe(2)
    expect(deepl.requests.some((r) => r.method === 'DELETE' && r.path === '/v2/glossaries/g-1')).toBe(true)
  })

  it('translates Italian into Simplified Chinese', async () => {
    const deepl = await startDeepl({ key: 'k' })
    servers.push(deepl)
    const { oil } = await seedWinery(t.api)
    await t.api.translation.configureMt({ provider: 'deepl', enabled: true, baseUrl: deepl.url, apiKey: 'k' })
    await jobDone(t.api, (await t.api.translation.machineTranslate({ provider: 'deepl', selection: { locales: ['zh-CN'], productIds: [oil.id], fields: ['title'] } })).jobId)
    expect((await t.api.translation.getUnit({ productId: oil.id, field: 'title', locale: 'zh-CN' })).target).toBe('[ZH-HANS] Olio extra vergine di oliva 0,5 L')
  })

  it('waits and retries on 429 (Retry-After), fails clearly on quota (456) and refused keys (403)', async () => {
    const deepl = await startDeepl({ key: 'k', quotaChars: 40 })
    servers.push(deepl)
    const { oil } = await seedWinery(t.api)
    await t.api.translation.configureMt({ provider: 'deepl', enabled: true, baseUrl: deepl.url, apiKey: 'k' })
    deepl.fail(1, 429, { message: 'Too many requests' }, { 'Retry-After': '1' })
    const ok = await jobDone(t.api, (await t.api.translation.machineTranslate({ provider: 'deepl', selection: { locales: ['en'], productIds: [oil.id], fields: ['title'] } })).jobId)
    expect(ok.state).toBe('done')
    expect(deepl.requests.filter((r) => r.path === '/v2/translate').length).toBe(2)

    const quota = await jobDone(t.api, (await t.api.translation.machineTranslate({ provider: 'deepl', selection: { locales: ['zh-CN'], productIds: [oil.id] } })).jobId)
    expect(quota.state).toBe('failed')
    expect(quota.error).toMatchObject({ code: 'mt_quota' })
    expect(quota.error?.message).toMatch(/quota/)
    expect((await t.api.translation.getUnit({ productId: oil.id, field: 'title', locale: 'zh-CN' })).status).toBe('new')

    await t.api.translation.configureMt({ provider: 'deepl', apiKey: 'wrong' })
    const auth = await jobDone(t.api, (await t.api.translation.machineTranslate({ provider: 'deepl', selection: { locales: ['en'], productIds: [oil.id] } })).jobId)
    expect(auth.error?.code).toBe('mt_auth')
  })

  it('parks server errors (5xx) as retry-later without failing', async () => {
    const deepl = await startDeepl({ key: 'k' })
    servers.push(deepl)
    const { oil } = await seedWinery(t.api)
    await t.api.translation.configureMt({ provider: 'deepl', enabled: true, baseUrl: deepl.url, apiKey: 'k' })
    deepl.fail(1, 503, { message: 'Service unavailable' })
    const { jobId } = await t.api.translation.machineTranslate({ provider: 'deepl', selection: { locales: ['en'], productIds: [oil.id], fields: ['title'] } })
    const waiting = await waitFor(async () => {
      const j = await t.api.jobs.get({ id: jobId })
      return j.state === 'waiting' ? j : null
    })
    expect(waiting.message).toEqual({ key: 'translate:errors.mt_server', params: { provider: 'DeepL' } })
    t.core.s.jobs.wake(jobId)
    expect((await jobDone(t.api, jobId)).state).toBe('done')
  })
})

describe('LibreTranslate adapter', () => {
  it('queues while the LAN server is unreachable and runs once it answers, resuming where it stopped', async () => {
    const port = await freePort()
    const { chianti } = await seedWinery(t.api)
    await t.api.translation.configureMt({ provider: 'libretranslate', enabled: true, baseUrl: `http://127.0.0.1:${port}`, apiKey: 'lt-key' })
    const { jobId } = await t.api.translation.machineTranslate({ provider: 'libretranslate', selection: { locales: ['zh-CN'], productIds: [chianti.id] } })
    const parked = await waitFor(async () => {
      const j = await t.api.jobs.get({ id: jobId })
      return j.state === 'waiting' ? j : null
    })
    expect(parked.message).toEqual(OFFLINE_MESSAGE)
    expect(parked.attempts).toBe(0)
    const internals = translationInternals.get(t.core.s)!
    expect(await internals.mt.wakeReachable()).toEqual([])

    const lt = await startLibreTranslate({ apiKey: 'lt-key', port })
    servers.push(lt)
    expect(await internals.mt.wakeReachable()).toEqual([jobId])
    const job = await jobDone(t.api, jobId)
    expect(job.state).toBe('done')
    expect(job.result).toMatchObject({ machine: 4 })
    const u = await t.api.translation.getUnit({ productId: chianti.id, field: 'title', locale: 'zh-CN' })
    expect(u).toMatchObject({ status: 'machine', target: '[zh-Hans] Chianti Classico DOCG 2021 0,75 L' })
    const calls = lt.requests.filter((r) => r.path === '/translate').map((r) => JSON.parse(r.body))
    expect(calls.every((c) => c.source === 'it' && c.target === 'zh-Hans' && c.api_key === 'lt-key')).toBe(true)
    expect(calls.find((c) => c.format === 'html')).toBeTruthy()
  })

  it('records per-unit problems for rejected requests and carries on', async () => {
    const lt = await startLibreTranslate()
    servers.push(lt)
    const { oil } = await seedWinery(t.api)
    await t.api.translation.configureMt({ provider: 'libretranslate', enabled: true, baseUrl: lt.url })
    lt.fail(1, 400, { error: 'Invalid request: missing q parameter' })
    const job = await jobDone(t.api, (await t.api.translation.machineTranslate({ provider: 'libretranslate', selection: { locales: ['en'], productIds: [oil.id] } })).jobId)
    expect(job.state).toBe('done')
    const result = job.result as { machine: number; problems: Array<{ unitId: string; message: string }> }
    expect(result.machine).toBe(0)
    expect(result.problems).toHaveLength(2)
    expect(result.problems[0].message).toMatch(/missing q parameter/)
  })
})

describe('Alibaba Cloud adapter', () => {
  it('translates into Chinese from the English translation (no Italian source), with signed requests', async () => {
    const ali = await startAlibaba({ accessKeyId: 'AKID', secret: 'S3cr3t' })
    servers.push(ali)
    const { chianti, oil } = await seedWinery(t.api)
    await t.api.translation.configureMt({ provider: 'alibaba', enabled: true, baseUrl: ali.url, accessKeyId: 'AKID', accessKeySecret: 'S3cr3t' })
    await t.api.translation.saveUnit({ productId: oil.id, field: 'title', locale: 'en', text: 'Extra virgin olive oil 0.5 L' })
    const job = await jobDone(t.api, (await t.api.translation.machineTranslate({ provider: 'alibaba', selection: { locales: ['zh-CN'], fields: ['title'] } })).jobId)
    expect(job.state).toBe('done')
    const result = job.result as { machine: number; problems: Array<{ unitId: string; message: string }> }
    expect(result.machine).toBe(1)
    expect(result.problems).toEqual([{ unitId: `${chianti.id}.title.zh-CN`, code: 'mt_no_english', params: { sku: 'CHI-2021-075', field: 'title', locale: 'zh-CN' }, message: expect.stringMatching(/English/) }])
    expect((await t.api.translation.getUnit({ productId: oil.id, field: 'title', locale: 'zh-CN' })).target).toBe('[zh/title] Extra virgin olive oil 0.5 L')
    const form = Object.fromEntries(new URLSearchParams(ali.requests[0].body))
    expect(form).toMatchObject({ Action: 'Translate', SourceLanguage: 'en', TargetLanguage: 'zh', Scene: 'title', FormatType: 'text', AccessKeyId: 'AKID' })
  })

  it('pivots through DeepL when configured, retries throttling and reports bad credentials', async () => {
    const ali = await startAlibaba({ accessKeyId: 'AKID', secret: 'S3cr3t' })
    const deepl = await startDeepl({ key: 'k' })
    servers.push(ali, deepl)
    const { oil } = await seedWinery(t.api)
    await t.api.translation.configureMt({ provider: 'deepl', enabled: true, baseUrl: deepl.url, apiKey: 'k' })
    await t.api.translation.configureMt({ provider: 'alibaba', enabled: true, baseUrl: ali.url, accessKeyId: 'AKID', accessKeySecret: 'S3cr3t', pivot: 'deepl' })
    ali.fail(1, 400, { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.' })
    const job = await jobDone(t.api, (await t.api.translation.machineTranslate({ provider: 'alibaba', selection: { locales: ['zh-CN'], productIds: [oil.id], fields: ['shortDescription'] } })).jobId)
    expect(job.state).toBe('done')
    expect((await t.api.translation.getUnit({ productId: oil.id, field: 'shortDescription', locale: 'zh-CN' })).target)
      .toBe('[zh/description] [EN-GB] Olio toscano IGP, bottiglia da 0,5 L.')
    // English units are refused by this route.
    const en = await jobDone(t.api, (await t.api.translation.machineTranslate({ provider: 'alibaba', selection: { locales: ['en'], productIds: [oil.id], fields: ['title'] } })).jobId)
    expect((en.result as { problems: unknown[] }).problems).toHaveLength(1)
    await t.api.translation.configureMt({ provider: 'alibaba', accessKeySecret: 'wrong' })
    const bad = await jobDone(t.api, (await t.api.translation.machineTranslate({ provider: 'alibaba', selection: { locales: ['zh-CN'], productIds: [oil.id], fields: ['title'] } })).jobId)
    expect(bad.error).toMatchObject({ code: 'mt_auth' })
    expect(bad.error?.message).toMatch(/SignatureDoesNotMatch/)
  })

  it('refuses machine translation when the provider is not set up', async () => {
    await seedWinery(t.api)
    await expect(t.api.translation.machineTranslate({ provider: 'alibaba', selection: {} })).rejects.toMatchObject({ code: 'mt_not_configured' })
  })
})
