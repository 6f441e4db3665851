// CAT tools and terminology tools write a standard DOCTYPE line that only names their DTD
// (<!DOCTYPE tmx SYSTEM "tmx14.dtd">, <!DOCTYPE martif PUBLIC …>). Nothing is fetched and no entity
// is declared, so such files are read; a DOCTYPE with an internal subset (entities) is still refused.
// Files: TMX written by OmegaT 3.6 and from the LISA TMX compliance kit (via Okapi), TBX from Okapi's
// test set and written by translate-toolkit (see test/fixtures/translation/SOURCES.md).
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { XliffImportReport } from '../../shared/contract/translation.ts'
import { readTbx } from '../../electron/core/translation/glossary/import.ts'
import { readTmx } from '../../electron/core/translation/tm/tmx.ts'
import { jobDone, openCore, seedWinery, type TestCore } from './helpers.ts'

const FIXTURES = resolve(import.meta.dirname, '../fixtures/translation')
const fixture = (...p: string[]) => join(FIXTURES, ...p)
const CATALOGUE = { source: 'it', targets: ['en', 'zh-CN'] }

let t: TestCore
beforeEach(() => {
  t = openCore()
})
afterEach(async () => {
  await t.close()
})

async function tmImport(path: string) {
  return jobDone(t.api, (await t.api.translation.tmImport({ file: { kind: 'path', path } })).jobId)
}

describe('TMX with an external DOCTYPE', () => {
  it.each(['schede-level2.tmx', 'schede-omegat.tmx'])('imports OmegaT\'s %s into the memory', async (name) => {
    expect(readFileSync(fixture('tmx', 'omegat', name), 'utf8')).toMatch(/<!DOCTYPE tmx SYSTEM "tmx1[14]\.dtd">/)
    const job = await tmImport(fixture('tmx', 'omegat', name))
    expect(job.state).toBe('done')
    expect(job.result).toMatchObject({ imported: 3, skipped: 0 })
    const m = await t.api.translation.tmLookup({ targetLocale: 'en', text: 'Pecorino Toscano stagionato.' })
    expect(m.matches[0]).toMatchObject({ tier: 'exact', target: 'Matured Pecorino Toscano.' })
  })

  // The kit's files translate from US English: read them as a catalogue of those languages would.
  const us = (...targets: string[]) => ({ source: 'en-US', targets })
  it.each([
    ['ImportTest1A.tmx', us('fr-CA'), 'First segment with [\t\t   ]', 'Premier segment avec [\t\t   ]'], // UTF-16 with BOM
    ['ImportTest1B.tmx', us('fr-CA'), 'Text of the segment', 'Texte du segment'], // odd spacing in tags and attributes
    ['ImportTest1D.tmx', us('en-GB'), 'à=agrave, é=eacute, æ=aelig', 'à=agrave, é=eacute, æ=aelig'], // character references
    ['ImportTest1H.tmx', us('en-GB'), 'à=agrave, é=eacute, æ=aelig', 'à=agrave, é=eacute, æ=aelig'] // us-ascii declaration
  ])('reads the LISA compliance-kit file %s', (name, locales, source, target) => {
    const { entries, problems } = readTmx(readFileSync(fixture('tmx', 'lisa-compkit', name)), locales)
    expect(problems).toEqual([])
    expect(entries[0]).toMatchObject({ source, target })
  })

  it('reads the compliance-kit files with comments and inline codes', () => {
    expect(readTmx(readFileSync(fixture('tmx', 'lisa-compkit', 'ImportTest1L.tmx')), us('en-GB', 'fr')).entries.length).toBeGreaterThan(0)
    expect(readTmx(readFileSync(fixture('tmx', 'lisa-compkit', 'ImportTest2A.tmx')), us('fr-CA')).entries.length).toBe(7)
    // Read into an Italian catalogue, the kit's files import nothing and say why.
    const { entries, problems } = readTmx(readFileSync(fixture('tmx', 'lisa-compkit', 'ImportTest2A.tmx')), CATALOGUE)
    expect(entries).toEqual([])
    expect(problems).toEqual([expect.objectContaining({ code: 'tmx_other_languages', params: { source: 'en', target: 'fr-CA', count: 7 } })])
  })

  it('still refuses a DOCTYPE that declares entities, and entities it does not declare', async () => {
    const real = readFileSync(fixture('tmx', 'omegat', 'schede-level2.tmx'), 'utf8')
    const subset = join(t.dir, 'subset.tmx')
    writeFileSync(subset, real.replace('<!DOCTYPE tmx SYSTEM "tmx14.dtd">', '<!DOCTYPE tmx SYSTEM "tmx14.dtd" [<!ENTITY x SYSTEM "file:///etc/passwd">]>'))
    const j1 = await tmImport(subset)
    expect(j1.state).toBe('failed')
    expect(j1.error).toMatchObject({ code: 'translation_xml_dtd' })
    const undeclared = join(t.dir, 'undeclared.tmx')
    writeFileSync(undeclared, real.replace('Matured Pecorino Toscano.', 'Matured &x; Pecorino.'))
    const j2 = await tmImport(undeclared)
    expect(j2.error?.code).toBe('tmx_invalid')
    expect(j2.error?.message).toMatch(/undefined entity/)
    expect((await t.api.translation.tmStats({})).pairs).toEqual([])
  })
})

