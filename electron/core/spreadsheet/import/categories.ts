// Finds categories by the path written in a cell ("Vini > Rossi"), matching names in any language
// and ignoring case; creates the missing ones when the import allows it.
import { AppError } from '../../../../shared/contract/errors.ts'
import type { CategoryStore } from '../../catalog/categories.ts'

const key = (parentId: string | null, name: string) => `${parentId ?? ''}\u0000${name.trim().toLocaleLowerCase('it')}`

export class CategoryResolver {
  private readonly store: CategoryStore
  private readonly create: boolean
  private readonly ids = new Map<string, string>()

  constructor(store: CategoryStore, create: boolean) {
    this.store = store
    this.create = create
    for (const c of store.list()) for (const name of Object.values(c.name)) if (name.trim()) this.ids.set(key(c.parentId, name), c.id)
  }

  /** Whether every category of the path exists already (nothing would be created). */
  has(path: string[]): boolean {
    let parent: string | null = null
    for (const name of path) {
      const id = this.ids.get(key(parent, name))
      if (!id) return false
      parent = id
    }
    return true
  }

  /** The id of the last category of the path, with the categories created on the way. */
  resolve(path: string[]): { id: string; created: Array<{ key: string; path: string }> } {
    let parent: string | null = null
    const created: Array<{ key: string; path: string }> = []
    path.forEach((name, i) => {
      const k = key(parent, name)
      let id = this.ids.get(k)
      if (!id) {
        if (!this.create) {
          throw new AppError('spreadsheet_unknown_category', `no category "${path.slice(0, i + 1).join(' > ')}" (creating categories is turned off)`, {
            params: { category: path.slice(0, i + 1).join(' > ') }
          })
        }
        id = this.store.create({ parentId: parent, name: { it: name }, pavilionCategoryId: null, sort: 0 }).id
        this.ids.set(k, id)
        created.push({ key: k, path: path.slice(0, i + 1).join(' > ') })
      }
      parent = id
    })
    return { id: parent!, created }
  }

  /** Drops categories whose creation was rolled back with their row. */
  forget(created: Array<{ key: string }>): void {
    for (const c of created) this.ids.delete(c.key)
  }
}
