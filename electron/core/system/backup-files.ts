// The backups folder: archives (`[auto-]vetrina-backup-YYYYMMDD-HHMMSS.vetrina-backup`; older ones
// `.tar.gz`), each with a
// `.verified` record written once the archive was read back and checked in full. Only verified
// archives count as good; rotation keeps 7 daily, 4 weekly and 12 monthly automatic backups and
// never deletes the newest verified one.
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { BACKUP_EXTENSION, isBackupFileName } from '../../../shared/domain/backup-name.ts'

export const VERIFIED_SUFFIX = '.verified'
export const PARTIAL_SUFFIX = '.partial'

const Verified = z.object({
  verifiedAt: z.string(),
  size: z.number().int(),
  mtimeMs: z.number(),
  products: z.number().int().nullable().default(null),
  mediaFiles: z.number().int(),
  missingMedia: z.number().int().default(0)
})
export type VerifiedRecord = z.infer<typeof Verified>

export interface BackupFile {
  fileName: string
  path: string
  size: number
  createdAt: string
  automatic: boolean
  /** Read back and checked in full after it was written (or when it was restored). */
  verified: boolean
  verifiedAt: string | null
  products: number | null
}

export function backupFileName(now: Date, automatic: boolean): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return `${automatic ? 'auto-' : ''}vetrina-backup-${stamp}${BACKUP_EXTENSION}`
}

/** Records that `file` was checked in full; the record is void once the file changes. */
export function markVerified(file: string, facts: { products: number | null; mediaFiles: number; missingMedia: number; now: Date }): void {
  const st = statSync(file)
  const record: VerifiedRecord = { verifiedAt: facts.now.toISOString(), size: st.size, mtimeMs: st.mtimeMs, products: facts.products, mediaFiles: facts.mediaFiles, missingMedia: facts.missingMedia }
  writeFileSync(file + VERIFIED_SUFFIX, JSON.stringify(record), { mode: 0o600 })
}

export function verifiedRecord(file: string): VerifiedRecord | null {
  try {
    const record = Verified.parse(JSON.parse(readFileSync(file + VERIFIED_SUFFIX, 'utf8')))
    const st = statSync(file)
    return st.size === record.size && Math.abs(st.mtimeMs - record.mtimeMs) < 1 ? record : null
  } catch {
    return null
  }
}

/** Backups in a folder, newest first. */
export function listBackupFiles(dir: string): BackupFile[] {
  if (!existsSync(dir)) return []
  const out: BackupFile[] = []
  for (const f of readdirSync(dir)) {
    if (!isBackupFileName(f) || !f.includes('vetrina-backup')) continue
    const p = join(dir, f)
    let st
    try {
      st = statSync(p)
    } catch {
      continue
    }
    if (!st.isFile()) continue
    // The time in the name is when the backup was taken (copies keep it; mtimes do not).
    const m = /(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(f)
    const createdAt = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])).toISOString() : st.mtime.toISOString()
    const record = verifiedRecord(p)
    out.push({ fileName: f, path: p, size: st.size, createdAt, automatic: f.startsWith('auto-'), verified: !!record, verifiedAt: record?.verifiedAt ?? null, products: record?.products ?? null })
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.fileName < b.fileName ? 1 : -1))
}

export function newestVerified(dir: string): BackupFile | null {
  return listBackupFiles(dir).find((b) => b.verified) ?? null
}

export interface Retention { daily: number; weekly: number; monthly: number }
export const DEFAULT_RETENTION: Retention = { daily: 7, weekly: 4, monthly: 12 }

const day = (iso: string) => iso.slice(0, 10)
const month = (iso: string) => iso.slice(0, 7)
/** The Monday of the (ISO) week. */
function week(iso: string): string {
  const d = new Date(`${day(iso)}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}

/**
 * Which automatic backups to delete: keep the newest verified backup of each of the last
 * `daily` days, `weekly` weeks and `monthly` months that have one, and always the newest
 * verified backup overall. Unverified automatic backups (a check failed, or it was never
 * checked) are deleted only once a newer verified one exists. Manual backups are never rotated.
 */
export function planRotation(backups: BackupFile[], keep: Retention): BackupFile[] {
  const auto = backups.filter((b) => b.automatic)
  const verified = auto.filter((b) => b.verified)
  const kept = new Set<string>()
  const newestGood = backups.find((b) => b.verified)
  if (newestGood) kept.add(newestGood.path)
  for (const [bucket, count] of [[day, keep.daily], [week, keep.weekly], [month, keep.monthly]] as const) {
    const seen = new Set<string>()
    for (const b of verified) {
      const key = bucket(b.createdAt)
      if (seen.has(key)) continue
      if (seen.size >= count) break
      seen.add(key)
      kept.add(b.path)
    }
  }
  const newestVerifiedAt = verified[0]?.createdAt ?? null
  return auto.filter((b) => {
    if (kept.has(b.path)) return false
    if (b.verified) return true
    // An unverified archive goes only when a newer verified one replaces it.
    return newestVerifiedAt !== null && b.createdAt < newestVerifiedAt
  })
}

export function rotateAutomatic(dir: string, keep: Retention): string[] {
  const removed = planRotation(listBackupFiles(dir), keep)
  for (const b of removed) {
    rmSync(b.path, { force: true })
    rmSync(b.path + VERIFIED_SUFFIX, { force: true })
  }
  return removed.map((b) => b.fileName)
}
