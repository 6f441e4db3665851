// The translator link says whether another PC can open it: with browser mode on this PC only,
// the answer is "off" and no office link is handed out; turning the office network on in the
// settings says it takes effect when browser mode starts again.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startHost, type RunningHost } from '../../electron/core/host/server.ts'
import { openTestCore, tempDir, type TestCore } from '../helpers/core.ts'

const ui = tempDir('vetrina-ui-')
writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Vetrina</title>')
mkdirSync(join(ui, 'assets'))

let t: TestCore | null = null
let host: RunningHost | null = null
afterEach(async () => {
  await host?.close()
  await t?.close()
  host = null
  t = null
})

describe('translator link and the office network', () => {
  it('on this PC only: a 127.0.0.1 link, no office link, and the state says "off"', async () => {
    t = openTestCore()
    host = await startHost({ core: t.core, uiDir: ui })
    const r = await t.api.translation.createTranslatorLink({ label: 'Studio Li' })
    expect(r.officeNetwork).toBe('off')
    expect(r.officeLinks).toEqual([])
    expect(r.links).toHaveLength(1)
    expect(r.links[0]).toMatch(new RegExp(`^${host.url.replace(/\./g, '\\.')}/\\?token=`))
  })

  it('turned on in Settings while browser mode runs on this PC only: "restart"', async () => {
    t = openTestCore()
    host = await startHost({ core: t.core, uiDir: ui })
    await t.api.system.updateSettings({ lanAccess: true })
    const r = await t.api.translation.createTranslatorLink({ label: 'Studio Li' })
    expect(r.officeNetwork).toBe('restart')
    expect(r.officeLinks).toEqual([])
    // The link still opens the workspace on this PC.
    const token = new URL(r.links[0]).searchParams.get('token')!
    const info = await fetch(`${host.url}/api/call/system.info`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' })
    expect(((await info.json()) as { value: { role: string } }).value.role).toBe('translator')
  })

  it('without browser mode there is no link at all, with a reason', async () => {
    t = openTestCore()
    await expect(t.api.translation.createTranslatorLink({})).rejects.toMatchObject({ code: 'browser_mode_off' })
  })
})
