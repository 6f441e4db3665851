// In-memory index for fuzzy translation-memory lookups. Candidates come from an inverted index of
// word tokens (CJK: character bigrams) weighted by rarity; only the best few are scored with a
// real edit distance, so a lookup stays in the low milliseconds at 100k entries.
import { distance } from 'fastest-levenshtein'

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/
/** Tokens present in more than this share of the entries carry no signal (articles, "di", "e"). */
const COMMON_SHARE = 0.25
const CANDIDATES = 64

/** Lowercased, whitespace-collapsed text used for scoring. */
export function fuzzyNorm(text: string): string {
  return text.toLocaleLowerCase().replace(/\s+/g, ' ').trim()
}

export function tokens(norm: string): string[] {
  const out = new Set<string>()
  for (const m of norm.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0]
    if (CJK.test(w)) {
      const chars = [...w]
      if (chars.length === 1) out.add(chars[0])
      for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1])
    } else out.add(w)
  }
  return [...out]
}

export interface FuzzyHit { id: number; score: number }

export class FuzzyIndex {
  private ids: number[] = []
  private norms: string[] = []
  private alive: Uint8Array = new Uint8Array(1024)
  private postings = new Map<string, number[]>()
  private slotById = new Map<number, number>()
  private liveCount = 0
  private scores = new Float64Array(1024)

  get size(): number {
    return this.liveCount
  }

  add(id: number, text: string): void {
    if (this.slotById.has(id)) this.remove(id)
    const slot = this.ids.length
    const norm = fuzzyNorm(text)
    this.ids.push(id)
    this.norms.push(norm)
    if (slot >= this.alive.length) {
      const grown = new Uint8Array(this.alive.length * 2)
      grown.set(this.alive)
      this.alive = grown
      this.scores = new Float64Array(grown.length)
    }
    this.alive[slot] = 1
    this.slotById.set(id, slot)
    this.liveCount++
    for (const t of tokens(norm)) {
      let list = this.postings.get(t)
      if (!list) this.postings.set(t, (list = []))
      list.push(slot)
    }
  }

  remove(id: number): void {
    const slot = this.slotById.get(id)
    if (slot === undefined) return
    this.alive[slot] = 0
    this.slotById.delete(id)
    this.liveCount--
  }

  /** Entries whose similarity to `text` is at least minScore (0–100), best first. */
  search(text: string, limit: number, minScore: number, exclude?: Set<number>): FuzzyHit[] {
    const norm = fuzzyNorm(text)
    if (!norm) return []
    const qTokens = tokens(norm)
    const n = this.ids.length
    if (n === 0) return []
    const minRatio = minScore / 100
    const qLen = norm.length
    const scores = this.scores
    const touched: number[] = []
    const lists = qTokens
      .map((t) => this.postings.get(t))
      .filter((l): l is number[] => !!l)
      .sort((a, b) => a.length - b.length)
    const maxDf = Math.max(8, n * COMMON_SHARE)
    let used = 0
    for (const list of lists) {
      // Keep very common tokens only when the query has little else to go on.
      if (list.length > maxDf && used >= 2) continue
      used++
      const w = Math.log(1 + n / list.length)
      for (const slot of list) {
        if (!this.alive[slot]) continue
        if (scores[slot] === 0) touched.push(slot)
        scores[slot] += w
      }
    }
    // Length filter, then the best candidates by token overlap.
    const cands: number[] = []
    for (const slot of touched) {
      const len = this.norms[slot].length
      const ratio = len < qLen ? len / qLen : qLen / len
      if (ratio >= minRatio) cands.push(slot)
      else scores[slot] = -scores[slot] - 1
    }
    cands.sort((a, b) => scores[b] - scores[a])
    const hits: FuzzyHit[] = []
    for (const slot of cands.slice(0, Math.max(CANDIDATES, limit * 4))) {
      const id = this.ids[slot]
      if (exclude?.has(id)) continue
      const other = this.norms[slot]
      const d = distance(norm, other)
      const score = Math.floor((1 - d / Math.max(norm.length, other.length)) * 100)
      if (score >= minScore) hits.push({ id, score })
    }
    for (const slot of touched) scores[slot] = 0
    hits.sort((a, b) => b.score - a.score || a.id - b.id)
    return hits.slice(0, limit)
  }
}

/** Reference implementation for the benchmark: scores every entry (no index). */
export function bruteForceSearch(entries: Array<{ id: number; norm: string }>, text: string, limit: number, minScore: number): FuzzyHit[] {
  const norm = fuzzyNorm(text)
  const hits: FuzzyHit[] = []
  for (const e of entries) {
    const d = distance(norm, e.norm)
    const score = Math.floor((1 - d / Math.max(norm.length, e.norm.length)) * 100)
    if (score >= minScore) hits.push({ id: e.id, score })
  }
  hits.sort((a, b) => b.score - a.score || a.id - b.id)
  return hits.slice(0, limit)
}
