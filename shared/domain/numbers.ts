// Numbers as people type and read them in their language: "6,80" and "1.234,56" in Italian,
// "6.80" and "1,234.56" in English and Chinese. The language's own decimal separator always works;
// the other one is taken as a decimal point when it cannot be a thousands separator ("6.80" in
// Italian is six point eight; "1.250" is one thousand two hundred and fifty).

/** The decimal and grouping characters of a language, as Intl writes them. */
export function separators(uiLanguage: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(uiLanguage).formatToParts(12345.6)
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.'
  return { decimal, group: decimal === ',' ? '.' : ',' }
}

/** Parses a number typed in `uiLanguage`; null for text that is not a number. */
export function parseDecimal(text: string, uiLanguage: string = 'it'): number | null {
  const s = text.trim().replace(/[\s\u00a0\u202f'’]/g, '').replace(/^\((.*)\)$/, '-$1')
  if (!s || !/^[+-]?[\d.,]+$/.test(s) || !/\d/.test(s)) return null
  const { decimal, group } = separators(uiLanguage)
  const count = (ch: string) => s.split(ch).length - 1
  const grouped = (ch: string) => new RegExp(`^[+-]?\\d{1,3}(\\${ch}\\d{3})+$`).test(s)
  let normalized: string
  if (count(',') && count('.')) {
    // Both: the last one is the decimal separator, the other groups thousands.
    const dec = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.'
    const grp = dec === ',' ? '.' : ','
    if (count(dec) > 1 || !new RegExp(`^[+-]?\\d{1,3}(\\${grp}\\d{3})*\\${dec}\\d+$`).test(s)) return null
    normalized = s.split(grp).join('').replace(dec, '.')
  } else if (count(decimal)) {
    if (count(decimal) > 1) return null
    normalized = s.replace(decimal, '.')
  } else if (count(group)) {
    if (grouped(group)) normalized = s.split(group).join('')
    else if (count(group) === 1) normalized = s.replace(group, '.')
    else return null
  } else normalized = s
  const n = Number(normalized)
  return Number.isFinite(n) ? n : null
}

/** A number for an input field in `uiLanguage`: its decimal separator, no grouping ("1250,5"). */
export function formatDecimal(n: number | undefined | null, uiLanguage: string): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return ''
  return new Intl.NumberFormat(uiLanguage, { maximumFractionDigits: 6, useGrouping: false }).format(n)
}

/** A number to read in `uiLanguage`, grouped as the language does ("1.234,5"). */
export function formatNumber(n: number, uiLanguage: string, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(uiLanguage, { maximumFractionDigits: 3, ...options }).format(n)
}
