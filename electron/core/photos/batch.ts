// A batch of files to add: expanded from the chosen files and folders when the user asks, and
// persisted item by item (pending → added / duplicate / failed), so the job resumes after a
// restart exactly where it stopped and the user can read each file's outcome afterwards.
import { readdirSync, statSync } from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import type { BatchItem } from '../../../shared/contract/photos.ts'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { SkipReason } from '../../../shared/domain/photo-skips.ts'
import type { Db } from '../store/db.ts'

/** Most files one batch may hold (a folder tree bigger than this is almost surely a mistake). */
export const MAX_BATCH_FILES = 20_000


const SKIP_MESSAGE: Record<SkipReason, string> = {
  not_image: 'Not a picture (whatever its name says).',
  symlink: 'A symbolic link: it may point outside the folder, so it is not followed. Choose the file it points to.',
  hidden: 'A hidden file or folder (its name starts with a dot).',
  special: 'Not a regular file (a pipe, a socket or a device).'
}

export function skipMessage(reason: SkipReason): string {
  return SKIP_MESSAGE[reason]
}

export interface PlannedItem {
  source: string
  name: string
  /** Found inside a chosen folder (a file that is not a picture is then skipped, not refused). */
  fromFolder: boolean
  /** Known at planning time (e.g. an unreadable folder); null for files to process. */
  error: { code: string; message: string; params?: Record<string, string | number | boolean | null> } | null
  /** Left out at planning time (a symbolic link, a hidden file …). */
  skip?: SkipReason
}

/**
 * Turns chosen paths into files. Folders are searched recursively and every regular file in
 * them is tried (its content says whether it is a picture, not its name); symbolic links, hidden
 * files and folders and special files are skipped and counted. Chosen files are always tried.
 */
export function planFiles(paths: Array<{ path: string; name?: string }>): PlannedItem[] {
  const out: PlannedItem[] = []
  const add = (item: PlannedItem) => {
    if (out.length >= MAX_BATCH_FILES) {
      throw new AppError(ErrorCodes.validation, `One batch can hold at most ${MAX_BATCH_FILES} files; choose fewer folders.`, { params: { max: MAX_BATCH_FILES } })
    }
    out.push(item)
  }
  for (const { path, name } of paths) {
    let isDir = false
    try {
      isDir = statSync(path).isDirectory()
    } catch {
      // Reported per file by the job (it says why the file cannot be read).
    }
    if (!isDir) {
      // An upload named with a folder path ("Chianti/retro.jpg") came from a dropped folder.
      add({ source: path, name: name ?? basename(path), fromFolder: !!name?.includes('/'), error: null })
      continue
    }
    const base = dirname(path)
    const walk = (dir: string) => {
      let entries
      try {
        entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? 'error'
        add({ source: dir, name: relative(base, dir) || basename(dir), fromFolder: true, error: { code: 'photo_unreadable', message: `The folder cannot be read (${code}).`, params: { reason: code } } })
        return
      }
      for (const e of entries) {
        const full = join(dir, e.name)
        const item = { source: full, name: relative(base, full), fromFolder: true, error: null }
        // Not followed: a link may lead outside the chosen folder, or in a circle.
        if (e.isSymbolicLink()) add({ ...item, skip: 'symlink' })
        else if (e.name.startsWith('.')) add({ ...item, skip: 'hidden' })
        else if (e.isDirectory()) walk(full)
        else if (e.isFile()) add(item)
        else add({ ...item, skip: 'special' })
      }
    }
    walk(path)
  }
  return out
}

interface ItemRow {
  job_id: string
  seq: number
  source: string
  name: string
  state: BatchItem['state']
  from_folder: 0 | 1
  photo_id: string | null
  error_code: string | null
  error_message: string | null
  error_params: string | null
}

export class BatchItems {
  private readonly db: Db
  private readonly stmts

