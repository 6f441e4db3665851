// Suggests where each column goes from its header, in Italian or English ("Codice", "Descrizione",
// "Prezzo", "Peso netto (g)", "Title EN", "Descrizione inglese"), from attribute labels of the
// families, and from Vetrina's own export headers (which map back exactly).
import { isTarget, LADDER_TIERS, LEAD_TIME_BANDS } from './targets.ts'
import { variantTargetFor } from './variant-headers.ts'

export interface AttributeHint {
  code: string
  labels: string[]
  localizable: boolean
}

export interface Suggestion {
  index: number
  header: string
  target: string
  /** 1 = exact target code, 0.9 = known synonym, 0.8 = attribute label, 0 = no idea (ignored). */
  confidence: number
}

/** Lower case, no accents, punctuation as spaces: "Quantità minima d'ordine" → "quantita minima d ordine". */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim()
}

const LANGUAGE_WORDS: Record<string, string> = {
  it: 'it', ita: 'it', italiano: 'it', italian: 'it',
  en: 'en', eng: 'en', inglese: 'en', english: 'en', uk: 'en',
  zh: 'zh-CN', cn: 'zh-CN', chn: 'zh-CN', cinese: 'zh-CN', chinese: 'zh-CN', 中文: 'zh-CN', zhcn: 'zh-CN',
  de: 'de', tedesco: 'de', german: 'de', fr: 'fr', francese: 'fr', french: 'fr', es: 'es', spagnolo: 'es', spanish: 'es'
}

/**
 * Shop platforms' own names for their families (Magento "attribute_set_code", Bagisto
 * "attribute_family_code"): their values are the shop's families, which Vetrina does not know yet,
 * so an import suggests creating them (ImportSettings.createFamilies).
 */
const SHOP_FAMILY_HEADERS = ['attribute set', 'attribute set code', 'attribute set name', 'attribute family code', 'set di attributi', 'set attributi']

/** Whether a header is a shop platform's attribute set (family) column. */
export function namesShopFamilies(header: string): boolean {
  return SHOP_FAMILY_HEADERS.includes(normalizeHeader(header))
}

/** Synonyms per target, already normalized. Texts use the placeholder locale "*". */
const SYNONYMS: Array<[string, string[]]> = [
  ['sku', ['sku', 'codice', 'codice articolo', 'cod articolo', 'cod art', 'codart', 'articolo', 'art', 'item code', 'item', 'item no', 'product code',
    'codice prodotto', 'cod prodotto', 'code', 'rif', 'riferimento', 'ref', 'reference', 'part number', 'codice interno']],
  ['title/*', ['titolo', 'nome', 'nome prodotto', 'nome articolo', 'descrizione', 'descrizione articolo', 'descrizione prodotto', 'title', 'name',
    'product name', 'product title', 'item name', 'denominazione prodotto']],
  ['shortDescription/*', ['descrizione breve', 'sottotitolo', 'short description', 'subtitle', 'summary', 'sommario']],
  ['description/*', ['descrizione estesa', 'descrizione lunga', 'descrizione completa', 'testo', 'description', 'long description', 'full description', 'details', 'dettagli']],
  ['keywords/*', ['parole chiave', 'keywords', 'keyword', 'tag', 'tags', 'chiavi di ricerca']],
  ['status', ['stato', 'status', 'stato prodotto']],
  ['category', ['categoria', 'category', 'categoria merceologica', 'gruppo merceologico', 'reparto', 'categorie', 'categories']],
  ['family', ['famiglia', 'famiglia attributi', 'family', 'attribute family', 'tipologia scheda', ...SHOP_FAMILY_HEADERS]],
  ['parent', ['codice padre', 'sku padre', 'articolo padre', 'parent', 'parent sku', 'parent code', 'modello', 'codice modello padre']],
  ['variantAxes', ['assi variante', 'assi', 'variant axes', 'varianti per']],
  ['trade/price', ['prezzo', 'prezzo unitario', 'prezzo listino', 'listino', 'prezzo di vendita', 'prezzo fob', 'price', 'unit price', 'fob price', 'list price', 'prezzo netto']],
  ['trade/currency', ['valuta', 'divisa', 'currency', 'moneta']],
  ['trade/moq', ['moq', 'quantita minima', 'quantita minima d ordine', 'quantita minima ordine', 'minimo d ordine', 'minimo ordine', 'ordine minimo', 'min order',
    'minimum order', 'minimum order quantity', 'min qty', 'qta minima', 'q ta minima']],
  ['trade/sellingUnit', ['unita', 'unita di vendita', 'um', 'u m', 'unita di misura', 'unit', 'selling unit', 'unit of sale', 'uom']],
  ['trade/fobPort', ['porto', 'porto di imbarco', 'porto fob', 'fob port', 'port', 'port of loading']],
  ['trade/supplyAbility/quantity', ['capacita produttiva', 'supply ability', 'capacita', 'produzione mensile']],
  ['logistics/netWeight', ['peso netto', 'net weight', 'peso', 'weight', 'peso netto kg', 'peso unitario']],
  ['logistics/grossWeight', ['peso lordo', 'gross weight']],
  ['logistics/dimensions', ['dimensioni', 'misure', 'dimensions', 'ingombro', 'dimensioni imballo']],
  ['logistics/dimensions/length', ['lunghezza', 'length', 'profondita', 'depth']],
  ['logistics/dimensions/width', ['larghezza', 'width']],
  ['logistics/dimensions/height', ['altezza', 'height']],
  ['logistics/packaging', ['imballo', 'imballaggio', 'confezione', 'packaging', 'package', 'confezionamento']],
  ['logistics/unitsPerCarton', ['pezzi per cartone', 'pz per cartone', 'unita per cartone', 'units per carton', 'qty per carton', 'cartone da', 'pezzi per collo', 'pz collo', 'conf da']],
  ['logistics/hsCode', ['codice doganale', 'voce doganale', 'hs code', 'hs', 'codice hs', 'taric', 'nomenclatura combinata', 'nc', 'customs code']],
  ['origin/country', ['paese', 'paese di origine', 'origine', 'country', 'country of origin', 'origin', 'made in', 'nazione']],
  ['origin/region', ['regione', 'region', 'regione di origine']],
  ['origin/comune', ['comune', 'citta', 'city', 'town', 'localita']],
  ['origin/certifications', ['certificazioni', 'certificazione', 'certifications', 'certification', 'certificati']],
  ['images', ['immagini', 'immagine', 'foto', 'fotografie', 'images', 'image', 'photos', 'photo', 'pictures', 'picture', 'file immagine', 'immagine principale']]
]

