// Test helpers for the translation area: a real core on a temp folder, and a small catalogue.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Core } from '../../electron/core/core.ts'
import { MemorySecretStore } from '../../electron/core/platform/secrets.ts'
import type { Api } from '../../shared/contract/index.ts'

export interface TestCore { core: Core; api: Api; translator: Api; dir: string; close(): Promise<void> }

export function openCore(opts: { startJobs?: boolean } = {}): TestCore {
  const dir = mkdtempSync(join(tmpdir(), 'vetrina-tr-'))
  const core = Core.open({ dataDir: dir, logFile: null, secrets: new MemorySecretStore(), startJobs: opts.startJobs })
  return {
    core,
    dir,
    api: core.api(),
    translator: core.api({ role: 'translator', transport: 'http', actor: 'translator@192.168.1.20' }),
    async close() {
      await core.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export async function seedWinery(api: Api) {
  const chianti = await api.catalog.createProduct({
    sku: 'CHI-2021-075',
    texts: {
      it: {
        title: 'Chianti Classico DOCG 2021 0,75 L',
        shortDescription: 'Vino rosso toscano, 13,5% vol, cartone da 6 bottiglie.',
        description: '<p>Un <strong>Chianti Classico</strong> elegante.</p><p>Affinato 12 mesi in botte.<br>Made in Italy.</p>',
        keywords: ['chianti', 'vino rosso']
      }
    }
  })
  const oil = await api.catalog.createProduct({
    sku: 'EVO-050',
    texts: { it: { title: 'Olio extra vergine di oliva 0,5 L', shortDescription: 'Olio toscano IGP, bottiglia da 0,5 L.' } }
  })
  return { chianti, oil }
}

export async function waitFor<T>(fn: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 10_000): Promise<T> {
  const start = Date.now()
  for (;;) {
    const v = await fn()
    if (v) return v as T
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}

export async function jobDone(api: Api, jobId: string, timeoutMs = 15_000) {
  return waitFor(async () => {
    const j = await api.jobs.get({ id: jobId })
    return ['done', 'failed', 'cancelled'].includes(j.state) ? j : null
  }, timeoutMs)
}
