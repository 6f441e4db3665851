// Applies a ProductPatch to a product's fields (see ProductPatch for the merge rules).
import type { z } from 'zod'
import type { ProductFields, ProductPatch } from './product.ts'
import { cloneJson } from './json.ts'

type Patch = z.output<typeof ProductPatch>

function mergeKeys<T extends Record<string, unknown>>(base: T | undefined, patch: Record<string, unknown> | undefined): T {
  const out: Record<string, unknown> = { ...(base ?? {}) }
  for (const [k, v] of Object.entries(patch ?? {})) {
    if (v === null) delete out[k]
    else if (v !== undefined) out[k] = v
  }
  return out as T
}

export function applyProductPatch(current: ProductFields, patch: Patch): ProductFields {
  const next: ProductFields = cloneJson(current)
  if (patch.sku !== undefined) next.sku = patch.sku
  if (patch.status !== undefined) next.status = patch.status
  if (patch.categoryId !== undefined) next.categoryId = patch.categoryId
  if (patch.familyId !== undefined) next.familyId = patch.familyId
  if (patch.parentId !== undefined) next.parentId = patch.parentId
  if (patch.variantAxes !== undefined) next.variantAxes = patch.variantAxes
  if (patch.axes) next.axes = mergeKeys(next.axes, patch.axes)
  if (patch.variantOptions) next.variantOptions = mergeKeys(next.variantOptions ?? {}, patch.variantOptions)
  if (patch.attributes) next.attributes = mergeKeys(next.attributes, patch.attributes)
  if (patch.trade) next.trade = mergeKeys(next.trade, patch.trade)
  if (patch.logistics) next.logistics = mergeKeys(next.logistics, patch.logistics)
  if (patch.origin) next.origin = mergeKeys(next.origin, patch.origin)
  for (const [locale, text] of Object.entries(patch.texts ?? {})) {
    const merged = mergeKeys(next.texts[locale], text)
    for (const [k, v] of Object.entries(merged)) if (v === '' || (Array.isArray(v) && v.length === 0)) delete (merged as Record<string, unknown>)[k]
    if (Object.keys(merged).length === 0) delete next.texts[locale]
    else next.texts[locale] = merged
  }
  return next
}
