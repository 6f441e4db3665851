// XLIFF export and import through the core: statuses both ways, stable ids, context notes,
// round trips through a "CAT tool" (string edits of the exported file), per-unit problems and
// hostile files.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { XliffImportReport } from '../../shared/contract/translation.ts'
import { parseXml } from '../../electron/core/translation/xml/xml.ts'
import { validateXliff20 } from '../../electron/core/translation/xliff/validate20.ts'
import { validateXliff12 } from '../../electron/core/translation/xliff/validate12.ts'
import { jobDone, openCore, seedWinery, type TestCore } from './helpers.ts'

let t: TestCore
beforeEach(() => {
  t = openCore()
})
afterEach(async () => {
  await t.close()
})

async function exportXliff(version: '2.0' | '1.2', selection: Record<string, unknown> = {}) {
  const job = await jobDone(t.api, (await t.api.translation.xliffExport({ version, selection })).jobId)
  expect(job.state).toBe('done')
  return (job.result as { files: Array<{ path: string; locale: string; units: number }> }).files
}

async function importXliff(xml: string, opts: { dryRun?: boolean; force?: boolean; name?: string } = {}) {
  const file = join(t.dir, opts.name ?? 'in.xlf')
  writeFileSync(file, xml)
  const job = await jobDone(t.api, (await t.api.translation.xliffImport({ file: { kind: 'path', path: file }, dryRun: opts.dryRun ?? false, force: opts.force ?? false })).jobId)
  return job
}

const report = (job: { result: unknown }) => job.result as XliffImportReport

describe('XLIFF export', () => {
  it('writes valid 2.0 with stable ids, product context, limits, states and inline codes', async () => {
    const { chianti } = await seedWinery(t.api)
    await t.api.translation.saveUnit({ productId: chianti.id, field: 'title', locale: 'en', text: 'Chianti Classico DOCG 2021 0.75 L', status: 'approved' })
    await t.api.catalog.updateProduct({ id: chianti.id, patch: { texts: { it: { title: 'Chianti Classico DOCG 2022 0,75 L' } } } })
    const files = await exportXliff('2.0', { locales: ['en', 'zh-CN'] })
    expect(files.map((f) => [f.locale, f.units])).toEqual([['en', 6], ['zh-CN', 6]])
    const xml = readFileSync(files[0].path, 'utf8')
    expect(validateXliff20(parseXml(xml).root)).toEqual([])
    expect(xml).toContain(`<unit id="${chianti.id}.title" name="CHI-2021-075/title"`)
    expect(xml).toContain('slr:sizeRestriction="128"')
    expect(xml).toContain('Product CHI-2021-075: Chianti Classico DOCG 2022 0,75 L')
    expect(xml).toContain('ASCII characters only')
    expect(xml).toContain('<segment id="s1" state="translated" subState="vetrina:stale">')
    expect(xml).toContain('It was: Chianti Classico DOCG 2021 0,75 L')
    expect(xml).toContain('<pc id="2" dataRefStart="d2s" dataRefEnd="d2e">Chianti Classico</pc>')
    expect(xml).toContain('<data id="d4">&lt;br /&gt;</data>')
  })

  it('writes valid 1.2 with the status mapping on target and trans-unit', async () => {
    const { oil } = await seedWinery(t.api)
    await t.api.translation.saveUnit({ productId: oil.id, field: 'title', locale: 'en', text: 'Extra virgin olive oil 0.5 L', status: 'approved' })
    await t.api.translation.saveUnit({ productId: oil.id, field: 'shortDescription', locale: 'en', text: 'Tuscan PGI oil, 0.5 L bottle.', status: 'reviewed' })
    const [file] = await exportXliff('1.2', { locales: ['en'], productIds: [oil.id] })
    const xml = readFileSync(file.path, 'utf8')
    expect(validateXliff12(parseXml(xml).root)).toEqual([])
    expect(xml).toMatch(/<trans-unit id="[^"]+\.title" resname="EVO-050\/title" maxwidth="128" size-unit="char" approved="yes"/)
    expect(xml).toContain('<target state="final">Extra virgin olive oil 0.5 L</target>')
    expect(xml).toContain('<target state="signed-off">Tuscan PGI oil, 0.5 L bottle.</target>')
  })
})

