// Every QA and tag message the checks can produce reaches translators in their UI language: each
// message key has a sentence in Italian, English and Chinese, using only the parameters the check
// passes. Keys are collected by running the checks on inputs that trigger them, not from a list.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runQa, type QaInput, type QaIssue } from '../../shared/domain/translation/qa.ts'
import { checkInline, htmlToInline, markedToInline } from '../../shared/domain/translation/inline.ts'
import type { GlossaryTerm } from '../../shared/domain/translation/glossary.ts'

const LOCALES = join(import.meta.dirname, '../../shared/messages/locales')
const sentences = (lng: string) => (JSON.parse(readFileSync(join(LOCALES, lng, 'translate.json'), 'utf8')) as { qaText: Record<string, string> }).qaText
const term = (t: Partial<GlossaryTerm>): GlossaryTerm => ({ id: 1, sourceLang: 'it', targetLang: 'en', kind: 'preferred', source: '', target: '', note: '', caseSensitive: false, ...t })
const qa = (over: Partial<QaInput>): QaIssue[] =>
  runQa({ field: 'title', sourceLocale: 'it', targetLocale: 'en', source: '', target: '', terms: [], limits: {}, ...over })

function produced(): Map<string, Record<string, string | number>> {
  const issues: QaIssue[] = [
    ...qa({ source: 'Olio', target: ' ' }),
    ...qa({ source: 'Vino rosso', target: 'Vino rosso' }),
    ...qa({ source: 'Cartone da 6 bottiglie', target: 'Carton of 12 bottles' }),
    ...qa({ source: 'Latta da 5 L', target: 'Tin of 5 kg' }),
    ...qa({ source: 'Latta da 5 L', target: 'Tin of 5' }),
    ...qa({ source: 'Chianti Classico rosso', target: 'Classic red', terms: [term({ kind: 'dnt', source: 'Chianti Classico' })] }),
    ...qa({ source: 'Vino', target: 'Cheap wine', terms: [term({ kind: 'forbidden', target: 'cheap' })] }),
    ...qa({ source: 'Vino', target: 'Cheap wine', terms: [term({ kind: 'forbidden', target: 'cheap', note: 'sounds low quality' })] }),
    ...qa({ source: 'olio extra vergine', target: 'olive oil', terms: [term({ source: 'olio extra vergine', target: 'extra virgin olive oil' })] }),
    ...qa({ field: 'keywords', source: 'a\nb', target: 'one\ntwo\nthree, four\n' + 'x'.repeat(40), limits: { maxItems: 2, maxChars: 30 } }),
    ...qa({ source: 'Vino', target: 'Wine wine wine', limits: { maxChars: 5 } }),
    ...qa({ source: 'Vino', target: 'Vino è', limits: { ascii: true } }),
    ...qa({ source: 'Vino, rosso', target: '葡萄酒,红 葡萄', targetLocale: 'zh-CN' }),
    ...qa({ source: 'Vino', target: '葡萄酒與', targetLocale: 'zh-CN' }),
    ...qa({ source: 'Vino rosso', target: ' Red  wine !' }),
    ...qa({ field: 'description', source: '<p>Un <strong>vino</strong> rosso</p>', target: '<p>A red wine</p>' })
  ]
  const source = htmlToInline('<p>Un <strong>vino</strong><br>rosso <em>buono</em></p>')
  const tags = [
    ...checkInline(markedToInline('<9>x</9>'), source.codes),
    ...checkInline(markedToInline('<2/>'), source.codes),
    ...checkInline(markedToInline('<1><2>a</2><3/><3/></1>'), source.codes),
    ...checkInline(markedToInline('<1><2>a</1></2>'), source.codes),
    ...checkInline(markedToInline('<1>a'), source.codes),
    ...checkInline(markedToInline('<1>a</1>'), source.codes),
    ...checkInline(markedToInline('<3>a</3>'), source.codes)
  ]
  const out = new Map<string, Record<string, string | number>>()
  for (const i of issues) out.set(i.key!, i.params ?? {})
  for (const p of tags) out.set(p.key, p.params)
  return out
}

describe('QA messages in the UI languages', () => {
  const keys = produced()

  it('every message a check can produce is translated, with only the parameters it is given', () => {
    const problems: string[] = []
    for (const lng of ['it', 'en', 'zh-CN']) {
      const texts = sentences(lng)
      for (const [key, params] of keys) {
        const text = texts[key]
        if (!text) {
          problems.push(`${lng}: no sentence for ${key}`)
          continue
        }
        for (const [, name] of text.matchAll(/\{\{(\w+)\}\}/g)) if (!(name in params)) problems.push(`${lng}: ${key} uses {{${name}}}, not given`)
      }
    }
    expect(problems).toEqual([])
  })

  it('no sentence is left that no check produces', () => {
    expect(Object.keys(sentences('en')).filter((k) => !keys.has(k)).sort()).toEqual([])
  })
})
