// An import killed (SIGKILL) in the instant after its rows were committed and before its job was
// marked done: at the next start it is done, with all its rows and its summary, not "interrupted"
// and waiting to be applied again.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Core } from '../../electron/core/core.ts'
import { tempDir } from '../helpers/core.ts'

describe('an import killed right after its commit', () => {
  it('is finished as done at the next start, with every row and its summary', async () => {
    const dataDir = tempDir('vetrina-import-killed-')
    const csv = join(tempDir('vetrina-import-killed-csv-'), 'listino.csv')
    writeFileSync(csv, ['Codice;Titolo;Prezzo', ...Array.from({ length: 40 }, (_, i) => `CHI-${i};Chianti Classico ${i};${(12 + i / 10).toFixed(2).replace('.', ',')}`)].join('\n'))
    const worker = spawnSync(process.execPath, [resolve(import.meta.dirname, 'worker.ts'), 'import', dataDir, JSON.stringify({ csv, killAfterCommit: true })], { encoding: 'utf8' })
    expect(worker.signal).toBe('SIGKILL')
    expect(worker.stdout).not.toContain('done')

    const core = Core.open({ dataDir, autoBackupDelayMs: 3_600_000 })
    try {
      const [job] = (await core.api().jobs.list({})).items.filter((j) => j.kind === 'spreadsheet.import')
      expect(job.state).toBe('done')
      expect(job.result).toMatchObject({ created: 40, rejected: 0, written: true })
      expect((await core.api().catalog.listProducts({ limit: 100 })).total).toBe(40)
      const { state } = core.s.db.prepare("SELECT state FROM spreadsheet_imports ORDER BY created_at DESC LIMIT 1").get() as { state: string }
      expect(state).toBe('applied')
    } finally {
      await core.close()
    }
  }, 60_000)
})
