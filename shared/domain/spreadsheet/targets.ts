// Where a spreadsheet column can go: a product field, a localized text ("title/it"), an attribute
// ("attribute/vintage", "attribute/storage/en"), a variant axis, a trade term, a category, image
// file names — or nowhere ("ignore"). Targets are plain strings so they can be saved in profiles,
// used as export headers and typed by hand in the CLI.
import { LocaleCode } from '../locales.ts'
import { AttributeCode, TEXT_FIELDS, type TextField } from '../product.ts'

export const LADDER_TIERS = 4
export const LEAD_TIME_BANDS = 3
/** Option name/value column pairs of shop exports ("Variant Option 1 Name", "Option1 Value"). */
export const AXIS_PAIRS = 3

export type Target =
  | { kind: 'ignore' }
  | { kind: 'sku' | 'status' | 'category' | 'family' | 'parent' | 'variantAxes' | 'images' }
  /** Variant layouts: the group a variant row belongs to, a row's product type, a parent's list of its variants. */
  | { kind: 'group' | 'rowType' | 'variantsSpec' }
  | { kind: 'axisName' | 'axisValue'; pair: number }
  | { kind: 'text'; field: TextField; locale: string }
  | { kind: 'attribute'; code: string; locale?: string; part?: 'unit' }
  | { kind: 'axis'; code: string }
  | { kind: 'trade'; key: 'currency' | 'sellingUnit' | 'moq' | 'price' | 'fobPort' | 'stock' }
  | { kind: 'ladder'; tier: number; key: 'minQty' | 'price' }
  | { kind: 'leadTime'; band: number; key: 'maxQty' | 'days' }
  | { kind: 'supply'; key: 'quantity' | 'unit' | 'period' }
  | { kind: 'logistics'; key: 'netWeight' | 'grossWeight'; part?: 'unit' }
  | { kind: 'logistics'; key: 'dimensions'; part?: 'length' | 'width' | 'height' | 'unit' }
  | { kind: 'logistics'; key: 'packaging' | 'unitsPerCarton' | 'hsCode' }
  | { kind: 'origin'; key: 'country' | 'region' | 'comune' | 'certifications' }

const SIMPLE = ['ignore', 'sku', 'status', 'category', 'family', 'parent', 'variantAxes', 'images', 'group', 'rowType', 'variantsSpec'] as const
const TRADE_KEYS = ['currency', 'sellingUnit', 'moq', 'price', 'fobPort', 'stock'] as const
const LOGISTICS_PLAIN = ['packaging', 'unitsPerCarton', 'hsCode'] as const
const ORIGIN_KEYS = ['country', 'region', 'comune', 'certifications'] as const

const isLocale = (s: string | undefined): s is string => s !== undefined && LocaleCode.safeParse(s).success
const inRange = (s: string | undefined, max: number) => s !== undefined && /^[1-9]$/.test(s) && Number(s) <= max

