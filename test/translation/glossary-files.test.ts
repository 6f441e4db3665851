// Glossaries as people save them: a CSV/TSV in UTF-16 (Excel's "Unicode text", here saved by
// LibreOffice) is decoded by its byte-order mark instead of becoming terms full of NUL bytes, and a
// multilingual TBX imports only the catalogue's languages and says which ones it left out.
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCore, type TestCore } from './helpers.ts'

const FIXTURES = resolve(import.meta.dirname, '../fixtures/translation')

let t: TestCore
beforeEach(() => {
  t = openCore()
})
afterEach(async () => {
  await t.close()
})

describe('glossary files', () => {
  it('reads a UTF-16 tab-separated glossary ("Unicode text")', async () => {
    const r = await t.api.translation.importGlossary({ file: { kind: 'path', path: join(FIXTURES, 'glossary', 'glossario-unicode.txt') }, targetLang: 'en' })
    expect(r).toMatchObject({ imported: 6, updated: 0, skipped: 0, problems: [] })
    const terms = (await t.api.translation.listTerms({})).items
    for (const term of terms) expect(JSON.stringify(term)).not.toMatch(/\\u0000/)
    expect(terms.map((x) => [x.kind, x.source, x.target, x.note])).toEqual(expect.arrayContaining([
      ['preferred', 'olio extravergine di oliva', 'extra virgin olive oil', 'Reg. UE 2022/2104'],
      ['dnt', 'Chianti Classico', '', 'denominazione'],
      ['forbidden', 'vino da tavola', 'table wine', 'non usare per DOCG'],
      ['preferred', 'affinato in barrique', 'barrique-aged', 'è € à']
    ]))
  })

  it('imports the catalogue languages of a multilingual TBX and names the others', async () => {
    const r = await t.api.translation.importGlossary({ file: { kind: 'path', path: join(FIXTURES, 'tbx', 'okapi', 'maryland.tbx') } })
    expect(r.imported).toBe(2)
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'tbx_other_languages', params: { lang: 'fr', count: 3 } }),
      expect.objectContaining({ code: 'tbx_other_languages', params: { lang: 'es', count: 4 } })
    ])
    expect((await t.api.translation.listTerms({})).items.map((x) => [x.source, x.targetLang, x.target])).toEqual(expect.arrayContaining([['scriba', 'en', 'scribe'], ['scriba', 'en', 'copyist']]))
  })
})
