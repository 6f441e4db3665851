// Cells of the variant layouts read the way shop platforms write them: stock as a number or per
// warehouse ("default=100", summed), a parent's list of its variants
// ("sku=SP-005,color=Yellow,size=M|sku=SP-006,…"), product types (configurable, variation …)
// and option names turned into axis codes.
import type { Family } from '../../../../shared/domain/catalog-structure.ts'
import { type Cell, cellText } from '../../../../shared/domain/spreadsheet/cells.ts'
import { parseInteger, type Parsed, type ValueLocale } from '../../../../shared/domain/spreadsheet/values.ts'
import { axisValueKey } from '../../../../shared/domain/variants.ts'

/** Stock: a whole number, or quantities per warehouse ("default=100, magazzino2=20"). */
export function parseStock(cell: Cell, loc: ValueLocale): Parsed<number> {
  const text = cellText(cell).trim()
  const pairs = /^[\p{L}\w .-]+\s*=\s*\d+(\s*[,;|]\s*[\p{L}\w .-]+\s*=\s*\d+)*$/u.test(text) ? text.split(/[,;|]/) : null
  const r = pairs ? { ok: true as const, value: pairs.reduce((n, p) => n + Number(p.split('=')[1].trim()), 0) } : parseInteger(cell, loc)
  if (r.ok && r.value < 0) return { ok: false, code: 'stock_negative', message: `the stock cannot be negative (${text})`, params: { value: text } }
  return r
}

export type RowKind = 'parent' | 'child' | 'single'

const PARENT_TYPES = new Set(['configurable', 'variable', 'parent', 'master', 'configurabile', 'padre', 'modello', 'con varianti', 'variabile'])
const CHILD_TYPES = new Set(['variation', 'variant', 'child', 'variante', 'figlio', 'variazione'])

/** What a product-type cell says about the row: a parent of variants, a variant, or anything else. */
export function rowKindOf(text: string): RowKind {
  const t = axisValueKey(text)
  if (PARENT_TYPES.has(t)) return 'parent'
  if (CHILD_TYPES.has(t)) return 'child'
  return 'single'
}

/**
 * The axis code an option name stands for: a family attribute named so (in any language,
 * "Colore" → colour), else the name itself in lowercase letters, digits and _ ("Bottle size" → bottle_size).
 */
export function axisCodeOf(name: string, family: Family | undefined): string | null {
  const key = axisValueKey(name).replace(/colour/g, 'color')
  const def = family?.attributes.find((a) => [a.code.replace(/_/g, ' '), ...Object.values(a.label)].some((l) => axisValueKey(l).replace(/colour/g, 'color') === key))
  if (def) return def.code
  const code = key.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/^(\d)/, 'a_$1').slice(0, 64)
  return code ? code : null
}

export interface VariantSpec {
  sku: string
  /** Option name as written → value. */
  values: Array<[string, string]>
}

/** A parent's list of its variants: "sku=SP-005,color=Yellow,size=M|sku=SP-006,color=Yellow,size=L". */
export function parseVariantsSpec(text: string): VariantSpec[] | null {
  const out: VariantSpec[] = []
  for (const part of text.split('|').map((p) => p.trim()).filter(Boolean)) {
    const pairs = part.split(',').map((kv) => kv.split('=').map((x) => x.trim()))
    if (pairs.some((kv) => kv.length !== 2 || !kv[0])) return null
    const sku = pairs.find(([k]) => k.toLowerCase() === 'sku')?.[1]
    if (!sku) return null
    out.push({ sku, values: pairs.filter(([k, v]) => k.toLowerCase() !== 'sku' && v !== '') as Array<[string, string]> })
  }
  return out
}
