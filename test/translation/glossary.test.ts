import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCore, seedWinery, type TestCore } from './helpers.ts'

let t: TestCore
beforeEach(() => {
  t = openCore()
})
afterEach(async () => {
  await t.close()
})

const TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>Vetrina test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <descrip type="definition">Olive oil of the highest grade</descrip>
      <langSec xml:lang="it"><termSec><term>olio extra vergine di oliva</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>extra virgin olive oil</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        <termSec><term>EVOO</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec>
      <langSec xml:lang="zh-CN"><termSec><term>特级初榨橄榄油</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="c2">
      <descrip type="translate">no</descrip>
      <langSec xml:lang="it"><termSec><term>Chianti Classico</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="c3">
      <langSec xml:lang="en"><termSec><term>orphan</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>`

describe('glossary', () => {
  it('imports TBX: preferred, forbidden (deprecated) and do-not-translate terms', async () => {
    const file = join(t.dir, 'terms.tbx')
    writeFileSync(file, TBX)
    const r = await t.api.translation.importGlossary({ file: { kind: 'path', path: file } })
    expect(r).toMatchObject({ imported: 4, updated: 0 })
    expect(r.problems.map((p) => p.code)).toEqual(['tbx_no_italian'])
    const en = await t.api.translation.listTerms({ targetLang: 'en' })
    expect(en.items.map((x) => [x.kind, x.source, x.target])).toEqual(expect.arrayContaining([
      ['preferred', 'olio extra vergine di oliva', 'extra virgin olive oil'],
      ['forbidden', 'olio extra vergine di oliva', 'EVOO'],
      ['dnt', 'Chianti Classico', '']
    ]))
    // Importing again updates instead of duplicating.
    const again = await t.api.translation.importGlossary({ file: { kind: 'path', path: file } })
    expect(again).toMatchObject({ imported: 0, updated: 4 })
  })

  it('imports CSV with ; separators and reports bad rows', async () => {
    const file = join(t.dir, 'terms.csv')
    writeFileSync(file, 'source;target;kind;note\nvino rosso;red wine;preferred;\nMade in Italy;;dnt;\n;champagne;forbidden;protected name\nborsa;bag;boh;\n')
    const r = await t.api.translation.importGlossary({ file: { kind: 'path', path: file }, targetLang: 'en' })
    expect(r).toMatchObject({ imported: 3 })
    expect(r.problems).toEqual([expect.objectContaining({ code: 'csv_unknown_kind', line: 5 })])
    await expect(t.api.translation.importGlossary({ file: { kind: 'path', path: file } })).rejects.toMatchObject({ code: 'validation' })
  })

  it('highlights terms in the source and feeds QA', async () => {
    const { chianti } = await seedWinery(t.api)
    await t.api.translation.saveTerm({ sourceLang: 'it', targetLang: '*', kind: 'dnt', source: 'Chianti Classico' })
    await t.api.translation.saveTerm({ sourceLang: 'it', targetLang: 'en', kind: 'forbidden', source: '', target: 'Chianti wine' })
    const unit = await t.api.translation.getUnit({ productId: chianti.id, field: 'title', locale: 'en' })
    expect(unit.terms).toEqual([expect.objectContaining({ kind: 'dnt', index: 0, length: 'Chianti Classico'.length })])
    const saved = await t.api.translation.saveUnit({ productId: chianti.id, field: 'title', locale: 'en', text: 'Chianti wine DOCG 2021 0.75 L' })
    expect(saved.qa.map((q) => q.code).sort()).toEqual(['dnt', 'forbidden'])
  })

  it('refuses invalid terms and hostile TBX files', async () => {
    await expect(t.api.translation.saveTerm({ sourceLang: 'it', targetLang: 'en', kind: 'preferred', source: 'vino' })).rejects.toMatchObject({ code: 'validation' })
    const file = join(t.dir, 'xxe.tbx')
    writeFileSync(file, '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx><text><body>&x;</body></text></tbx>')
    await expect(t.api.translation.importGlossary({ file: { kind: 'path', path: file } })).rejects.toMatchObject({ code: 'translation_xml_dtd' })
    expect((await t.api.translation.listTerms({})).items).toEqual([])
    const huge = join(t.dir, 'huge.tbx')
    writeFileSync(huge, Buffer.alloc(33 * 1024 * 1024, 0x20))
    await expect(t.api.translation.importGlossary({ file: { kind: 'path', path: huge } })).rejects.toMatchObject({ code: 'file_too_large' })
  })
})
