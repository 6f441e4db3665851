// npm run bench:catalog [-- --products 100000]
// Builds a realistic 100k-product catalogue through the real core, then measures search and list
// latency (p50/p95) through the contract, next to the same queries on a bare SQLite baseline
// (trigram FTS5 for 3+ characters, LIKE for shorter ones) built in the same run.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { Core } from '../../electron/core/core.ts'
import { MemorySecretStore } from '../../electron/core/platform/secrets.ts'
import { searchBody } from '../../electron/core/catalog/search-text.ts'
import { rng, sampleProduct } from './sample-catalog.ts'

const { values } = parseArgs({ options: { products: { type: 'string', default: '100000' }, reps: { type: 'string', default: '40' }, keep: { type: 'string' } } })
const N = Number(values.products)
const REPS = Number(values.reps)
const TARGET_MS = 10

// --keep DIR reuses (or leaves behind) a built catalogue, to iterate on query plans quickly.
const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'vetrina-bench-catalog-'))
const reuse = !!values.keep && existsSync(join(dir, 'baseline.sqlite'))
const core = Core.open({ dataDir: dir, logFile: null, secrets: new MemorySecretStore(), startJobs: false })
const api = core.api()

console.log(`Building a catalogue of ${N.toLocaleString('en')} products in ${dir} …`)
const cats: string[] = reuse ? (await api.catalog.listCategories({})).items.map((c) => c.id) : []
if (!reuse) for (const name of ['Vini rossi', 'Vini bianchi', 'Oli', 'Pelletteria', 'Ceramiche', 'Cosmetici']) cats.push((await api.catalog.createCategory({ name: { it: name } })).id)
const random = rng(42)
const samples = Array.from({ length: N }, (_, i) => sampleProduct(i, random, cats))
let t0 = performance.now()
const BATCH = 2000
for (let i = 0; i < (reuse ? 0 : N); i += BATCH) {
  core.s.db.transaction(() => {
    for (const p of samples.slice(i, i + BATCH)) core.s.products.create(p as never, { source: 'import', emit: false })
  })()
}
const buildSec = (performance.now() - t0) / 1000
console.log(`  built in ${buildSec.toFixed(1)} s (${Math.round(N / buildSec).toLocaleString('en')} products/s through validation, history and both search indexes)`)
core.s.db.pragma('optimize')

// Bare baseline: the same texts in one table with a trigram index; short queries use LIKE.
const base = new Database(join(dir, 'baseline.sqlite'))
base.pragma('journal_mode = WAL')
if (!reuse) base.exec(`CREATE TABLE items (id INTEGER PRIMARY KEY, sku TEXT NOT NULL, body TEXT NOT NULL, updated TEXT NOT NULL);
  CREATE INDEX items_updated ON items(updated, id);
  CREATE VIRTUAL TABLE items_fts USING fts5(sku, body, content='items', content_rowid='id', tokenize='trigram remove_diacritics 1');`)
