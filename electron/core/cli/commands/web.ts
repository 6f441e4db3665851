// vetrina web: the browser-mode host (same as npm run web, without building the UI first).
import type { Command } from 'commander'
import { runWebHost } from '../../host/run.ts'
import { common, reportError, type CommonOptions } from '../context.ts'

export function registerWeb(program: Command): void {
  common(program.command('web').description('serve the app to a browser on this computer (or the office network with --lan)'))
    .option('--port <n>', 'port (default: a free one)')
    .option('--lan', 'also accept connections from the office network')
    .action(async (o: CommonOptions & { port?: string; lan?: boolean }) => {
      try {
        await runWebHost({ dataDir: o.dataDir, port: o.port ? Number(o.port) : undefined, lan: o.lan, json: o.json })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
