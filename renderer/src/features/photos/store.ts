// Photo library state: filters, pages of photos loaded as the grid scrolls, header counts, and
// the batch the user started last. Reloads when the core says photos changed.
import { create } from 'zustand'
import type { PhotoSummary } from '../../../../shared/contract/photos.ts'
import type { WarningCode } from '../../../../shared/domain/photo-quality.ts'
import { api, transport } from '../../api/client.ts'

export interface LibraryFilters {
  search: string
  warning: WarningCode | ''
  unattached: boolean
  sort: 'newest' | 'oldest' | 'name'
}

export interface LibraryStats {
  total: number
  withWarnings: number
  unattached: number
  byWarning: Record<WarningCode, number>
}

interface LibraryState {
  filters: LibraryFilters
  items: PhotoSummary[]
  total: number
  loading: boolean
  error: unknown
  stats: LibraryStats | null
  /** The last batch started from this window (its report is shown until dismissed). */
  batchJobId: string | null
  setFilters(patch: Partial<LibraryFilters>): void
  reload(): Promise<void>
  loadMore(): Promise<void>
  setBatch(jobId: string | null): void
}

const PAGE = 120
let generation = 0

export const useLibrary = create<LibraryState>((set, get) => ({
  filters: { search: '', warning: '', unattached: false, sort: 'newest' },
  items: [],
  total: 0,
  loading: false,
  error: null,
  stats: null,
  batchJobId: null,
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } })
    void get().reload()
  },
  async reload() {
    const gen = ++generation
    set({ loading: true, error: null })
    const f = get().filters
    try {
      const [page, stats] = await Promise.all([
        api.photos.list({ search: f.search || undefined, warning: f.warning || undefined, unattached: f.unattached || undefined, sort: f.sort, offset: 0, limit: Math.max(PAGE, get().items.length) }),
        api.photos.stats({})
      ])
      if (gen !== generation) return
      set({ items: page.items, total: page.total, stats, loading: false })
    } catch (error) {
      if (gen === generation) set({ error, loading: false })
    }
  },
  async loadMore() {
    const { items, total, loading, filters: f } = get()
    if (loading || items.length >= total) return
    const gen = generation
    set({ loading: true })
    try {
      const page = await api.photos.list({ search: f.search || undefined, warning: f.warning || undefined, unattached: f.unattached || undefined, sort: f.sort, offset: items.length, limit: PAGE })
      if (gen !== generation) return
      set({ items: [...items, ...page.items], total: page.total, loading: false })
    } catch (error) {
      set({ error, loading: false })
    }
  },
  setBatch: (batchJobId) => set({ batchJobId })
}))

// New photos, deletions and preset changes: show them (a batch adds many a second; reloads coalesce).
let pending: ReturnType<typeof setTimeout> | null = null
transport.subscribe((name, payload) => {
  if (name !== 'data.changed') return
  const entity = (payload as { entity: string; all?: boolean }).entity
  if (entity !== 'photo' && entity !== 'productPhotos' && !(payload as { all?: boolean }).all) return
  pending ??= setTimeout(() => {
    pending = null
    void useLibrary.getState().reload()
  }, 400)
})
