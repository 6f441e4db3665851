// Workspace state: filters, the page of units, the open unit with its draft, and the checked
// units for bulk actions. Saving confirms the unit and moves on, as translators expect.
import { create } from 'zustand'
import type { UnitDetail, UnitSelection, UnitSummary } from '../../../../shared/contract/translation.ts'
import type { TextField } from '../../../../shared/domain/product.ts'
import type { UnitStatus } from '../../../../shared/domain/translation/units.ts'
import { api, AppError } from '../../api/client.ts'

export interface WorkspaceFilters {
  locales: string[]
  statuses: UnitStatus[]
  stale: boolean
  qa: '' | 'errors' | 'any'
  query: string
  categoryId: string
  fields: TextField[]
}

export const keyOf = (u: { productId: string; field: string; locale: string }) => `${u.productId}.${u.field}.${u.locale}`

const PAGE = 100

interface WorkspaceState {
  filters: WorkspaceFilters
  items: UnitSummary[]
  total: number
  loading: boolean
  error: unknown
  current: number
  /** The unit the translator means to work on (set as soon as it is chosen, before it loads). */
  focusKey: string | null
  detail: UnitDetail | null
  draft: string
  dirty: boolean
  saving: boolean
  checked: Set<string>
  setFilters(patch: Partial<WorkspaceFilters>): void
  selection(): UnitSelection
  /** The checked units, or everything the filters match when none is checked. */
  bulkSelection(): UnitSelection
  reload(keepCurrent?: boolean): Promise<void>
  loadMore(): Promise<void>
  open(index: number): Promise<void>
  refreshDetail(): Promise<void>
  setDraft(text: string): void
  /** Saves the draft with a status; false when refused (the error is thrown to the caller). */
  save(status: 'translated' | 'reviewed' | 'approved', override?: boolean): Promise<void>
  move(delta: number): Promise<void>
  /** Saves with a status and opens the unit that followed this one in the list. */
  saveAndNext(status: 'translated' | 'reviewed' | 'approved', override?: boolean): Promise<void>
  toggle(key: string): void
  toggleAll(): void
}

let generation = 0

