// Attribute families: stored as rows with their attribute definitions as JSON. Presets are
// seeded on first open and can be extended but not deleted.
import { AttributeDef, Family } from '../../../shared/domain/catalog-structure.ts'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { Db } from '../store/db.ts'
import type { Clock } from '../platform/clock.ts'
import { newId } from '../platform/clock.ts'
import { PRESET_FAMILIES } from './preset-families.ts'

interface FamilyRow { id: string; code: string; label: string; preset: number; attributes: string }

export class FamilyStore {
  private cache: Map<string, Family> | null = null
  private readonly db: Db
  private readonly clock: Clock

  constructor(db: Db, clock: Clock) {
    this.db = db
    this.clock = clock
  }

  seedPresets(): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO families (id, code, label, preset, attributes, updated_at) VALUES (?, ?, ?, 1, ?, ?)')
    const now = this.clock.now().toISOString()
    this.db.transaction(() => {
      for (const f of PRESET_FAMILIES) {
        const attributes = f.attributes.map((a) => AttributeDef.parse(a))
        insert.run(f.id, f.code, JSON.stringify(f.label), JSON.stringify(attributes), now)
      }
    })()
    this.cache = null
  }

  /** Reads the families again at next use (after a transaction that created some was rolled back). */
  forgetCache(): void {
    this.cache = null
  }

  list(): Family[] {
    return [...this.all().values()]
  }

  get(id: string): Family | undefined {
    return this.all().get(id)
  }

  private all(): Map<string, Family> {
    if (!this.cache) {
      const rows = this.db.prepare('SELECT * FROM families ORDER BY preset DESC, code').all() as FamilyRow[]
      this.cache = new Map(rows.map((r) => [r.id, Family.parse({
        id: r.id, code: r.code, label: JSON.parse(r.label), preset: r.preset === 1, attributes: JSON.parse(r.attributes)
      })]))
    }
    return this.cache
  }

  save(input: { id?: string; code: string; label: Record<string, string>; attributes: AttributeDef[] }): Family {
    const codes = new Set<string>()
    for (const a of input.attributes) {
      if (codes.has(a.code)) throw new AppError(ErrorCodes.validation, `The attribute "${a.code}" appears twice in this family.`, { issues: [{ path: 'attributes', message: `duplicate attribute ${a.code}` }] })
      codes.add(a.code)
    }
    const now = this.clock.now().toISOString()
    const existing = input.id ? this.get(input.id) : undefined
    if (input.id && !existing) throw new AppError(ErrorCodes.notFound, `No family with id ${input.id}`)
    if (existing?.preset) {
      const kept = new Set(input.attributes.map((a) => a.code))
      const preset = PRESET_FAMILIES.find((p) => p.id === existing.id)
      const removed = (preset?.attributes ?? []).filter((a) => !kept.has(a.code))
      if (removed.length) throw new AppError(ErrorCodes.conflict, `Preset attributes cannot be removed: ${removed.map((a) => a.code).join(', ')}`)
    }
    try {
      if (existing) {
        this.db.prepare('UPDATE families SET code = ?, label = ?, attributes = ?, updated_at = ? WHERE id = ?')
          .run(input.code, JSON.stringify(input.label), JSON.stringify(input.attributes), now, existing.id)
      } else {
        const id = newId('fam')
        this.db.prepare('INSERT INTO families (id, code, label, preset, attributes, updated_at) VALUES (?, ?, ?, 0, ?, ?)')
          .run(id, input.code, JSON.stringify(input.label), JSON.stringify(input.attributes), now)
        input = { ...input, id }
      }
    } catch (err) {
      if (/UNIQUE constraint failed: families.code/.test((err as Error).message)) {
        throw new AppError(ErrorCodes.conflict, `A family with code "${input.code}" already exists.`, { issues: [{ path: 'code', message: 'already used' }] })
      }
      throw err
    }
    this.cache = null
    return this.get(input.id!)!
  }

  delete(id: string): void {
    const f = this.get(id)
    if (!f) throw new AppError(ErrorCodes.notFound, `No family with id ${id}`)
    if (f.preset) throw new AppError(ErrorCodes.conflict, `"${f.code}" is a preset family and cannot be deleted.`)
    const used = this.db.prepare('SELECT count(*) AS n FROM products WHERE family_id = ?').get(id) as { n: number }
    if (used.n > 0) throw new AppError(ErrorCodes.conflict, `${used.n} product(s) use this family; move them to another family first.`, { params: { count: used.n } })
    this.db.prepare('DELETE FROM families WHERE id = ?').run(id)
    this.cache = null
  }
}
