// npm run bench:photos [-- --photos 80 --rounds 5 --heic 12 --large 6 --magick 40]
//
// Vetrina's photo job (copy + hash into the store, header checks, one decode, main image +
// thumbnail + the picture the quality checks measure, quality analysis, database commit) against
// bare sharp doing the same work, on a shared machine whose load changes from minute to minute.
// "The same work" is the same results: the same files (original copied and hashed, main image,
// thumbnail, each hashed) and the same facts and quality measurements (the engine's own analysis
// function, on the same small picture). What bare sharp never pays for is Vetrina's own: the
// engine's separate process and its messages, the catalogue's database, the file journal, atomic
// writes and the job. Two lighter baselines are printed beside it: the same pixels without the
// measurements, and the renditions alone.
//
// Every batch runs in a fresh process, so no batch inherits another's memory: Vetrina's core
// (bundled with rolldown like the app's main process, not run from TypeScript sources) with its
// photo engine (the built out/main/engine-process.js the app ships, rebuilt first), or bare sharp.
// This process starts them and samples the memory of each process tree every 20 ms.
//
// Rounds are interleaved: in each round Vetrina and bare sharp process the same 12 MP JPEG
// folder one right after the other (A, B, A, B …), so both see about the same machine load, and
// the ratio is computed per round. The summary gives its median, spread and worst round, and CPU
// time per photo (the core and its engine against bare sharp's process), which load changes far
// less than elapsed time. Each round also adds a folder of 12 MP iPhone-style HEIC files and a
// folder of 45 MP camera JPEGs, for the memory peak per input kind (and, for the large JPEGs, a
// second ratio against bare sharp). ImageMagick is compared once when /usr/bin/convert exists.
//
// Targets: throughput ≥ 0.9× bare sharp (median of the rounds), CPU time per photo ≥ 0.95×
// (median), peak RSS of core + engine ≤ 300 MB in every round and on every input kind, event-loop
// lag p99 ≤ 50 ms (median of the rounds). The last line says PASS or FAIL, and a failure exits non-zero.
import { execFile, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parseArgs } from 'node:util'
import { build } from 'rolldown'
import { PHOTO_CONCURRENCY } from '../../electron/core/photos/module.ts'
import { inputFiles, inputFolder, KINDS, ROOT, type InputKind } from './photos/inputs.ts'
import { rss, tree, waitedChildrenCpuMs, type ThreadKind } from './photos/proc.ts'

const { values } = parseArgs({
  options: {
    photos: { type: 'string', default: '80' },
    rounds: { type: 'string', default: '5' },
    heic: { type: 'string', default: '12' },
    large: { type: 'string', default: '6' },
    magick: { type: 'string', default: '40' }
  }
})
const COUNTS: Record<InputKind, number> = { jpeg: Number(values.photos), heic: Number(values.heic), large: Number(values.large) }
const ROUNDS = Math.max(1, Number(values.rounds))
const MAGICK_N = Number(values.magick)
const TARGETS = { ratio: 0.9, cpuRatio: 0.95, rssMb: 300, lagP99Ms: 50 }
const REPO = join(import.meta.dirname, '../..')
const ENGINE = join(REPO, 'out/main/engine-process.js')
const BUNDLE = join(ROOT, 'bundle')

interface Run {
  seconds: number
  cpuMs: number
  /** Vetrina batches run with --lag; null otherwise. */
  lagP99Ms: number | null
  lagMaxMs: number | null
  /** Vetrina: CPU time of the core process alone during the batch. */
  coreCpuMs?: number
  /** Kernel high-water marks of the core (or bare sharp) process and of the engine process. */
  corePeak: number
  enginePeak: number
  /** Largest sum of the process tree's resident memory seen by the 20 ms sampler. */
  treePeak: number
  /** CPU time by thread kind: bare sharp's process, or Vetrina's engine process. */
  threads: Record<ThreadKind, number>
  /** Vetrina: the core process's CPU time by thread kind. */
  coreThreads?: Record<ThreadKind, number>
}

