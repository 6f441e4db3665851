// Errors of the system area (backups, restore, catalogue health, links). Each has a stable code,
// translated by the UI from renderer/src/i18n/locales/<lng>/settings.json ("errors" group), with
// the details as parameters; the English message is for logs and --json output.
import { AppError } from '../../../shared/contract/errors.ts'

export const SystemErrorCodes = {
  catalogMissing: 'system_catalog_missing',
  catalogDamaged: 'system_catalog_damaged',
  catalogUnreadable: 'system_catalog_unreadable',
  catalogNewer: 'system_catalog_newer',
  backupSourceDamaged: 'system_backup_source_damaged',
  backupNoSpace: 'system_backup_no_space',
  backupMediaChanged: 'system_backup_media_changed',
  backupMediaDamaged: 'system_backup_media_damaged',
  backupVerifyFailed: 'system_backup_verify_failed',
  restoreMissingFile: 'system_restore_missing_file',
  restoreNotArchive: 'system_restore_not_archive',
  restoreDamaged: 'system_restore_damaged',
  restoreNoManifest: 'system_restore_no_manifest',
  restoreUnknownFormat: 'system_restore_unknown_format',
  restoreUnexpectedEntry: 'system_restore_unexpected_entry',
  restoreTooManyEntries: 'system_restore_too_many_entries',
  restoreTooLarge: 'system_restore_too_large',
  restoreNoSpace: 'system_restore_no_space',
  restoreDbSize: 'system_restore_db_size',
  restoreDbChecksum: 'system_restore_db_checksum',
  restoreDbNotSqlite: 'system_restore_db_not_sqlite',
  restoreDbDamaged: 'system_restore_db_damaged',
  restoreBadPath: 'system_restore_bad_path',
  restoreMediaMismatch: 'system_restore_media_mismatch',
  restoreMediaMissing: 'system_restore_media_missing',
  restoreDuplicateEntry: 'system_restore_duplicate_entry',
  restoreInterrupted: 'system_restore_interrupted',
  restoreSwapFailed: 'system_restore_swap_failed',
  recoverNothing: 'system_recover_not_damaged',
  startEmptyRefused: 'system_start_empty_refused',
  linkNotFound: 'system_link_not_found'
} as const

export type SystemErrorCode = (typeof SystemErrorCodes)[keyof typeof SystemErrorCodes]
type Params = Record<string, string | number | boolean | null>

/** Bytes as whole megabytes, for the sentences. */
export const mb = (bytes: number) => Math.ceil(bytes / (1024 * 1024))

export function systemError(code: SystemErrorCode, message: string, params: Params = {}): AppError {
  // codes: passed on (SystemErrorCodes, each checked by test/system/messages.test.ts)
  return new AppError(code, message, { params })
}
