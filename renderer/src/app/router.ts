// Hash routes ("#/catalog/p_123/trade"): feature id first, then the feature's own parameters.
import { useSyncExternalStore } from 'react'

export interface Route {
  feature: string
  params: string[]
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  return { feature: parts[0] ?? 'catalog', params: parts.slice(1) }
}

export function navigate(feature: string, ...params: string[]): void {
  const hash = `#/${[feature, ...params].map(encodeURIComponent).join('/')}`
  if (location.hash !== hash) location.hash = hash
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb)
  return () => window.removeEventListener('hashchange', cb)
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash)
  return parseRoute(hash)
}
