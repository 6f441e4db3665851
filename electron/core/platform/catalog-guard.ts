// A catalogue never silently becomes a new, empty one. A data folder without catalog.sqlite (or
// with an empty one) is new only when nothing says a catalogue lived there: photos in media/,
// backups, a catalogue kept aside by a restore, a restore plan, sealed secrets, or the lock a
// crashed Vetrina left. Otherwise opening it is an error with the way out (restore a backup, or
// start an empty catalogue on purpose).
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isBackupFileName } from '../../../shared/domain/backup-name.ts'
import type { DataPaths } from './files.ts'

function hasFileBelow(dir: string, budget = { left: 2000 }): boolean {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return false
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || --budget.left < 0) continue
    if (e.isFile()) return true
    if (e.isDirectory() && hasFileBelow(join(dir, e.name), budget)) return true
  }
  return false
}

/** Is there a catalogue file with content? */
export function catalogPresent(paths: DataPaths): boolean {
  try {
    return statSync(paths.db).size > 0
  } catch {
    return false
  }
}

/** What says a catalogue lived in this folder (empty when it is a new folder). */
export function catalogEvidence(paths: DataPaths, lockLeftByCrash: boolean): string[] {
  const found: string[] = []
  if (hasFileBelow(paths.media)) found.push('media')
  try {
    if (readdirSync(paths.backups).some((f) => isBackupFileName(f))) found.push('backups')
  } catch { /* no backups folder */ }
  try {
    if (readdirSync(paths.dataDir).some((f) => f.startsWith('before-restore-') || f.startsWith('before-recover-'))) found.push('kept-aside')
  } catch { /* new folder */ }
  if (existsSync(join(paths.dataDir, 'restore-plan.json'))) found.push('restore-plan')
  if (existsSync(join(paths.dataDir, 'secrets.enc.json')) || existsSync(join(paths.dataDir, 'secrets.keychain.json'))) found.push('secrets')
  if (lockLeftByCrash) found.push('lock')
  return found
}
