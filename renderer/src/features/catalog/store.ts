// Catalogue list state: search, filters, sort, keyset paging; categories and families cached.
import { create } from 'zustand'
import type { Category, Family } from '../../../../shared/domain/catalog-structure.ts'
import type { ProductStatus, ProductSummary } from '../../../../shared/domain/product.ts'
import { api, transport } from '../../api/client.ts'

export type SortKey = 'updated' | 'sku' | 'title' | 'created'

export interface ListFilters {
  query: string
  status: ProductStatus[]
  categoryId: string | null | undefined
  missingLocale: string
  sort: SortKey
  direction: 'asc' | 'desc'
}

interface CatalogState {
  filters: ListFilters
  items: ProductSummary[]
  total: number
  totalExact: boolean
  cursor: string | null
  loading: boolean
  error: unknown
  categories: Array<Category & { productCount: number }>
  families: Family[]
  setFilters(patch: Partial<ListFilters>): void
  reload(): Promise<void>
  loadMore(): Promise<void>
  loadStructure(): Promise<void>
}

let generation = 0

export const useCatalog = create<CatalogState>((set, get) => ({
  filters: { query: '', status: [], categoryId: undefined, missingLocale: '', sort: 'updated', direction: 'desc' },
  items: [],
  total: 0,
  totalExact: true,
  cursor: null,
  loading: false,
  error: null,
  categories: [],
  families: [],
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } })
    void get().reload()
  },
  async reload() {
    const gen = ++generation
    set({ loading: true, error: null })
    const f = get().filters
    try {
      const page = await api.catalog.listProducts({
        query: f.query, status: f.status.length ? f.status : undefined, categoryId: f.categoryId,
        missingLocale: f.missingLocale || undefined, sort: f.sort, direction: f.direction, limit: 200,
        displayLocale: document.documentElement.lang === 'zh-CN' ? 'zh-CN' : document.documentElement.lang === 'en' ? 'en' : 'it'
      })
      if (gen !== generation) return
      set({ items: page.items, total: page.total, totalExact: page.totalExact, cursor: page.nextCursor, loading: false })
    } catch (error) {
      if (gen === generation) set({ error, loading: false })
    }
  },
  async loadMore() {
    const { cursor, loading, filters: f } = get()
    if (!cursor || loading) return
    const gen = generation
    set({ loading: true })
    try {
      const page = await api.catalog.listProducts({
        query: f.query, status: f.status.length ? f.status : undefined, categoryId: f.categoryId,
        missingLocale: f.missingLocale || undefined, sort: f.sort, direction: f.direction, limit: 200, cursor,
        displayLocale: document.documentElement.lang === 'zh-CN' ? 'zh-CN' : document.documentElement.lang === 'en' ? 'en' : 'it'
      })
      if (gen !== generation) return
      set({ items: [...get().items, ...page.items], cursor: page.nextCursor, loading: false })
    } catch (error) {
      set({ error, loading: false })
    }
  },
  async loadStructure() {
    const [categories, families] = await Promise.all([api.catalog.listCategories({}), api.catalog.listFamilies({})])
    set({ categories: categories.items, families: families.items })
  }
}))

// Reload the visible list when products change elsewhere (another window, an import, a translator).
let pending: ReturnType<typeof setTimeout> | null = null
transport.subscribe((name, payload) => {
  if (name !== 'data.changed') return
  const entity = (payload as { entity: string }).entity
  if (entity === 'category' || entity === 'family' || entity === '*') void useCatalog.getState().loadStructure()
  if (entity === 'product' || entity === '*') {
    if (pending) clearTimeout(pending)
    pending = setTimeout(() => void useCatalog.getState().reload(), 300)
  }
})

/** Categories as an indented list (for selects), depth-first in tree order. */
export function flattenCategories(categories: Category[], lang: string): Array<{ id: string; label: string; depth: number }> {
  const byParent = new Map<string | null, Category[]>()
  for (const c of categories) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c])
  const out: Array<{ id: string; label: string; depth: number }> = []
  const walk = (parent: string | null, depth: number) => {
    for (const c of (byParent.get(parent) ?? []).sort((a, b) => a.sort - b.sort)) {
      out.push({ id: c.id, label: localized(c.name, lang), depth })
      walk(c.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}

export function localized(names: Record<string, string>, lang: string): string {
  return names[lang] || names.it || names.en || Object.values(names)[0] || ''
}
