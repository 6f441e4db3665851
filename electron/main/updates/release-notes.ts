// Release notes travel in the update feed as one text (electron-builder's `releaseNotes`) with a
// section per UI language, marked `<!-- lang:it -->`. The app shows the user's language.
export const NOTE_LANGUAGES = ['it', 'en', 'zh-CN'] as const
export type NoteLanguage = (typeof NOTE_LANGUAGES)[number]

const MARK = /<!--\s*lang:([A-Za-z-]+)\s*-->/g

/** Joins per-language notes into the feed's text. */
export function composeNotes(notes: Record<NoteLanguage, string>): string {
  return NOTE_LANGUAGES.map((lng) => `<!-- lang:${lng} -->\n${notes[lng].trim()}\n`).join('\n')
}

/** Splits the feed's text into languages; text without marks is taken as English. */
export function splitNotes(text: unknown): Partial<Record<NoteLanguage, string>> {
  if (Array.isArray(text)) text = text.map((n) => (n as { note?: unknown })?.note).filter((n) => typeof n === 'string').join('\n\n')
  if (typeof text !== 'string' || !text.trim()) return {}
  const marks = [...text.matchAll(MARK)]
  if (marks.length === 0) return { en: plain(text) }
  const out: Partial<Record<NoteLanguage, string>> = {}
  marks.forEach((m, i) => {
    const lng = NOTE_LANGUAGES.find((l) => l.toLowerCase() === m[1].toLowerCase())
    const end = i + 1 < marks.length ? marks[i + 1].index : text.length
    if (lng) out[lng] = plain((text as string).slice(m.index + m[0].length, end))
  })
  return out
}

/** Notes are shown as text: any HTML a feed carries is reduced to its words. */
function plain(s: string): string {
  return s.replace(/<[^>]*>/g, '').replace(/\n{3,}/g, '\n\n').trim().slice(0, 8000)
}
