// Named column mappings, saved for the next import of the same kind of file and matched to its
// columns by header name (case and accents ignored).
import { AppError, ErrorCodes } from '../../../../shared/contract/errors.ts'
import { Profile } from '../../../../shared/contract/spreadsheet.ts'
import { normalizeHeader } from '../../../../shared/domain/spreadsheet/suggest.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Db } from '../../store/db.ts'

export class ProfileStore {
  private readonly db: Db
  private readonly clock: Clock

  constructor(db: Db, clock: Clock) {
    this.db = db
    this.clock = clock
  }

  list(): Profile[] {
    const rows = this.db.prepare('SELECT data FROM spreadsheet_profiles ORDER BY name COLLATE NOCASE').all() as { data: string }[]
    return rows.flatMap((r) => {
      const p = Profile.safeParse(JSON.parse(r.data))
      return p.success ? [p.data] : []
    })
  }

  get(name: string): Profile {
    const row = this.db.prepare('SELECT data FROM spreadsheet_profiles WHERE name = ?').get(name.trim()) as { data: string } | undefined
    if (!row) throw new AppError(ErrorCodes.notFound, `No import profile named "${name}".`, { params: { name } })
    return Profile.parse(JSON.parse(row.data))
  }

  save(profile: Profile): Profile {
    const p = Profile.parse(profile)
    this.db
      .prepare('INSERT INTO spreadsheet_profiles (name, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET name = excluded.name, data = excluded.data, updated_at = excluded.updated_at')
      .run(p.name, JSON.stringify(p), this.clock.now().toISOString())
    return p
  }

  delete(name: string): boolean {
    return this.db.prepare('DELETE FROM spreadsheet_profiles WHERE name = ?').run(name.trim()).changes > 0
  }
}

/** The profile's target for each header of a file ("ignore" where it has none). */
export function applyProfile(profile: Profile, headers: string[]): Array<{ index: number; header: string; target: string; unit?: string; asDate?: boolean; confidence: number }> {
  const byHeader = new Map(profile.columns.map((c) => [normalizeHeader(c.header), c]))
  return headers.map((header, index) => {
    const c = byHeader.get(normalizeHeader(header))
    return c ? { index, header, target: c.target, unit: c.unit, asDate: c.asDate, confidence: 1 } : { index, header, target: 'ignore', confidence: 0 }
  })
}
