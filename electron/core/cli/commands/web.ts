// vetrina web: the browser-mode host (same as npm run web, without building the UI first).
import type { Command } from 'commander'
import { runWebHost } from '../../host/run.ts'
import { common, reportError, say, type CommonOptions } from '../context.ts'

export function registerWeb(program: Command): void {
  common(program.command('web').description(say('cli:web.about')))
    .option('--port <n>', say('cli:web.port'))
    .option('--lan', say('cli:web.lan'))
    .action(async (o: CommonOptions & { port?: string; lan?: boolean }) => {
      try {
        await runWebHost({ dataDir: o.dataDir, port: o.port ? Number(o.port) : undefined, lan: o.lan, json: o.json })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