// --- preparation -------------------------------------------------------------------------------
for (const kind of Object.keys(COUNTS) as InputKind[]) {
  if (COUNTS[kind] <= 0 || inputFiles(kind, COUNTS[kind]).length >= COUNTS[kind]) continue
  console.log(`Making ${COUNTS[kind]} inputs: ${KINDS[kind].label} in ${KINDS[kind].dir} (once) …`)
  const r = spawnSync(process.execPath, [join(import.meta.dirname, 'photos/inputs.ts'), kind, String(COUNTS[kind])], { stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
console.log('Building the app (the photo engine is measured as it ships) …')
const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] })
if (built.status !== 0 || !existsSync(ENGINE)) process.exit(built.status ?? 1)
// The core and the baseline as plain JavaScript bundles, as the app's main process is built:
// no TypeScript is stripped at run time (that alone would cost the core about 20 MB).
await build({
  input: { 'run-vetrina': join(import.meta.dirname, 'photos/run-vetrina.ts'), 'run-sharp': join(import.meta.dirname, 'photos/run-sharp.ts') },
  platform: 'node',
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  logLevel: 'silent',
  output: { dir: BUNDLE, format: 'esm', entryFileNames: '[name].mjs' }
})
// The bundles import packages from the repository's node_modules: they live under test/.tmp.
const folders = Object.fromEntries((Object.keys(COUNTS) as InputKind[]).filter((k) => COUNTS[k] > 0).map((k) => [k, inputFolder(k, COUNTS[k])])) as Partial<Record<InputKind, string>>
// Warm the page cache, so no pipeline pays for the first read from disk.
for (const dir of Object.values(folders)) spawnSync('sh', ['-c', `cat "${dir}"/* > /dev/null`])
const megabytes = (kind: InputKind) => inputFiles(kind, COUNTS[kind]).reduce((n, f) => n + statSync(f).size, 0) / 1e6
for (const kind of Object.keys(folders) as InputKind[]) console.log(`${String(COUNTS[kind]).padStart(4)} × ${KINDS[kind].label}, ${megabytes(kind).toFixed(0)} MB`)
console.log(`${availableParallelism()} cores, ${PHOTO_CONCURRENCY} photos in flight; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} at the start`)

