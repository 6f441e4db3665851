// QA checks run on every unit: numbers and units, glossary, forbidden and do-not-translate terms,
// length limits, empty or identical targets, Chinese punctuation and Traditional characters,
// stray spaces and inline tags. Pure functions: the core runs them on save, the UI live.
import type { TextField } from '../product.ts'
import { halfWidthPunctuation, isChineseLocale, traditionalCharacters, hasCjk } from './chinese.ts'
import { findTerm, type GlossaryTerm } from './glossary.ts'
import { checkInline, htmlToInline, inlinePlain, markedToInline, type InlinePart } from './inline.ts'
import { findNumbers, missingValues } from './numbers.ts'
import type { FieldLimits } from './units.ts'

export const QA_CODES = [
  'empty', 'identical', 'numbers', 'units', 'glossary', 'forbidden', 'dnt', 'length', 'ascii', 'keywords',
  'zh_punctuation', 'zh_traditional', 'spaces', 'tags'
] as const
export type QaCode = (typeof QA_CODES)[number]

export interface QaIssue {
  code: QaCode
  severity: 'error' | 'warning'
  /** The English sentence (CLI, logs, reports); the UI shows `key` with `params` in its language. */
  message: string
  /** Which sentence this is (several per code); absent on issues stored by older versions. */
  key?: string
  params?: Record<string, string | number>
}

export interface QaInput {
  field: TextField
  sourceLocale: string
  targetLocale: string
  /** Field text as stored (HTML for description, one keyword per line for keywords). */
  source: string
  target: string
  terms: GlossaryTerm[]
  limits: FieldLimits
  /** For description: target given as parts (from XLIFF or the editor) instead of HTML. */
  targetParts?: InlinePart[]
}

function plainOf(field: TextField, text: string): string {
  return field === 'description' ? inlinePlain(htmlToInline(text).parts) : text
}

