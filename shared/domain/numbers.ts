// Numbers as people type them: "6,80" and "1.234,56" in Italy, "1,234.56" in English.
// Returns null for text that is not a number.
export function parseDecimal(text: string, uiLanguage: string = 'it'): number | null {
  const s = text.trim().replace(/[\s\u00a0\u202f']/g, '')
  if (!s) return null
  if (!/^[+-]?[\d.,]+$/.test(s)) return null
  const lastComma = s.lastIndexOf(',')
  const lastDot = s.lastIndexOf('.')
  let normalized: string
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.'
    const thousands = decimal === ',' ? '.' : ','
    normalized = s.split(thousands).join('').replace(decimal, '.')
  } else if (lastComma >= 0) {
    // "6,80" is a decimal; "1,234,567" (several commas) are thousands.
    normalized = s.split(',').length > 2 ? s.split(',').join('') : s.replace(',', '.')
  } else if (lastDot >= 0 && uiLanguage === 'it' && /^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) {
    normalized = s.split('.').join('')
  } else normalized = s
  if ((normalized.match(/\./g) ?? []).length > 1) return null
  const n = Number(normalized)
  return Number.isFinite(n) ? n : null
}

export function formatDecimal(n: number | undefined | null, uiLanguage: string): string {
  if (n === undefined || n === null) return ''
  return new Intl.NumberFormat(uiLanguage === 'zh-CN' ? 'zh-CN' : uiLanguage, { maximumFractionDigits: 6, useGrouping: false }).format(n)
}
