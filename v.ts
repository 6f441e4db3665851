import { readFileSync, readdirSync } from 'node:fs'
import { parseXml } from './electron/core/translation/xml/xml.ts'
import { validateXliff20 } from './electron/core/translation/xliff/validate20.ts'
const base = 'test/fixtures/translation/xliff/xliff20-oasis/'
for (const dir of ['core/valid', 'core/invalid', 'core/in-out', 'modules/valid', 'modules/invalid']) {
  const expectValid = !dir.endsWith('invalid')
  let ok = 0, bad: string[] = []
  for (const f of readdirSync(base + dir).filter((f) => f.endsWith('.xlf'))) {
    let problems: string[] = []
    try { problems = validateXliff20(parseXml(readFileSync(base + dir + '/' + f)).root).map((p) => `${p.line}: ${p.message}`) } catch (e) { problems = ['XML: ' + (e as Error).message] }
    if ((problems.length === 0) === expectValid) ok++
    else bad.push(`${f}: ${problems.slice(0, 3).join(' | ')}`)
  }
  console.log(`${dir}: ${ok} ok, ${bad.length} wrong`)
  for (const b of bad) console.log('   ', b.slice(0, 300))
}
