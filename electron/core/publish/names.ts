// Matching our words to the pavilion's display names. Option codes are specific to each category
// schema, so they are always looked up by display name, never written down here.
import type { SellingUnit } from '../../../shared/domain/units.ts'

const normalized = new Map<string, string>()

/** Lowercase, accents and punctuation removed, "(unit)" suffixes dropped, simple plurals folded. */
export function normalizeName(s: string): string {
  let hit = normalized.get(s)
  if (hit === undefined) {
    hit = normalize(s)
    if (normalized.size > 10_000) normalized.clear()
    normalized.set(s, hit)
  }
  return hit
}

function normalize(s: string): string {
  const base = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/colour/g, 'color')
    .replace(/grey/g, 'gray')
  return base
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (w.length > 3 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .join(' ')
}

/** Names the pavilion may use for each of our selling units (English and Chinese). */
export const UNIT_NAMES: Record<SellingUnit, string[]> = {
  piece: ['piece', 'pieces', 'pc', 'pcs', '件', '个'],
  bottle: ['bottle', 'bottles', '瓶'],
  carton: ['carton', 'cartons', '纸箱'],
  box: ['box', 'boxes', '盒'],
  case: ['case', 'cases', '箱'],
  kilogram: ['kilogram', 'kilograms', 'kg', '千克', '公斤'],
  litre: ['liter', 'liters', 'litre', 'litres', '升'],
  set: ['set', 'sets', '套'],
  pair: ['pair', 'pairs', '双', '对'],
  tin: ['tin', 'tins', 'can', 'cans', '罐'],
  jar: ['jar', 'jars', '广口瓶'],
  bag: ['bag', 'bags', '袋'],
  dozen: ['dozen', '打'],
  pallet: ['pallet', 'pallets', '托盘']
}

/** True when a display name such as "Bottle/Bottles" names one of `candidates`. */
export function displayNameMatches(displayName: string, candidates: string[]): boolean {
  const parts = displayName.split('/').map(normalizeName).filter(Boolean)
  const whole = normalizeName(displayName)
  const wanted = new Set(candidates.map(normalizeName))
  return wanted.has(whole) || parts.some((p) => wanted.has(p))
}

/**
 * Pavilion attribute names that mean one of our attributes although the words differ.
 * Keys and values are normalized names.
 */
export const ATTRIBUTE_SYNONYMS: Record<string, string[]> = {
  'brand name': ['brand name', 'brand'],
  'grape variety': ['grape variety', 'grape'],
  'alcohol content': ['alcohol content', 'alcohol'],
  'net content': ['content', 'net content', 'volume'],
  'bottle size': ['bottle size', 'volume'],
  cultivar: ['cultivar', 'olive variety'],
  grade: ['grade', 'oil grade'],
  'lining material': ['lining'],
  'skin type': ['skin type'],
  'wine type': ['wine type', 'type']
}