export const useWorkspace = create<WorkspaceState>((set, get) => ({
  filters: { locales: [], statuses: [], stale: false, qa: '', query: '', categoryId: '', fields: [] },
  items: [],
  total: 0,
  loading: false,
  error: null,
  current: -1,
  focusKey: null,
  detail: null,
  draft: '',
  dirty: false,
  saving: false,
  checked: new Set(),

  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch }, checked: new Set() })
    void get().reload()
  },

  selection() {
    const f = get().filters
    return {
      locales: f.locales.length ? f.locales : undefined,
      statuses: f.statuses.length ? f.statuses : undefined,
      stale: f.stale ? true : undefined,
      qa: f.qa || undefined,
      query: f.query || undefined,
      categoryId: f.categoryId || undefined,
      fields: f.fields.length ? f.fields : undefined
    }
  },

  bulkSelection() {
    const checked = get().checked
    if (!checked.size) return get().selection()
    return { units: get().items.filter((u) => checked.has(keyOf(u))).map((u) => ({ productId: u.productId, field: u.field, locale: u.locale })) }
  },

  async reload(keepCurrent = false) {
    const gen = ++generation
    // The unit being worked on: the one just chosen (it may still be loading after "confirm and
    // next"), else the one shown. A refresh must never pull the translator back to the previous one.
    const openKey = keepCurrent ? get().focusKey ?? (get().detail ? keyOf(get().detail as UnitDetail) : null) : null
    set({ loading: true, error: null })
    try {
      const page = await api.translation.listUnits({ ...get().selection(), limit: PAGE, offset: 0 })
      if (gen !== generation) return
      set({ items: page.items, total: page.total, loading: false })
      const index = openKey ? page.items.findIndex((u) => keyOf(u) === openKey) : -1
      if (index >= 0) {
        set({ current: index })
        const shown = get().detail
        if (!shown || keyOf(shown) !== openKey) await get().open(index)
      } else if (!keepCurrent || !openKey) {
        set({ current: -1, focusKey: null, detail: null, draft: '', dirty: false })
        if (page.items.length) await get().open(0)
      }
    } catch (error) {
      if (gen === generation) set({ error, loading: false })
    }
  },

  async loadMore() {
    const { items, total, loading } = get()
    if (loading || items.length >= total) return
    set({ loading: true })
    try {
      const page = await api.translation.listUnits({ ...get().selection(), limit: PAGE, offset: items.length })
      set({ items: [...get().items, ...page.items], total: page.total, loading: false })
    } catch (error) {
      set({ error, loading: false })
    }
  },

  async open(index) {
    const unit = get().items[index]
    if (!unit) return
    // Clicking the unit being edited keeps what was typed.
    const d = get().detail
    if (d && get().dirty && keyOf(d) === keyOf(unit)) return set({ current: index, focusKey: keyOf(unit) })
    set({ current: index, focusKey: keyOf(unit) })
    try {
      const detail = await api.translation.getUnit({ productId: unit.productId, field: unit.field, locale: unit.locale })
      // Another unit was chosen meanwhile (by key: a refreshed list may have moved this one).
      if (get().focusKey !== keyOf(unit)) return
      const at = get().items.findIndex((u) => keyOf(u) === keyOf(unit))
      if (at >= 0 && at !== get().current) set({ current: at })
      // Typing may have started while this answer was on its way (the same unit was already
      // shown): keep the draft, refresh only what the unit says.
      const shown = get().detail
      if (shown && get().dirty && keyOf(shown) === keyOf(detail)) return set({ detail, error: null })
      set({ detail, draft: detail.target, dirty: false, error: null })
    } catch (error) {
      set({ error })
    }
  },

  async refreshDetail() {
    const d = get().detail
    if (!d) return
    const detail = await api.translation.getUnit({ productId: d.productId, field: d.field, locale: d.locale })
    // Another unit may have been opened meanwhile: only refresh the one still shown.
    const shown = get().detail
    if (!shown || keyOf(shown) !== keyOf(detail)) return
    set(get().dirty ? { detail } : { detail, draft: detail.target })
  },

  setDraft(text) {
    set({ draft: text, dirty: text !== get().detail?.target })
  },

  async save(status, override = false) {
    const d = get().detail
    if (!d || get().saving) return
    set({ saving: true })
    try {
      const detail = await api.translation.saveUnit({
        productId: d.productId, field: d.field, locale: d.locale, text: get().draft, status, override, expectedRev: d.rev
      })
      const items = get().items.map((u) => (keyOf(u) === keyOf(detail) ? { ...u, ...detail } : u))
      set({ detail, draft: detail.target, dirty: false, items, saving: false })
    } catch (err) {
      set({ saving: false })
      throw err instanceof AppError ? err : new AppError('internal', String(err))
    }
  },

  async move(delta) {
    const next = get().current + delta
    if (next < 0) return
    if (next >= get().items.length) await get().loadMore()
    if (next < get().items.length) await get().open(next)
  },

  async saveAndNext(status, override = false) {
    // Which unit comes next is decided now: saving may drop this one from the filtered list.
    const nextUnit = get().items[get().current + 1]
    await get().save(status, override)
    if (nextUnit) {
      const at = get().items.findIndex((u) => keyOf(u) === keyOf(nextUnit))
      if (at >= 0) await get().open(at)
    } else await get().move(1)
  },

  toggle(key) {
    const checked = new Set(get().checked)
    if (checked.has(key)) checked.delete(key)
    else checked.add(key)
    set({ checked })
  },

  toggleAll() {
    const all = get().items.map(keyOf)
    set({ checked: get().checked.size === all.length ? new Set() : new Set(all) })
  }
}))
