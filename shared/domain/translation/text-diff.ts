// Word-level diff of two texts (old vs new Italian source, TM match source vs current source).
// Intl.Segmenter finds word boundaries in Chinese too.
import { diffWords } from 'diff'

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

const segmenters = new Map<string, Intl.Segmenter>()
function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale)
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' })
    segmenters.set(locale, s)
  }
  return s
}

export function wordDiff(oldText: string, newText: string, locale = 'it'): DiffPart[] {
  if (oldText === newText) return oldText ? [{ op: 'equal', text: oldText }] : []
  const changes = diffWords(oldText, newText, { intlSegmenter: segmenter(locale) })
  const out: DiffPart[] = []
  for (const c of changes) {
    const op = c.added ? 'insert' : c.removed ? 'delete' : 'equal'
    const last = out[out.length - 1]
    if (last && last.op === op) last.text += c.value
    else out.push({ op, text: c.value })
  }
  return out
}
