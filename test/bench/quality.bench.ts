// npm run bench:quality [-- --half A|B] [--show features]
//
// Precision and recall of each photo quality warning on labelled product photos: the Magento
// sample photos in test/fixtures/photos/product-photos (AFL-3.0), labelled by a person looking at
// each one (labels.csv, see its README), plus positives made from them by known degradations and
// labelled by construction, as the README suggests (the real set has no blurry, dark or
// overexposed photo):
//   blurred      Gaussian blur σ 2 px at the size the listing shows (the 1000 px main image)
//   darker       −2 EV (linear light × 0.25)                                → too_dark
//   brighter     +2 EV (linear light × 4, clipped)                          → overexposed
//   cut          cut through the middle of the product (a vertical cut at the centre of the
//                non-white area, on the left or the right side)             → touches_edge
//   small        600 px on the long side (below the pavilion's 640)         → too_small
//   copy         85 % size, re-encoded at quality 70                        → near-duplicate of its source
// Each made photo keeps its source's other labels. The photos are split by product into two
// halves: the thresholds were calibrated looking at half A only; half B is the check.
//
// Every photo goes through the real photo engine (decode, working image, analysis picture,
// measurements) and the real warning rules, with the default presets. Targets: precision ≥ 0.9 for
// every warning with at least 5 positives, recall ≥ 0.8 for blurry and touches_edge, and no
// warning on more than 15 % of the good pack shots (real photos labelled with no problem).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { parse } from 'csv-parse/sync'
import sharp from 'sharp'
import { PhotoEngine } from '../../electron/core/photos/engine/engine.ts'
import { DEFAULT_LIMITS } from '../../electron/core/photos/types.ts'
import { DEFAULT_PRESETS } from '../../shared/domain/photo-presets.ts'
import { photoWarnings, sameShot, type PhotoAnalysis } from '../../shared/domain/photo-quality.ts'

const { values } = parseArgs({ options: { half: { type: 'string' }, show: { type: 'string' } } })
const SET = join(import.meta.dirname, '../fixtures/photos/product-photos')
const MADE = join(import.meta.dirname, '../.tmp/bench-quality/v1')
const TARGETS = { precision: 0.9, minPositives: 5, recall: 0.8, goodShotRate: 0.15 }

type Label = 'blurry' | 'too_dark' | 'overexposed' | 'touches_edge' | 'too_small' | 'near_duplicate'
const LABELS: Label[] = ['blurry', 'too_dark', 'overexposed', 'touches_edge', 'too_small', 'near_duplicate']

interface Photo {
  name: string
  path: string
  half: 'A' | 'B'
  made: string | null
  labels: Set<Label>
  /** Same picture (near-duplicate pairs, by construction). */
  copyOf?: string
}

// --- the labelled set ---------------------------------------------------------------------------
const rows = parse(readFileSync(join(SET, 'labels.csv')), { columns: true }) as Array<Record<string, string>>
const productKey = (path: string) => basename(path).split(/[-_]/)[0]
const keys = [...new Set(rows.map((r) => productKey(r.path)))].sort()
const halfOf = (path: string): 'A' | 'B' => (keys.indexOf(productKey(path)) % 2 === 0 ? 'A' : 'B')
const real: Photo[] = rows.map((r) => ({
  name: r.path,
  path: join(SET, 'photos', r.path),
  half: halfOf(r.path),
  made: null,
  labels: new Set<Label>([
    ...(r.blurry === 'yes' ? ['blurry' as const] : []),
    ...(r.dark === 'yes' ? ['too_dark' as const] : []),
    ...(r.overexposed === 'yes' ? ['overexposed' as const] : []),
    ...(r.touches_edge === 'yes' ? ['touches_edge' as const] : []),
    ...(r.too_small === 'yes' ? ['too_small' as const] : [])
  ])
}))