describe('XLIFF import', () => {
  it('round-trips a 2.0 file edited in a CAT tool: targets, states, markup and foreign content', async () => {
    const { chianti } = await seedWinery(t.api)
    const [file] = await exportXliff('2.0', { locales: ['zh-CN'], productIds: [chianti.id] })
    let xml = readFileSync(file.path, 'utf8')
    const unitBlock = (field: string) => new RegExp(`(<unit id="${chianti.id}\\.${field}"[^>]*>)([\\s\\S]*?)(</unit>)`)
    // The "CAT tool" translates, adds its own attribute, element and note, and keeps the codes.
    xml = xml.replace(unitBlock('title'), (_m, open: string, body: string, close: string) =>
      `${open.replace('>', ' xmlns:cat="urn:example:cat" cat:wordcount="6">')}<cat:stats words="6"/>${body
        .replace('<notes>', '<notes><note category="cat:qa">checked by reviewer</note>')
        .replace('state="initial"', 'state="final"')
        .replace(/<\/source>/, '</source><target>经典基安蒂 DOCG 2021 0.75 L</target>')}${close}`)
    xml = xml.replace(unitBlock('description'), (_m, open: string, body: string, close: string) =>
      `${open}${body.replace('state="initial"', 'state="translated"').replace(/(<source>[\s\S]*?<\/source>)/, (src) => `${src}<target><pc id="1" dataRefStart="d1s" dataRefEnd="d1e">一款优雅的<pc id="2" dataRefStart="d2s" dataRefEnd="d2e">经典基安蒂</pc>。</pc><pc id="3" dataRefStart="d3s" dataRefEnd="d3e">在橡木桶中陈酿12个月。<ph id="4" dataRef="d4"/>Made in Italy。</pc></target>`)}${close}`)
    const dry = await importXliff(xml, { dryRun: true })
    expect(report(dry)).toMatchObject({ dryRun: true, version: '2.0', targetLang: 'zh-CN', applied: 2, rejected: 0 })
    expect((await t.api.catalog.getProduct({ id: chianti.id })).texts['zh-CN']).toBeUndefined()

    const real = await importXliff(xml)
    expect(report(real)).toMatchObject({ applied: 2, rejected: 0, problems: [] })
    const title = await t.api.translation.getUnit({ productId: chianti.id, field: 'title', locale: 'zh-CN' })
    expect(title).toMatchObject({ status: 'approved', origin: 'xliff', target: '经典基安蒂 DOCG 2021 0.75 L' })
    const product = await t.api.catalog.getProduct({ id: chianti.id })
    expect(product.texts['zh-CN']?.description).toBe('<p>一款优雅的<strong>经典基安蒂</strong>。</p><p>在橡木桶中陈酿12个月。<br />Made in Italy。</p>')
    // Exporting again brings the CAT tool's own content back.
    const [again] = await exportXliff('2.0', { locales: ['zh-CN'], productIds: [chianti.id] })
    const out = readFileSync(again.path, 'utf8')
    expect(validateXliff20(parseXml(out).root)).toEqual([])
    expect(out).toContain('cat:wordcount="6"')
    expect(out).toContain('<cat:stats words="6"/>')
    expect(out).toContain('<note category="cat:qa">checked by reviewer</note>')
    expect(out).toContain('state="final"')
    // Importing the unchanged file again changes nothing.
    expect(report(await importXliff(out))).toMatchObject({ applied: 0, unchanged: 2 })
  })

  it('imports 1.2 with the status mapping and marks units stale when the source moved on', async () => {
    const { oil } = await seedWinery(t.api)
    const [file] = await exportXliff('1.2', { locales: ['en'], productIds: [oil.id] })
    let xml = readFileSync(file.path, 'utf8')
    xml = xml.replace(/(<source>Olio extra vergine di oliva 0,5 L<\/source>)/, '$1<target state="needs-review-translation" state-qualifier="mt-suggestion">Extra virgin olive oil 0.5 L</target>')
    xml = xml.replace(/(<source>Olio toscano IGP, bottiglia da 0,5 L.<\/source>)/, '$1<target state="translated">Tuscan PGI olive oil, 0.5 L bottle.</target>')
    await t.api.catalog.updateProduct({ id: oil.id, patch: { texts: { it: { shortDescription: 'Olio toscano IGP, bottiglia da 0,75 L.' } } } })
    const r = report(await importXliff(xml))
    expect(r).toMatchObject({ applied: 2, staleOnImport: 1 })
    expect(r.problems).toEqual([expect.objectContaining({ code: 'source_changed' })])
    expect(await t.api.translation.getUnit({ productId: oil.id, field: 'title', locale: 'en' })).toMatchObject({ status: 'machine', stale: false })
    const sd = await t.api.translation.getUnit({ productId: oil.id, field: 'shortDescription', locale: 'en' })
    expect(sd).toMatchObject({ status: 'translated', stale: true, baseSource: 'Olio toscano IGP, bottiglia da 0,5 L.' })
    expect(sd.sourceDiff).toEqual(expect.arrayContaining([{ op: 'delete', text: '0,5' }, { op: 'insert', text: '0,75' }]))
  })

  it('reports problems per unit and never overwrites stored work with a rejected unit', async () => {
    const { chianti, oil } = await seedWinery(t.api)
    await t.api.translation.saveUnit({ productId: oil.id, field: 'title', locale: 'en', text: 'Extra virgin olive oil 0.5 L' })
    const [file] = await exportXliff('2.0', { locales: ['en'] })
    let xml = readFileSync(file.path, 'utf8')
    const fill = (field: string, pid: string, target: string) => {
      xml = xml.replace(new RegExp(`(<unit id="${pid}\\.${field}"[\\s\\S]*?</source>)(\\s*<target>[\\s\\S]*?</target>)?`), `$1<target>${target}</target>`)
    }
    fill('title', chianti.id, 'Chianti Classico DOCG 2021 0.75 L')
    fill('description', chianti.id, '<pc id="1" dataRefStart="d1s" dataRefEnd="d1e">Broken <pc id="9">tags</pc></pc>')
    fill('shortDescription', chianti.id, 'x'.repeat(2100))
    // Someone changes the oil title in Vetrina after the export: the file's version conflicts.
    await t.api.translation.saveUnit({ productId: oil.id, field: 'title', locale: 'en', text: 'Organic extra virgin olive oil 0.5 L' })
    fill('title', oil.id, 'EVO oil 0.5 L')
    xml = xml.replace('</group>', '</group><group id="ghost"><unit id="p_UNKNOWN.title"><segment><source>x</source><target>y</target></segment></unit></group>')
    const job = await importXliff(xml)
    expect(job.state).toBe('done')
    const r = report(job)
    const byCode = Object.fromEntries(r.problems.map((p) => [p.code, p]))
    expect(r.applied).toBe(1)
    expect(Object.keys(byCode).sort()).toEqual(['broken_markup', 'conflict', 'unknown_unit', 'validation'])
    expect(byCode.unknown_unit.unitId).toBe('p_UNKNOWN.title')
    expect(byCode.conflict.message).toMatch(/force/)
    expect((await t.api.translation.getUnit({ productId: oil.id, field: 'title', locale: 'en' })).target).toBe('Organic extra virgin olive oil 0.5 L')
    expect((await t.api.translation.getUnit({ productId: chianti.id, field: 'description', locale: 'en' })).target).toBe('')
    expect((await t.api.translation.getUnit({ productId: chianti.id, field: 'title', locale: 'en' })).target).toBe('Chianti Classico DOCG 2021 0.75 L')
    // With force, the conflicting unit is taken from the file.
    const forced = report(await importXliff(xml, { force: true }))
    expect(forced.problems.map((p) => p.code)).not.toContain('conflict')
    expect((await t.api.translation.getUnit({ productId: oil.id, field: 'title', locale: 'en' })).target).toBe('EVO oil 0.5 L')
  })

  it('refuses files in the wrong languages', async () => {
    await seedWinery(t.api)
    const wrongTarget = await importXliff('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="it" trgLang="fr"><file id="f"><unit id="p_X.title"><segment><source>a</source><target>b</target></segment></unit></file></xliff>')
    expect(report(wrongTarget)).toMatchObject({ applied: 0, rejected: 1, problems: [expect.objectContaining({ code: 'wrong_target_language' })] })
    const wrongSource = await importXliff('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN"><file id="f"><unit id="p_X.title"><segment><source>a</source><target>b</target></segment></unit></file></xliff>')
    expect(report(wrongSource).problems[0].code).toBe('wrong_source_language')
  })

  it('refuses hostile, malformed, invalid and huge files with a clear reason', async () => {
    await seedWinery(t.api)
    const xxe = await importXliff('<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xliff version="2.0" srcLang="it"><file id="f"><unit id="u"><segment><source>&xxe;</source></segment></unit></file></xliff>')
    expect(xxe.error).toMatchObject({ code: 'translation_xml_dtd' })
    expect(xxe.error?.message).toMatch(/DTD/)
    const laughs = await importXliff(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><xliff>&lol9;</xliff>`)
    expect(laughs.error?.code).toBe('translation_xml_dtd')
    const deep = await importXliff(`<xliff version="2.0">${'<g>'.repeat(500)}${'</g>'.repeat(500)}</xliff>`)
    expect(deep.error?.message).toMatch(/nested too deeply/)
    const broken = await importXliff('<xliff version="2.0" srcLang="it"><file id="f"><unit id="u"><segment><source>a</segment></unit></file></xliff>')
    expect(broken.error?.code).toBe('xliff_malformed')
    expect(broken.error?.message).toMatch(/line 1/)
    const invalid = await importXliff('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="it"><file id="f"><unit id="u"><segment><source>a</source><target>b</target></segment></unit></file></xliff>')
    expect(invalid.error?.code).toBe('xliff_invalid')
    expect(invalid.error?.message).toMatch(/trgLang/)
    const huge = join(t.dir, 'huge.xlf')
    writeFileSync(huge, Buffer.alloc(101 * 1024 * 1024, 0x20))
    const big = await jobDone(t.api, (await t.api.translation.xliffImport({ file: { kind: 'path', path: huge } })).jobId)
    expect(big.error?.code).toBe('xliff_too_large')
    const notUtf8 = await importXliff('')
    expect(notUtf8.state).toBe('failed')
  })
})