export function runQa(input: QaInput): QaIssue[] {
  const issues: QaIssue[] = []
  const add = (code: QaCode, key: string, severity: QaIssue['severity'], message: string, params?: QaIssue['params']) =>
    issues.push({ code, key, severity, message, ...(params ? { params } : {}) })
  const src = plainOf(input.field, input.source)
  const tgt = input.targetParts ? inlinePlain(input.targetParts) : plainOf(input.field, input.target)
  const zh = isChineseLocale(input.targetLocale)

  if (!tgt.trim()) {
    add('empty', 'empty', 'error', 'The translation is empty.')
    return issues
  }

  // Tags: descriptions must keep the source's markup.
  if (input.field === 'description') {
    const source = htmlToInline(input.source)
    const parts = input.targetParts ?? htmlToInline(input.target).parts
    for (const p of checkInline(parts, source.codes)) add('tags', p.key, 'error', p.message, { ...p.params, problem: p.code })
  }

  const dntTerms = input.terms.filter((t) => t.kind === 'dnt')
  if (tgt.trim() === src.trim() && /\p{L}/u.test(src)) {
    const rest = dntTerms.reduce((s, t) => s.replace(new RegExp(t.source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ''), src)
    if (/\p{L}{2,}/u.test(rest)) add('identical', 'identical', 'warning', 'The translation is identical to the source.')
  }

  // Numbers and units.
  const sn = findNumbers(src, input.sourceLocale)
  const tn = findNumbers(tgt, input.targetLocale)
  const missing = missingValues(sn, tn)
  const extra = missingValues(tn, sn)
  if (missing.length) add('numbers', 'numbers_missing', 'error', `Numbers of the source missing in the translation: ${missing.join(', ')}.`, { missing: missing.join(', ') })
  if (extra.length) add('numbers', 'numbers_extra', 'error', `Numbers in the translation that are not in the source: ${extra.join(', ')}.`, { extra: extra.join(', ') })
  for (const n of sn) {
    if (!n.unit) continue
    const same = tn.filter((t) => t.value === n.value)
    if (same.length && !same.some((t) => t.unit === n.unit)) {
      const theirs = same[0].unit
      add('units', theirs ? 'units' : 'units_missing', 'warning', `"${n.raw}" is followed by ${n.unit} in the source but by ${theirs ?? 'no unit'} in the translation.`, { number: n.raw, unit: n.unit, targetUnit: theirs ?? '' })
    }
  }

  // Terminology.
  for (const t of input.terms) {
    if (t.kind === 'dnt') {
      if (findTerm(src, t.source, false).length && !findTerm(tgt, t.source, true).length) {
        add('dnt', 'dnt', 'error', `"${t.source}" must stay untranslated and unchanged.`, { term: t.source })
      }
    } else if (t.kind === 'forbidden') {
      if (t.target && findTerm(tgt, t.target, t.caseSensitive).length) {
        add('forbidden', t.note ? 'forbidden_note' : 'forbidden', 'error', `"${t.target}" is a forbidden term${t.note ? ` (${t.note})` : ''}.`, { term: t.target, note: t.note ?? '' })
      }
    } else if (t.source && t.target && findTerm(src, t.source, t.caseSensitive).length && !findTerm(tgt, t.target, t.caseSensitive).length) {
      add('glossary', 'glossary', 'warning', `"${t.source}" should be translated as "${t.target}".`, { term: t.source, expected: t.target })
    }
  }

  // Limits.
  const lim = input.limits
  if (input.field === 'keywords') {
    const list = tgt.split(/\r?\n/).map((k) => k.trim()).filter(Boolean)
    if (lim.maxItems && list.length > lim.maxItems) add('keywords', 'keywords_count', 'error', `${list.length} keywords; at most ${lim.maxItems} are allowed.`, { count: list.length, max: lim.maxItems })
    for (const k of list) {
      if (/[,;，；]/.test(k)) add('keywords', 'keywords_separator', 'error', `The keyword "${k}" contains "," or ";", which the pavilion refuses.`, { keyword: k })
      if (lim.maxChars && [...k].length > lim.maxChars) add('length', 'keyword_length', 'error', `The keyword "${k}" is longer than ${lim.maxChars} characters.`, { keyword: k, max: lim.maxChars })
    }
  } else if (lim.maxChars) {
    const n = [...tgt].length
    if (n > lim.maxChars) add('length', 'length', 'error', `${n} characters; at most ${lim.maxChars} are allowed.`, { length: n, max: lim.maxChars })
  }
  if (lim.ascii) {
    const bad = [...new Set([...tgt].filter((c) => c.charCodeAt(0) > 127 || '@!?'.includes(c)))]
    if (bad.length) add('ascii', 'ascii', 'error', `Characters the pavilion refuses here: ${bad.join(' ')}.`, { chars: bad.join(' ') })
  }

  // Chinese.
  if (zh) {
    const half = halfWidthPunctuation(tgt)
    const pairs = [...new Set(half.map((h) => `${h.char} → ${h.suggestion}`))].join(', ')
    if (half.length) add('zh_punctuation', 'zh_punctuation', 'warning', `Use full-width punctuation in Chinese: ${pairs}.`, { chars: half.map((h) => h.char).join(''), pairs })
    if (input.targetLocale !== 'zh-TW' && input.targetLocale !== 'zh-HK' && input.targetLocale !== 'zh-Hant') {
      const trad = traditionalCharacters(tgt)
      const pairs = trad.map((t) => `${t.char} → ${t.simplified}`).join(', ')
      if (trad.length) add('zh_traditional', 'zh_traditional', 'error', `Traditional characters in a Simplified Chinese text: ${pairs}.`, { chars: trad.map((t) => t.char).join(''), pairs })
    }
  }

  // Spaces.
  const lead = (s: string) => /^\s/.test(s)
  const trail = (s: string) => /\s$/.test(s)
  if (lead(tgt) !== lead(src) || trail(tgt) !== trail(src)) add('spaces', 'spaces_edges', 'warning', 'Leading or trailing spaces differ from the source.')
  if (/ {2,}/.test(tgt) && !/ {2,}/.test(src)) add('spaces', 'spaces_double', 'warning', 'Double spaces in the translation.')
  if (/\S \s*[,.;:!?](\s|$)/.test(tgt) && !zh) add('spaces', 'spaces_before_punctuation', 'warning', 'A space before punctuation.')
  if (zh && /[\u3400-\u9fff] +[\u3400-\u9fff]/.test(tgt)) add('spaces', 'spaces_chinese', 'warning', 'Spaces between Chinese characters.')

  return issues
}

/** Parses editor text for a field (marked tags for descriptions) into QA's target parts. */
export function editorParts(field: TextField, marked: string): InlinePart[] | undefined {
  return field === 'description' ? markedToInline(marked) : undefined
}

export function countIssues(issues: QaIssue[]): { errors: number; warnings: number } {
  let errors = 0
  for (const i of issues) if (i.severity === 'error') errors++
  return { errors, warnings: issues.length - errors }
}

export { hasCjk }