t0 = performance.now()
const ins = reuse ? null! : base.prepare('INSERT INTO items (id, sku, body, updated) VALUES (?, ?, ?, ?)')
if (!reuse) {
  base.transaction(() => {
    samples.forEach((p, i) => ins.run(i + 1, p.sku, searchBody(p.texts as never), new Date(1_700_000_000_000 + i * 1000).toISOString()))
  })()
  base.exec("INSERT INTO items_fts(items_fts) VALUES ('rebuild')")
}
console.log(`  baseline built in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

const baseTri = base.prepare('SELECT i.id, i.sku FROM items i WHERE i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?) ORDER BY i.updated DESC LIMIT 100')
const baseLike = base.prepare("SELECT id, sku FROM items WHERE body LIKE ? OR sku LIKE ? ORDER BY updated DESC LIMIT 100")
const baseList = base.prepare('SELECT id, sku FROM items ORDER BY updated DESC LIMIT 100')
const baseDeep = base.prepare('SELECT id, sku FROM items WHERE updated < ? ORDER BY updated DESC LIMIT 100')

function baseline(q: string): number {
  if (!q) return baseList.all().length
  const terms = q.split(/\s+/)
  if (terms.every((x) => [...x].length >= 3)) return baseTri.all(terms.map((x) => `"${x}"`).join(' AND ')).length
  return baseLike.all(`%${q}%`, `%${q}%`).length
}

interface Case {
  group: string
  query: string
  extra?: Record<string, unknown>
}
const cases: Case[] = [
  ...['chianti', 'olio extravergine', 'maiolica', 'pelle', 'toscano 2019', 'artigianale'].map((query) => ({ group: 'Italian', query })),
  ...['olive oil', 'red wine', 'leather', 'face cream', 'hand-painted'].map((query) => ({ group: 'English', query })),
  ...['橄榄油', '葡萄酒', '真皮托特包', '马约利卡'].map((query) => ({ group: 'Chinese 3+ chars', query })),
  ...['红葡', '钱包', '陶瓷', '面霜', '油'].map((query) => ({ group: 'Chinese 1–2 chars', query })),
  { group: 'List page (no query)', query: '' },
  { group: 'List page (no query)', query: '', extra: { sort: 'sku', direction: 'asc' } },
  { group: 'List page (no query)', query: '', extra: { status: ['ready'] } },
  { group: 'List page (no query)', query: '', extra: { categoryId: cats[2] } },
  { group: 'List page (no query)', query: '', extra: { missingLocale: 'zh-CN' } }
]

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

const byGroup = new Map<string, { v: number[]; b: number[]; hits: number[] }>()
for (const c of cases) {
  const g = byGroup.get(c.group) ?? { v: [], b: [], hits: [] }
  byGroup.set(c.group, g)
  const input = { query: c.query, limit: 100, ...c.extra }
  for (let r = 0; r < 3; r++) {
    await core.call('catalog.listProducts', input)
    baseline(c.query)
  }
  let hits = 0
  for (let r = 0; r < REPS; r++) {
    let s = performance.now()
    const res = await core.call('catalog.listProducts', input)
    g.v.push(performance.now() - s)
    if (!res.ok) throw new Error(res.error.message)
    hits = (res.value as { total: number }).total
    s = performance.now()
    baseline(c.query)
    g.b.push(performance.now() - s)
  }
  g.hits.push(hits)
}

// Deep paging: follow the cursor 20 pages in.
{
  const g = { v: [] as number[], b: [] as number[], hits: [N] }
  let cursor: string | null = null
  let lastUpdated = new Date(1_700_000_000_000 + N * 1000).toISOString()
  for (let page = 0; page < 60; page++) {
    let s = performance.now()
    const res = await core.call('catalog.listProducts', { limit: 100, cursor })
    if (page >= 3) g.v.push(performance.now() - s)
    cursor = (res as { value: { nextCursor: string } }).value.nextCursor
    s = performance.now()
    const rows = baseDeep.all(lastUpdated) as { id: number }[]
    if (page >= 3) g.b.push(performance.now() - s)
    lastUpdated = new Date(1_700_000_000_000 + (rows.at(-1)?.id ?? 1) * 1000).toISOString()
  }
  byGroup.set('List page (keyset, deep)', g)
}

const rows: string[][] = [['Query class', 'Vetrina p50', 'Vetrina p95', 'Baseline p50', 'Baseline p95', 'p95 ratio', 'Matches', 'Target p95 ≤ 10 ms']]
for (const [group, g] of byGroup) {
  const vp95 = pct(g.v, 95)
  const bp95 = pct(g.b, 95)
  const isSearch = !group.startsWith('List')
  rows.push([
    group,
    `${pct(g.v, 50).toFixed(2)} ms`,
    `${vp95.toFixed(2)} ms`,
    `${pct(g.b, 50).toFixed(2)} ms`,
    `${bp95.toFixed(2)} ms`,
    `${(vp95 / bp95).toFixed(2)}×`,
    g.hits.map((h) => h.toLocaleString('en')).join('/'),
    isSearch ? (vp95 <= TARGET_MS ? 'met' : 'MISSED') : vp95 <= TARGET_MS ? 'met' : '—'
  ])
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)))
console.log(`\nCatalogue of ${N.toLocaleString('en')} products; ${REPS} runs per query; page size 100; measured through the contract (validation included), in-process.\n`)
for (const [i, r] of rows.entries()) {
  console.log(`| ${r.map((c, j) => c.padEnd(widths[j])).join(' | ')} |`)
  if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
}

base.close()
await core.close()
if (!values.keep) rmSync(dir, { recursive: true, force: true })
