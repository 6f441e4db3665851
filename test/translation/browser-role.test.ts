// The translator's role in browser mode, over real HTTP: a link made by the owner opens the
// workspace; the translator may translate, but not edit the catalogue, settings or providers.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHost, type RunningHost } from '../../electron/core/host/server.ts'
import { openTestCore, tempDir, type TestCore } from '../helpers/core.ts'
import { seedWinery } from './helpers.ts'

let t: TestCore
let host: RunningHost
let owner: string
let ids: Awaited<ReturnType<typeof seedWinery>>
const ui = tempDir('vetrina-ui-')

beforeAll(async () => {
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Vetrina</title>')
  mkdirSync(join(ui, 'assets'))
  t = openTestCore()
  ids = await seedWinery(t.api)
  host = await startHost({ core: t.core, uiDir: ui })
  owner = new URL(host.ownerLink).searchParams.get('token')!
})
afterAll(async () => {
  await host.close()
  await t.close()
})

async function call(token: string, method: string, input: unknown) {
  const r = await fetch(`${host.url}/api/call/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(input) })
  return { status: r.status, body: (await r.json()) as { ok: boolean; value?: any; error?: { code: string; message: string } } }
}

describe('translator in browser mode', () => {
  it('gets a link from the owner, and a translator cannot make links', async () => {
    const r = await call(owner, 'translation.createTranslatorLink', { label: 'Li Wei' })
    expect(r.body.ok).toBe(true)
    const link = r.body.value.links[0] as string
    expect(link).toMatch(new RegExp(`^${host.url}/\\?token=`))
    const translator = new URL(link).searchParams.get('token')!
    const info = await call(translator, 'system.info', {})
    expect(info.body.value.role).toBe('translator')
    expect((await call(translator, 'translation.createTranslatorLink', {})).body.error?.code).toBe('forbidden')
  })

  it('may translate, review and use the memory, glossary and machine translation requests', async () => {
    const translator = new URL((await call(owner, 'translation.createTranslatorLink', { label: 'agency' })).body.value.links[0]).searchParams.get('token')!
    const saved = await call(translator, 'translation.saveUnit', { productId: ids.chianti.id, field: 'title', locale: 'zh-CN', text: '经典基安蒂 DOCG 2021 0.75 L', status: 'reviewed' })
    expect(saved.body).toMatchObject({ ok: true, value: { status: 'reviewed' } })
    expect((await call(translator, 'translation.listUnits', { stale: false })).body.ok).toBe(true)
    expect((await call(translator, 'translation.tmLookup', { targetLocale: 'en', text: 'Olio' })).body.ok).toBe(true)
    expect((await call(translator, 'translation.saveTerm', { targetLang: 'en', kind: 'preferred', source: 'vino rosso', target: 'red wine' })).body.ok).toBe(true)
    // The history names who did it.
    const history = await t.api.catalog.history({ id: ids.chianti.id })
    expect(history.items.find((h) => h.path === 'texts.zh-CN.title')?.detail).toMatch(/agency@127\.0\.0\.1/)
  })

  it('cannot edit the catalogue, the Italian source, settings, providers or upload files', async () => {
    const translator = new URL((await call(owner, 'translation.createTranslatorLink', {})).body.value.links[0]).searchParams.get('token')!
    const upd = await call(translator, 'catalog.updateProduct', { id: ids.oil.id, patch: { texts: { it: { title: 'x' } } } })
    expect(upd.status).toBe(403)
    expect(upd.body.error?.code).toBe('forbidden')
    expect((await call(translator, 'translation.saveUnit', { productId: ids.oil.id, field: 'title', locale: 'it', text: 'x' })).body.error?.code).toBe('translation_source_locale')
    for (const [method, input] of [
      ['catalog.deleteProduct', { id: ids.oil.id }], ['system.updateSettings', { targetLocales: ['en'] }],
      ['translation.configureMt', { provider: 'deepl', apiKey: 'k' }], ['translation.importGlossary', { file: { kind: 'path', path: '/etc/passwd' } }],
      ['translation.xliffImport', { file: { kind: 'path', path: '/etc/passwd' } }], ['translation.tmImport', { file: { kind: 'path', path: '/etc/passwd' } }]
    ] as const) {
      expect((await call(translator, method, input)).body.error?.code, method).toBe('forbidden')
    }
    const up = await fetch(`${host.url}/api/upload?name=x.xlf`, { method: 'POST', headers: { Authorization: `Bearer ${translator}` }, body: 'x' })
    expect(up.status).toBe(403)
    expect((await t.api.catalog.getProduct({ id: ids.oil.id })).texts.it?.title).toBe('Olio extra vergine di oliva 0,5 L')
  })

  it('without browser mode running there is no link to give', async () => {
    await host.close()
    await expect(t.api.translation.createTranslatorLink({})).rejects.toMatchObject({ code: 'browser_mode_off' })
    host = await startHost({ core: t.core, uiDir: ui })
    owner = new URL(host.ownerLink).searchParams.get('token')!
  })
})
