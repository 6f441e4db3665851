// Locale-aware reading of cell values: numbers ("1.234,56" in Italian, "1,234.56" in English),
// prices with currency signs, measures with units ("0,75 kg"), dimensions ("35×25×12 cm"),
// dates ("31/12/2025") and yes/no answers ("sì", "no"). Every failure says why, with a stable code.
import { type Cell, cellText, isDateCell, isErrorCell } from './cells.ts'

export const NUMBER_FORMATS = ['it', 'en'] as const
export type NumberFormat = (typeof NUMBER_FORMATS)[number]
export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const
export type DateOrder = (typeof DATE_ORDERS)[number]

export interface ValueLocale {
  numberFormat: NumberFormat
  dateOrder: DateOrder
}

export interface ValueProblem {
  ok: false
  code: string
  message: string
  params?: Record<string, string | number>
}
export type Parsed<T> = { ok: true; value: T } | ValueProblem

const fail = (code: string, message: string, params?: Record<string, string | number>): ValueProblem => ({ ok: false, code, message, params })
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })

/** Common prelude: Excel errors are never values. */
function excelError(cell: Cell): ValueProblem | null {
  return isErrorCell(cell) ? fail('excel_error', `the cell holds the Excel error ${cell.error}`, { error: cell.error }) : null
}