// --- running -----------------------------------------------------------------------------------
/** Runs a bundled runner in its own process, sampling its process tree's memory. */
async function runChild(script: string, args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [join(BUNDLE, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  let stdout = ''
  child.stdout.on('data', (d) => (stdout += d))
  let pids = [child.pid!]
  let treePeak = 0
  const refresh = setInterval(() => (pids = tree(child.pid!)), 250)
  const sample = setInterval(() => {
    let sum = 0
    for (const pid of pids) sum += rss(pid)
    treePeak = Math.max(treePeak, sum)
  }, 20)
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  clearInterval(refresh)
  clearInterval(sample)
  if (code !== 0) throw new Error(`${script} ${args.join(' ')} exited with ${code}`)
  const line = stdout.trim().split('\n').pop()!
  return { ...JSON.parse(line), treePeak } as Run
}

const WARMUP = join(REPO, 'test/fixtures/photos/orientation/Landscape_1.jpg')
const vetrina = (kind: InputKind, lag: boolean) => runChild('run-vetrina.mjs', ['--folder', folders[kind]!, '--count', String(COUNTS[kind]), '--engine', ENGINE, '--warmup', WARMUP, ...(lag ? ['--lag'] : [])])
/** Bare sharp: `store` copies and hashes the originals, `measure` adds the facts, the quality measurements and the renditions' hashes. */
const bare = (kind: InputKind, store: boolean, measure: boolean) =>
  runChild('run-sharp.mjs', ['--folder', folders[kind]!, '--slots', String(PHOTO_CONCURRENCY), ...(store ? ['--store'] : []), ...(measure ? ['--measure'] : [])])

interface Round {
  jpeg: Run
  sameWork: Run
  pixelsOnly: Run
  renderOnly: Run
  heic: Run | null
  large: Run | null
  largeSameWork: Run | null
}
const rounds: Round[] = []
const mb = (bytes: number) => bytes / 1e6
const peakOf = (r: Run) => mb(Math.max(r.treePeak, r.corePeak + r.enginePeak))
/** The peak and the high-water marks of its two processes, so a change is seen where it happens. */
const peakSplit = (r: Run) => `${peakOf(r).toFixed(0)} MB (core ${mb(r.corePeak).toFixed(0)} + engine ${mb(r.enginePeak).toFixed(0)})`
const perSecond = (r: Run, kind: InputKind) => COUNTS[kind] / r.seconds
const cpuPerPhoto = (r: Run, kind: InputKind) => r.cpuMs / COUNTS[kind]

for (let i = 1; i <= ROUNDS; i++) {
  // The event-loop delay is measured on the first round's JPEG batch and on every HEIC and 45 MP
  // batch; the JPEG batches of the other rounds run without the monitor's own CPU time.
  const jpeg = await vetrina('jpeg', i === 1)
  const sameWork = await bare('jpeg', true, true)
  const pixelsOnly = await bare('jpeg', true, false)
  const renderOnly = await bare('jpeg', false, false)
  const heic = folders.heic ? await vetrina('heic', true) : null
  const large = folders.large ? await vetrina('large', true) : null
  const largeSameWork = folders.large ? await bare('large', true, true) : null
  const r: Round = { jpeg, sameWork, pixelsOnly, renderOnly, heic, large, largeSameWork }
  rounds.push(r)
  const parts = [
    `JPEG ${perSecond(jpeg, 'jpeg').toFixed(1)}/s vs bare sharp ${perSecond(sameWork, 'jpeg').toFixed(1)}/s = ${(sameWork.seconds / jpeg.seconds).toFixed(2)}×, CPU ${cpuPerPhoto(jpeg, 'jpeg').toFixed(0)} vs ${cpuPerPhoto(sameWork, 'jpeg').toFixed(0)} ms/photo = ${(sameWork.cpuMs / jpeg.cpuMs).toFixed(2)}×, peak ${peakSplit(jpeg)}`,
    heic ? `HEIC peak ${peakSplit(heic)}` : '',
    large ? `45 MP peak ${peakSplit(large)}` : ''
  ].filter(Boolean)
  console.log(`  round ${i}: ${parts.join(' · ')}`)
  if (process.env.BENCH_DEBUG) console.log(`    core process ${(jpeg.coreCpuMs! / COUNTS.jpeg).toFixed(1)} ms/photo of ${cpuPerPhoto(jpeg, 'jpeg').toFixed(1)}`)
}

async function magickRun(files: string[]): Promise<{ seconds: number; cpuMs: number } | null> {
  if (!existsSync('/usr/bin/convert')) return null
  const run = promisify(execFile)
  const out = join(ROOT, 'magick-out')
  mkdirSync(out, { recursive: true })
  const cpu0 = waitedChildrenCpuMs()
  const t0 = performance.now()
  let next = 0
  await Promise.all(Array.from({ length: PHOTO_CONCURRENCY }, async () => {
    while (next < files.length) {
      const i = next++
      await run('/usr/bin/convert', [
        files[i], '-auto-orient',
        '(', '+clone', '-thumbnail', '320x320', '-quality', '75', '-write', join(out, `${i}-thumb.webp`), '+delete', ')',
        '-resize', '1000x1000', '-background', 'white', '-alpha', 'remove', '-alpha', 'off', '-gravity', 'center', '-extent', '1000x1000',
        '-strip', '-quality', '85', join(out, `${i}-main.jpg`)
      ], { env: { ...process.env, MAGICK_THREAD_LIMIT: '1' } })
    }
  }))
  return { seconds: (performance.now() - t0) / 1000, cpuMs: waitedChildrenCpuMs() - cpu0 }
}
const magick = MAGICK_N > 0 ? await magickRun(inputFiles('jpeg', MAGICK_N)) : null

// --- summary -----------------------------------------------------------------------------------
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const stats = (xs: number[]) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), worst: xs.indexOf(Math.min(...xs)) + 1 })
const fmt = (s: ReturnType<typeof stats>) => `median ${s.median.toFixed(2)}×, spread ${s.min.toFixed(2)}–${s.max.toFixed(2)}×, worst round ${s.worst} (${s.min.toFixed(2)}×)`
const check = (ok: boolean) => (ok ? 'PASS' : 'FAIL')

const throughput = stats(rounds.map((r) => r.sameWork.seconds / r.jpeg.seconds))
const cpu = stats(rounds.map((r) => r.sameWork.cpuMs / r.jpeg.cpuMs))
const pixelsOnly = stats(rounds.map((r) => r.pixelsOnly.seconds / r.jpeg.seconds))
const pixelsOnlyCpu = stats(rounds.map((r) => r.pixelsOnly.cpuMs / r.jpeg.cpuMs))
const renderOnly = stats(rounds.map((r) => r.renderOnly.seconds / r.jpeg.seconds))
const renderOnlyCpu = stats(rounds.map((r) => r.renderOnly.cpuMs / r.jpeg.cpuMs))
const largeRatio = folders.large ? stats(rounds.map((r) => r.largeSameWork!.seconds / r.large!.seconds)) : null
const largeCpu = folders.large ? stats(rounds.map((r) => r.largeSameWork!.cpuMs / r.large!.cpuMs)) : null
// Per round, the worst p99 of the batches that measured it; judged on the median of the rounds (as
// throughput is), with the worst round printed: a single batch on an overloaded machine can wait
// 100 ms for a core whatever the program does.
const lagByRound = rounds.map((r) => Math.max(...[r.jpeg, r.heic, r.large].flatMap((x) => (x?.lagP99Ms != null ? [x.lagP99Ms] : []))))
const lagP99 = median(lagByRound)
const lagWorst = Math.max(...lagByRound)

