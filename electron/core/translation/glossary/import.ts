// Glossary import from TBX (TermBase eXchange, 2.0/3.0 and the older martif form) and CSV
// (columns: source, target, kind, note; header optional, "," ";" or tab separated, in UTF-8, UTF-16
// — Excel's "Unicode text" — or Windows-1252, told apart as the spreadsheet reader does).
import type * as CsvParseSync from 'csv-parse/sync'
import { bomLength, detectEncoding } from '../../../../shared/domain/text/encoding.ts'
import type { TermKind } from '../../../../shared/domain/translation/glossary.ts'
import { attr, elements, parseXml, textContent, XML_NS, type XmlElement } from '../xml/xml.ts'
import { normalizeLang } from '../tm/tmx.ts'
import type { TermInput } from './glossary-store.ts'
import { onFirstUse } from '../../platform/on-first-use.ts'

const csvParseSync = onFirstUse<typeof CsvParseSync>('csv-parse/sync')

export interface GlossaryProblem { code: string; message: string; line: number | null; params?: Record<string, string | number> }

/** The catalogue's languages: terms are kept from its source into one of its targets. */
export interface GlossaryLocales { source: string; targets: string[] }

const DNT_WORDS = /^(dnt|do[- ]?not[- ]?translate|untranslatable|non tradurre|keep|brand)$/i
const FORBIDDEN_WORDS = /^(forbidden|deprecated|deprecatedterm|supersededterm|admitted-no|proibito|vietato)$/i

function kindOf(value: string | undefined): TermKind | null {
  // TBX-Basic writes "preferredTerm-admn-sts"; TBX normativeAuthorization "preferredTerm".
  const v = (value ?? '').trim().replace(/-admn-sts$/i, '')
  if (!v || /^(preferred|preferredterm|admitted|admittedterm|term|preferito|standardizedterm|legalterm|regulatedterm)$/i.test(v)) return 'preferred'
  if (DNT_WORDS.test(v)) return 'dnt'
  if (FORBIDDEN_WORDS.test(v)) return 'forbidden'
  return null
}

function descendants(el: XmlElement, local: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.type !== 'element') continue
    if (c.local === local) out.push(c)
    descendants(c, local, out)
  }
  return out
}

function langAttr(el: XmlElement): string {
  return attr(el, 'lang', XML_NS) ?? attr(el, 'lang') ?? ''
}

export function readTbx(bytes: Uint8Array, locales: GlossaryLocales): { terms: TermInput[]; problems: GlossaryProblem[] } {
  const knownLocales = [locales.source, ...locales.targets]
  const otherLanguages = new Map<string, number>()
  const doc = parseXml(bytes, { maxBytes: 32 * 1024 * 1024 })
  if (!['tbx', 'martif'].includes(doc.root.local)) throw new Error(`This is not a TBX file (root element <${doc.root.name}>).`)
  const terms: TermInput[] = []
  const problems: GlossaryProblem[] = []
  for (const entry of [...descendants(doc.root, 'conceptEntry'), ...descendants(doc.root, 'termEntry')]) {
    const langSecs = [...elements(entry, 'langSec'), ...elements(entry, 'langSet')]
    const byLang = langSecs.map((ls) => {
      const lang = normalizeLang(langAttr(ls), knownLocales)
      const termSecs = [...elements(ls, 'termSec'), ...elements(ls, 'tig'), ...elements(ls, 'ntig')]
      return {
        lang,
        terms: termSecs.map((ts) => {
          const termEl = descendants(ts, 'term')[0]
          const status = [...descendants(ts, 'termNote'), ...descendants(ts, 'descrip')].find((n) => /normativeAuthorization|administrativeStatus|usageStatus|translate/i.test(attr(n, 'type') ?? ''))
          return { text: termEl ? textContent(termEl).trim() : '', status: status ? textContent(status).trim() : '' }
        }).filter((t) => t.text)
      }
    })
    const note = descendants(entry, 'descrip').filter((d) => /definition|note|context/i.test(attr(d, 'type') ?? '')).map((d) => textContent(d).trim()).join(' ')
    const it = byLang.find((b) => b.lang === 'it')
    const dntFlag = descendants(entry, 'descrip').concat(descendants(entry, 'termNote')).some((d) => /translat/i.test(attr(d, 'type') ?? '') && /^(no|false|dnt|do not translate)$/i.test(textContent(d).trim()))
    if (!it || !it.terms.length) {
      const concept = attr(entry, 'id') ?? `line ${entry.line}`
      problems.push({ code: 'tbx_no_italian', message: `Concept ${concept} has no Italian term; skipped.`, line: entry.line, params: { concept, line: entry.line } })
      continue
    }
    const source = it.terms[0].text
    if (dntFlag || kindOf(it.terms[0].status) === 'dnt') {
      terms.push({ sourceLang: 'it', targetLang: '*', kind: 'dnt', source, note })
      continue
    }
    for (const b of byLang) {
      if (b === it) continue
      if (!locales.targets.includes(b.lang)) {
        if (b.lang !== locales.source) otherLanguages.set(b.lang, (otherLanguages.get(b.lang) ?? 0) + b.terms.length)
        continue
      }
      for (const t of b.terms) {
        const kind = kindOf(t.status)
        if (!kind) {
          problems.push({ code: 'tbx_unknown_status', message: `Term "${t.text}" has an unknown status "${t.status}"; imported as preferred.`, line: entry.line, params: { term: t.text, status: t.status, line: entry.line } })
        }
        if (kind === 'dnt') terms.push({ sourceLang: 'it', targetLang: '*', kind: 'dnt', source, note })
        else terms.push({ sourceLang: 'it', targetLang: b.lang, kind: kind ?? 'preferred', source, target: t.text, note })
      }
    }
  }
  for (const [lang, count] of otherLanguages) {
    problems.push({ code: 'tbx_other_languages', message: `${count} term(s) in ${lang} were skipped: the catalogue translates into ${locales.targets.join(', ')}.`, line: null, params: { lang, count } })
  }
  return { terms, problems }
}

export function readGlossaryCsv(bytes: Uint8Array, targetLang: string): { terms: TermInput[]; problems: GlossaryProblem[] } {
  const { encoding } = detectEncoding(bytes)
  const text = new TextDecoder(encoding).decode(bytes.subarray(bomLength(bytes, encoding)))
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
  // The separator the first line uses most (ties go to the comma).
  const delimiter = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0].d
  const rows = csvParseSync().parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][]
  const problems: GlossaryProblem[] = []
  const terms: TermInput[] = []
  let start = 0
  if (rows[0] && /^(source|it|italiano|termine|term)$/i.test(rows[0][0] ?? '')) start = 1
  for (let i = start; i < rows.length; i++) {
    const [source = '', target = '', kindText = '', note = ''] = rows[i]
    const kind = kindOf(kindText)
    if (!kind) {
      problems.push({ code: 'csv_unknown_kind', message: `Row ${i + 1}: unknown kind "${kindText}" (use preferred, dnt or forbidden).`, line: i + 1, params: { line: i + 1, kind: kindText } })
      continue
    }
    if (!source && kind !== 'forbidden') {
      problems.push({ code: 'csv_empty', message: `Row ${i + 1}: the Italian term is empty.`, line: i + 1, params: { line: i + 1 } })
      continue
    }
    terms.push({ sourceLang: 'it', targetLang: kind === 'dnt' ? '*' : targetLang, kind, source, target, note })
  }
  return { terms, problems }
}
