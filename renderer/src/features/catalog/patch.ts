// Builds a ProductPatch that changes one leaf ("texts.en.title", "trade.moq", "sku").
// An empty value removes the leaf (null), as the patch rules say.
import type { ProductPatch } from '../../../../shared/domain/product.ts'

export function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)
}

export function patchFor(path: string, value: unknown): ProductPatch {
  const parts = path.split('.')
  const v = isEmpty(value) ? null : value
  if (parts[0] === 'texts') return { texts: { [parts[1]]: { [parts[2]]: v } } } as ProductPatch
  if (parts.length === 2) return { [parts[0]]: { [parts[1]]: v } } as ProductPatch
  return { [parts[0]]: v } as ProductPatch
}

export function getPath(obj: unknown, path: string): unknown {
  let cur = obj as Record<string, unknown> | undefined
  for (const p of path.split('.')) {
    if (cur === undefined || cur === null) return undefined
    cur = cur[p] as Record<string, unknown> | undefined
  }
  return cur
}
