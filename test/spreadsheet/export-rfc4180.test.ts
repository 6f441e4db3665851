// Exports of texts that spreadsheets and CSV readers trip over — line breaks (LF, CRLF, a leading
// CR), text that looks like a formula ("=1+1", "@SUM(…)", "'=" typed on purpose), Chinese, HTML —
// are read back by independent RFC 4180 readers with one record per product, and Vetrina imports
// every export it writes (CSV in both styles, XLSX) back unchanged.
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core.ts'
import { neutralizeFormula } from '../../shared/domain/spreadsheet/formula-guard.ts'
import { fixture, openCore } from './helpers.ts'
import { cellsOf } from './read-helpers.ts'
import { readStrict, readWithPython } from './rfc4180.ts'

let core: Core
afterEach(async () => {
  await core?.close()
})

const PRODUCTS = 240

/** Texts per product: every 12th product carries one of the hostile cases, the rest ordinary multi-line copy. */
function textsFor(i: number): { title: string; shortDescription: string; description: string; zh: string } {
  const hostile = [
    { title: '=1+1', shortDescription: 'Prezzo\n=1+1\n@SUM(A1:A9)' },
    { title: "'=HYPERLINK(\"http://x\")", shortDescription: "''=due apostrofi" },
    { title: '@SUM(A1:A9)', shortDescription: '-2+3 non è un numero' },
    { title: '\r=1+1 titolo con CR', shortDescription: '\rriga dopo un CR' },
    { title: '\t=tab davanti', shortDescription: 'fine riga Windows\r\ndopo CRLF' },
    { title: "'Nduja di Spilinga", shortDescription: '+39 055 123456' },
    { title: 'Olio "extra" vergine; 0,5 L', shortDescription: 'virgola, punto e virgola; "virgolette"' },
    { title: '基安蒂经典 红葡萄酒', shortDescription: '750毫升\n产地：托斯卡纳' },
    { title: 'Riga con\nritorno a capo', shortDescription: 'tre\nrighe\ndi testo' },
    { title: '-', shortDescription: '=' },
    { title: '12345', shortDescription: '-12,5' },
    { title: 'Ultima', shortDescription: '\n\nrighe vuote in mezzo\n\n=fine' }
  ]
  const h = i % 12 === 0 ? hostile[(i / 12) % hostile.length] : null
  return {
    title: h?.title ?? `Prodotto ${i} – Chianti Classico DOCG`,
    shortDescription: h?.shortDescription ?? `Riga uno del prodotto ${i}.\nRiga due: affinato 12 mesi.\nRiga tre.`,
    description: `<p>Descrizione del prodotto ${i}</p>\n<p>Seconda riga con <strong>grassetto</strong> e =SOMMA(A1)</p>`,
    zh: `产品 ${i}\n第二行`
  }
}

async function seed(c: Core): Promise<void> {
  const api = c.api()
  for (let i = 0; i < PRODUCTS; i++) {
    const t = textsFor(i)
    await api.catalog.createProduct({
      sku: `P-${String(i).padStart(4, '0')}`,
      texts: { it: { title: t.title, shortDescription: t.shortDescription, description: t.description, keywords: ['vino', i % 12 === 0 ? '=parola' : 'rosso'] }, 'zh-CN': { title: t.zh } },
      trade: { moq: 1 + i }
    })
  }
}

async function exportTo(c: Core, input: { format: 'csv' | 'xlsx'; csvLocale?: 'it' | 'en' }): Promise<string> {
  const { jobId } = await c.api().spreadsheet.exportCatalog(input)
  await c.s.jobs.whenIdle()
  const job = await c.api().jobs.get({ id: jobId })
  expect(job.state).toBe('done')
  return (job.result as { download: { path: string } }).download.path
}

async function snapshot(c: Core) {
  const items = (await c.api().catalog.listProducts({ limit: 500 })).items
  return Promise.all(items.map(async (p) => {
    const full = await c.api().catalog.getProduct({ id: p.id })
    return { sku: full.sku, version: full.version, texts: full.texts }
  }))
}

async function reimport(c: Core, path: string) {
  const api = c.api()
  const file = { kind: 'path' as const, path }
  const inspection = await api.spreadsheet.inspect({ file })
  const { jobId } = await api.spreadsheet.importFile({ file, read: inspection.read, columns: inspection.columns })
  await c.s.jobs.whenIdle()
  return api.jobs.get({ id: jobId })
}

