import { Core } from '../electron/core/core.ts'
import { mkdtempSync } from 'node:fs'
const path = process.argv[2]
const core = Core.open({ dataDir: mkdtempSync('/tmp/prof-'), logFile: null, lock: false })
const api = core.api()
const file = { kind: 'path' as const, path }
const i = await api.spreadsheet.inspect({ file })
const t0 = performance.now()
const { jobId } = await api.spreadsheet.importFile({ file, read: i.read, columns: i.columns })
await core.s.jobs.whenIdle()
console.log('ms', performance.now() - t0, (await api.jobs.get({ id: jobId })).state)
await core.close()
