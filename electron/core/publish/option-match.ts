// Finds the pavilion option an axis value stands for — "Nero" is Black, "0,375 L" is 375ml,
// "Taglia unica" is One Size — and, when none does, the closest options to offer the user.
// Sizes with units are compared as quantities, words by name (Italian colour and size words are
// known), anything else by edit distance.
import { distance } from 'fastest-levenshtein'
import type { AttributeDef } from '../../../shared/domain/catalog-structure.ts'
import { axisValueKey } from '../../../shared/domain/variants.ts'
import { displayNameMatches, normalizeName } from './names.ts'
import type { SchemaOption } from './schema-xml.ts'

/** Italian words sellers use for colours and sizes, with the English names pavilion options carry. */
const ITALIAN_WORDS: Record<string, string[]> = {
  nero: ['black'], bianco: ['white'], marrone: ['brown'], 'testa di moro': ['dark brown', 'brown'], cuoio: ['tan'], cognac: ['cognac'],
  beige: ['beige'], crema: ['cream', 'beige'], panna: ['cream', 'beige'], rosso: ['red'], bordeaux: ['burgundy', 'wine red'], bordo: ['burgundy'],
  rosa: ['pink'], arancione: ['orange'], giallo: ['yellow'], verde: ['green'], 'verde oliva': ['olive'], oliva: ['olive'], blu: ['blue'],
  'blu navy': ['navy blue', 'navy'], azzurro: ['light blue', 'blue'], viola: ['purple'], grigio: ['gray'], oro: ['gold'], argento: ['silver'],
  multicolore: ['multicolor'], 'taglia unica': ['one size'], unica: ['one size'], piccola: ['small', 's'], media: ['medium', 'm'], grande: ['large', 'l'],
  'tinta unita': ['solid color'], floreale: ['floral'], geometrico: ['geometric'], 'dipinto a mano': ['hand-painted', 'hand painted'],
  vetro: ['glass bottle'], latta: ['tin'], lattina: ['tin'], bottiglia: ['glass bottle', 'bottle']
}

const UNIT_FACTORS: Record<string, { dim: 'volume' | 'mass' | 'length'; factor: number }> = {
  ml: { dim: 'volume', factor: 1 }, cl: { dim: 'volume', factor: 10 }, dl: { dim: 'volume', factor: 100 }, l: { dim: 'volume', factor: 1000 },
  lt: { dim: 'volume', factor: 1000 }, litre: { dim: 'volume', factor: 1000 }, liter: { dim: 'volume', factor: 1000 }, litri: { dim: 'volume', factor: 1000 },
  litro: { dim: 'volume', factor: 1000 }, g: { dim: 'mass', factor: 1 }, gr: { dim: 'mass', factor: 1 }, kg: { dim: 'mass', factor: 1000 },
  mm: { dim: 'length', factor: 0.1 }, cm: { dim: 'length', factor: 1 }, m: { dim: 'length', factor: 100 }
}

export interface Quantity {
  dim: 'volume' | 'mass' | 'length'
  /** In ml, g or cm. */
  amount: number
}

/** "0,375 L", "37.5 cl", "375ml", "1,5 litri", "3 kg", "100 cm" → a quantity; null for words. */
export function quantityOf(text: string): Quantity | null {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*([a-zA-Z]+)\.?\s*$/.exec(text)
  if (!m) return null
  const unit = UNIT_FACTORS[m[2].toLowerCase()]
  if (!unit) return null
  return { dim: unit.dim, amount: Math.round(Number(m[1].replace(',', '.')) * unit.factor * 1000) / 1000 }
}

/** The words a value is known by: itself, its option labels in the family, English names of Italian words. */
export function valueNames(value: string, def: AttributeDef | undefined): string[] {
  const out = new Set<string>([value])
  const key = axisValueKey(value)
  const option = def?.options.find((o) => axisValueKey(o.code) === key || Object.values(o.label).some((l) => axisValueKey(l) === key))
  if (option) for (const l of [option.label.en, option.label.it, option.label['zh-CN'], option.code.replace(/_/g, ' ')]) if (l) out.add(l)
  for (const name of [...out]) for (const en of ITALIAN_WORDS[axisValueKey(name)] ?? []) out.add(en)
  return [...out]
}

/** The option this value stands for, or null. */
export function matchOption(value: string, def: AttributeDef | undefined, options: SchemaOption[]): SchemaOption | null {
  const names = valueNames(value, def)
  const byName = options.find((o) => displayNameMatches(o.displayName, names))
  if (byName) return byName
  const q = quantityOf(value)
  if (q) return options.find((o) => sameQuantity(q, quantityOf(o.displayName))) ?? null
  return null
}

function sameQuantity(a: Quantity, b: Quantity | null): boolean {
  return !!b && a.dim === b.dim && Math.abs(a.amount - b.amount) < 1e-6
}

/** The options nearest to a value (by quantity for sizes, by spelling otherwise), best first. */
export function closestOptions(value: string, def: AttributeDef | undefined, options: SchemaOption[], limit = 5): SchemaOption[] {
  const q = quantityOf(value)
  const names = valueNames(value, def).map(normalizeName)
  const score = (o: SchemaOption): number => {
    const oq = quantityOf(o.displayName)
    if (q && oq && oq.dim === q.dim) return Math.abs(Math.log(oq.amount / q.amount))
    const on = normalizeName(o.displayName)
    return 10 + Math.min(...names.map((n) => distance(n, on) / Math.max(n.length, on.length, 1)))
  }
  return [...options].map((o) => ({ o, s: score(o) })).sort((a, b) => a.s - b.s).slice(0, limit).map((x) => x.o)
}