// --- positives made by known degradations -------------------------------------------------------
/** sRGB (0–255) → linear light (0–1) and back, for exposure changes in EV. */
const toLinear = new Float64Array(256).map((_, v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4))
const toSrgb = (l: number) => Math.round(255 * (l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055))

async function exposure(src: string, out: string, ev: number): Promise<void> {
  const { data, info } = await sharp(src).autoOrient().removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const factor = 2 ** ev
  for (let i = 0; i < data.length; i++) data[i] = toSrgb(Math.min(1, toLinear[data[i]] * factor))
  await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).jpeg({ quality: 92 }).toFile(out)
}

/** The centre of the non-white area (the product, on these white-background shots), full size. */
async function subjectCentreX(src: string): Promise<number> {
  const { data, info } = await sharp(src).autoOrient().removeAlpha().raw().toBuffer({ resolveWithObject: true })
  let min = info.width
  let max = -1
  for (let x = 0; x < info.width; x++) {
    let dark = 0
    for (let y = 0; y < info.height; y++) {
      const p = (y * info.width + x) * 3
      if (data[p] < 235 || data[p + 1] < 235 || data[p + 2] < 235) dark++
    }
    if (dark >= 3) {
      min = Math.min(min, x)
      max = x
    }
  }
  return Math.round((min + max) / 2)
}

async function make(p: Photo, i: number): Promise<Photo[]> {
  const out = (kind: string) => join(MADE, kind, p.name)
  const made: Photo[] = []
  const add = async (kind: string, labels: Label[], build: (file: string) => Promise<unknown>, copyOf?: string) => {
    const file = out(kind)
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true })
      await build(file)
    }
    made.push({ name: `${kind}:${p.name}`, path: file, half: p.half, made: kind, labels: new Set([...p.labels, ...labels]), copyOf })
  }
  const meta = await sharp(p.path).metadata()
  const long = Math.max(meta.width ?? 0, meta.height ?? 0)
  await add('blurred', ['blurry'], (f) => sharp(p.path).resize(1000, 1000, { fit: 'inside' }).blur(2).jpeg({ quality: 92 }).toFile(f))
  await add('darker', ['too_dark'], (f) => exposure(p.path, f, -2))
  await add('brighter', ['overexposed'], (f) => exposure(p.path, f, 2))
  await add('small', ['too_small'], (f) => sharp(p.path).resize(600, 600, { fit: 'inside' }).jpeg({ quality: 92 }).toFile(f))
  await add('copy', [], (f) => sharp(p.path).resize(Math.round(long * 0.85), Math.round(long * 0.85), { fit: 'inside' }).jpeg({ quality: 70 }).toFile(f), p.name)
  // Cut only the shots whose product is whole on white (the close-ups already are cut).
  if (!p.labels.has('touches_edge') && !p.name.startsWith('g/')) {
    await add('cut', ['touches_edge'], async (f) => {
      const cx = await subjectCentreX(p.path)
      const w = meta.width!
      const region = i % 2 === 0 ? { left: 0, top: 0, width: cx, height: meta.height! } : { left: cx, top: 0, width: w - cx, height: meta.height! }
      await sharp(p.path).extract(region).jpeg({ quality: 92 }).toFile(f)
    })
  }
  return made
}

mkdirSync(MADE, { recursive: true })
const made = (await Promise.all(real.map(make))).flat()
const all = [...real, ...made]

// --- through the photo engine -------------------------------------------------------------------
const tmp = mkdtempSync(join(tmpdir(), 'vetrina-bench-quality-'))
const engine = new PhotoEngine({ slots: 2, tmpDir: tmp })
const measured = new Map<string, { width: number; height: number; analysis: PhotoAnalysis }>()
let next = 0
await Promise.all([0, 1].map(async () => {
  while (next < all.length) {
    const k = next++
    const p = all[k]
    const r = await engine.prepare({
      op: 'prepare', input: p.path, format: 'jpeg', presets: DEFAULT_PRESETS,
      outputs: { main: join(tmp, `${k}-main.jpg`), thumb: join(tmp, `${k}-thumb.webp`) }, limits: DEFAULT_LIMITS
    })
    measured.set(p.name, { width: r.facts.width, height: r.facts.height, analysis: r.analysis })
  }
}))
await engine.close()
rmSync(tmp, { recursive: true, force: true })

