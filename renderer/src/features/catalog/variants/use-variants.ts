// A parent's variants, whole (prices and stock are in them), kept fresh when any of them or the
// parent changes; and the axis names as the family calls them in the UI language.
import { useCallback, useEffect, useState } from 'react'
import type { Product } from '../../../../../shared/domain/product.ts'
import { api } from '../../../api/client.ts'
import { useEvent } from '../../../api/events.ts'
import { localized, useCatalog } from '../store.ts'

export function useVariants(parent: Product): { variants: Product[]; loading: boolean; reload(): Promise<void> } {
  const [variants, setVariants] = useState<Product[]>([])
  const [loading, setLoading] = useState(true)
  const reload = useCallback(async () => {
    const list = await api.catalog.listProducts({ parent: parent.id, sort: 'created', direction: 'asc', limit: 500 })
    setVariants(await Promise.all(list.items.map((v) => api.catalog.getProduct({ id: v.id }))))
    setLoading(false)
  }, [parent.id])
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void reload(), [reload, parent.variantCount, parent.version])
  useEvent('data.changed', (e) => {
    if (e.entity === 'product' && (e.all || e.ids?.some((id) => id === parent.id || variants.some((v) => v.id === id)))) void reload()
  })
  return { variants, loading, reload }
}

/** "colour" → "Colore" (the family's label in the UI language), else the code as written. */
export function useAxisLabel(familyId: string | null, lang: string): (axis: string) => string {
  const families = useCatalog((s) => s.families)
  return (axis) => {
    const def = families.find((f) => f.id === familyId)?.attributes.find((a) => a.code === axis)
    return def ? localized(def.label, lang) || axis : axis
  }
}

/** What the user typed as an axis ("Colore", "colour", "Formato") → the axis code (a family attribute's, else the words as a code). */
export function useAxisCode(familyId: string | null): (typed: string) => string {
  const families = useCatalog((s) => s.families)
  return (typed) => {
    const fold = (x: string) => x.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase()
    const attrs = families.find((f) => f.id === familyId)?.attributes ?? []
    const def = attrs.find((a) => a.code === typed || [a.code.replace(/_/g, ' '), ...Object.values(a.label)].some((l) => fold(l) === fold(typed)))
    return def ? def.code : fold(typed).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/^(\d)/, 'a_$1').slice(0, 64)
  }
}
