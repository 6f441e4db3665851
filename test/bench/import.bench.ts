// npm run bench:import — imports a 100k-row CSV (Windows-1252, ";" and Italian numbers) and a
// 100k-row XLSX through the real import job (mapping, validation, history, search indexing, one
// transaction), and compares each with a bare better-sqlite3 insert of the same rows into the same
// tables (products, product_texts, product_fts, product_short, and tr_units: every product gets its
// translation units for each target language) run in this process. Prints times,
// ratios (target ≤ 3×) and the peak memory of each run (the file is streamed, never held whole).
import { createWriteStream, mkdtempSync, statSync } from 'node:fs'
import { once } from 'node:events'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { Core } from '../../electron/core/core.ts'
import { searchBody, shortTokens } from '../../electron/core/catalog/search-text.ts'
import { sortTitle } from '../../electron/core/catalog/product-store.ts'
import { newId } from '../../electron/core/platform/clock.ts'
import { openDatabase } from '../../electron/core/store/db.ts'
import { XlsxWriter } from '../../electron/core/spreadsheet/write/xlsx-writer.ts'

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000)
const TARGET_RATIO = 3
const dir = mkdtempSync(join(tmpdir(), 'vetrina-bench-import-'))

const HEADER = ['Codice', 'Descrizione', 'Descrizione inglese', 'Descrizione estesa', 'Prezzo', 'Quantità minima', 'Peso netto (kg)', 'Unità', 'Codice doganale', 'Regione', 'Certificazioni']
const KINDS = [
  { it: 'Chianti Classico DOCG', en: 'Chianti Classico DOCG red wine', unit: 'bottiglia', hs: '2204.21', region: 'Toscana', cert: 'DOCG' },
  { it: 'Olio extravergine di oliva', en: 'Extra virgin olive oil', unit: 'latta', hs: '1509.20', region: 'Puglia', cert: 'DOP, biologico' },
  { it: 'Borsa in pelle pieno fiore', en: 'Full-grain leather bag', unit: 'pezzo', hs: '4202.21', region: 'Toscana', cert: '' },
  { it: 'Piatto in ceramica dipinto a mano', en: 'Hand-painted ceramic plate', unit: 'pezzo', hs: '6912.00', region: 'Umbria', cert: '' },
  { it: 'Pecorino Toscano stagionato', en: 'Aged Tuscan pecorino cheese', unit: 'kg', hs: '0406.90', region: 'Toscana', cert: 'DOP' }
]

interface BenchRow {
  sku: string
  it: string
  en: string
  description: string
  price: number
  moq: number
  weight: number
  unit: string
  hs: string
  region: string
  cert: string
}

function rows(): BenchRow[] {
  let seed = 42
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
  return Array.from({ length: ROWS }, (_, i) => {
    const k = KINDS[i % KINDS.length]
    const year = 2015 + (i % 9)
    return {
      sku: `VT-${String(i).padStart(6, '0')}`,
      it: `${k.it} ${year} n. ${i}`,
      en: `${k.en} ${year} no. ${i}`,
      description: `${k.it} prodotto in ${k.region} secondo tradizione. Lotto ${i}, annata ${year}. Confezionato a mano, spedizione da Livorno.`,
      price: Math.round((2 + rand() * 1500) * 100) / 100,
      moq: 1 + Math.floor(rand() * 500),
      weight: Math.round((0.1 + rand() * 20) * 1000) / 1000,
      unit: k.unit, hs: k.hs, region: k.region, cert: k.cert
    }
  })
}

const itNumber = (n: number) => n.toLocaleString('it-IT', { maximumFractionDigits: 3 })

