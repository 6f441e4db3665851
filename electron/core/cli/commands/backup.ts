// vetrina backup | backups | restore | health | recover
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { common, reportError, say, withCore, type CommonOptions } from '../context.ts'

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

export function registerBackup(program: Command): void {
  common(program.command('backup').description(say('cli:backup.about')))
    .option('--out <file>', say('cli:backup.out'))
    .action(async (o: CommonOptions & { out?: string }) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const { jobId } = await api.system.backup({ path: o.out ? resolve(o.out) : undefined })
          const job = await follow(jobId)
          const result = job.result as { file: string; size: number; missingMedia: string[] }
          out([
            say('cli:backup.done', { file: result.file, megabytes: megabytes(result.size) }),
            ...(result.missingMedia.length ? [say('cli:backup.missingMedia', { count: result.missingMedia.length })] : [])
          ].join('\n'), result)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(program.command('backups').description(say('cli:backups.about')))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const { items } = await api.system.listBackups({})
          const width = Math.max(0, ...[say('cli:backups.verified'), say('cli:backups.unchecked')].map((w) => w.length))
          out(() => items.map((b) => `${say(b.verified ? 'cli:backups.verified' : 'cli:backups.unchecked').padEnd(width)}  ${b.createdAt}  ${say('cli:backups.size', { megabytes: megabytes(b.size) }).padStart(10)}  ${b.path}`).join('\n') || say('cli:backups.none'), { items })
        }, { rescue: true })
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
        }, { rescue: true })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(program.command('health').description(say('cli:health.about')))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const h = await api.system.health({})
          const backup = h.newestGoodBackup
          out(() => h.state === 'ok' ? say('cli:health.sound') : [
            say('cli:health.unusable', { state: say(`cli:health.state.${h.state}`) }) + (h.problem ? `\n  ${h.problem}` : ''),
            backup ? say('cli:health.newestBackup', { path: backup.path, date: backup.createdAt }) : say('cli:health.noBackup'),
            h.canRecover ? say('cli:health.canRecover') : ''
          ].filter(Boolean).join('\n'), h)
          if (h.state !== 'ok') process.exitCode = 2
        }, { rescue: true })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(program.command('recover').description(say('cli:recover.about')))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const { jobId } = await api.system.recover({})
          const job = await follow(jobId)
          const r = job.result as { rows: number; damagedTables: Array<{ table: string }>; previousKeptIn: string }
          out([
            say('cli:recover.done', { count: r.rows, kept: r.previousKeptIn }),
            ...(r.damagedTables.length ? [say('cli:recover.damaged', { tables: r.damagedTables.map((d) => d.table).join(', ') })] : [])
          ].join('\n'), r)
        }, { rescue: true })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