const row = (name: string, runs: Run[], kind: InputKind) => {
  const m = (f: (r: Run) => number) => median(runs.map(f))
  return `${name.padEnd(34)} ${m((r) => perSecond(r, kind)).toFixed(1).padStart(8)} ${m((r) => cpuPerPhoto(r, kind)).toFixed(0).padStart(11)} ${Math.max(...runs.map(peakOf)).toFixed(0).padStart(10)} ${Math.max(...runs.map((r) => mb(r.corePeak))).toFixed(0).padStart(9)} ${Math.max(...runs.map((r) => mb(r.enginePeak))).toFixed(0).padStart(9)}`
}
console.log('')
console.log(`${'pipeline (median of rounds; peaks: worst)'.padEnd(34)} ${'photos/s'.padStart(8)} ${'CPU ms/ph'.padStart(11)} ${'peak RSS'.padStart(10)} ${'core'.padStart(9)} ${'engine'.padStart(9)}`)
console.log(row('Vetrina, 12 MP JPEG', rounds.map((r) => r.jpeg), 'jpeg'))
console.log(row('bare sharp, same work', rounds.map((r) => r.sameWork), 'jpeg'))
console.log(row('bare sharp, no measurements', rounds.map((r) => r.pixelsOnly), 'jpeg'))
console.log(row('bare sharp, renditions only', rounds.map((r) => r.renderOnly), 'jpeg'))
if (folders.heic) console.log(row('Vetrina, 12 MP HEIC', rounds.map((r) => r.heic!), 'heic'))
if (folders.large) {
  console.log(row('Vetrina, 45 MP JPEG', rounds.map((r) => r.large!), 'large'))
  console.log(row('bare sharp, same work, 45 MP JPEG', rounds.map((r) => r.largeSameWork!), 'large'))
}
// Where the CPU time goes (12 MP JPEG, median of rounds): the same libvips work on both sides,
// so what is left is Vetrina's own: its core process, the engine's JavaScript and V8's helpers.
const KINDS_SHOWN: Array<[ThreadKind, string]> = [['libvips', 'libvips'], ['libuv', 'libuv pool'], ['main', 'JS main'], ['v8', 'V8 helpers'], ['other', 'other']]
const byThread = (runs: Run[], pick: (r: Run) => Record<ThreadKind, number> | undefined) =>
  KINDS_SHOWN.map(([k]) => median(runs.map((r) => (pick(r)?.[k] ?? 0) / COUNTS.jpeg)))
const sharpThreads = byThread(rounds.map((r) => r.sameWork), (r) => r.threads)
const engineThreads = byThread(rounds.map((r) => r.jpeg), (r) => r.threads)
const coreThreads = byThread(rounds.map((r) => r.jpeg), (r) => r.coreThreads)
const cells = (xs: number[]) => xs.map((x) => x.toFixed(1).padStart(11)).join('')
console.log(`${'CPU ms/photo by thread, 12 MP JPEG'.padEnd(34)}${KINDS_SHOWN.map(([, l]) => l.padStart(11)).join('')}`)
console.log(`${'bare sharp, same work'.padEnd(34)}${cells(sharpThreads)}`)
console.log(`${'Vetrina photo engine'.padEnd(34)}${cells(engineThreads)}`)
console.log(`${'Vetrina core process'.padEnd(34)}${cells(coreThreads)}`)
if (magick) console.log(`${'ImageMagick convert, 12 MP JPEG'.padEnd(34)} ${(MAGICK_N / magick.seconds).toFixed(1).padStart(8)} ${(magick.cpuMs / MAGICK_N).toFixed(0).padStart(11)}   (${MAGICK_N} photos, once)`)
else console.log(MAGICK_N > 0 ? 'ImageMagick: /usr/bin/convert not installed (apt-get install -y imagemagick), skipped' : 'ImageMagick: skipped (--magick 0)')
console.log('')

