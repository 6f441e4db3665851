// How an export writes products with variants, so the file imports back the same way:
//  - "rows" (parent/child rows): the parent's row, then one row per variant naming it in the
//    `parent` column, with its axis values;
//  - "group" (one row per variant): no row for the parent; each variant's row carries the parent's
//    SKU in the `group` column and the parent's product-level cells (titles, descriptions,
//    category, attributes…), with its own SKU, axis values, price tiers, stock and MOQ — its
//    parent's where it has none. Products without variants keep their one row in both layouts.
import type { Cell } from '../../../../shared/domain/spreadsheet/cells.ts'

export const VARIANT_LAYOUTS = ['rows', 'group'] as const
export type VariantLayout = (typeof VARIANT_LAYOUTS)[number]

/** Cells that describe the variant itself, not its product. */
const isVariantCell = (code: string) =>
  code === 'sku' || code.startsWith('axis/') || code.startsWith('trade/ladder/') || code === 'trade/price' || code === 'trade/stock' || code === 'trade/moq' || code === 'status'

/** The row of one variant in the group layout. */
export function groupRow(parentSku: string, parent: Map<string, Cell>, variant: Map<string, Cell>): Map<string, Cell> {
  const out = new Map<string, Cell>()
  for (const [code, cell] of parent) if (code !== 'sku' && code !== 'parent' && !isVariantCell(code)) out.set(code, cell)
  // Price tiers and MOQ come whole from the variant, or whole from the parent it inherits them from.
  const own = (prefix: string) => [...variant.keys()].some((c) => c.startsWith(prefix))
  for (const [code, cell] of parent) {
    if ((code.startsWith('trade/ladder/') && !own('trade/ladder/')) || (code === 'trade/moq' && !variant.has('trade/moq')) ||
      (code === 'trade/stock' && !variant.has('trade/stock')) || (code === 'status' && !variant.has('status'))) out.set(code, cell)
  }
  for (const [code, cell] of variant) if (isVariantCell(code)) out.set(code, cell)
  out.set('group', parentSku)
  return out
}