  constructor(db: Db) {
    this.db = db
    this.stmts = {
      insert: db.prepare(
        'INSERT INTO photo_batch_items (job_id, seq, source, name, state, from_folder, error_code, error_message, error_params) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
      ),
      skippedBy: db.prepare("SELECT error_code AS reason, count(*) AS n FROM photo_batch_items WHERE job_id = ? AND state = 'skipped' GROUP BY error_code"),
      pending: db.prepare("SELECT * FROM photo_batch_items WHERE job_id = ? AND state = 'pending' ORDER BY seq"),
      counts: db.prepare('SELECT state, count(*) AS n FROM photo_batch_items WHERE job_id = ? GROUP BY state'),
      settle: db.prepare('UPDATE photo_batch_items SET state = ?, photo_id = ?, error_code = ?, error_message = ?, error_params = ? WHERE job_id = ? AND seq = ?'),
      failures: db.prepare("SELECT name, error_code, error_message FROM photo_batch_items WHERE job_id = ? AND state = 'failed' ORDER BY seq LIMIT ?")
    }
  }

  insert(jobId: string, items: PlannedItem[]): void {
    items.forEach((it, i) => {
      const state = it.skip ? 'skipped' : it.error ? 'failed' : 'pending'
      const code = it.skip ?? it.error?.code ?? null
      const message = it.skip ? skipMessage(it.skip) : it.error?.message ?? null
      this.stmts.insert.run(jobId, i + 1, it.source, it.name, state, it.fromFolder ? 1 : 0, code, message, it.error?.params ? JSON.stringify(it.error.params) : null)
    })
  }

  pending(jobId: string): ItemRow[] {
    return this.stmts.pending.all(jobId) as ItemRow[]
  }

  counts(jobId: string): Record<BatchItem['state'], number> {
    const out = { pending: 0, added: 0, duplicate: 0, failed: 0, skipped: 0 }
    for (const r of this.stmts.counts.all(jobId) as { state: BatchItem['state']; n: number }[]) out[r.state] = r.n
    return out
  }

  /** Skipped files per reason. */
  skippedBy(jobId: string): Partial<Record<SkipReason, number>> {
    return Object.fromEntries((this.stmts.skippedBy.all(jobId) as { reason: SkipReason; n: number }[]).map((r) => [r.reason, r.n]))
  }

  settle(
    jobId: string,
    seq: number,
    outcome: { state: 'added' | 'duplicate'; photoId: string } | { state: 'failed'; code: string; message: string; params?: Record<string, unknown> } | { state: 'skipped'; reason: SkipReason }
  ): void {
    if (outcome.state === 'failed') this.stmts.settle.run('failed', null, outcome.code, outcome.message, outcome.params ? JSON.stringify(outcome.params) : null, jobId, seq)
    else if (outcome.state === 'skipped') this.stmts.settle.run('skipped', null, outcome.reason, skipMessage(outcome.reason), null, jobId, seq)
    else this.stmts.settle.run(outcome.state, outcome.photoId, null, null, null, jobId, seq)
  }

  failures(jobId: string, limit: number): Array<{ name: string; code: string; message: string }> {
    return (this.stmts.failures.all(jobId, limit) as { name: string; error_code: string; error_message: string }[]).map((r) => ({ name: r.name, code: r.error_code, message: r.error_message }))
  }

  list(jobId: string, states: BatchItem['state'][] | undefined, offset: number, limit: number): { items: BatchItem[]; total: number } {
    const filter = states?.length ? ` AND state IN (${states.map(() => '?').join(',')})` : ''
    const args = [jobId, ...(states ?? [])]
    const total = (this.db.prepare(`SELECT count(*) AS n FROM photo_batch_items WHERE job_id = ?${filter}`).get(...args) as { n: number }).n
    const rows = this.db.prepare(`SELECT * FROM photo_batch_items WHERE job_id = ?${filter} ORDER BY seq LIMIT ? OFFSET ?`).all(...args, limit, offset) as ItemRow[]
    return {
      total,
      items: rows.map((r) => ({
        seq: r.seq, name: r.name, source: r.source, state: r.state, photoId: r.photo_id,
        error: r.error_code ? { code: r.error_code, message: r.error_message ?? '', params: r.error_params ? JSON.parse(r.error_params) : {} } : null
      }))
    }
  }
}
