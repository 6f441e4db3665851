// Field-level history: a product is flattened into leaf paths ("texts.en.title", "trade.moq",
// "attributes.vintage") so every change records exactly which field moved from what to what.
import type { ProductFields } from './product.ts'
import { cloneJson, stableStringify } from './json.ts'

export const HISTORY_SOURCES = ['manual', 'import', 'translation', 'publish', 'restore', 'undo', 'system'] as const
export type HistorySource = (typeof HISTORY_SOURCES)[number]

type Leaf = unknown
const NESTED_BY_KEY = ['trade', 'logistics', 'origin', 'attributes', 'axes', 'variantOptions'] as const

/** Flattens the stored fields of a product into leaf paths. Undefined leaves are omitted. */
export function flattenProduct(p: Partial<ProductFields>): Map<string, Leaf> {
  const out = new Map<string, Leaf>()
  for (const key of ['sku', 'status', 'categoryId', 'familyId', 'parentId', 'variantAxes'] as const) {
    if (p[key] !== undefined) out.set(key, p[key])
  }
  for (const group of NESTED_BY_KEY) {
    const obj = p[group] as Record<string, unknown> | undefined
    if (!obj) continue
    for (const [k, v] of Object.entries(obj)) if (v !== undefined) out.set(`${group}.${k}`, v)
  }
  for (const [locale, text] of Object.entries(p.texts ?? {})) {
    for (const [field, v] of Object.entries(text)) if (v !== undefined) out.set(`texts.${locale}.${field}`, v)
  }
  return out
}

/** Sets one leaf path on a product's fields (undefined removes it). Returns a new object. */
export function setLeaf(p: ProductFields, path: string, value: unknown): ProductFields {
  const next = cloneJson(p) as ProductFields & Record<string, unknown>
  const parts = path.split('.')
  if (parts[0] === 'texts') {
    const [, locale, field] = parts
    const text = { ...(next.texts[locale] ?? {}) } as Record<string, unknown>
    if (value === undefined || value === null) delete text[field]
    else text[field] = value
    if (Object.keys(text).length === 0) delete next.texts[locale]
    else next.texts[locale] = text
    return next
  }
  if (parts.length === 2 && (NESTED_BY_KEY as readonly string[]).includes(parts[0])) {
    const obj = { ...((next[parts[0]] as Record<string, unknown>) ?? {}) }
    if (value === undefined || value === null) delete obj[parts[1]]
    else obj[parts[1]] = value
    next[parts[0]] = obj
    return next
  }
  if (parts.length === 1) {
    if (parts[0] === 'variantAxes') next.variantAxes = (value ?? []) as string[]
    else next[parts[0]] = value === undefined ? null : value
    return next
  }
  throw new Error(`unknown product field path: ${path}`)
}

export interface FieldChange {
  path: string
  old: unknown
  new: unknown
}

/** Leaf-level differences between two versions of a product. */
export function diffProducts(before: Partial<ProductFields>, after: Partial<ProductFields>): FieldChange[] {
  const a = flattenProduct(before)
  const b = flattenProduct(after)
  const changes: FieldChange[] = []
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const o = a.get(path)
    const n = b.get(path)
    if (stableStringify(o) !== stableStringify(n)) changes.push({ path, old: o ?? null, new: n ?? null })
  }
  return changes.sort((x, y) => x.path.localeCompare(y.path))
}
