// Which products are selected in the list: single ids (click, Shift-click for a range of the
// loaded rows), or "every product the filter matches" minus some — which covers rows the
// virtualized list has not loaded yet. Becomes a BulkSelection for the core.
import { create } from 'zustand'
import type { BulkSelection } from '../../../../../shared/contract/catalog-bulk.ts'
import type { ListFilters } from '../store.ts'

interface SelectionState {
  /** Every product the filter matches (except `ids`), or only `ids`. */
  all: boolean
  ids: Set<string>
  /** The row last clicked, for Shift-click ranges. */
  anchor: string | null
  toggle(id: string): void
  range(toId: string, order: string[]): void
  setMany(ids: string[], selected: boolean): void
  selectAllMatching(): void
  clear(): void
}

export const useSelection = create<SelectionState>((set, get) => ({
  all: false,
  ids: new Set(),
  anchor: null,
  toggle(id) {
    const ids = new Set(get().ids)
    if (ids.has(id)) ids.delete(id)
    else ids.add(id)
    set({ ids, anchor: id })
  },
  range(toId, order) {
    const { anchor } = get()
    const from = anchor ? order.indexOf(anchor) : -1
    const to = order.indexOf(toId)
    if (from < 0 || to < 0) return get().toggle(toId)
    const [a, b] = from < to ? [from, to] : [to, from]
    // In "all matching" mode the ids are exceptions: a range puts its rows back in.
    const ids = new Set(get().ids)
    for (const id of order.slice(a, b + 1)) {
      if (get().all) ids.delete(id)
      else ids.add(id)
    }
    set({ ids, anchor: toId })
  },
  setMany(list, selected) {
    const ids = new Set(get().ids)
    for (const id of list) {
      if (selected !== get().all) ids.add(id)
      else ids.delete(id)
    }
    set({ ids })
  },
  selectAllMatching() {
    set({ all: true, ids: new Set(), anchor: null })
  },
  clear() {
    set({ all: false, ids: new Set(), anchor: null })
  }
}))

export function isSelected(s: Pick<SelectionState, 'all' | 'ids'>, id: string): boolean {
  return s.all ? !s.ids.has(id) : s.ids.has(id)
}

/** How many products are selected, given how many match the filter. */
export function selectedCount(s: Pick<SelectionState, 'all' | 'ids'>, total: number): number {
  return s.all ? Math.max(0, total - s.ids.size) : s.ids.size
}

/** The selection as the core takes it. */
export function toBulkSelection(s: Pick<SelectionState, 'all' | 'ids'>, f: ListFilters): BulkSelection {
  if (!s.all) return { ids: [...s.ids] }
  return {
    filter: { query: f.query, status: f.status.length ? f.status : undefined, categoryId: f.categoryId, missingLocale: f.missingLocale || undefined },
    except: [...s.ids]
  }
}
