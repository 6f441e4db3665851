// Starts browser mode: opens the core on the data folder, serves the built UI and prints the link.
// Used by `npm run web`, `vetrina web`, and `npm start` when Electron cannot run.
import { resolve } from 'node:path'
import { Core } from '../core.ts'
import { resolveDataDir } from '../platform/data-dir.ts'
import { startHost, type RunningHost } from './server.ts'
import { translator } from '../../../shared/messages/translator.ts'
import { cliLanguage } from '../cli/lang.ts'

export const UI_DIR = resolve(import.meta.dirname, '../../../out/renderer')

export interface WebOptions {
  dataDir?: string
  port?: number
  lan?: boolean
  json?: boolean
  uiDir?: string
}

export async function runWebHost(o: WebOptions): Promise<{ core: Core; host: RunningHost }> {
  const dataDir = resolveDataDir(o.dataDir)
  // A damaged or missing catalogue still opens, showing only the way out (restore, recover).
  const core = Core.open({ dataDir, rescue: true })
  const lan = o.lan ?? core.s.settings.app().lanAccess
  let host: RunningHost
  try {
    host = await startHost({ core, uiDir: o.uiDir ?? UI_DIR, port: o.port, lan })
  } catch (err) {
    await core.close()
    throw err
  }
  const token = new URL(host.ownerLink).searchParams.get('token') ?? ''
  if (o.json) {
    process.stdout.write(`${JSON.stringify({ url: host.url, link: host.ownerLink, lanLinks: host.lanLinks(token), dataDir })}\n`)
  } else {
    const t = translator(cliLanguage(process.argv.slice(2), process.env))
    process.stdout.write(`${t('cli:web.running', { dataDir })}\n${t('cli:web.open', { link: host.ownerLink })}\n`)
    for (const l of host.lanLinks(token)) process.stdout.write(`${t('cli:web.office', { link: l })}\n`)
    process.stdout.write(`${t('cli:web.stop')}\n`)
  }
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await host.close()
    await core.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return { core, host }
}