const SPACES = /[\s\u00a0\u202f']/g

/** Parses a plain number written in the given convention. Thousands separators are accepted only in groups of 3. */
export function parseNumberText(raw: string, format: NumberFormat): number | null {
  const text = raw.trim().replace(/^\((.*)\)$/, '-$1').replace(SPACES, '')
  if (text === '') return null
  const dec = format === 'it' ? ',' : '.'
  const thou = format === 'it' ? '.' : ','
  const grouped = new RegExp(`^[+-]?\\d{1,3}(\\${thou}\\d{3})+(\\${dec}\\d+)?$`)
  const plain = new RegExp(`^[+-]?(\\d+)?(\\${dec}\\d+)?$`)
  let normal: string | null = null
  if (grouped.test(text)) normal = text.split(thou).join('').replace(dec, '.')
  else if (plain.test(text) && /\d/.test(text)) normal = text.replace(dec, '.')
  else if (format === 'it' && /^[+-]?\d*\.\d+$/.test(text) && !/^[+-]?\d{1,3}\.\d{3}$/.test(text)) {
    // "6.80" in an Italian file is a decimal point typed by habit, not a thousands separator.
    normal = text
  } else if (/^[+-]?\d+(\.\d+)?e[+-]?\d+$/i.test(text)) normal = text
  if (normal === null) return null
  const n = Number(normal)
  return Number.isFinite(n) ? n : null
}

export function parseNumber(cell: Cell, loc: ValueLocale): Parsed<number> {
  const err = excelError(cell)
  if (err) return err
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('not_a_number', 'not a finite number', { value: String(cell) })
  if (typeof cell === 'boolean' || isDateCell(cell)) return fail('not_a_number', `"${cellText(cell)}" is not a number`, { value: cellText(cell) })
  const n = parseNumberText(String(cell), loc.numberFormat)
  if (n === null) return fail('not_a_number', `"${cellText(cell)}" is not a number`, { value: cellText(cell) })
  return ok(n)
}

export function parseInteger(cell: Cell, loc: ValueLocale): Parsed<number> {
  const r = parseNumber(cell, loc)
  if (!r.ok) return r
  if (!Number.isInteger(r.value)) return fail('not_an_integer', `"${cellText(cell)}" is not a whole number`, { value: cellText(cell) })
  return r
}

const CURRENCY_SIGNS: Record<string, string> = {
  '€': 'EUR', eur: 'EUR', euro: 'EUR', $: 'USD', usd: 'USD', 'us$': 'USD', '£': 'GBP', gbp: 'GBP', '¥': 'CNY', cny: 'CNY', rmb: 'CNY'
}

/** A price: a number, optionally with a currency sign or code before or after it. */
export function parsePrice(cell: Cell, loc: ValueLocale): Parsed<{ value: number; currency?: string }> {
  const err = excelError(cell)
  if (err) return err
  if (typeof cell === 'number') return ok({ value: cell })
  const text = cellText(cell).trim()
  const m = /^([€$£¥]|[A-Za-z$]{3,4})?\s*([^€$£¥A-Za-z]*?)\s*([€$£¥]|[A-Za-z]{3,4})?$/.exec(text)
  const n = m ? parseNumberText(m[2], loc.numberFormat) : null
  if (n === null) return fail('not_a_price', `"${text}" is not a price`, { value: text })
  const sign = (m?.[1] ?? m?.[3])?.toLowerCase()
  const currency = sign ? CURRENCY_SIGNS[sign] : undefined
  if (sign && !currency) return fail('unknown_currency', `unknown currency "${sign}" in "${text}"`, { value: text })
  return ok(currency ? { value: n, currency } : { value: n })
}

const UNIT_ALIASES: Record<string, string> = {
  kg: 'kg', kgs: 'kg', kilo: 'kg', kili: 'kg', chilo: 'kg', chili: 'kg', chilogrammi: 'kg', chilogrammo: 'kg', kilogram: 'kg', kilograms: 'kg',
  g: 'g', gr: 'g', grs: 'g', grammi: 'g', grammo: 'g', gram: 'g', grams: 'g',
  cm: 'cm', mm: 'mm', m: 'm', mt: 'm', metri: 'm', metres: 'm', meters: 'm',
  l: 'L', lt: 'L', litri: 'L', litro: 'L', litre: 'L', litres: 'L', liter: 'L', liters: 'L',
  cl: 'cl', ml: 'ml', '%': '%', '%vol': '% vol', vol: '% vol', 'vol%': '% vol',
  mesi: 'months', mese: 'months', months: 'months', month: 'months', giorni: 'days', giorno: 'days', days: 'days', day: 'days',
  anni: 'years', anno: 'years', years: 'years', year: 'years', pezzi: 'pieces', pz: 'pieces', pieces: 'pieces', pcs: 'pieces'
}

/** The canonical unit for what a user typed ("Kg", "gr", "lt", "% vol"), or null. */
export function canonicalUnit(raw: string): string | null {
  const key = raw.trim().toLowerCase().replace(/\s+/g, '').replace(/\.$/, '')
  return UNIT_ALIASES[key] ?? null
}

/** A number with a unit, e.g. "0,75 kg", "750g", "13,5 % vol". Without a unit, `defaultUnit` applies. */
export function parseMeasure(cell: Cell, loc: ValueLocale, allowed: readonly string[], defaultUnit?: string): Parsed<{ value: number; unit: string }> {
  const err = excelError(cell)
  if (err) return err
  if (typeof cell === 'number') {
    if (!defaultUnit) return fail('unit_required', `"${cell}" needs a unit (${allowed.join(', ')})`, { value: cell, units: allowed.join(', ') })
    return ok({ value: cell, unit: defaultUnit })
  }
  const text = cellText(cell).trim()
  const m = /^([+-]?[\d.,\s\u00a0]*\d)\s*([^\d\s].*)?$/.exec(text) ?? /^([^\d+-]+?)\s*([+-]?[\d.,]*\d)$/.exec(text)
  if (!m) return fail('not_a_measure', `"${text}" is not a number with a unit`, { value: text })
  const [numPart, unitPart] = /\d$/.test(m[1]) ? [m[1], m[2]] : [m[2], m[1]]
  const n = parseNumberText(numPart, loc.numberFormat)
  if (n === null) return fail('not_a_number', `"${text}" is not a number`, { value: text })
  let unit = defaultUnit
  if (unitPart && unitPart.trim()) {
    let u = canonicalUnit(unitPart)
    // "13,5%" on an alcohol content means % vol: a plain % where only % vol is allowed is that.
    if (u === '%' && allowed.length > 0 && !allowed.includes('%') && allowed.includes('% vol')) u = '% vol'
    if (!u || (allowed.length > 0 && !allowed.includes(u))) {
      return fail('unknown_unit', `unknown unit "${unitPart.trim()}" (use ${allowed.join(', ')})`, { unit: unitPart.trim(), units: allowed.join(', ') })
    }
    unit = u
  }
  if (!unit) return fail('unit_required', `"${text}" needs a unit (${allowed.join(', ')})`, { value: text, units: allowed.join(', ') })
  return ok({ value: n, unit })
}

/** "35×25×12 cm", "35 x 25 x 12", "35*25*12 mm". */
export function parseDimensions(cell: Cell, loc: ValueLocale, defaultUnit = 'cm'): Parsed<{ length: number; width: number; height: number; unit: string }> {
  const err = excelError(cell)
  if (err) return err
  const text = cellText(cell).trim()
  const m = /^(.+?)\s*[x×X*]\s*(.+?)\s*[x×X*]\s*([\d.,]+)\s*([A-Za-z]+)?$/.exec(text)
  if (!m) return fail('not_dimensions', `"${text}" is not a size like 35 x 25 x 12 cm`, { value: text })
  const nums = [m[1], m[2], m[3]].map((p) => parseNumberText(p, loc.numberFormat))
  if (nums.some((n) => n === null)) return fail('not_dimensions', `"${text}" is not a size like 35 x 25 x 12 cm`, { value: text })
  const unit = m[4] ? canonicalUnit(m[4]) : defaultUnit
  if (!unit || !['cm', 'mm', 'm'].includes(unit)) return fail('unknown_unit', `unknown unit "${m[4]}" (use cm, mm, m)`, { unit: m[4] ?? '', units: 'cm, mm, m' })
  return ok({ length: nums[0]!, width: nums[1]!, height: nums[2]!, unit })
}

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null
  const dt = new Date(Date.UTC(y, m - 1, d))
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** A calendar date as ISO "YYYY-MM-DD". Refuses dates that do not exist (31/02/2025). */
export function parseDate(cell: Cell, loc: ValueLocale): Parsed<string> {
  const err = excelError(cell)
  if (err) return err
  if (isDateCell(cell)) return ok(cell.date.slice(0, 10))
  const text = cellText(cell).trim()
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(text)
  let parts: [number, number, number] | null = null
  if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])]
  else if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(text))) {
    let year = Number(m[3])
    if (m[3].length === 2) year += year < 70 ? 2000 : 1900
    const [a, b] = [Number(m[1]), Number(m[2])]
    parts = loc.dateOrder === 'mdy' ? [year, a, b] : [year, b, a]
  }
  if (!parts) return fail('not_a_date', `"${text}" is not a date`, { value: text })
  const iso = isoDate(...parts)
  if (!iso) return fail('date_does_not_exist', `${text} is not a real date`, { value: text })
  return ok(iso)
}

