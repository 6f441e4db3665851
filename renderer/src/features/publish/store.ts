// Publish screen state: queue status, readiness summary, listings, settings. Core events keep it
// fresh (listing changes, rules downloaded, products edited), reloads coalesced.
import { create } from 'zustand'
import type { ProductReadiness, PublishStatus } from '../../../../shared/contract/publish.ts'
import type { Listing, ListingState, PublishSettings } from '../../../../shared/domain/publish.ts'
import { api, transport } from '../../api/client.ts'

export interface Summary {
  ready: number
  blocked: number
  warnings: number
  pending: number
  byProblem: Record<string, number>
}

interface PublishState {
  status: PublishStatus | null
  summary: Summary | null
  problems: ProductReadiness[]
  listings: Listing[]
  listingsTotal: number
  filter: ListingState[] | null
  settings: (PublishSettings & { secretsBackend: string }) | null
  /** Listings counted when the current run started (for the progress bar). */
  runTotal: number
  loadStatus(): Promise<void>
  loadReadiness(): Promise<void>
  loadListings(): Promise<void>
  loadSettings(): Promise<void>
  setFilter(f: ListingState[] | null): void
  startRun(total: number): void
}

export const usePublish = create<PublishState>((set, get) => ({
  status: null,
  summary: null,
  problems: [],
  listings: [],
  listingsTotal: 0,
  filter: null,
  settings: null,
  runTotal: 0,
  async loadStatus() {
    const status = await api.publish.status({})
    const active = status.pending + status.inAudit
    set({ status, runTotal: active === 0 ? 0 : Math.max(get().runTotal, active) })
  },
  async loadReadiness() {
    const r = await api.publish.readiness({ onlyProblems: true, limit: 200 })
    set({ summary: r.summary, problems: r.items })
  },
  async loadListings() {
    const r = await api.publish.listings({ states: get().filter ?? undefined, limit: 200 })
    set({ listings: r.items, listingsTotal: r.total })
  },
  async loadSettings() {
    set({ settings: await api.publish.getSettings({}) })
  },
  setFilter(filter) {
    set({ filter })
    void get().loadListings()
  },
  startRun(total) {
    set({ runTotal: total })
  }
}))

let timer: ReturnType<typeof setTimeout> | null = null
let watching = 0

/** The Publish screen is open: follow core events (returns the stop function). */
export function watchPublish(): () => void {
  watching++
  return () => {
    watching--
  }
}

function reloadSoon(readiness: boolean) {
  if (timer || watching === 0) return
  timer = setTimeout(() => {
    timer = null
    const s = usePublish.getState()
    void s.loadStatus().catch(() => undefined)
    void s.loadListings().catch(() => undefined)
    if (readiness) void s.loadReadiness().catch(() => undefined)
  }, readiness ? 400 : 250)
}

transport.subscribe((name, payload) => {
  if (name !== 'data.changed') return
  const entity = (payload as { entity: string }).entity
  if (entity === 'publish.listing') reloadSoon(false)
  else if (['publish.rules', 'product', 'category', 'family', 'settings', 'productPhotos', 'photo', '*'].includes(entity)) reloadSoon(true)
})

// Waking the publishing area at start-up makes the connectivity monitor probe the gateway (the
// built-in sandbox starts on demand), so the online badge is right on every screen.
void api.publish.status({}).catch(() => undefined)