/** Parses a target code; null when it is not one. */
export function parseTarget(code: string): Target | null {
  const p = code.trim().split('/')
  const [a, b, c, d] = p
  if (p.length === 1 && (SIMPLE as readonly string[]).includes(a)) return { kind: a } as Target
  if ((TEXT_FIELDS as readonly string[]).includes(a) && p.length === 2 && isLocale(b)) return { kind: 'text', field: a as TextField, locale: b }
  if (a === 'attribute' && AttributeCode.safeParse(b).success) {
    if (p.length === 2) return { kind: 'attribute', code: b }
    if (p.length === 3 && c === 'unit') return { kind: 'attribute', code: b, part: 'unit' }
    if (p.length === 3 && isLocale(c)) return { kind: 'attribute', code: b, locale: c }
  }
  if (a === 'axis' && p.length === 2 && AttributeCode.safeParse(b).success) return { kind: 'axis', code: b }
  if ((a === 'axisName' || a === 'axisValue') && p.length === 2 && inRange(b, AXIS_PAIRS)) return { kind: a, pair: Number(b) }
  if (a === 'trade') {
    if (p.length === 2 && (TRADE_KEYS as readonly string[]).includes(b)) return { kind: 'trade', key: b as (typeof TRADE_KEYS)[number] }
    if (p.length === 4 && b === 'ladder' && inRange(c, LADDER_TIERS) && (d === 'minQty' || d === 'price')) return { kind: 'ladder', tier: Number(c), key: d }
    if (p.length === 4 && b === 'leadTime' && inRange(c, LEAD_TIME_BANDS) && (d === 'maxQty' || d === 'days')) return { kind: 'leadTime', band: Number(c), key: d }
    if (p.length === 3 && b === 'supplyAbility' && (c === 'quantity' || c === 'unit' || c === 'period')) return { kind: 'supply', key: c }
  }
  if (a === 'logistics') {
    if ((b === 'netWeight' || b === 'grossWeight') && (p.length === 2 || (p.length === 3 && c === 'unit'))) {
      return p.length === 2 ? { kind: 'logistics', key: b } : { kind: 'logistics', key: b, part: 'unit' }
    }
    if (b === 'dimensions') {
      if (p.length === 2) return { kind: 'logistics', key: 'dimensions' }
      if (p.length === 3 && (c === 'length' || c === 'width' || c === 'height' || c === 'unit')) return { kind: 'logistics', key: 'dimensions', part: c }
    }
    if (p.length === 2 && (LOGISTICS_PLAIN as readonly string[]).includes(b)) return { kind: 'logistics', key: b as (typeof LOGISTICS_PLAIN)[number] }
  }
  if (a === 'origin' && p.length === 2 && (ORIGIN_KEYS as readonly string[]).includes(b)) return { kind: 'origin', key: b as (typeof ORIGIN_KEYS)[number] }
  return null
}

export function isTarget(code: string): boolean {
  return parseTarget(code) !== null
}

/** The canonical code of a target (what parseTarget reads back). */
export function targetCode(t: Target): string {
  switch (t.kind) {
    case 'text': return `${t.field}/${t.locale}`
    case 'attribute': return `attribute/${t.code}${t.part ? '/unit' : t.locale ? `/${t.locale}` : ''}`
    case 'axis': return `axis/${t.code}`
    case 'axisName': case 'axisValue': return `${t.kind}/${t.pair}`
    case 'trade': return `trade/${t.key}`
    case 'ladder': return `trade/ladder/${t.tier}/${t.key}`
    case 'leadTime': return `trade/leadTime/${t.band}/${t.key}`
    case 'supply': return `trade/supplyAbility/${t.key}`
    case 'logistics': return `logistics/${t.key}${'part' in t && t.part ? `/${t.part}` : ''}`
    case 'origin': return `origin/${t.key}`
    default: return t.kind
  }
}

/** The fixed (non-attribute, non-locale) targets, in the order exports use. */
export function fixedTargetCodes(): string[] {
  const out = ['sku', 'parent', 'status', 'category', 'family', 'variantAxes']
  out.push('trade/currency', 'trade/sellingUnit', 'trade/moq', 'trade/price', 'trade/stock')
  for (let i = 1; i <= LADDER_TIERS; i++) out.push(`trade/ladder/${i}/minQty`, `trade/ladder/${i}/price`)
  out.push('trade/fobPort')
  for (let i = 1; i <= LEAD_TIME_BANDS; i++) out.push(`trade/leadTime/${i}/maxQty`, `trade/leadTime/${i}/days`)
  out.push('trade/supplyAbility/quantity', 'trade/supplyAbility/unit', 'trade/supplyAbility/period')
  out.push('logistics/netWeight', 'logistics/netWeight/unit', 'logistics/grossWeight', 'logistics/grossWeight/unit')
  out.push('logistics/dimensions', 'logistics/dimensions/length', 'logistics/dimensions/width', 'logistics/dimensions/height', 'logistics/dimensions/unit')
  out.push('logistics/packaging', 'logistics/unitsPerCarton', 'logistics/hsCode')
  out.push('origin/country', 'origin/region', 'origin/comune', 'origin/certifications', 'images')
  return out
}

/** Targets of the variant layouts (group column, product type, variants list, option name/value pairs). */
export function variantTargetCodes(): string[] {
  const out = ['group', 'rowType', 'variantsSpec']
  for (let i = 1; i <= AXIS_PAIRS; i++) out.push(`axisName/${i}`, `axisValue/${i}`)
  return out
}

export function textTargetCodes(locales: readonly string[]): string[] {
  return locales.flatMap((l) => TEXT_FIELDS.map((f) => `${f}/${l}`))
}