describe('CSV export read by independent RFC 4180 readers', () => {
  it.each([
    { csvLocale: 'it' as const, delimiter: ';' },
    { csvLocale: 'en' as const, delimiter: ',' }
  ])('$csvLocale: one record per product, every text exactly as stored (formulas neutralised)', async ({ csvLocale, delimiter }) => {
    core = openCore()
    await seed(core)
    const path = await exportTo(core, { format: 'csv', csvLocale })
    const python = readWithPython(path, delimiter)
    const strict = readStrict(path, delimiter)
    expect(python.length).toBe(PRODUCTS + 1)
    expect(strict.length).toBe(PRODUCTS + 1)
    expect(strict).toEqual(python)
    const header = python[0]
    const col = (name: string) => header.indexOf(name)
    for (let i = 0; i < PRODUCTS; i++) {
      const row = python[i + 1]
      const t = textsFor(i)
      expect(row[col('sku')]).toBe(`P-${String(i).padStart(4, '0')}`)
      expect(row[col('title/it')], `title of product ${i}`).toBe(neutralizeFormula(t.title))
      expect(row[col('shortDescription/it')], `short description of product ${i}`).toBe(neutralizeFormula(t.shortDescription))
      expect(row[col('title/zh-CN')]).toBe(t.zh)
    }
    // No line of the file starts a formula: every "=…" sits inside a quoted, apostrophe-prefixed field.
    for (const row of python) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]/)
  })
})

describe('every export imports back unchanged', () => {
  it.each([
    { format: 'csv' as const, csvLocale: 'it' as const },
    { format: 'csv' as const, csvLocale: 'en' as const },
    { format: 'xlsx' as const }
  ])('$format $csvLocale', async (input) => {
    core = openCore()
    await seed(core)
    const before = await snapshot(core)
    const path = await exportTo(core, input)
    const job = await reimport(core, path)
    expect(job.state).toBe('done')
    expect(job.result).toMatchObject({ rows: PRODUCTS, unchanged: PRODUCTS, created: 0, updated: 0, rejected: 0 })
    expect(await snapshot(core)).toEqual(before)
  })

  it('XLSX keeps a leading carriage return and the apostrophe of a text that starts with one', async () => {
    core = openCore()
    await seed(core)
    const rows = await cellsOf(await exportTo(core, { format: 'xlsx' }))
    const header = rows[0] as string[]
    const bySku = (sku: string) => rows.find((r) => r[0] === sku)!
    expect(bySku('P-0036')[header.indexOf('title/it')]).toBe("'\r=1+1 titolo con CR")
    expect(bySku('P-0012')[header.indexOf('title/it')]).toBe("''=HYPERLINK(\"http://x\")")
  })
})

describe('the rejected-rows file of a CSV saved by LibreOffice with multi-line cells', () => {
  it('quotes every line break: an RFC 4180 reader sees one record per rejected row, and Vetrina reads the same rows back', async () => {
    core = openCore()
    const api = core.api()
    const file = { kind: 'path' as const, path: fixture('libreoffice', 'listino-multiriga.csv') }
    const columns = [
      { index: 0, header: 'Codice', target: 'sku' }, { index: 1, header: 'Titolo', target: 'title/it' },
      { index: 2, header: 'Descrizione breve', target: 'shortDescription/it' }, { index: 3, header: 'Prezzo', target: 'trade/price' }
    ]
    const { importId, jobId } = await api.spreadsheet.importFile({ file, columns, mode: 'valid-rows' })
    await core.s.jobs.whenIdle()
    expect((await api.jobs.get({ id: jobId })).result).toMatchObject({ rows: 12, created: 9, rejected: 3 })
    const rejected = (await api.spreadsheet.rejectedFile({ importId })).path!
    const records = readWithPython(rejected, ';')
    expect(records.length).toBe(4)
    expect(readStrict(rejected, ';')).toEqual(records)
    expect(records.slice(1).map((r) => r[0])).toEqual(['VIN-004', 'VIN-008', 'VIN-011'])
    expect(records[1][2]).toBe('Prima riga del prodotto 4.\nSeconda riga: 12 mesi in botte.')
    expect(records[0][4]).toBe('Vetrina: problemi da correggere')

    const again = await api.spreadsheet.dryRun({ file: { kind: 'path', path: rejected }, columns })
    await core.s.jobs.whenIdle()
    const report = await api.spreadsheet.report({ importId: again.importId })
    expect(report.summary).toMatchObject({ rows: 3, rejected: 3 })
    expect(report.items.map((r) => r.sku)).toEqual(['VIN-004', 'VIN-008', 'VIN-011'])
  })
})