async function writeCsv(data: BenchRow[], path: string): Promise<void> {
  const out = createWriteStream(path)
  const enc = (s: string) => iconv.encode(s, 'windows-1252')
  out.write(enc(`${HEADER.join(';')}\r\n`))
  for (const r of data) {
    const line = [r.sku, r.it, r.en, r.description, itNumber(r.price), String(r.moq), itNumber(r.weight), r.unit, r.hs, r.region, r.cert].join(';')
    if (!out.write(enc(`${line}\r\n`))) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

async function writeXlsx(data: BenchRow[], path: string): Promise<void> {
  const w = new XlsxWriter(path, 'Listino')
  await w.addRow(HEADER)
  for (const r of data) await w.addRow([r.sku, r.it, r.en, r.description, r.price, r.moq, r.weight, r.unit, r.hs, r.region, r.cert])
  await w.close()
}

/** The same rows straight into the same tables with better-sqlite3, search indexes included. */
function baseline(data: BenchRow[]): number {
  const db = openDatabase(join(mkdtempSync(join(dir, 'base-')), 'catalog.sqlite'))
  const insert = db.prepare(
    `INSERT INTO products (id, sku, status, category_id, family_id, parent_id, data, sort_title, version, usn, created_at, updated_at)
     VALUES (?, ?, 'draft', NULL, NULL, NULL, ?, ?, 1, ?, ?, ?)`
  )
  const text = db.prepare('INSERT INTO product_texts (product_id, locale, field, value, updated_at) VALUES (?, ?, ?, ?, ?)')
  const fts = db.prepare('INSERT INTO product_fts (rowid, sku, body) VALUES (?, ?, ?)')
  const short = db.prepare('INSERT INTO product_short (rowid, tokens) VALUES (?, ?)')
  const unit = db.prepare(`INSERT INTO tr_units (product_id, field, locale, status, base_source, origin, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  let lastUsn = 0
  const t0 = performance.now()
  db.transaction(() => {
    const now = new Date().toISOString()
    for (const r of data) {
      const id = newId('p')
      const texts = { it: { title: r.it, description: r.description }, en: { title: r.en } }
      const payload = JSON.stringify({
        variantAxes: [], axes: {}, attributes: {},
        trade: { moq: r.moq, sellingUnit: 'bottle', ladder: [{ minQty: r.moq, price: r.price }] },
        logistics: { netWeight: { value: r.weight, unit: 'kg' }, hsCode: r.hs }, origin: { region: r.region, certifications: r.cert ? r.cert.split(', ') : [] }
      })
      const usn = ++lastUsn
      insert.run(id, r.sku, payload, sortTitle(texts), usn, now, now)
      text.run(id, 'it', 'title', r.it, now)
      text.run(id, 'it', 'description', r.description, now)
      text.run(id, 'en', 'title', r.en, now)
      const body = searchBody(texts)
      // Both search indexes are keyed by the update sequence number, as ProductStore writes them.
      fts.run(usn, r.sku, body)
      short.run(usn, shortTokens(`${r.sku} ${body}`))
      // The Italian title and description, to translate into English (the title is given) and Chinese.
      unit.run(id, 'title', 'en', 'translated', r.it, 'import', now)
      unit.run(id, 'description', 'en', 'new', null, null, now)
      unit.run(id, 'title', 'zh-CN', 'new', null, null, now)
      unit.run(id, 'description', 'zh-CN', 'new', null, null, now)
    }
  })()
  const ms = performance.now() - t0
  db.close()
  return ms
}

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** `liveHeap`: sample the heap after a forced GC (what the import really keeps), untimed. */
async function importRun(path: string, liveHeap = false): Promise<{ ms: number; peakRssMb: number; peakHeapMb: number; summary: unknown }> {
  const core = Core.open({ dataDir: mkdtempSync(join(dir, 'core-')), logFile: null, lock: false })
  const api = core.api()
  const file = { kind: 'path' as const, path }
  const inspection = await api.spreadsheet.inspect({ file })
  const columns = inspection.columns.map(({ confidence: _c, ...c }) => c)
  let peakRss = process.memoryUsage().rss
  let peakHeap = process.memoryUsage().heapUsed
  if (liveHeap) gc()
  const heapBefore = process.memoryUsage().heapUsed
  const sampler = setInterval(() => {
    if (liveHeap) gc()
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed)
  }, liveHeap ? 250 : 20)
  const t0 = performance.now()
  const { jobId } = await api.spreadsheet.importFile({ file, read: inspection.read, columns })
  // Time the import job alone (not the automatic backup the first products trigger afterwards).
  await new Promise<void>((resolve) => {
    const off = core.events.on('job.progress', (job) => {
      if (job.id === jobId && ['done', 'failed', 'cancelled'].includes(job.state)) {
        off()
        resolve()
      }
    })
  })
  const ms = performance.now() - t0
  clearInterval(sampler)
  const job = await api.jobs.get({ id: jobId })
  if (job.state !== 'done') throw new Error(`import ${job.state}: ${job.error?.message}`)
  const total = (await api.catalog.stats()).total
  if (total !== ROWS) throw new Error(`expected ${ROWS} products, found ${total}`)
  // The baseline writes four translation units per product: check the import wrote the same.
  const units = (core.s.db.prepare('SELECT count(*) AS n FROM tr_units').get() as { n: number }).n
  if (units !== 4 * ROWS) throw new Error(`expected ${4 * ROWS} translation units, found ${units}`)
  await core.close()
  return { ms, peakRssMb: peakRss / 1024 / 1024, peakHeapMb: (liveHeap ? peakHeap - heapBefore : peakHeap) / 1024 / 1024, summary: job.result }
}

const data = rows()
const csvPath = join(dir, 'listino.csv')
const xlsxPath = join(dir, 'listino.xlsx')
await writeCsv(data, csvPath)
await writeXlsx(data, xlsxPath)
console.log(`import benchmark: ${ROWS.toLocaleString('en')} rows; CSV ${(statSync(csvPath).size / 1e6).toFixed(1)} MB, XLSX ${(statSync(xlsxPath).size / 1e6).toFixed(1)} MB`)

// The machine is shared and noisy: the baseline runs before, between and after the imports, and
// each import is compared with the median of those runs.
const baselines = [baseline(data)]
console.log(`baseline (bare better-sqlite3 insert + search indexing): ${baselines[0].toFixed(0)} ms`)
const rssBefore = process.memoryUsage().rss / 1024 / 1024
const results: Array<[string, Awaited<ReturnType<typeof importRun>>]> = []
for (const [name, path] of [['CSV', csvPath], ['XLSX', xlsxPath]] as const) {
  const r = await importRun(path)
  results.push([name, r])
  console.log(`${name.padEnd(4)} import: ${r.ms.toFixed(0)} ms; peak RSS ${r.peakRssMb.toFixed(0)} MB (process was ${rssBefore.toFixed(0)} MB before), peak heap ${r.peakHeapMb.toFixed(0)} MB`)
  baselines.push(baseline(data))
  console.log(`baseline again: ${baselines[baselines.length - 1].toFixed(0)} ms`)
}
for (const [name, path] of [['CSV', csvPath], ['XLSX', xlsxPath]] as const) {
  const r = await importRun(path, true)
  console.log(`${name.padEnd(4)} memory kept by the import (heap after forced GC, untimed run): at most ${r.peakHeapMb.toFixed(0)} MB more than before it started`)
}
const median = [...baselines].sort((a, b) => a - b)[1]
console.log(`baseline median of ${baselines.length} runs: ${median.toFixed(0)} ms`)
for (const [name, r] of results) console.log(`${name.padEnd(4)} import = ${(r.ms / median).toFixed(2)}× baseline (target ≤ ${TARGET_RATIO}×)`)
const worst = Math.max(...results.map(([, r]) => r.ms / median))
console.log(worst <= TARGET_RATIO ? `PASS: worst ratio ${worst.toFixed(2)}× ≤ ${TARGET_RATIO}×` : `OVER TARGET: worst ratio ${worst.toFixed(2)}× > ${TARGET_RATIO}×`)
