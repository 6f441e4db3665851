// A journal of media files that may not be known to the database: written down (and committed)
// before the photo engine writes a rendition or an original is moved into place, or before a
// replaced or deleted photo's files are removed, and settled in the transaction that records
// them (or once they are gone). A crash or a `kill -9` in between leaves the entry, and the
// next start removes every journalled file that no photo or rendition refers to.
import { unlinkSync } from 'node:fs'
import type { Db } from '../store/db.ts'

export class FileJournal {
  private readonly db: Db
  private readonly now: () => string
  private readonly stmts

  constructor(db: Db, now: () => string) {
    this.db = db
    this.now = now
    this.stmts = {
      add: db.prepare('INSERT INTO photo_unsettled_files (rel_path, since) VALUES (?, ?) ON CONFLICT(rel_path) DO NOTHING'),
      settle: db.prepare('DELETE FROM photo_unsettled_files WHERE rel_path = ?'),
      all: db.prepare('SELECT rel_path FROM photo_unsettled_files'),
      used: db.prepare('SELECT EXISTS (SELECT 1 FROM photos WHERE rel_path = ?) OR EXISTS (SELECT 1 FROM renditions WHERE rel_path = ?) AS used')
    }
  }

  /** Notes files about to be written or removed (inside the caller's transaction, or its own). */
  add(relPaths: string[]): void {
    if (relPaths.length === 0) return
    const since = this.now()
    this.db.transaction(() => {
      for (const p of relPaths) this.stmts.add.run(p, since)
    })()
  }

  /** Forgets files now recorded by the database or removed. */
  settle(relPaths: string[]): void {
    if (relPaths.length === 0) return
    this.db.transaction(() => {
      for (const p of relPaths) this.stmts.settle.run(p)
    })()
  }

  /**
   * At start, before any job runs: removes every journalled file that no photo or rendition
   * refers to. Returns how many files were removed.
   */
  sweep(abs: (relPath: string) => string): number {
    let removed = 0
    for (const { rel_path: rel } of this.stmts.all.all() as { rel_path: string }[]) {
      if (!(this.stmts.used.get(rel, rel) as { used: number }).used) {
        try {
          unlinkSync(abs(rel))
          removed++
        } catch (err) {
          // Already gone is fine; a file that cannot be removed now is tried again next time.
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') continue
        }
      }
      this.stmts.settle.run(rel)
    }
    return removed
  }
}
