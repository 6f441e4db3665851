// `vetrina publish` as a separate process: --dry-run reports readiness without sending anything,
// bad options are refused with a reason, and a real run against the sandbox reports the result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Core } from '../../electron/core/core.ts'
import type { Sandbox } from '../../electron/sandbox/server.ts'
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { WINE_CATEGORY, startTestSandbox, tempDir, wineCreate } from './helpers.ts'
import { cliEnv } from '../helpers/cli.ts'

let sandbox: Sandbox
let dataDir: string

/** The real `vetrina` command, run asynchronously: the sandbox lives in this process and must keep answering. */
function vetrina(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string; json<T>(): T }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(import.meta.dirname, '../../electron/core/cli/main.ts'), ...args, '--data-dir', dir], { env: cliEnv() })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => { stdout += d })
    child.stderr.on('data', (d) => { stderr += d })
    child.on('exit', (code) => done({ code: code ?? -1, stdout, stderr, json: <T,>() => JSON.parse(stdout) as T }))
  })
}

beforeAll(async () => {
  sandbox = await startTestSandbox()
  dataDir = tempDir('cli-publish')
  const core = Core.open({ dataDir, logFile: null })
  const api = core.api()
  const cat = await api.catalog.createCategory({ name: { it: 'Vini' }, pavilionCategoryId: WINE_CATEGORY })
  await api.catalog.createProduct(wineCreate(1, { categoryId: cat.id }))
  await api.publish.updateSettings({ sandbox: { url: sandbox.url, chinese: false }, auditPollSeconds: 0.05 })
  const c = sandbox.credentials()
  await api.publish.setCredentials({ target: 'sandbox', appKey: c.appKey, appSecret: c.appSecret, accessToken: c.accessToken, refreshToken: c.refreshToken })
  await core.close()
})
afterAll(async () => {
  await sandbox.close()
})

describe('vetrina publish', () => {
  it('--dry-run reports each listing and sends nothing', async () => {
    const r = await vetrina(dataDir, ['publish', '--dry-run', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const out = r.json<{ summary: { ready: number; blocked: number }; items: Array<{ sku: string; problems: Array<{ code: string }> }> }>()
    // The CLI process has no photo provider yet (the photos area sets it), so photos are missing.
    expect(out.summary.blocked).toBe(1)
    expect(out.items[0].problems.map((p) => p.code)).toContain('images_missing')
    expect(sandbox.stats.calls['alibaba.icbu.product.schema.add'] ?? 0).toBe(0)
  })

  it('refuses an unknown target with a reason', async () => {
    const r = await vetrina(dataDir, ['publish', '--target', 'ebay'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/--target must be sandbox or alibaba/)
  })

  it('publishes and reports per state, exit code 1 while something needs fixing', async () => {
    const r = await vetrina(dataDir, ['publish', '--json'])
    expect(r.code).toBe(1)
    const out = r.json<{ needsFixing: number; counts: Record<string, number>; problems: Array<{ state: string; problems: Array<{ code: string }> }> }>()
    expect(out.needsFixing).toBe(1)
    expect(out.counts.needs_fixing).toBe(1)
    expect(out.problems[0].problems.map((p) => p.code)).toContain('images_missing')
  })
})
