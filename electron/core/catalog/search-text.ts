// What the two search indexes hold, and how a user's query becomes FTS5 expressions.
// - product_fts (trigram): any substring of 3+ characters, any script, diacritics ignored.
// - product_short (unicode61 over prepared tokens): words for prefix search, and every CJK
//   character and adjacent pair, because Chinese words are often 2 characters and a trigram
//   index cannot match fewer than 3.
import type { LocalizedText } from '../../../shared/domain/product.ts'
import { richTextToPlain } from './rich-text.ts'

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/u
const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+/gu

export function isCjk(ch: string): boolean {
  return CJK.test(ch)
}

/** All searchable text of a product (every locale), as one string. */
export function searchBody(texts: Record<string, LocalizedText>): string {
  const parts: string[] = []
  for (const t of Object.values(texts)) {
    if (t.title) parts.push(t.title)
    if (t.shortDescription) parts.push(t.shortDescription)
    if (t.keywords?.length) parts.push(t.keywords.join(' '))
    if (t.description) parts.push(richTextToPlain(t.description))
  }
  return parts.join('\n')
}

/** Tokens for the short-query index: non-CJK text as is, CJK runs as unigrams and bigrams. */
export function shortTokens(text: string): string {
  const out: string[] = []
  let last = 0
  for (const m of text.matchAll(CJK_RUN)) {
    if (m.index > last) out.push(text.slice(last, m.index))
    const chars = [...m[0]]
    out.push(chars.join(' '))
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1])
    last = m.index + m[0].length
  }
  if (last < text.length) out.push(text.slice(last))
  return out.join(' ')
}

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`

export interface SearchPlan {
  /** FTS5 expression for product_fts, or null. */
  trigram: string | null
  /** FTS5 expression for product_short, or null. */
  short: string | null
}

/**
 * Splits a query into terms (AND). Terms of 3+ characters go to the trigram index; shorter ones
 * to the token index: CJK as exact uni/bigram tokens, other scripts as word prefixes.
 */
export function planSearch(query: string): SearchPlan | null {
  const terms = query
    .normalize('NFKC')
    .trim()
    .split(/\s+/u)
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .slice(0, 12)
  if (terms.length === 0) return null
  const tri: string[] = []
  const short: string[] = []
  for (const term of terms) {
    const chars = [...term]
    if (chars.length >= 3) {
      tri.push(quote(term))
      continue
    }
    const cjk = chars.filter(isCjk)
    if (cjk.length === chars.length) short.push(quote(term))
    else if (cjk.length === 0) short.push(`${quote(term)}*`)
    else {
      // Mixed 2-character term like "A级": each part on its own.
      for (const ch of chars) short.push(isCjk(ch) ? quote(ch) : `${quote(ch)}*`)
    }
  }
  return { trigram: tri.length ? tri.join(' AND ') : null, short: short.length ? short.join(' AND ') : null }
}