const SYNONYM_INDEX = new Map<string, string>()
for (const [target, words] of SYNONYMS) for (const w of words) if (!SYNONYM_INDEX.has(w)) SYNONYM_INDEX.set(w, target)

/** Splits a language marker off a header: "title en" → ["title", "en"], "descrizione inglese" → ["descrizione", "en"]. */
function splitLanguage(norm: string): [string, string | null] {
  const zh = /^(.*) zh (cn|hans)$/.exec(norm)
  if (zh) return [zh[1], 'zh-CN']
  const words = norm.split(' ')
  for (const i of [words.length - 1, 0]) {
    const lang = LANGUAGE_WORDS[words[i]]
    if (lang && words.length > 1) return [words.filter((_, j) => j !== i).join(' '), lang]
  }
  return [norm, null]
}

/** Ladder and lead-time columns: "Prezzo 2", "Qta scaglione 3", "Tier 1 price", "Giorni consegna 2". */
function numbered(norm: string): string | null {
  const n = /(?:^| )([1-9])(?: |$)/.exec(norm)?.[1]
  if (!n) return null
  const rest = norm.replace(/(?:^| )[1-9](?: |$)/, ' ').trim()
  const tier = Number(n)
  if (/(prezzo|price)/.test(rest) && tier <= LADDER_TIERS) return `trade/ladder/${tier}/price`
  if (/(qta|quantita|quantity|qty|da pezzi|min)/.test(rest) && /(scaglione|tier|fascia|ladder)/.test(rest) && tier <= LADDER_TIERS) return `trade/ladder/${tier}/minQty`
  if (/(giorni|days|consegna|lead)/.test(rest) && tier <= LEAD_TIME_BANDS) {
    return /(fino a|max|quantita|qty|qta)/.test(rest) ? `trade/leadTime/${tier}/maxQty` : `trade/leadTime/${tier}/days`
  }
  return null
}

function suggestOne(header: string, attributes: AttributeHint[], defaultLocale: string): { target: string; confidence: number } {
  const raw = header.trim().replace(/\s+/g, ' ')
  if (isTarget(raw)) return { target: raw, confidence: 1 }
  // A unit in brackets, as in "Peso netto (kg)", is not part of the name.
  // A unit or currency beside the name, as in "Peso netto (kg)" or "Prezzo / EUR", is not part of it.
  const norm = normalizeHeader(raw.replace(/\((kg|g|gr|cm|mm|m|€|eur|usd|%)\)/gi, '')).replace(/ (eur|euro|usd|gbp|cny|€)$/, '')
  if (!norm) return { target: 'ignore', confidence: 0 }
  const variant = variantTargetFor(norm)
  if (variant) return { target: variant, confidence: 0.9 }
  const ladder = numbered(norm)
  if (ladder) return { target: ladder, confidence: 0.85 }
  for (const [base, lang] of [[norm, null], splitLanguage(norm)] as Array<[string, string | null]>) {
    const hit = SYNONYM_INDEX.get(base)
    if (hit) {
      if (hit.endsWith('/*')) return { target: hit.replace('*', lang ?? defaultLocale), confidence: 0.9 }
      if (!lang) return { target: hit, confidence: 0.9 }
    }
    for (const a of attributes) {
      if (a.code === base.replace(/ /g, '_') || a.labels.some((l) => normalizeHeader(l) === base)) {
        if (a.localizable) return { target: `attribute/${a.code}/${lang ?? defaultLocale}`, confidence: 0.8 }
        if (!lang) return { target: `attribute/${a.code}`, confidence: 0.8 }
      }
    }
  }
  return { target: 'ignore', confidence: 0 }
}

/** One suggestion per column; a target is given to one column only (the most confident, then the first). */
export function suggestMapping(headers: string[], attributes: AttributeHint[], defaultLocale = 'it'): Suggestion[] {
  const out: Suggestion[] = headers.map((header, index) => ({ index, header, ...suggestOne(header, attributes, defaultLocale) }))
  const best = new Map<string, Suggestion>()
  for (const s of out) {
    if (s.target === 'ignore') continue
    const prev = best.get(s.target)
    if (!prev || s.confidence > prev.confidence) best.set(s.target, s)
  }
  for (const s of out) {
    if (s.target !== 'ignore' && best.get(s.target) !== s) {
      s.target = 'ignore'
      s.confidence = 0
    }
  }
  return out
}

/** The unit written in a header, "Peso netto (g)" → "g", to use when cells carry none. */
export function unitInHeader(header: string): string | null {
  const m = /\((kg|g|gr|cm|mm|m)\)/i.exec(header)
  if (!m) return null
  const u = m[1].toLowerCase()
  return u === 'gr' ? 'g' : u
}
