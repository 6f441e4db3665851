// npm run conformance:xliff [-- --suites DIR]
// Scores Vetrina's XLIFF reader on the OASIS XLIFF test suites: every file of a "valid" or "in-out"
// folder must be read without error, every file of an "invalid" folder refused. The 2.0 suite ships
// with the tests (test/fixtures/translation/xliff/xliff20-oasis, MIT via Microsoft's XLIFF2 object
// model). The 2.1 and 2.2 suites live in the OASIS XLIFF TC's repository and are under the OASIS IPR
// policy rather than a permissive licence, so they are not copied into Vetrina: clone
// github.com/oasis-tcs/xliff-xliff-22 and pass its folder with --suites (or XLIFF_SUITES=DIR).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseXml } from '../../electron/core/translation/xml/xml.ts'
import { readXliff } from '../../electron/core/translation/xliff/read.ts'
import { validateXliff12 } from '../../electron/core/translation/xliff/validate12.ts'
import { validateXliff20 } from '../../electron/core/translation/xliff/validate20.ts'

const FOLDERS = ['core/valid', 'core/in-out', 'modules/valid', 'core/invalid', 'modules/invalid'] as const

/** The problems Vetrina finds in a file: a parse failure or the validator's violations. */
function check(path: string): string[] {
  try {
    const doc = parseXml(readFileSync(path))
    const version = doc.root.attrs.find((a) => a.local === 'version' && a.uri === '')?.value ?? ''
    const violations = (version.startsWith('2') ? validateXliff20(doc.root) : validateXliff12(doc.root)).map((v) => `${v.message} (line ${v.line})`)
    if (violations.length === 0) readXliff(doc.root)
    return violations
  } catch (err) {
    return [`not read: ${(err as Error).message}`]
  }
}

interface Score { folder: string; expected: 'read' | 'refused'; passed: number; total: number; wrong: string[] }

function score(root: string): Score[] {
  const out: Score[] = []
  for (const folder of FOLDERS) {
    const dir = join(root, folder)
    if (!existsSync(dir)) continue
    const files = readdirSync(dir).filter((f) => f.endsWith('.xlf')).sort()
    const expected = folder.endsWith('invalid') ? 'refused' : 'read'
    const wrong: string[] = []
    for (const f of files) {
      const problems = check(join(dir, f))
      if (expected === 'read' && problems.length) wrong.push(`${f}: ${problems[0]}`)
      if (expected === 'refused' && !problems.length) wrong.push(`${f}: accepted`)
    }
    out.push({ folder, expected, passed: files.length - wrong.length, total: files.length, wrong })
  }
  return out
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const here = resolve(import.meta.dirname, '..')
const suitesDir = argValue('--suites') ?? process.env.XLIFF_SUITES
const suites: Array<{ version: string; root: string | null }> = [
  { version: '2.0', root: join(here, 'fixtures/translation/xliff/xliff20-oasis') },
  { version: '2.1', root: suitesDir ? resolve(suitesDir, 'xliff-21/test-suite') : null },
  { version: '2.2', root: suitesDir ? resolve(suitesDir, 'xliff-22/test-suite') : null }
]

let failures = 0
for (const { version, root } of suites) {
  if (!root || !existsSync(root)) {
    console.log(`XLIFF ${version}: suite not available here — clone github.com/oasis-tcs/xliff-xliff-22 and run: npm run conformance:xliff -- --suites <clone>`)
    continue
  }
  const scores = score(root)
  const valid = scores.filter((s) => s.expected === 'read')
  const invalid = scores.filter((s) => s.expected === 'refused')
  const sum = (list: Score[], k: 'passed' | 'total') => list.reduce((n, s) => n + s[k], 0)
  console.log(`XLIFF ${version}: valid accepted ${sum(valid, 'passed')}/${sum(valid, 'total')}, invalid refused ${sum(invalid, 'passed')}/${sum(invalid, 'total')}  (${root})`)
  for (const s of scores) {
    console.log(`  ${s.folder.padEnd(16)} ${s.expected === 'read' ? 'read   ' : 'refused'} ${s.passed}/${s.total}`)
    for (const w of s.wrong) console.log(`    ✗ ${w}`)
    failures += s.wrong.length
  }
}
console.log(failures === 0 ? 'Every file scored as the suites expect.' : `${failures} file(s) not scored as the suites expect (see ✗ above).`)