const TRUE_WORDS = new Set(['sì', 'si', 'yes', 'y', 's', 'true', 'vero', '1', 'x', 'ok', '✓', '是'])
const FALSE_WORDS = new Set(['no', 'n', 'false', 'falso', '0', '-', '否'])

export function parseBoolean(cell: Cell): Parsed<boolean> {
  const err = excelError(cell)
  if (err) return err
  if (typeof cell === 'boolean') return ok(cell)
  if (typeof cell === 'number' && (cell === 0 || cell === 1)) return ok(cell === 1)
  const t = cellText(cell).trim().toLowerCase()
  if (TRUE_WORDS.has(t)) return ok(true)
  if (FALSE_WORDS.has(t)) return ok(false)
  return fail('not_a_boolean', `"${cellText(cell)}" is not yes or no (sì/no, yes/no)`, { value: cellText(cell) })
}

/** Splits a list cell: on ";", "|" or new lines when present, else on ",". */
export function splitList(text: string): string[] {
  const sep = /[;|\n\r]/.test(text) ? /[;|\r\n]+/ : /,/
  return text.split(sep).map((s) => s.trim()).filter((s) => s.length > 0)
}

/**
 * Which number convention a column of text values uses, from the evidence it holds:
 * "6,80" or "1.234,5" is Italian; "6.80" or "1,234.5" is English; "1.500" alone proves nothing.
 */
export function numberEvidence(text: string): NumberFormat | null {
  const t = text.trim().replace(/[€$£¥\s\u00a0]|[A-Za-z%]+/g, '')
  if (!/^[+-]?[\d.,]+$/.test(t)) return null
  const lastComma = t.lastIndexOf(',')
  const lastDot = t.lastIndexOf('.')
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? 'it' : 'en'
  const sep = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null
  if (!sep) return null
  const groups = t.split(sep)
  const tailLen = groups[groups.length - 1].length
  if (groups.length > 2) return sep === '.' ? 'it' : 'en' // repeated separator = thousands
  if (tailLen !== 3) return sep === ',' ? 'it' : 'en'
  return null
}

export function detectNumberFormat(samples: Iterable<string>): { format: NumberFormat | null; it: number; en: number } {
  let it = 0
  let en = 0
  for (const s of samples) {
    const e = numberEvidence(s)
    if (e === 'it') it++
    else if (e === 'en') en++
  }
  return { format: it > en ? 'it' : en > it ? 'en' : null, it, en }
}

/** Which way round dd/mm and mm/dd go, from values where one part is above 12. */
export function detectDateOrder(samples: Iterable<string>): DateOrder | null {
  let dmy = 0
  let mdy = 0
  for (const s of samples) {
    const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(s.trim())
    if (!m) continue
    if (Number(m[1]) > 12) dmy++
    else if (Number(m[2]) > 12) mdy++
  }
  return dmy > mdy ? 'dmy' : mdy > dmy ? 'mdy' : null
}

/** A currency named in a header: "Prezzo €", "Prezzo (EUR)", "Price USD", "Listino $". */
export function currencyInHeader(header: string): string | undefined {
  const h = header.toUpperCase()
  if (h.includes('€') || /\bEUR(O)?\b/.test(h)) return 'EUR'
  if (h.includes('$') || /\bUSD\b/.test(h)) return 'USD'
  if (h.includes('£') || /\bGBP\b/.test(h)) return 'GBP'
  if (h.includes('¥') || /\b(CNY|RMB)\b/.test(h)) return 'CNY'
  return undefined
}
