// Chinese-specific checks: Traditional characters in a Simplified target (from OpenCC's
// character tables) and ASCII punctuation next to Chinese characters.
import tsCharacters from 'opencc-js/dict/TSCharacters'
import stCharacters from 'opencc-js/dict/STCharacters'

let tradOnly: Map<string, string> | null = null

/** Characters that exist only in Traditional Chinese, with their Simplified form. */
function traditionalOnly(): Map<string, string> {
  if (tradOnly) return tradOnly
  const simplified = new Set<string>()
  for (const entry of (stCharacters as string).split('|')) simplified.add(entry.split(' ')[0])
  const map = new Map<string, string>()
  for (const entry of (tsCharacters as string).split('|')) {
    const [trad, simp] = entry.split(' ')
    if (trad && simp && trad !== simp && !simplified.has(trad)) map.set(trad, simp)
  }
  for (const entry of (tsCharacters as string).split('|')) simplified.add(entry.split(' ')[1] ?? '')
  tradOnly = map
  return map
}

export function traditionalCharacters(text: string): Array<{ char: string; simplified: string }> {
  const map = traditionalOnly()
  const found = new Map<string, string>()
  for (const ch of text) {
    const s = map.get(ch)
    if (s) found.set(ch, s)
  }
  return [...found].map(([char, simplified]) => ({ char, simplified }))
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/
const FULL_WIDTH: Record<string, string> = { ',': '，', '.': '。', '!': '！', '?': '？', ':': '：', ';': '；', '(': '（', ')': '）' }

/** ASCII punctuation written next to Chinese characters (should be full-width). */
export function halfWidthPunctuation(text: string): Array<{ char: string; index: number; suggestion: string }> {
  const out: Array<{ char: string; index: number; suggestion: string }> = []
  const chars = [...text]
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]
    const full = FULL_WIDTH[ch]
    if (!full) continue
    const prev = chars[i - 1] ?? ''
    const next = chars[i + 1] ?? ''
    if (ch === '.' && /\d/.test(prev) && /\d/.test(next)) continue
    if (CJK.test(prev) || CJK.test(next)) out.push({ char: ch, index: i, suggestion: full })
  }
  return out
}

export function hasCjk(text: string): boolean {
  return CJK.test(text)
}

export function isChineseLocale(locale: string): boolean {
  return /^zh(-|$)/.test(locale)
}