// Near-duplicates among the real photos and their copies (not the other degraded versions, which
// are the same shot by construction too).
const library = all.filter((p) => !p.made || p.made === 'copy')
const predicted = new Map<string, Set<Label>>()
for (const p of all) {
  const m = measured.get(p.name)!
  const near = !p.made || p.made === 'copy'
    ? library.filter((q) => q !== p).map((q) => ({ photoId: q.name, name: q.name, ...sameShot(m.analysis, measured.get(q.name)!.analysis) }))
      .filter((x) => x.same)
    : []
  predicted.set(p.name, new Set(photoWarnings(m, DEFAULT_PRESETS, near).map((w) => w.code as Label)))
}
// A real photo whose copy was made is a near-duplicate of it (and the other way round).
for (const p of all) if (p.copyOf) {
  p.labels.add('near_duplicate')
  real.find((r) => r.name === p.copyOf)!.labels.add('near_duplicate')
}

// --- report -------------------------------------------------------------------------------------
if (values.show === 'features') {
  for (const p of all.filter((x) => !values.half || x.half === values.half)) {
    const a = measured.get(p.name)!.analysis
    const s = a.subject
    console.log([p.name.padEnd(46), [...p.labels].join('+').padEnd(24), a.backdrop, `sharp ${a.sharpness.toFixed(0)} edge ${a.edgeSharpness?.toFixed(3)}`,
      `luma ${a.luma.p05.toFixed(2)}/${a.luma.mean.toFixed(2)}/${a.luma.p95.toFixed(2)}`,
      s ? `subj ${s.share.toFixed(2)} ${s.p05.toFixed(2)}/${s.p50.toFixed(2)}/${s.p95.toFixed(2)} clip ${s.clipped.toFixed(3)} crush ${s.crushed.toFixed(3)}` : '',
      `edges T${(a.edges.top * 100).toFixed(0)} R${(a.edges.right * 100).toFixed(0)} B${(a.edges.bottom * 100).toFixed(0)} L${(a.edges.left * 100).toFixed(0)}`,
      `→ ${[...predicted.get(p.name)!].join(',')}`].join('  '))
  }
}

interface Score { positives: number; tp: number; fp: number; fn: number; wrong: string[] }
function score(photos: Photo[], label: Label): Score {
  const s: Score = { positives: 0, tp: 0, fp: 0, fn: 0, wrong: [] }
  for (const p of photos) {
    const truth = p.labels.has(label)
    const said = predicted.get(p.name)!.has(label)
    if (truth) s.positives++
    if (truth && said) s.tp++
    else if (said) {
      s.fp++
      s.wrong.push(`false alarm: ${p.name}`)
    } else if (truth) {
      s.fn++
      s.wrong.push(`missed: ${p.name}`)
    }
  }
  return s
}
const pct = (x: number | null) => (x === null ? '   –' : x.toFixed(2).padStart(4))
const precision = (s: Score) => (s.tp + s.fp ? s.tp / (s.tp + s.fp) : null)
const recall = (s: Score) => (s.positives ? s.tp / s.positives : null)