describe('TBX with an external DOCTYPE', () => {
  it('imports the Italian concept of a martif file (DOCTYPE … SYSTEM "TBXcoreStructV02.dtd")', async () => {
    expect(readFileSync(fixture('tbx', 'okapi', 'maryland.tbx'), 'utf8')).toMatch(/<!DOCTYPE martif SYSTEM/)
    const r = await t.api.translation.importGlossary({ file: { kind: 'path', path: fixture('tbx', 'okapi', 'maryland.tbx') } })
    expect(r.imported).toBeGreaterThanOrEqual(2)
    const terms = await t.api.translation.listTerms({ targetLang: 'en' })
    expect(terms.items.filter((x) => x.targetLang === 'en').map((x) => [x.source, x.target])).toEqual(expect.arrayContaining([['scriba', 'scribe'], ['scriba', 'copyist']]))
  })

  it('reads files with DOCTYPE … PUBLIC, and says what it skipped', () => {
    const tt = readFileSync(fixture('tbx', 'translate-toolkit', 'termini-csv2tbx.tbx'))
    expect(tt.toString('utf8')).toMatch(/<!DOCTYPE martif PUBLIC "ISO 12200:1999A\/\/DTD MARTIF core \(DXFcdV04\)\/\/EN" "TBXcdv04.dtd">/)
    const r = readTbx(tt, CATALOGUE)
    // translate-toolkit's csv2tbx labels the columns "en" and "xx": no Italian term, each concept named.
    expect(r.terms).toEqual([])
    expect(r.problems.map((p) => p.code)).toEqual(['tbx_no_italian', 'tbx_no_italian', 'tbx_no_italian'])
    const oracle = readTbx(readFileSync(fixture('tbx', 'okapi', 'oracle_TBX.tbx')), CATALOGUE)
    expect(oracle.problems.length).toBeGreaterThan(0)
  })

  it('still refuses an internal subset', async () => {
    const file = join(t.dir, 'x.tbx')
    writeFileSync(file, readFileSync(fixture('tbx', 'okapi', 'maryland.tbx'), 'utf8').replace('<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">', '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd" [<!ENTITY % p SYSTEM "http://example.com/x.dtd"> %p;]>'))
    await expect(t.api.translation.importGlossary({ file: { kind: 'path', path: file } })).rejects.toMatchObject({ code: 'translation_xml_dtd' })
    expect((await t.api.translation.listTerms({})).items).toEqual([])
  })
})

describe('XLIFF with an external DOCTYPE', () => {
  it('imports a translated file that carries the XLIFF DTD line older CAT tools write, and refuses an internal subset', async () => {
    const { chianti } = await seedWinery(t.api)
    const job = await jobDone(t.api, (await t.api.translation.xliffExport({ version: '1.2', selection: { locales: ['en'] } })).jobId)
    const exported = readFileSync((job.result as { files: Array<{ path: string }> }).files[0].path, 'utf8')
    const translated = exported.replace(/(<source>Chianti Classico DOCG 2021 0,75 L<\/source>)/, '$1<target state="translated">Chianti Classico DOCG 2021 0.75 L</target>')
    const doctype = '<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "http://www.oasis-open.org/committees/xliff/documents/xliff.dtd">'
    const withDoctype = translated.replace('?>\n', `?>\n${doctype}\n`)
    const file = join(t.dir, 'agency.xlf')
    writeFileSync(file, withDoctype)
    const imported = await jobDone(t.api, (await t.api.translation.xliffImport({ file: { kind: 'path', path: file }, dryRun: false, force: false })).jobId)
    expect(imported.state).toBe('done')
    expect((imported.result as XliffImportReport).applied).toBe(1)
    expect((await t.api.translation.getUnit({ productId: chianti.id, field: 'title', locale: 'en' })).target).toBe('Chianti Classico DOCG 2021 0.75 L')

    writeFileSync(file, translated.replace('?>\n', `?>\n${doctype.replace(/>$/, ' [<!ENTITY a "b">]>')}\n`))
    const refused = await jobDone(t.api, (await t.api.translation.xliffImport({ file: { kind: 'path', path: file }, dryRun: false, force: false })).jobId)
    expect(refused.error?.code).toBe('translation_xml_dtd')
  })
})
