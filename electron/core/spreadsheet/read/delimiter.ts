// Guesses the CSV separator from a sample: the candidate that splits the first records into the
// same number (>1) of fields most consistently wins. Quotes are respected, so "Anytown, WW" does
// not vote for the comma.
export const DELIMITERS = [',', ';', '\t', '|'] as const
export type Delimiter = (typeof DELIMITERS)[number]

/** Field counts per record for one candidate, over at most `maxRecords` records. */
function fieldCounts(text: string, delimiter: string, maxRecords: number): number[] {
  const counts: number[] = []
  let fields = 1
  let inQuotes = false
  let atFieldStart = true
  let nonEmpty = false
  for (let i = 0; i < text.length && counts.length < maxRecords; i++) {
    const ch = text[i]
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++
        else inQuotes = false
      }
      continue
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true
      atFieldStart = false
      nonEmpty = true
    } else if (ch === delimiter) {
      fields++
      atFieldStart = true
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      if (nonEmpty) counts.push(fields)
      fields = 1
      atFieldStart = true
      nonEmpty = false
    } else {
      atFieldStart = false
      nonEmpty = true
    }
  }
  if (nonEmpty && counts.length < maxRecords && !inQuotes) counts.push(fields)
  return counts
}

export function detectDelimiter(sample: string, maxRecords = 50): Delimiter {
  let best: { d: Delimiter; score: number } = { d: ',', score: 0 }
  for (const d of DELIMITERS) {
    const counts = fieldCounts(sample, d, maxRecords)
    if (counts.length === 0) continue
    const freq = new Map<number, number>()
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1)
    const [mode, times] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]
    // The header splits into columns too: a separator that leaves it whole is not the separator.
    if (mode < 2 || counts[0] < 2) continue
    // Consistency first, then more fields; ties keep the order of DELIMITERS (comma first).
    const score = (times / counts.length) * 1000 + Math.min(mode, 999)
    if (score > best.score) best = { d, score }
  }
  return best.d
}