const halves = values.half ? [values.half as 'A' | 'B'] : (['A', 'B'] as const)
const scope = (h?: 'A' | 'B') => all.filter((p) => !h || p.half === h)
console.log(`${real.length} labelled photos (half A ${real.filter((p) => p.half === 'A').length}, half B ${real.filter((p) => p.half === 'B').length}), ${made.length} made from them; engine at the default presets`)
console.log('')
console.log(`${'warning'.padEnd(15)} ${'positives'.padStart(9)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}   ${halves.map((h) => `half ${h}: P / R (+)`).join('   ')}   real only: P / R (+)`)
const failures: string[] = []
const total = values.half ? scope(values.half as 'A' | 'B') : all
for (const label of LABELS) {
  const s = score(total, label)
  const perHalf = halves.map((h) => {
    const x = score(scope(h), label)
    return `${pct(precision(x))} / ${pct(recall(x))} (${String(x.positives).padStart(3)})`.padEnd(20)
  })
  const r = score(real.filter((p) => !values.half || p.half === values.half), label)
  console.log(`${label.padEnd(15)} ${String(s.positives).padStart(9)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)} ${pct(precision(s)).padStart(9)} ${pct(recall(s)).padStart(7)}   ${perHalf.join('   ')}   ${pct(precision(r))} / ${pct(recall(r))} (${r.positives})`)
  if (s.positives >= TARGETS.minPositives && (precision(s) ?? 1) < TARGETS.precision) failures.push(`${label} precision ${pct(precision(s))} < ${TARGETS.precision}`)
  if ((label === 'blurry' || label === 'touches_edge') && (recall(s) ?? 0) < TARGETS.recall) failures.push(`${label} recall ${pct(recall(s))} < ${TARGETS.recall}`)
}
// Near-duplicates as pairs: the real photos must not pair with each other (colour variants and
// other angles are not duplicates), each copy must pair with its source.
const pairs: Array<[string, string, number]> = []
for (let i = 0; i < library.length; i++) for (let j = i + 1; j < library.length; j++) {
  const { same, distance } = sameShot(measured.get(library[i].name)!.analysis, measured.get(library[j].name)!.analysis)
  if (same) pairs.push([library[i].name, library[j].name, distance])
}
const truePair = (a: string, b: string) => all.some((p) => (p.name === a && p.copyOf === b) || (p.name === b && p.copyOf === a))
const wrongPairs = pairs.filter(([a, b]) => !truePair(a, b))
const found = pairs.length - wrongPairs.length
console.log(`near-duplicate pairs: ${found} of ${made.filter((p) => p.copyOf).length} copies found, ${wrongPairs.length} wrong pairs${wrongPairs.length ? `: ${wrongPairs.map(([a, b, dd]) => `${a} ~ ${b} (${dd})`).join('; ')}` : ''}`)
if (pairs.length && found / pairs.length < TARGETS.precision) failures.push(`near-duplicate pair precision ${(found / pairs.length).toFixed(2)} < ${TARGETS.precision}`)
console.log('')
// Good pack shots: the real photos labelled with no problem.
const good = real.filter((p) => p.labels.size === 0 || (p.labels.size === 1 && p.labels.has('near_duplicate')))
  .filter((p) => !values.half || p.half === values.half)
const codes = ['too_small', 'blurry', 'too_dark', 'overexposed', 'touches_edge', 'unusual_aspect']
const rates = codes.map((c) => ({ c, n: good.filter((p) => predicted.get(p.name)!.has(c as Label)).length }))
console.log(`good pack shots (${good.length} real photos with no labelled problem): ${rates.map((r) => `${r.c} ${r.n} (${(100 * r.n / good.length).toFixed(0)} %)`).join(', ')}`)
for (const r of rates) if (r.n / good.length > TARGETS.goodShotRate) failures.push(`${r.c} fires on ${(100 * r.n / good.length).toFixed(0)} % of good pack shots`)
console.log('')
console.log('photos each warning got wrong:')
for (const label of LABELS) {
  const s = score(total, label)
  if (s.wrong.length) console.log(`  ${label}: ${s.wrong.join('; ')}`)
}
console.log('')
console.log(failures.length ? `FAIL: ${failures.join('; ')}` : `PASS: precision ≥ ${TARGETS.precision} (warnings with ≥ ${TARGETS.minPositives} positives), recall ≥ ${TARGETS.recall} for blurry and touches_edge, no warning on more than ${TARGETS.goodShotRate * 100} % of good pack shots`)
process.exit(failures.length ? 1 : 0)
