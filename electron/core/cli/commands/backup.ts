// vetrina backup | restore
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { common, reportError, say, withCore, type CommonOptions } from '../context.ts'

export function registerBackup(program: Command): void {
  common(program.command('backup').description(say('cli:backup.about')))
    .option('--out <file>', say('cli:backup.out'))
    .action(async (o: CommonOptions & { out?: string }) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const { jobId } = await api.system.backup({ path: o.out ? resolve(o.out) : undefined })
          const job = await follow(jobId)
          const result = job.result as { file: string; size: number }
          out(say('cli:backup.done', { file: result.file, megabytes: Math.round((result.size / 1024 / 1024) * 10) / 10 }), result)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(program.command('restore').description(say('cli:restore.about')).argument('<file>', say('cli:restore.file')))
    .action(async (file: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const { jobId } = await api.system.restore({ file: { kind: 'path', path: resolve(file) } })
          const job = await follow(jobId)
          const result = job.result as { restoredFrom: string; previousKeptIn: string }
          out(say('cli:restore.done', { from: result.restoredFrom, kept: result.previousKeptIn }), result)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
