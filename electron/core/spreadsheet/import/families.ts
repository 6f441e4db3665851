// The family a cell names (by code or by label), and the families a shop export's attribute-set
// column names ("Top", "Bottom") that the catalogue does not have yet: created inside the import's
// transaction when the import allows it, once per name, and taken back with the row that created them.
import type { Family } from '../../../../shared/domain/catalog-structure.ts'
import type { FamilyStore } from '../../catalog/families.ts'

export function findFamily(families: Family[], key: string): Family | undefined {
  const k = key.trim().toLowerCase()
  return families.find((f) => f.code === k || f.id === key) ?? families.find((f) => Object.values(f.label).some((l) => l.trim().toLowerCase() === k))
}

/** A family code from a name: "Top" → top, "Borse & Zaini" → borse_zaini, "上衣" → family. */
export function familyCodeFor(name: string, taken: ReadonlySet<string>): string {
  const base = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^[^a-z]+|_+$/g, '').slice(0, 56) || 'family'
  let code = base
  for (let n = 2; taken.has(code); n++) code = `${base}_${n}`
  return code
}

/** The family as it will be created (for the row's warnings before it exists): no attributes yet. */
export function pendingFamily(name: string, families: Family[]): Family {
  return { id: '', code: familyCodeFor(name, new Set(families.map((f) => f.code))), label: { it: name }, preset: false, attributes: [] }
}

export class FamilyMaker {
  private readonly store: FamilyStore
  /** The run's family list (mapRow reads it): created families are added to it. */
  private readonly families: Family[]
  readonly created: string[] = []

  constructor(store: FamilyStore, families: Family[]) {
    this.store = store
    this.families = families
  }

  /** Whether the family exists already (nothing would be created). */
  has(name: string): boolean {
    return !!findFamily(this.families, name)
  }

  /** The family's id, created on the way when missing. */
  resolve(name: string): { id: string; created: Family | null } {
    const known = findFamily(this.families, name)
    if (known) return { id: known.id, created: null }
    const family = this.store.save({ code: familyCodeFor(name, new Set(this.families.map((f) => f.code))), label: { it: name }, attributes: [] })
    this.families.push(family)
    this.created.push(name)
    return { id: family.id, created: family }
  }

  /** Drops a family whose creation was rolled back with its row. */
  forget(family: Family | null): void {
    if (!family) return
    const i = this.families.findIndex((f) => f.id === family.id)
    if (i >= 0) this.families.splice(i, 1)
    const j = this.created.lastIndexOf(family.label.it ?? '')
    if (j >= 0) this.created.splice(j, 1)
    this.store.forgetCache()
  }
}
