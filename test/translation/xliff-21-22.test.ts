// XLIFF 2.1 and 2.2: the rules the OASIS 2.1/2.2 test suites check beyond 2.0. The suites themselves
// are under the OASIS TC's IPR policy, not a permissive licence, so they are not copied here: these
// documents exercise the same rules, written from the specification (`npm run conformance:xliff --
// --suites DIR` scores a local clone of the suites). Plus: importing 2.1 and 2.2 files, and the
// specific refusal of XLIFF 1.0/1.1 (a real XLIFF 1.1 file from Okapi's test set).
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { XliffImportReport } from '../../shared/contract/translation.ts'
import { parseXml } from '../../electron/core/translation/xml/xml.ts'
import { validateXliff20 } from '../../electron/core/translation/xliff/validate20.ts'
import { jobDone, openCore, seedWinery, type TestCore } from './helpers.ts'

const NS20 = 'urn:oasis:names:tc:xliff:document:2.0'
const NS22 = 'urn:oasis:names:tc:xliff:document:2.2'
const problems = (xml: string) => validateXliff20(parseXml(xml).root).map((p) => p.message)

const doc = (body: string, opts: { ns?: string; version?: string; decl?: string; top?: string } = {}) =>
  `<?xml version="1.0"?>\n<xliff xmlns="${opts.ns ?? NS20}" version="${opts.version ?? '2.1'}" srcLang="en" trgLang="de" ${opts.decl ?? ''}>${opts.top ?? ''}<file id="f1">${body}</file></xliff>`

describe('XLIFF 2.1 rules', () => {
  it('an <ec> may leave out the type and subType of its <sc>, but not contradict them', () => {
    const unit = (ec: string) => doc(`<unit id="1"><segment><source><sc id="1" type="fmt" subType="xlf:b"/>Bold</source></segment><segment><source> text${ec}</source></segment></unit>`)
    expect(problems(unit('<ec startRef="1"/>'))).toEqual([])
    expect(problems(unit('<ec startRef="1" type="ui"/>')).join()).toMatch(/disagree on type/)
    expect(problems(unit('<ec startRef="1" canCopy="no"/>')).join()).toMatch(/disagree on canCopy/)
  })

  it('refuses an annotation start <sm> that never ends', () => {
    expect(problems(doc('<unit id="1"><segment><source>part 1 <sm id="m1" translate="no"/>part 2</source></segment></unit>')).join()).toMatch(/<sm id="m1"> has no <em>/)
    expect(problems(doc('<unit id="1"><segment><source>part 1 <sm id="m1" translate="no"/>part 2</source></segment><segment><source>part 3<em startRef="m1"/></source></segment></unit>'))).toEqual([])
  })

  it('change tracking may refer to any element of the unit by its id', () => {
    const ctr = 'xmlns:ctr="urn:oasis:names:tc:xliff:changetracking:2.0"'
    const unit = (ref: string) => doc(`<unit id="1"><ctr:changeTrack><ctr:revisions appliesTo="source" ref="${ref}"><ctr:revision><ctr:item property="content">old</ctr:item></ctr:revision></ctr:revisions></ctr:changeTrack><notes><note id="n1">a note</note></notes><segment><source>Yes</source></segment><segment><source>No</source></segment></unit>`, { decl: ctr })
    expect(problems(unit('n1'))).toEqual([])
    expect(problems(unit('nowhere')).join()).toMatch(/does not match the id/)
  })

  it('accepts a resource target in a language variant and refuses text inside module containers', () => {
    const res = 'xmlns:res="urn:oasis:names:tc:xliff:resourcedata:2.0"'
    expect(problems(doc('<unit id="1"><res:resourceData><res:resourceItem id="r1" context="yes"><res:source href="en/logo.png"/><res:target xml:lang="de-AT" href="de/logo.png"/></res:resourceItem></res:resourceData><segment><source>Logo</source></segment></unit>', { decl: res }))).toEqual([])
    const gls = 'xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0"'
    const entry = (junk: string) => doc(`<unit id="1"><gls:glossary><gls:glossEntry><gls:term>failed</gls:term><gls:translation>ausgefallen</gls:translation><mda:metadata><mda:metaGroup><mda:meta type="concept-id">15910</mda:meta></mda:metaGroup></mda:metadata>${junk}</gls:glossEntry></gls:glossary><segment><source>Skiing</source></segment></unit>`, { decl: gls })
    expect(problems(entry(''))).toEqual([])
    expect(problems(entry('"')).join()).toMatch(/cannot contain text/)
  })
})

describe('XLIFF 2.2', () => {
  const top = '<notes><note>For the whole document</note></notes><mda:metadata><mda:metaGroup><mda:meta type="project">Vetrina</mda:meta></mda:metaGroup></mda:metadata>'
  const mda = 'xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0"'
  const body = '<unit id="1"><notes><note ref="#s1">About s1</note></notes><segment id="s1"><source>Hello</source></segment></unit>'

  it('accepts notes and metadata for the whole document, and notes that point at a segment', () => {
    expect(problems(doc(body, { ns: NS22, version: '2.2', decl: mda, top }))).toEqual([])
  })

  it('keeps refusing them in a 2.0 document', () => {
    const p = problems(doc(body, { version: '2.0', decl: mda, top })).join(' | ')
    expect(p).toMatch(/before <notes>/)
    expect(p).toMatch(/ref only from XLIFF 2.2/)
  })
})

describe('importing XLIFF 2.1 and 2.2, and refusing 1.0/1.1 by name', () => {
  let t: TestCore
  beforeEach(() => {
    t = openCore()
  })
  afterEach(async () => {
    await t.close()
  })

  async function importFile(xml: string | Buffer) {
    const file = join(t.dir, 'in.xlf')
    writeFileSync(file, xml)
    return jobDone(t.api, (await t.api.translation.xliffImport({ file: { kind: 'path', path: file }, dryRun: false, force: false })).jobId)
  }

  it.each([
    ['2.1', (x: string) => x.replace('version="2.0"', 'version="2.1"')],
    ['2.2', (x: string) => x.replace(NS20, NS22).replace('version="2.0"', 'version="2.2"').replace(/(<xliff[^>]*>)/, '$1<notes><note>Translated by the agency</note></notes>')]
  ])('imports a translated file saved as XLIFF %s', async (version, convert) => {
    const { chianti } = await seedWinery(t.api)
    const job = await jobDone(t.api, (await t.api.translation.xliffExport({ version: '2.0', selection: { locales: ['en'] } })).jobId)
    const exported = readFileSync((job.result as { files: Array<{ path: string }> }).files[0].path, 'utf8')
    const translated = exported.replace(/(<segment[^>]*>\s*<source>Chianti Classico DOCG 2021 0,75 L<\/source>)/, '$1<target>Chianti Classico DOCG 2021 0.75 L</target>')
    expect(translated).not.toBe(exported)
    const imported = await importFile(convert(translated))
    expect(imported.state).toBe('done')
    expect(imported.result as XliffImportReport).toMatchObject({ version, applied: 1, rejected: 0 })
    expect((await t.api.translation.getUnit({ productId: chianti.id, field: 'title', locale: 'en' })).target).toBe('Chianti Classico DOCG 2021 0.75 L')
  })

  it('names XLIFF 1.1 as an older version, with what to do', async () => {
    const rb = readFileSync(resolve(import.meta.dirname, '../fixtures/translation/xliff/okapi/RB-11-Test01.xlf'))
    const job = await importFile(rb)
    expect(job.error).toMatchObject({ code: 'xliff_version_unsupported' })
    expect(job.error?.message).toMatch(/XLIFF 1\.1/)
  })
})
