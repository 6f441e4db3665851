// XLIFF conformance on the OASIS XLIFF 2.0 test suite and the locize/xliff 1.2/2.0 pairs
// (copied into test/fixtures/translation/xliff, see SOURCES.md there).
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseXml, serializeXml } from '../../electron/core/translation/xml/xml.ts'
import { validateXliff20, fragmentProblem } from '../../electron/core/translation/xliff/validate20.ts'
import { validateXliff12 } from '../../electron/core/translation/xliff/validate12.ts'
import { partsText, readXliff } from '../../electron/core/translation/xliff/read.ts'

const ROOT = join(import.meta.dirname, '../fixtures/translation/xliff')
const OASIS = join(ROOT, 'xliff20-oasis')
const files = (dir: string) => readdirSync(join(OASIS, dir)).filter((f) => f.endsWith('.xlf')).sort()

function validate(bytes: Buffer) {
  const doc = parseXml(bytes)
  const version = doc.root.attrs.find((a) => a.local === 'version')?.value ?? ''
  return { doc, problems: version.startsWith('2') ? validateXliff20(doc.root) : validateXliff12(doc.root) }
}

describe('OASIS XLIFF 2.0 suite', () => {
  for (const dir of ['core/valid', 'modules/valid', 'core/in-out']) {
    it(`reads every file in ${dir}`, () => {
      const failures: string[] = []
      for (const f of files(dir)) {
        const { problems } = validate(readFileSync(join(OASIS, dir, f)))
        if (problems.length) failures.push(`${f}: ${problems[0].message}`)
      }
      expect(failures).toEqual([])
      expect(files(dir).length).toBeGreaterThan(15)
    })
  }

  for (const dir of ['core/invalid', 'modules/invalid']) {
    it(`rejects every file in ${dir} with a reason`, () => {
      const accepted: string[] = []
      for (const f of files(dir)) {
        const { problems } = validate(readFileSync(join(OASIS, dir, f)))
        if (!problems.length) accepted.push(f)
        for (const p of problems) {
          expect(p.message.length).toBeGreaterThan(10)
          expect(p.line).toBeGreaterThan(0)
        }
      }
      expect(accepted).toEqual([])
    })
  }

  it('names the cause for typical structural errors', () => {
    const reason = (f: string) => validate(readFileSync(join(OASIS, 'core/invalid', f))).problems.map((p) => p.message).join(' | ')
    expect(reason('bad_NoTrgLang.xlf')).toMatch(/trgLang/)
    expect(reason('bad_WrongTargetLang.xlf')).toMatch(/trgLang/)
    expect(reason('bad_FileIdNotUnique.xlf')).toMatch(/file id "1twice" is used twice/)
    expect(reason('bad_SegmentWithoutSource.xlf')).toMatch(/<source>/)
    expect(reason('bad_UnitWithoutSegment.xlf')).toMatch(/segment/)
    expect(reason('bad_EcBeforeSc.xlf')).toMatch(/before/)
  })

  it('writes every valid document back losslessly (parse → serialize → parse gives the same tree)', () => {
    const strip = (n: unknown): unknown => JSON.parse(JSON.stringify(n, (k, v) => (k === 'line' || k === 'column' ? undefined : v)))
    for (const dir of ['core/valid', 'modules/valid', 'core/in-out']) {
      for (const f of files(dir)) {
        const first = parseXml(readFileSync(join(OASIS, dir, f)))
        const again = parseXml(serializeXml(first))
        expect(strip(again.root), `${dir}/${f}`).toEqual(strip(first.root))
        expect(validateXliff20(again.root)).toEqual([])
      }
    }
  })

  it('in-out pairs carry the same text once segments are joined', () => {
    for (const name of ['toJoin1', 'toJoin2', 'toJoin3', 'toJoin4', 'toSegment1', 'toRemoveAnnotations', 'toRemoveExtensions']) {
      const read = (suffix: string) => readXliff(parseXml(readFileSync(join(OASIS, 'core/in-out', `${name}_${suffix}.xlf`))).root)
      // Joining may drop ignorable whitespace and puts reordered segments in target order:
      // compare the characters of each unit, whitespace aside.
      const words = (s: string) => [...s.replace(/\s+/g, '')].sort().join('')
      const text = (d: ReturnType<typeof readXliff>) => d.files.flatMap((f) => f.units.map((u) => [u.id, words(partsText(u.source)), words(partsText(u.target))]))
      expect(text(read('out')), name).toEqual(text(read('in')))
    }
  })

  it('checks fragment identifiers', () => {
    expect(fragmentProblem('#n=n1')).toBeNull()
    expect(fragmentProblem('#/f=f1/u=1/n=n1')).toBeNull()
    expect(fragmentProblem('#/u=u1/f=f1/gls=g1')).toMatch(/after/)
    expect(fragmentProblem('#f=f1/d=d1/u=1')).toMatch(/last/)
    expect(fragmentProblem('#/f=f1/u=1/z=x')).toMatch(/too short/)
  })
})

