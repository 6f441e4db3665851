// What the list shows beside a product's own fields, fetched for the rows on screen only: the
// first photo's thumbnail (photos area) and readiness and listing states (publish area). Cached
// per product and dropped when core events say they changed (rules downloaded, listing published,
// photos attached, settings saved), so the list stays live without a reload.
import { create } from 'zustand'
import type { ProductPublishState } from '../../../../../shared/contract/publish.ts'
import type { MediaFile } from '../../../../../shared/contract/photos.ts'
import { api, transport } from '../../../api/client.ts'

export interface RowExtras {
  thumb: MediaFile | null
  photos: number
  publish: ProductPublishState | null
}

interface ExtrasState {
  byId: Record<string, RowExtras>
  target: string | null
  /** Bumped when cached rows were dropped: visible rows ask again. */
  version: number
  want(ids: string[]): void
  forget(ids?: string[]): void
}

const inFlight = new Set<string>()
let queue = new Set<string>()
let timer: ReturnType<typeof setTimeout> | null = null

async function fetchQueued() {
  timer = null
  const ids = [...queue].filter((id) => !inFlight.has(id))
  queue = new Set()
  if (!ids.length) return
  ids.forEach((id) => inFlight.add(id))
  try {
    for (let i = 0; i < ids.length; i += 200) {
      const chunk = ids.slice(i, i + 200)
      const [thumbs, states] = await Promise.all([
        api.photos.primaryThumbs({ productIds: chunk }).catch(() => ({ items: [] })),
        api.publish.productStates({ productIds: chunk }).catch(() => null)
      ])
      const t = new Map(thumbs.items.map((x) => [x.productId, x]))
      const p = new Map((states?.items ?? []).map((x) => [x.productId, x]))
      useRowExtras.setState((s) => ({
        target: states?.target ?? s.target,
        byId: {
          ...s.byId,
          ...Object.fromEntries(chunk.map((id) => [id, { thumb: t.get(id)?.thumb ?? null, photos: t.get(id)?.photos ?? 0, publish: p.get(id) ?? null }]))
        }
      }))
    }
  } finally {
    ids.forEach((id) => inFlight.delete(id))
  }
}

export const useRowExtras = create<ExtrasState>((set, get) => ({
  byId: {},
  target: null,
  version: 0,
  want(ids) {
    const missing = ids.filter((id) => !get().byId[id] && !inFlight.has(id))
    if (!missing.length) return
    missing.forEach((id) => queue.add(id))
    timer ??= setTimeout(() => void fetchQueued(), 60)
  },
  forget(ids) {
    if (!ids) set((s) => ({ byId: {}, version: s.version + 1 }))
    else {
      set((s) => {
        const byId = { ...s.byId }
        for (const id of ids) delete byId[id]
        return { byId, version: s.version + 1 }
      })
    }
  }
}))

// Everything that changes a thumbnail, a readiness verdict or a listing state.
let pending: ReturnType<typeof setTimeout> | null = null
let pendingIds: Set<string> | null = new Set()
transport.subscribe((name, payload) => {
  if (name !== 'data.changed') return
  const e = payload as { entity: string; ids?: string[] }
  const affectsAll = ['publish.rules', 'publish.listing', 'settings', 'category', 'family', 'photo', '*'].includes(e.entity)
  const perProduct = ['product', 'productPhotos'].includes(e.entity)
  if (!affectsAll && !perProduct) return
  if (affectsAll || !e.ids) pendingIds = null
  else if (pendingIds) e.ids.forEach((id) => pendingIds!.add(id))
  if (pending) return
  pending = setTimeout(() => {
    pending = null
    useRowExtras.getState().forget(pendingIds ? [...pendingIds] : undefined)
    pendingIds = new Set()
  }, 300)
})
