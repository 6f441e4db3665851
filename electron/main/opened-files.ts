// Backups the OS asks the app to open: a double-click on a .vetrina-backup starts Vetrina with the
// file in argv (Windows, Linux; a running instance gets it through `second-instance`) or sends
// `open-file` (macOS). They wait here until the window takes them (as handles) and asks the
// user whether to restore — opening a file never restores anything by itself.
import { existsSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import { BACKUP_EXTENSION } from '../../shared/domain/backup-name.ts'

/** Backup files named on a command line (Electron's own flags and the app path are skipped). */
export function backupsInArgv(argv: readonly string[], exists: (p: string) => boolean = existsSync): string[] {
  return argv.filter((a) => !a.startsWith('-') && isAbsolute(a) && a.toLowerCase().endsWith(BACKUP_EXTENSION) && exists(a))
}

export class OpenedFiles {
  private queue: string[] = []

  add(paths: readonly string[]): boolean {
    const fresh = paths.filter((p) => !this.queue.includes(p))
    this.queue.push(...fresh)
    return fresh.length > 0
  }

  take(): string[] {
    return this.queue.splice(0)
  }
}
