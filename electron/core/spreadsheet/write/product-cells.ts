// A product as spreadsheet cells keyed by import target ("sku", "title/it", "trade/ladder/1/price",
// "attribute/alcohol/unit" …), the exact inverse of the row mapper, so an export imports back
// unchanged. Text that a spreadsheet would run as a formula is neutralised here.
import type { Category, Family } from '../../../../shared/domain/catalog-structure.ts'
import type { Product } from '../../../../shared/domain/product.ts'
import { TEXT_FIELDS } from '../../../../shared/domain/product.ts'
import type { Cell } from '../../../../shared/domain/spreadsheet/cells.ts'
import { neutralizeFormula } from '../../../../shared/domain/spreadsheet/formula-guard.ts'

export interface ExportLookups {
  skuOf(id: string): string | null
  categoryPath(id: string): string | null
  family(id: string): Family | undefined
  images(productId: string): string[]
}

const LIST_SEPARATOR = '; '

export function productCells(p: Product, look: ExportLookups): Map<string, Cell> {
  const out = new Map<string, Cell>()
  const put = (code: string, v: Cell | undefined) => {
    if (v === undefined || v === null || v === '') return
    out.set(code, typeof v === 'string' ? neutralizeFormula(v) : v)
  }
  put('sku', p.sku)
  if (p.parentId) put('parent', look.skuOf(p.parentId))
  put('status', p.status)
  if (p.categoryId) put('category', look.categoryPath(p.categoryId))
  const family = p.familyId ? look.family(p.familyId) : undefined
  if (family) put('family', family.code)
  if (p.variantAxes.length) put('variantAxes', p.variantAxes.join(LIST_SEPARATOR))
  for (const [axis, value] of Object.entries(p.axes)) put(`axis/${axis}`, value)
  for (const [locale, text] of Object.entries(p.texts)) {
    for (const field of TEXT_FIELDS) {
      const v = text[field]
      if (v === undefined) continue
      put(`${field}/${locale}`, Array.isArray(v) ? v.join(LIST_SEPARATOR) : v)
    }
  }
  for (const [code, value] of Object.entries(p.attributes)) {
    const def = family?.attributes.find((a) => a.code === code)
    const label = (optionCode: string) => {
      const o = def?.options.find((x) => x.code === optionCode)
      return o?.label.it ?? o?.label.en ?? optionCode
    }
    if (Array.isArray(value)) put(`attribute/${code}`, value.map(label).join(LIST_SEPARATOR))
    else if (typeof value === 'object' && value !== null && 'unit' in value && 'value' in value) {
      put(`attribute/${code}`, value.value as number)
      put(`attribute/${code}/unit`, String(value.unit))
    } else if (typeof value === 'object' && value !== null) {
      for (const [locale, v] of Object.entries(value as Record<string, string>)) put(`attribute/${code}/${locale}`, v)
    } else if (typeof value === 'string' && def?.localizable) put(`attribute/${code}/it`, value)
    else if (typeof value === 'string' && def?.type === 'select') put(`attribute/${code}`, label(value))
    else put(`attribute/${code}`, value as Cell)
  }
  const t = p.trade
  put('trade/currency', t.currency)
  put('trade/sellingUnit', t.sellingUnit)
  put('trade/moq', t.moq)
  put('trade/stock', t.stock)
  t.ladder?.forEach((tier, i) => {
    put(`trade/ladder/${i + 1}/minQty`, tier.minQty)
    put(`trade/ladder/${i + 1}/price`, tier.price)
  })
  put('trade/fobPort', t.fobPort)
  t.leadTimes?.forEach((band, i) => {
    put(`trade/leadTime/${i + 1}/maxQty`, band.maxQty ?? undefined)
    put(`trade/leadTime/${i + 1}/days`, band.days)
  })
  if (t.supplyAbility) {
    put('trade/supplyAbility/quantity', t.supplyAbility.quantity)
    put('trade/supplyAbility/unit', t.supplyAbility.unit)
    put('trade/supplyAbility/period', t.supplyAbility.period)
  }
  const l = p.logistics
  for (const key of ['netWeight', 'grossWeight'] as const) {
    const m = l[key]
    if (m) {
      put(`logistics/${key}`, m.value)
      put(`logistics/${key}/unit`, m.unit)
    }
  }
  if (l.dimensions) {
    put('logistics/dimensions/length', l.dimensions.length)
    put('logistics/dimensions/width', l.dimensions.width)
    put('logistics/dimensions/height', l.dimensions.height)
    put('logistics/dimensions/unit', l.dimensions.unit)
  }
  put('logistics/packaging', l.packaging)
  put('logistics/unitsPerCarton', l.unitsPerCarton)
  put('logistics/hsCode', l.hsCode)
  const o = p.origin
  put('origin/country', o.country)
  put('origin/region', o.region)
  put('origin/comune', o.comune)
  if (o.certifications?.length) put('origin/certifications', o.certifications.join(LIST_SEPARATOR))
  const images = look.images(p.id)
  if (images.length) put('images', images.join(LIST_SEPARATOR))
  return out
}

/** Column order of an export: fixed fields first, then texts by locale, attributes, trade, logistics. */
export function orderColumns(codes: Set<string>, fixed: string[], locales: string[]): string[] {
  const rank = (code: string): [number, number, string] => {
    const f = fixed.indexOf(code)
    if (f >= 0 && f < 6) return [0, f, code]
    const [head, second] = code.split('/')
    if ((TEXT_FIELDS as readonly string[]).includes(head)) {
      const li = locales.indexOf(second)
      return [1, (li < 0 ? 99 : li) * 10 + TEXT_FIELDS.indexOf(head as (typeof TEXT_FIELDS)[number]), code]
    }
    if (head === 'axis') return [2, 0, code]
    if (head === 'attribute') return [3, 0, code]
    return [4, f < 0 ? 999 : f, code]
  }
  return [...codes].sort((a, b) => {
    const x = rank(a)
    const y = rank(b)
    return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2])
  })
}

export function categoryPaths(categories: Category[]): Map<string, string> {
  const byId = new Map(categories.map((c) => [c.id, c]))
  const paths = new Map<string, string>()
  const pathOf = (id: string, depth = 0): string => {
    const cached = paths.get(id)
    if (cached) return cached
    const c = byId.get(id)
    if (!c || depth > 50) return ''
    const name = c.name.it ?? Object.values(c.name)[0] ?? id
    const p = c.parentId ? `${pathOf(c.parentId, depth + 1)} > ${name}` : name
    paths.set(id, p)
    return p
  }
  for (const c of categories) pathOf(c.id)
  return paths
}
