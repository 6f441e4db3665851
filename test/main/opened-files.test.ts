// Backups opened from the file manager: found on the command line (first start or a second
// instance), queued once, handed to the window that asks.
import { describe, expect, test } from 'vitest'
import { backupsInArgv, OpenedFiles } from '../../electron/main/opened-files.ts'
import { isBackupFileName } from '../../shared/domain/backup-name.ts'

describe('backups opened with Vetrina', () => {
  test('only existing absolute .vetrina-backup paths count; flags and other files do not', () => {
    const exists = (p: string) => !p.includes('missing')
    const argv = ['--allow-file-access', '/opt/Vetrina/resources/app.asar', '/home/u/Scaricati/auto-vetrina-backup-20261122.VETRINA-BACKUP', 'relative.vetrina-backup', '/home/u/missing.vetrina-backup', '/home/u/archive.tar.gz']
    expect(backupsInArgv(argv, exists)).toEqual(['/home/u/Scaricati/auto-vetrina-backup-20261122.VETRINA-BACKUP'])
  })

  test('each file is queued once and taken once', () => {
    const q = new OpenedFiles()
    expect(q.add(['/a.vetrina-backup'])).toBe(true)
    expect(q.add(['/a.vetrina-backup'])).toBe(false)
    expect(q.take()).toEqual(['/a.vetrina-backup'])
    expect(q.take()).toEqual([])
  })

  test('backup names: the own extension and the older .tar.gz', () => {
    expect(isBackupFileName('vetrina-backup-20261122-073848.vetrina-backup')).toBe(true)
    expect(isBackupFileName('vetrina-backup-20261122-073848.tar.gz')).toBe(true)
    expect(isBackupFileName('foto.jpg')).toBe(false)
  })
})

describe('backup files in the backups folder', () => {
  test('new backups are .vetrina-backup; the list and the rotation see the older .tar.gz ones too', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { backupFileName, listBackupFiles } = await import('../../electron/core/system/backup-files.ts')
    expect(backupFileName(new Date('2026-11-22T07:38:48Z'), true)).toBe('auto-vetrina-backup-20261122-073848.vetrina-backup')
    const dir = mkdtempSync(join(tmpdir(), 'vetrina-backups-'))
    for (const f of ['auto-vetrina-backup-20261110-020000.tar.gz', 'auto-vetrina-backup-20261111-020000.vetrina-backup', 'foto.jpg', 'vetrina-backup-notes.txt']) writeFileSync(join(dir, f), 'x')
    expect(listBackupFiles(dir).map((b) => b.fileName)).toEqual(['auto-vetrina-backup-20261111-020000.vetrina-backup', 'auto-vetrina-backup-20261110-020000.tar.gz'])
  })
})
