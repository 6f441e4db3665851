// npm run web [-- --data-dir DIR --port N --lan --json]
import { parseArgs } from 'node:util'
import { assertRuntimeSupportsSqlite } from '../store/db.ts'
import { runWebHost } from './run.ts'

assertRuntimeSupportsSqlite()
const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, lan: { type: 'boolean' }, json: { type: 'boolean' } }
})
try {
  await runWebHost({ dataDir: values['data-dir'], port: values.port ? Number(values.port) : undefined, lan: values.lan, json: values.json })
} catch (err) {
  process.stderr.write(`error: ${(err as Error).message}\n`)
  process.exit(1)
}
