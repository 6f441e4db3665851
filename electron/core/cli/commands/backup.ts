// vetrina backup | restore
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { common, reportError, withCore, type CommonOptions } from '../context.ts'

export function registerBackup(program: Command): void {
  common(program.command('backup').description('write a backup archive (database + photos)'))
    .option('--out <file>', 'where to write it (default: the backups folder)')
    .action(async (o: CommonOptions & { out?: string }) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const { jobId } = await api.system.backup({ path: o.out ? resolve(o.out) : undefined })
          const job = await follow(jobId)
          const result = job.result as { file: string; size: number }
          out(`Backup written: ${result.file} (${(result.size / 1024 / 1024).toFixed(1)} MB)`, result)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(program.command('restore').description('check a backup, then replace the catalogue with it').argument('<file>'))
    .action(async (file: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const { jobId } = await api.system.restore({ file: { kind: 'path', path: resolve(file) } })
          const job = await follow(jobId)
          const result = job.result as { restoredFrom: string; previousKeptIn: string }
          out(`Restored from ${result.restoredFrom}. The previous catalogue was kept in ${result.previousKeptIn}.`, result)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
