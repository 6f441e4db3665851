// A TMX import says what it did not import and why: every unit left out is a problem with a code,
// its parameters (unit, language, line) and a sentence. Files: an OmegaT 3.6 export with an empty
// translation, and copies of a real OmegaT export broken the ways TMX files from other tools break
// the standard (no language, no segment, no translation, header without its required attributes,
// stray elements, other language pairs).
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { translator } from '../../shared/messages/translator.ts'
import { jobDone, openCore, type TestCore } from './helpers.ts'

const FIXTURES = resolve(import.meta.dirname, '../fixtures/translation/tmx/omegat')

let t: TestCore
beforeEach(() => {
  t = openCore()
})
afterEach(async () => {
  await t.close()
})

interface TmxResult { imported: number; skipped: number; problems: Array<{ code: string; message: string; line?: number | null; params?: Record<string, unknown> }> }

async function tmImport(path: string) {
  const job = await jobDone(t.api, (await t.api.translation.tmImport({ file: { kind: 'path', path } })).jobId)
  expect(job.state).toBe('done')
  return job.result as TmxResult
}

describe('TMX problems', () => {
  it('names the unit OmegaT exported with an empty translation', async () => {
    const r = await tmImport(join(FIXTURES, 'schede-traduzione-vuota.tmx'))
    expect(r.imported).toBe(3)
    expect(r.problems).toEqual([expect.objectContaining({ code: 'tmx_empty_target', line: 19, params: expect.objectContaining({ lang: 'en', source: 'Confezione regalo in legno.' }) })])
    expect(r.problems[0].message).toMatch(/line 19/)
  })

  it('lists every unit that breaks the standard and imports the others', async () => {
    const real = readFileSync(join(FIXTURES, 'schede-level2.tmx'), 'utf8')
    const broken = real
      // The header loses two of its required attributes.
      .replace(' o-tmf="OmegaT TMX"', '').replace(' segtype="sentence"', '')
      // First unit: the target variant has no language.
      .replace('<tuv xml:lang="en-GB" changeid="anna" changedate="20261120T101700Z"', '<tuv changeid="anna" changedate="20261120T101700Z"')
      // Second unit: the target variant has no <seg>.
      .replace('<seg>Extra virgin olive oil, first cold pressing.</seg>', '<note>in revisione</note>')
      // A stray element between units, and a unit with only its source.
      .replace('<!-- Alternative translations -->', '<prop type="x">?</prop><tu tuid="solo-sorgente"><tuv xml:lang="it"><seg>Solo il testo italiano.</seg></tuv></tu>\n<tu tuid="inglese"><tuv xml:lang="en"><seg>English source</seg></tuv><tuv xml:lang="zh-CN"><seg>英文</seg></tuv></tu>')
      .replace('srclang="it"/>', 'srclang="it"/>')
    const file = join(t.dir, 'broken.tmx')
    writeFileSync(file, broken.replace('<tu tuid="inglese">', '<tu tuid="inglese" srclang="en">'))
    const r = await tmImport(file)
    expect(r.imported).toBe(1)
    const byCode = Object.fromEntries(r.problems.map((p) => [p.code, p]))
    expect(Object.keys(byCode).sort()).toEqual(['tmx_header_incomplete', 'tmx_no_lang', 'tmx_no_seg', 'tmx_no_translation', 'tmx_other_languages', 'tmx_unexpected_element'])
    expect(byCode.tmx_header_incomplete.params).toMatchObject({ missing: 'segtype, o-tmf' })
    expect(byCode.tmx_no_lang).toMatchObject({ line: 11 })
    expect(byCode.tmx_no_seg.params).toMatchObject({ lang: 'en' })
    expect(byCode.tmx_no_translation.params).toMatchObject({ unit: 'solo-sorgente' })
    expect(byCode.tmx_other_languages.params).toMatchObject({ source: 'en', target: 'zh-CN', count: 1 })
    expect(byCode.tmx_unexpected_element.params).toMatchObject({ element: 'prop' })
    for (const p of r.problems) expect(p.message.length).toBeGreaterThan(20)
    // Each problem reads as a whole sentence in Italian and Chinese: its key exists and every parameter is filled.
    for (const lng of ['it', 'zh-CN'] as const) {
      const t = translator(lng)
      for (const p of r.problems) {
        const text = String(t(`translate:exchangeProblem.${p.code}`, { ...(p.params ?? {}) }))
        expect(text, `${lng} ${p.code}`).not.toMatch(/exchangeProblem|\{\{/)
      }
    }
    expect((await t.api.translation.tmStats({})).pairs).toEqual([{ sourceLang: 'it', targetLang: 'en', entries: 1 }])
  })

  it('refuses a file that is not a TMX, saying what it is', async () => {
    const file = join(t.dir, 'x.tmx')
    writeFileSync(file, '<?xml version="1.0"?><xliff version="1.2"/>')
    const job = await jobDone(t.api, (await t.api.translation.tmImport({ file: { kind: 'path', path: file } })).jobId)
    expect(job.error).toMatchObject({ code: 'tmx_not_tmx' })
    expect(job.error?.message).toMatch(/<xliff>/)
  })
})
