// `npm run sandbox`: starts the pavilion sandbox on its own and prints its base URL with a ready
// app key, app secret and seller access token, so any ICBU client can be pointed at it.
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startSandbox } from './server.ts'

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '8765' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: '.vetrina-data/pavilion-sandbox.sqlite' },
    'latency-ms': { type: 'string', default: '0' },
    'error-rate': { type: 'string', default: '0' },
    'lost-rate': { type: 'string', default: '0' },
    qps: { type: 'string' },
    'audit-ms': { type: 'string', default: '2000' },
    'numeric-codes': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false }
  }
})

if (args.help) {
  console.log(`Usage: npm run sandbox -- [--port 8765] [--host 127.0.0.1] [--db file.sqlite] [--latency-ms 0]
  [--error-rate 0.05] [--lost-rate 0.03] [--qps 10] [--audit-ms 2000] [--numeric-codes] [--json]`)
  process.exit(0)
}

const num = (name: string, v: string | undefined): number => {
  const n = Number(v)
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} must be a number ≥ 0 (got ${v})`)
    process.exit(2)
  }
  return n
}

const dbFile = resolve(args.db)
mkdirSync(dirname(dbFile), { recursive: true })
const sandbox = await startSandbox({
  dbFile,
  host: args.host,
  port: num('port', args.port),
  numericCodes: args['numeric-codes'],
  flow: { qps: args.qps === undefined ? null : num('qps', args.qps) },
  faults: { latencyMs: num('latency-ms', args['latency-ms']), errorRate: num('error-rate', args['error-rate']), lostResponseRate: num('lost-rate', args['lost-rate']) },
  settings: { audit: { delayMs: num('audit-ms', args['audit-ms']), rejectWords: ['replica', 'counterfeit', 'fake'] } }
})
const creds = sandbox.credentials()
if (args.json) {
  console.log(JSON.stringify({ url: sandbox.url, gateway: `${sandbox.url}/sync`, db: dbFile, controlToken: sandbox.controlToken, ...creds }))
} else {
  console.log(`Pavilion sandbox listening on ${sandbox.url}
  gateway (TOP-compatible): ${sandbox.url}/sync   sign_method=sha256, 13-digit ms timestamps
  token endpoints:          ${sandbox.url}/rest/auth/token/create | /rest/auth/token/refresh
  app key:                  ${creds.appKey}
  app secret:               ${creds.appSecret}
  seller access token:      ${creds.accessToken}
  refresh token:            ${creds.refreshToken}
  store:                    ${dbFile}
  test controls:            ${sandbox.url}/__sandbox/… (loopback only) with header "Authorization: Bearer ${sandbox.controlToken}"
Press Ctrl+C to stop.`)
}

const stop = async () => {
  await sandbox.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