// Memory: the worst peak of every round and every input kind.
const peaks = rounds.flatMap((r, i) => ([['12 MP JPEG', r.jpeg], ['12 MP HEIC', r.heic], ['45 MP JPEG', r.large]] as const)
  .filter(([, run]) => run).map(([kind, run]) => ({ kind, round: i + 1, mb: peakOf(run!) })))
const worst = peaks.reduce((a, b) => (b.mb > a.mb ? b : a))
const perKind = ['12 MP JPEG', '12 MP HEIC', '45 MP JPEG'].map((k) => peaks.filter((p) => p.kind === k)).filter((ps) => ps.length)
  .map((ps) => ps.reduce((a, b) => (b.mb > a.mb ? b : a))).map((p) => `${p.kind} ${p.mb.toFixed(0)} MB (round ${p.round})`)

const throughputOk = throughput.median >= TARGETS.ratio
const cpuOk = cpu.median >= TARGETS.cpuRatio
const rssOk = worst.mb <= TARGETS.rssMb
const lagOk = lagP99 <= TARGETS.lagP99Ms
console.log(`throughput  Vetrina / bare sharp doing the same work, 12 MP JPEG: ${fmt(throughput)}   target median ≥ ${TARGETS.ratio}×   ${check(throughputOk)}`)
console.log(`CPU/photo   bare sharp / Vetrina (load-independent figure): ${fmt(cpu)}   target median ≥ ${TARGETS.cpuRatio}×   ${check(cpuOk)}`)
console.log(`            against bare sharp that measures nothing (no facts, quality analysis or rendition hashes): ${pixelsOnly.median.toFixed(2)}× throughput, ${pixelsOnlyCpu.median.toFixed(2)}× CPU (medians; CPU worst round ${pixelsOnlyCpu.min.toFixed(2)}×)`)
console.log(`            against bare sharp that also keeps no originals: ${renderOnly.median.toFixed(2)}× throughput, ${renderOnlyCpu.median.toFixed(2)}× CPU (medians)`)
if (largeRatio && largeCpu) console.log(`            45 MP camera JPEG: ${largeRatio.median.toFixed(2)}× throughput, ${largeCpu.median.toFixed(2)}× CPU (medians)`)
console.log(`peak RSS    core + engine, worst of ${ROUNDS} rounds per kind: ${perKind.join(', ')}   target ≤ ${TARGETS.rssMb} MB   ${check(rssOk)}`)
console.log(`event loop  p99 lag of the core (round 1's JPEG, every HEIC and 45 MP batch): median of rounds ${lagP99.toFixed(1)} ms, worst round ${lagByRound.indexOf(lagWorst) + 1} (${lagWorst.toFixed(1)} ms)   target median ≤ ${TARGETS.lagP99Ms} ms   ${check(lagOk)}`)
if (magick) console.log(`ImageMagick ${((MAGICK_N / magick.seconds) / median(rounds.map((r) => perSecond(r.jpeg, 'jpeg')))).toFixed(2)}× Vetrina's throughput`)

const resultsDir = join(REPO, 'bench-results')
mkdirSync(resultsDir, { recursive: true })
writeFileSync(join(resultsDir, 'photos.json'), JSON.stringify({ at: new Date().toISOString(), counts: COUNTS, rounds, throughput, cpu, peaks, lagP99Ms: lagP99, lagByRound, magick }, null, 2))
const failures = [
  !throughputOk && `throughput median ${throughput.median.toFixed(2)}× < ${TARGETS.ratio}×`,
  !cpuOk && `CPU time per photo median ${cpu.median.toFixed(2)}× < ${TARGETS.cpuRatio}×`,
  !rssOk && `peak RSS ${worst.mb.toFixed(0)} MB on ${worst.kind} in round ${worst.round} > ${TARGETS.rssMb} MB`,
  !lagOk && `event-loop lag p99 median ${lagP99.toFixed(1)} ms > ${TARGETS.lagP99Ms} ms`
].filter(Boolean)
console.log(failures.length ? `FAIL: ${failures.join('; ')}` : `PASS: every target met (worst peak ${worst.mb.toFixed(0)} MB on ${worst.kind}, round ${worst.round})`)
process.exit(failures.length ? 1 : 0)
