// Language names in the UI language: the in-sentence form (lowercase in Italian) and the label form.
import { describe, expect, test } from 'vitest'
import { languageLabel, languageName } from '../../shared/messages/field-path.ts'

describe('language names', () => {
  test('Italian writes them lowercase inside a sentence and capitalised as a label', () => {
    expect(['en', 'zh-CN', 'it'].map((l) => languageName(l, 'it'))).toEqual(['inglese', 'cinese semplificato', 'italiano'])
    expect(['en', 'zh-CN', 'it'].map((l) => languageLabel(l, 'it'))).toEqual(['Inglese', 'Cinese semplificato', 'Italiano'])
  })

  test('English names stay capitalised in both forms, Chinese has no case', () => {
    expect(languageName('en', 'en')).toBe('English')
    expect(languageName('zh-CN', 'en')).toBe(languageLabel('zh-CN', 'en'))
    expect(languageName('en', 'zh-CN')).toBe('英语')
    expect(languageLabel('zh-CN', 'zh-CN')).toBe(languageName('zh-CN', 'zh-CN'))
  })
})
