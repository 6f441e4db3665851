// Numbers and measures in copy: "0,75 L", "13,5% vol", "35×25×12 cm", "1.234,56". Each locale
// writes them its own way; QA compares their values, not their spelling.

export interface FoundNumber {
  /** Canonical value, e.g. "0.75" or "1234.56". */
  value: string
  raw: string
  /** Canonical unit class after the number ("l", "cl", "kg", "%"…), or null. */
  unit: string | null
  index: number
}

/** Locales that write "1.234,56" (thousands ".", decimals ","). Others write "1,234.56". */
const COMMA_DECIMAL = /^(it|de|fr|es|pt|nl|ru|pl|tr)(-|$)/

const UNIT_ALIASES: Record<string, string> = {
  l: 'l', lt: 'l', litri: 'l', litro: 'l', litre: 'l', litres: 'l', liter: 'l', liters: 'l', 升: 'l', 公升: 'l',
  cl: 'cl', 厘升: 'cl', ml: 'ml', 毫升: 'ml',
  kg: 'kg', kgs: 'kg', 千克: 'kg', 公斤: 'kg', g: 'g', gr: 'g', grammi: 'g', grams: 'g', 克: 'g', mg: 'mg', 毫克: 'mg',
  cm: 'cm', 厘米: 'cm', 公分: 'cm', mm: 'mm', 毫米: 'mm', m: 'm', 米: 'm',
  '%': '%', '％': '%', '°c': '°c', '℃': '°c',
  pz: 'pcs', pezzi: 'pcs', pcs: 'pcs', pieces: 'pcs', 件: 'pcs', 个: 'pcs'
}

const NUMBER = /\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?|\d+/g
const UNIT_AFTER = /^\s?(℃|°c|％|%|[a-zA-Z]{1,7}|升|公升|厘升|毫升|千克|公斤|克|毫克|厘米|公分|毫米|米|件|个)/

function canonical(raw: string, locale: string): string {
  const commaDecimal = COMMA_DECIMAL.test(locale)
  const thousands = commaDecimal ? '.' : ','
  const decimal = commaDecimal ? ',' : '.'
  let s = raw.replace(/[\u00a0\u202f ]/g, '')
  // A separator followed by exactly three digits is a thousands separator in its own locale.
  const parts = s.split(/([.,])/)
  let out = ''
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]
    if (p === '.' || p === ',') {
      const nextDigits = parts[i + 1] ?? ''
      const isLast = !parts.slice(i + 2).some((x) => x === '.' || x === ',')
      if (p === thousands && nextDigits.length === 3 && !(isLast && p === decimal)) continue
      if (p === decimal || isLast) out += '.'
      continue
    }
    out += p
  }
  s = out
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '')
  return s.replace(/^0+(?=\d)/, '')
}

export function findNumbers(text: string, locale: string): FoundNumber[] {
  const out: FoundNumber[] = []
  for (const m of text.matchAll(NUMBER)) {
    const raw = m[0].replace(/[\u00a0\u202f ]+$/, '')
    const after = text.slice(m.index + m[0].length)
    const u = UNIT_AFTER.exec(after)
    const unit = u ? UNIT_ALIASES[u[1].toLowerCase()] ?? null : null
    out.push({ value: canonical(raw, locale), raw, unit, index: m.index })
  }
  return out
}

/** Values in `a` missing from `b` (as multisets). */
export function missingValues(a: FoundNumber[], b: FoundNumber[]): string[] {
  const pool = new Map<string, number>()
  for (const n of b) pool.set(n.value, (pool.get(n.value) ?? 0) + 1)
  const missing: string[] = []
  for (const n of a) {
    const left = pool.get(n.value) ?? 0
    if (left > 0) pool.set(n.value, left - 1)
    else missing.push(n.raw)
  }
  return missing
}

/** The text with every number replaced by "#", for "differs only in numbers" matching. */
export function maskNumbers(text: string): string {
  return text.replace(NUMBER, '#')
}
