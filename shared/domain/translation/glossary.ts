// Glossary terms per language pair: preferred renderings, do-not-translate names (brands,
// DOP/IGP/DOC, "Made in Italy") and forbidden target terms.
import { z } from 'zod'

export const TERM_KINDS = ['preferred', 'dnt', 'forbidden'] as const
export const TermKind = z.enum(TERM_KINDS)
export type TermKind = z.infer<typeof TermKind>

export interface GlossaryTerm {
  id: number
  sourceLang: string
  /** Target language, or "*" for do-not-translate terms valid in every language. */
  targetLang: string
  kind: TermKind
  /** The Italian term (for forbidden terms: optional, the concept it renders). */
  source: string
  /** Preferred rendering, or the forbidden target term. Empty for do-not-translate. */
  target: string
  note: string
  caseSensitive: boolean
}

const WORD_CHAR = /[\p{L}\p{N}]/u

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const cache = new Map<string, RegExp>()

/** Finds a term in text: whole words for alphabetic scripts, substrings for CJK. */
export function findTerm(text: string, term: string, caseSensitive = false): Array<{ index: number; length: number }> {
  if (!term.trim()) return []
  const key = `${caseSensitive ? 1 : 0}\u0000${term}`
  let re = cache.get(key)
  if (!re) {
    const first = term[0]
    const lastChar = term[term.length - 1]
    const cjk = /[\u3400-\u9fff]/
    const pre = WORD_CHAR.test(first) && !cjk.test(first) ? '(?<![\\p{L}\\p{N}])' : ''
    const post = WORD_CHAR.test(lastChar) && !cjk.test(lastChar) ? '(?![\\p{L}\\p{N}])' : ''
    re = new RegExp(`${pre}${escapeRegExp(term).replace(/\s+/g, '\\s+')}${post}`, caseSensitive ? 'gu' : 'giu')
    if (cache.size > 5000) cache.clear()
    cache.set(key, re)
  }
  const out: Array<{ index: number; length: number }> = []
  for (const m of text.matchAll(re)) out.push({ index: m.index, length: m[0].length })
  return out
}

export interface TermHit { termId: number; kind: TermKind; index: number; length: number; target: string; note: string }

/** Glossary terms found in a source text, for highlighting (longest first where they overlap). */
export function highlightTerms(source: string, terms: GlossaryTerm[]): TermHit[] {
  const hits: TermHit[] = []
  for (const t of terms) {
    if (!t.source) continue
    for (const h of findTerm(source, t.source, t.caseSensitive || t.kind === 'dnt')) {
      hits.push({ termId: t.id, kind: t.kind, index: h.index, length: h.length, target: t.kind === 'dnt' ? t.source : t.target, note: t.note })
    }
  }
  hits.sort((a, b) => a.index - b.index || b.length - a.length)
  const out: TermHit[] = []
  let end = -1
  for (const h of hits) {
    if (h.index < end) continue
    out.push(h)
    end = h.index + h.length
  }
  return out
}
