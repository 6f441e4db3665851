// Words users type in cells for enumerated fields, in Italian and English: selling units, supply
// periods, statuses, countries and certifications, mapped to the codes the product model uses.
import type { ProductStatus } from '../product.ts'
import type { SellingUnit } from '../units.ts'

const norm = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[.\s]+/g, ' ').trim()

function index<T extends string>(table: Record<T, string[]>): Map<string, T> {
  const m = new Map<string, T>()
  for (const [code, words] of Object.entries(table) as Array<[T, string[]]>) {
    m.set(norm(code), code)
    for (const w of words) m.set(norm(w), code)
  }
  return m
}

const SELLING_UNITS = index<SellingUnit>({
  piece: ['pezzo', 'pezzi', 'pz', 'pc', 'pcs', 'pieces', 'unit', 'units', 'nr', 'n'],
  bottle: ['bottiglia', 'bottiglie', 'bt', 'btl', 'bott', 'bottles'],
  carton: ['cartone', 'cartoni', 'ct', 'crt', 'cartons'],
  box: ['scatola', 'scatole', 'boxes', 'confezione'],
  case: ['cassa', 'casse', 'cassetta', 'cases'],
  kilogram: ['kg', 'chilogrammo', 'chilogrammi', 'chilo', 'chili', 'kilo', 'kilograms'],
  litre: ['litro', 'litri', 'l', 'lt', 'liter', 'liters', 'litres'],
  set: ['kit', 'sets', 'servizio'],
  pair: ['paio', 'paia', 'pairs'],
  tin: ['latta', 'latte', 'lattina', 'lattine', 'can', 'cans', 'tins'],
  jar: ['barattolo', 'barattoli', 'vasetto', 'vasetti', 'jars'],
  bag: ['sacchetto', 'sacchetti', 'busta', 'buste', 'sacco', 'bags'],
  dozen: ['dozzina', 'dozzine', 'dozens'],
  pallet: ['bancale', 'bancali', 'pallets']
})

const PERIODS = index<'day' | 'week' | 'month' | 'year'>({
  day: ['giorno', 'giornaliera', 'al giorno', 'daily', 'days', 'gg'],
  week: ['settimana', 'settimanale', 'a settimana', 'weekly', 'weeks'],
  month: ['mese', 'mensile', 'al mese', 'monthly', 'months'],
  year: ['anno', 'annuale', 'all anno', 'yearly', 'annual', 'years']
})

const STATUSES = index<ProductStatus>({
  // Shop platforms export enabled/disabled as 1/0 (Bagisto, WooCommerce "publish"/"draft").
  draft: ['bozza', 'in lavorazione', 'nuovo', '0', 'disabled', 'disabilitato', 'no', 'false', 'private'],
  ready: ['pronto', 'pronta', 'pubblicabile', 'completo', 'attivo', 'active', '1', 'enabled', 'abilitato', 'yes', 'si', 'true', 'publish', 'published'],
  archived: ['archiviato', 'archiviata', 'obsoleto', 'fuori produzione', 'discontinued', 'inactive']
})

const COUNTRIES = index<string>({
  IT: ['italia', 'italy', 'ita', 'italie', 'italien', '意大利'],
  FR: ['francia', 'france'], DE: ['germania', 'germany', 'deutschland'], ES: ['spagna', 'spain', 'espana'],
  PT: ['portogallo', 'portugal'], GR: ['grecia', 'greece'], AT: ['austria'], CH: ['svizzera', 'switzerland'],
  SM: ['san marino'], CN: ['cina', 'china', '中国'], US: ['stati uniti', 'usa', 'united states'], GB: ['regno unito', 'uk', 'united kingdom']
})

const CERTIFICATIONS = index<string>({
  DOP: ['pdo'], IGP: ['pgi'], DOC: [], DOCG: [], IGT: [], STG: ['tsg'], organic: ['biologico', 'bio', 'organico', 'organic eu'],
  CE: [], halal: [], kosher: [], vegan: ['vegano'], 'ISO 9001': ['iso9001'], BRC: [], IFS: []
})

export function sellingUnitOf(text: string): SellingUnit | null {
  return SELLING_UNITS.get(norm(text)) ?? null
}

export function periodOf(text: string): 'day' | 'week' | 'month' | 'year' | null {
  return PERIODS.get(norm(text)) ?? null
}

export function statusOf(text: string): ProductStatus | null {
  return STATUSES.get(norm(text)) ?? null
}

/** ISO code for "Italia", "Italy", "IT"; null when unknown. */
export function countryOf(text: string): string | null {
  const t = text.trim()
  if (/^[A-Za-z]{2}$/.test(t)) return t.toUpperCase()
  return COUNTRIES.get(norm(t)) ?? null
}

/** Known certifications get their canonical spelling; others are kept as written. */
export function certificationOf(text: string): string {
  return CERTIFICATIONS.get(norm(text)) ?? text.trim()
}
