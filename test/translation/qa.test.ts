import { describe, expect, it } from 'vitest'
import { runQa, type QaInput } from '../../shared/domain/translation/qa.ts'
import type { GlossaryTerm } from '../../shared/domain/translation/glossary.ts'
import { findNumbers } from '../../shared/domain/translation/numbers.ts'
import { wordDiff } from '../../shared/domain/translation/text-diff.ts'
import { checkInline, htmlToInline, inlineToHtml, markedToInline } from '../../shared/domain/translation/inline.ts'

const term = (t: Partial<GlossaryTerm>): GlossaryTerm => ({ id: 1, sourceLang: 'it', targetLang: 'en', kind: 'preferred', source: '', target: '', note: '', caseSensitive: false, ...t })

function qa(over: Partial<QaInput>) {
  return runQa({ field: 'title', sourceLocale: 'it', targetLocale: 'en', source: '', target: '', terms: [], limits: {}, ...over })
}
const codes = (over: Partial<QaInput>) => qa(over).map((i) => i.code)

describe('QA checks', () => {
  it('numbers: values must match whatever the locale spelling', () => {
    expect(codes({ source: 'Bottiglia 0,75 L, 13,5% vol, 1.200 pezzi', target: 'Bottle 0.75 L, 13.5% vol, 1,200 pieces' })).toEqual([])
    const issues = qa({ source: 'Cartone da 6 bottiglie 0,75 L', target: 'Carton of 12 bottles 0.75 L' })
    expect(issues.filter((i) => i.code === 'numbers').map((i) => i.params)).toEqual([{ missing: '6' }, { extra: '12' }])
    expect(codes({ source: 'Confezione 35×25×12 cm', target: '35×25×12 cm 包装', targetLocale: 'zh-CN' })).toEqual([])
  })

  it('units: the same number with a different unit is flagged', () => {
    expect(codes({ source: 'Latta da 5 L', target: 'Tin of 5 kg' })).toContain('units')
    expect(codes({ source: 'Latta da 5 L', target: '5升 罐装', targetLocale: 'zh-CN' })).not.toContain('units')
    expect(findNumbers('13,5% vol', 'it')[0]).toMatchObject({ value: '13.5', unit: '%' })
  })

  it('glossary: a preferred rendering missing from the target is a warning', () => {
    const terms = [term({ source: 'olio extra vergine di oliva', target: 'extra virgin olive oil' })]
    expect(codes({ source: 'Olio extra vergine di oliva toscano', target: 'Tuscan olive oil', terms })).toEqual(['glossary'])
    expect(codes({ source: 'Olio extra vergine di oliva toscano', target: 'Tuscan extra virgin olive oil', terms })).toEqual([])
    const zh = [term({ targetLang: 'zh-CN', source: 'olio extra vergine di oliva', target: '特级初榨橄榄油' })]
    expect(codes({ source: 'Olio extra vergine di oliva', target: '特级初榨橄榄油', targetLocale: 'zh-CN', terms: zh })).toEqual([])
  })

  it('forbidden terms in the target are errors', () => {
    const terms = [term({ kind: 'forbidden', target: 'champagne', note: 'protected name' })]
    const issues = qa({ source: 'Spumante metodo classico', target: 'Italian champagne', terms })
    expect(issues).toEqual([expect.objectContaining({ code: 'forbidden', severity: 'error' })])
  })

  it('do-not-translate terms must stay unchanged', () => {
    const terms = [term({ kind: 'dnt', targetLang: '*', source: 'Parmigiano Reggiano', caseSensitive: true }), term({ kind: 'dnt', targetLang: '*', source: 'Made in Italy' })]
    expect(codes({ source: 'Parmigiano Reggiano DOP 24 mesi', target: 'Parmesan cheese PDO 24 months', terms })).toEqual(['dnt'])
    expect(codes({ source: 'Parmigiano Reggiano DOP 24 mesi', target: 'Parmigiano Reggiano PDO 24 months', terms })).toEqual([])
    expect(codes({ source: 'Made in Italy', target: 'Made in Italy', terms })).toEqual([])
  })

  it('length limits and ASCII titles', () => {
    expect(codes({ source: 'Titolo', target: 'x'.repeat(129), limits: { maxChars: 128 } })).toContain('length')
    expect(codes({ source: 'Titolo', target: 'x'.repeat(128), limits: { maxChars: 128 } })).not.toContain('length')
    expect(codes({ source: 'Caffè', target: 'Caffè espresso!', limits: { ascii: true } })).toContain('ascii')
    const kw = qa({ field: 'keywords', source: 'vino\nrosso', target: 'wine, red\nred', limits: { maxChars: 128, maxItems: 1 } })
    expect(kw.filter((i) => i.code === 'keywords')).toHaveLength(2)
  })

  it('empty or identical to source', () => {
    expect(codes({ source: 'Vino rosso', target: '   ' })).toEqual(['empty'])
    expect(codes({ source: 'Vino rosso toscano', target: 'Vino rosso toscano' })).toContain('identical')
    const terms = [term({ kind: 'dnt', targetLang: '*', source: 'Chianti Classico' })]
    expect(codes({ source: 'Chianti Classico', target: 'Chianti Classico', terms })).not.toContain('identical')
  })

  it('Chinese: full-width punctuation and Simplified characters', () => {
    expect(codes({ source: 'Vino rosso, toscano.', target: '红葡萄酒,托斯卡纳.', targetLocale: 'zh-CN' })).toContain('zh_punctuation')
    expect(codes({ source: 'Vino rosso, toscano.', target: '红葡萄酒，托斯卡纳。', targetLocale: 'zh-CN' })).toEqual([])
    expect(codes({ source: 'Olio 0,5 L', target: '橄榄油 0.5 L', targetLocale: 'zh-CN' })).not.toContain('zh_punctuation')
    const trad = qa({ source: 'Vino rosso italiano', target: '義大利紅葡萄酒', targetLocale: 'zh-CN' })
    expect(trad.find((i) => i.code === 'zh_traditional')?.params?.chars).toContain('紅')
    expect(codes({ source: 'Vino rosso italiano', target: '意大利红葡萄酒', targetLocale: 'zh-CN' })).toEqual([])
  })

  it('stray spaces', () => {
    expect(codes({ source: 'Vino rosso', target: ' Red wine' })).toEqual(['spaces'])
    expect(codes({ source: 'Vino rosso', target: 'Red  wine' })).toEqual(['spaces'])
    expect(codes({ source: 'Vino rosso, secco', target: 'Red wine , dry' })).toEqual(['spaces'])
    expect(codes({ source: 'Vino rosso', target: '红 葡萄酒', targetLocale: 'zh-CN' })).toEqual(['spaces'])
  })

  it('tag mismatch in rich text', () => {
    const source = '<p>Un <strong>vino</strong> rosso</p>'
    expect(codes({ field: 'description', source, target: '<p>A red <strong>wine</strong></p>' })).toEqual([])
    const issues = qa({ field: 'description', source, target: '<p>A red wine</p>' })
    expect(issues).toEqual([expect.objectContaining({ code: 'tags', key: 'tag_missing', params: { id: '2', tag: 'strong', problem: 'missing_tag' } })])
  })
})

