// A restored archive may come from anywhere, so what it says about this machine is not taken:
// after the checks in backup-read.ts, the staged catalogue is made safe before it is swapped in.
//  - Settings that point outside (publishing gateway, machine-translation services, the office
//    network switch, the pavilion sign-in state) are kept from the current catalogue: a backup
//    cannot send the seller's token or an API key to a host it chose, nor open the LAN.
//  - Browser-mode links (translator access) are the current catalogue's: a backup cannot bring
//    its own keys.
//  - Jobs: only kinds whose stored work names no file on this machine carry over (publishing,
//    renditions, QA); the others (backups to a path, imports of a file, photo batches) are dropped
//    with their history, so nothing from the archive runs, or can be retried, here.
//  - File paths stored for later use (an import's source file, a photo batch's sources) are
//    cleared: they named files on the machine that made the backup.
import type { Db } from '../store/db.ts'

/** Settings keys bound to this machine and its accounts. */
export const MACHINE_SETTINGS = ['publish', 'publish.auth', 'translation.mt', 'translation.mt.deeplGlossaries']

/** Job kinds whose payload holds only ids: they may continue after a restore. */
export const PORTABLE_JOB_KINDS = ['publish.listing', 'publish.audit', 'publish.rules', 'photos.render', 'translation.qaRecheck']

/** Columns holding a local file path (cleared). */
const PATH_COLUMNS: Array<[table: string, column: string]> = [
  ['spreadsheet_imports', 'file'],
  ['photo_batch_items', 'source']
]

const hasTable = (db: Db, schema: string, table: string) =>
  !!db.prepare(`SELECT 1 FROM ${schema}.sqlite_master WHERE type = 'table' AND name = ?`).get(table)

/** `db` is the staged catalogue (schema main) with the current one attached as `current`. */
export function neutraliseRestored(db: Db): { settingsKept: number; jobsDropped: number; pathsCleared: number } {
  let settingsKept = 0
  const keys = MACHINE_SETTINGS.map(() => '?').join(',')
  db.prepare(`DELETE FROM main.settings WHERE key IN (${keys})`).run(...MACHINE_SETTINGS)
  settingsKept += db.prepare(`INSERT INTO main.settings (key, value) SELECT key, value FROM current.settings WHERE key IN (${keys})`).run(...MACHINE_SETTINGS).changes
  // The office-network switch lives in the app settings with harmless ones (language, …).
  const lan = db.prepare("SELECT json_extract(value, '$.lanAccess') AS lan FROM current.settings WHERE key = 'app'").get() as { lan: number | null } | undefined
  settingsKept += db.prepare("UPDATE main.settings SET value = json_set(value, '$.lanAccess', json(?)) WHERE key = 'app'").run(lan?.lan ? 'true' : 'false').changes

  if (hasTable(db, 'main', 'access_links')) {
    db.prepare('DELETE FROM main.access_links').run()
    if (hasTable(db, 'current', 'access_links')) db.prepare('INSERT INTO main.access_links SELECT * FROM current.access_links').run()
  }

  const kinds = PORTABLE_JOB_KINDS.map(() => '?').join(',')
  const jobsDropped = db.prepare(`DELETE FROM main.jobs WHERE kind NOT IN (${kinds})`).run(...PORTABLE_JOB_KINDS).changes

  let pathsCleared = 0
  for (const [table, column] of PATH_COLUMNS) {
    if (hasTable(db, 'main', table)) pathsCleared += db.prepare(`UPDATE main.${table} SET ${column} = '' WHERE ${column} <> ''`).run().changes
  }
  // The photo area's journal of files to remove at start names files of the machine that made the backup.
  if (hasTable(db, 'main', 'photo_unsettled_files')) pathsCleared += db.prepare('DELETE FROM main.photo_unsettled_files').run().changes
  return { settingsKept, jobsDropped, pathsCleared }
}
