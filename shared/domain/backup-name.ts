// What a Vetrina backup file is called. The archive inside is a gzip-compressed tar (any archive
// tool opens it); the own extension lets the desktop app register it, so a double-click on a
// backup opens Vetrina's restore instead of claiming every .tar.gz on the computer. Restore reads
// the content, not the name: older `.tar.gz` backups restore as before.
export const BACKUP_EXTENSION = '.vetrina-backup'
export const LEGACY_BACKUP_EXTENSIONS = ['.tar.gz', '.tgz'] as const

/** A name the backup list and the file chooser treat as a backup. */
export function isBackupFileName(name: string): boolean {
  const lower = name.toLowerCase()
  return lower.endsWith(BACKUP_EXTENSION) || LEGACY_BACKUP_EXTENSIONS.some((ext) => lower.endsWith(ext))
}