describe('inline codes', () => {
  it('round-trips sanitized HTML through parts', () => {
    const html = '<p>Olio <a href="https://x.it/a?b=1&amp;c=2" rel="noopener noreferrer">DOP</a> &amp; sale<br /></p><ul><li>0,5 L</li></ul>'
    const { parts, codes: c } = htmlToInline(html)
    expect(inlineToHtml(parts, c)).toBe(html)
    expect(checkInline(parts, c)).toEqual([])
  })
  it('reports unknown, duplicate and crossed tags', () => {
    const { codes: c } = htmlToInline('<p>a <b>b</b></p>')
    const probs = (m: string) => checkInline(markedToInline(m), c).map((p) => p.code)
    expect(probs('<1>a <2>b</1></2>')).toContain('unbalanced_tag')
    expect(probs('<1>a <3>b</3></1>')).toEqual(expect.arrayContaining(['unknown_tag', 'missing_tag']))
    expect(probs('<1>a <2>b</2><2>c</2></1>')).toContain('duplicate_tag')
  })
})

describe('word diff', () => {
  it('diffs Italian by words and Chinese by segmented words', () => {
    expect(wordDiff('Chianti Classico 2021', 'Chianti Classico 2022')).toEqual([
      { op: 'equal', text: 'Chianti Classico ' }, { op: 'delete', text: '2021' }, { op: 'insert', text: '2022' }
    ])
    const zh = wordDiff('意大利红葡萄酒', '意大利白葡萄酒', 'zh-CN')
    expect(zh.some((p) => p.op === 'delete' && p.text.includes('红'))).toBe(true)
    expect(zh.some((p) => p.op === 'equal' && p.text.includes('意大利'))).toBe(true)
  })
})
