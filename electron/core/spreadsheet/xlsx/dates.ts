// Excel stores dates as day numbers since 1900 (with the Lotus bug: a 29 Feb 1900 that never was)
// or since 1904 (old Mac workbooks). Formats tell a date from a plain number.
const DAY_MS = 86_400_000
const EPOCH_1900 = Date.UTC(1899, 11, 30)
const EPOCH_1904 = Date.UTC(1904, 0, 1)

/** ISO date ("2021-01-01") or date-time ("1971-01-01T04:14:00") for a serial day number. */
export function serialToIso(serial: number, date1904: boolean): string {
  let days = serial
  if (!date1904 && serial < 61) days += 1 // before the phantom 29 Feb 1900, day 1 is 1900-01-01
  const ms = Math.round((date1904 ? EPOCH_1904 : EPOCH_1900) + days * DAY_MS)
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19)
}

/** A time of day or a duration ("[hh]:mm:ss") as text: 255:10:10. */
export function serialToDuration(serial: number): string {
  const total = Math.round(serial * 86_400)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
}

export type NumberKind = 'number' | 'date' | 'time'

const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58])
const BUILTIN_TIMES = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56])

/** What a number format shows: a date, a time / duration, or a number. */
export function formatKind(numFmtId: number, code: string | undefined): NumberKind {
  if (code === undefined) return BUILTIN_DATES.has(numFmtId) ? 'date' : BUILTIN_TIMES.has(numFmtId) ? 'time' : 'number'
  // Drop literal text, escapes and colours/conditions; keep elapsed-time markers like [h].
  const stripped = code
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .toLowerCase()
  if (/[yd]/.test(stripped)) return 'date'
  if (/[hs]/.test(stripped) || /\[m+\]/.test(stripped)) return 'time'
  if (/m/.test(stripped) && !/[0#?]/.test(stripped)) return 'date'
  return 'number'
}