describe('locize xliff pairs (1.2 and 2.0)', () => {
  const dir = join(ROOT, 'locize')
  const pairs = readdirSync(dir).filter((f) => f.endsWith('.json') && !/_source|_target|_input|_output/.test(f)).map((f) => f.replace('.json', ''))

  // The xliff library writes some documents that are not conformant (ids that are not NMTOKENs,
  // 1.2 attributes such as ctype or rid in 2.0 inline codes, a 1.2 <file> without
  // source-language). The tolerant reader still reads them; the strict validator names the problem.
  const NON_CONFORMANT: Record<string, RegExp> = {
    'example.xliff': /NMTOKEN/, 'example_compact.xliff': /NMTOKEN/, 'example_output_note.xliff': /NMTOKEN/, 'example_comments.xliff': /NMTOKEN/,
    'example_additional_attributes.xliff': /approved/, 'example_empty12.xliff': /no <file>/, 'example_note12.xliff': /source-language/,
    'inline-elements/example_angular.xliff': /datatype/, 'inline-elements/example_standalone_only.xliff': /datatype/,
    'inline-elements/example_generic-span-start-end.xliff': /rid/, 'inline-elements/example_native-span-start-end.xliff': /rid/,
    'inline-elements/example_generic-span.xliff': /ctype/, 'inline-elements/example_native-span.xliff': /ctype/, 'inline-elements/example_standalone.xliff': /ctype/
  }

  it('reads every file; the strict validator accepts the conformant ones and explains the others', () => {
    const all = [...readdirSync(dir), ...readdirSync(join(dir, 'inline-elements')).map((f) => `inline-elements/${f}`)].filter((f) => f.endsWith('.xliff'))
    const verdicts: Record<string, string> = {}
    for (const f of all) {
      const { doc, problems } = validate(readFileSync(join(dir, f)))
      expect(() => readXliff(doc.root), f).not.toThrow()
      if (problems.length) verdicts[f] = problems.map((p) => p.message).join(' | ')
    }
    expect(Object.keys(verdicts).sort()).toEqual(Object.keys(NON_CONFORMANT).sort())
    for (const [f, re] of Object.entries(NON_CONFORMANT)) expect(verdicts[f], f).toMatch(re)
    expect(all.length).toBeGreaterThan(40)
  })

  it('gives the expected source and target per key, in 2.0 and 1.2 alike', () => {
    let compared = 0
    for (const name of pairs) {
      const expected = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { resources: Record<string, Record<string, { source: string; target?: string }>> }
      for (const file of [`${name}.xliff`, `${name.replace(/^example/, 'example')}12.xliff`.replace('example12', 'example12')]) {
        const candidates = [file, name === 'example' ? 'example12.xliff' : `${name}12.xliff`]
        for (const c of candidates) {
          if (!existsSync(join(dir, c))) continue
          const doc = readXliff(parseXml(readFileSync(join(dir, c))).root)
          // Key → [source, target] over all files (namespaces are named differently by some writers).
          const got: string[] = []
          for (const f of doc.files) for (const u of f.units) got.push(JSON.stringify([u.id, partsText(u.source), u.target !== null ? partsText(u.target) : null]))
          const want: string[] = []
          // Units can sit inside groups ({ groupUnits: { … } }): collect every object with a string source.
          const collect = (obj: Record<string, unknown>) => {
            for (const [k, v] of Object.entries(obj)) {
              if (typeof v !== 'object' || v === null) continue
              const u = v as { source?: unknown; target?: unknown }
              if (typeof u.source === 'string') want.push(JSON.stringify([k, u.source, typeof u.target === 'string' ? u.target : null]))
              else collect(v as Record<string, unknown>)
            }
          }
          collect(expected.resources)
          if (!want.length) continue
          expect(got.sort(), c).toEqual(want.sort())
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10)
  })
})
