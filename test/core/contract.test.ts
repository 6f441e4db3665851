// The one door into the core: every call has a handler, roles are enforced, inputs validated.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { calls, contract } from '../../shared/contract/index.ts'
import { openTestCore, type TestCore } from '../helpers/core.ts'

let t: TestCore
beforeAll(() => {
  t = openTestCore()
})
afterAll(async () => {
  await t.close()
})

describe('contract', () => {
  test('every call has input and output schemas and at least one role', () => {
    expect(Object.keys(calls).length).toBeGreaterThan(30)
    for (const [name, def] of Object.entries(calls)) {
      expect(def.roles.length, name).toBeGreaterThan(0)
      expect(typeof def.input.safeParse, name).toBe('function')
      expect(typeof def.output.safeParse, name).toBe('function')
      expect(def.summary.length, name).toBeGreaterThan(5)
    }
    expect(Object.keys(contract)).toEqual(expect.arrayContaining(['catalog', 'jobs', 'system']))
  })

  test('roles: a translator reads the catalogue but cannot change settings or products', async () => {
    const translator = { role: 'translator' as const, transport: 'http' as const }
    expect((await t.core.call('catalog.listProducts', {}, translator)).ok).toBe(true)
    for (const method of ['catalog.createProduct', 'system.updateSettings', 'system.backup', 'jobs.cancel']) {
      const r = await t.core.call(method, {}, translator)
      expect(r.ok ? 'ok' : r.error.code, method).toBe('forbidden')
    }
  })

  test('unknown calls and inputs of the wrong shape', async () => {
    const unknown = await t.core.call('catalog.hack', {})
    expect(unknown.ok ? '' : unknown.error.code).toBe('unknown_method')
    const proto = await t.core.call('constructor.prototype', {})
    expect(proto.ok ? '' : proto.error.code).toBe('unknown_method')
    const wrong = await t.core.call('catalog.listProducts', { limit: 100000, sort: 'price' })
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) expect(wrong.error.issues?.map((i) => i.path).sort()).toEqual(['limit', 'sort'])
    const notObject = await t.core.call('catalog.getProduct', 'CHI-2021')
    expect(notObject.ok ? '' : notObject.error.code).toBe('validation')
  })

  test('settings are validated and persisted', async () => {
    const s = await t.api.system.updateSettings({ targetLocales: ['en', 'zh-CN', 'de'], autoBackup: { enabled: false, keep: 3 } })
    expect(s.targetLocales).toEqual(['en', 'zh-CN', 'de'])
    const bad = await t.core.call('system.updateSettings', { targetLocales: ['english'] })
    expect(bad.ok ? '' : bad.error.issues?.[0].path).toBe('targetLocales.0')
    expect((await t.api.system.getSettings({})).autoBackup).toEqual({ enabled: false, keep: 3, weeks: 4, months: 12 })
  })
})
