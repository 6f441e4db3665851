// vetrina backup | backups | restore | health | recover
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { common, reportError, withCore, type CommonOptions } from '../context.ts'

export function registerBackup(program: Command): void {
  common(program.command('backup').description('write a backup archive (database + photos), checked by reading it back'))
    .option('--out <file>', 'where to write it (default: the backups folder)')
    .action(async (o: CommonOptions & { out?: string }) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const { jobId } = await api.system.backup({ path: o.out ? resolve(o.out) : undefined })
          const job = await follow(jobId)
          const result = job.result as { file: string; size: number; missingMedia: string[] }
          out(`Backup written and verified: ${result.file} (${(result.size / 1024 / 1024).toFixed(1)} MB)` +
            (result.missingMedia.length ? `\n${result.missingMedia.length} photo file(s) were already missing from the media folder.` : ''), result)
        })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(program.command('backups').description('list the backups in the data folder, newest first (verified ones can be restored)'))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const { items } = await api.system.listBackups({})
          out(() => items.map((b) => `${b.verified ? 'verified  ' : 'unchecked '} ${b.createdAt}  ${(b.size / 1024 / 1024).toFixed(1).padStart(8)} MB  ${b.path}`).join('\n') || 'No backups yet.', { items })
        }, { rescue: true })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(program.command('restore').description('check a backup, then replace the catalogue with it (works on a damaged or missing catalogue too)').argument('<file>'))
    .action(async (file: string, o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const { jobId } = await api.system.restore({ file: { kind: 'path', path: resolve(file) } })
          const job = await follow(jobId)
          const result = job.result as { restoredFrom: string; previousKeptIn: string }
          out(`Restored from ${result.restoredFrom}. The previous catalogue was kept in ${result.previousKeptIn}.`, result)
        }, { rescue: true })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(program.command('health').description('check the catalogue (SQLite quick_check) and show the way out if it is damaged'))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out }) => {
          const h = await api.system.health({})
          out(() => h.state === 'ok' ? 'The catalogue is sound.' : [
            `The catalogue cannot be used (${h.state}${h.problem ? `: ${h.problem}` : ''}).`,
            h.newestGoodBackup ? `Newest verified backup: ${h.newestGoodBackup.path} (${h.newestGoodBackup.createdAt}) — vetrina restore "${h.newestGoodBackup.path}"` : 'No verified backup in the backups folder.',
            h.canRecover ? 'Or recover what is readable: vetrina recover' : ''
          ].filter(Boolean).join('\n'), h)
          if (h.state !== 'ok') process.exitCode = 2
        }, { rescue: true })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })

  common(program.command('recover').description('copy what can still be read from a damaged catalogue into a new one (the damaged one is kept aside)'))
    .action(async (o: CommonOptions) => {
      try {
        await withCore(o, async ({ api, out, follow }) => {
          const { jobId } = await api.system.recover({})
          const job = await follow(jobId)
          const r = job.result as { rows: number; damagedTables: Array<{ table: string }>; previousKeptIn: string }
          out(`Recovered ${r.rows} rows${r.damagedTables.length ? ` (some rows of ${r.damagedTables.map((d) => d.table).join(', ')} were unreadable)` : ''}. The damaged catalogue was kept in ${r.previousKeptIn}.`, r)
        }, { rescue: true })
      } catch (err) {
        reportError(err, !!o.json)
      }
    })
}
