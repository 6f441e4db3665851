// One Vetrina batch, in a process of its own (bench:photos starts it, bundled like the app's
// main process, and watches its memory): opens a core on an empty data folder with the built
// photo engine, adds one folder of photos, waits for the job, and prints one JSON line with
// the time, CPU time (the core and the engine, which it has waited for) and event-loop delay.
// One small photo is added first, so the engine process is running when the batch starts, as
// sharp is already loaded when the baseline starts: both are measured in their steady state.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { Core } from '../../../electron/core/core.ts'
import { MemorySecretStore } from '../../../electron/core/platform/secrets.ts'
import { childrenOf, cpuByKind, cpuMs as processCpuMs, ownCpuMs, peakRss, threadTimes } from './proc.ts'

const { values } = parseArgs({ options: { folder: { type: 'string' }, count: { type: 'string' }, engine: { type: 'string' }, warmup: { type: 'string' }, lag: { type: 'boolean', default: false } } })
const count = Number(values.count)
const dataDir = mkdtempSync(join(tmpdir(), 'vetrina-bench-photos-'))
const core = Core.open({ dataDir, logFile: null, secrets: new MemorySecretStore(), photoEngine: values.engine })

async function addAndWait(path: string): Promise<{ added: number; failed: number }> {
  const { jobId } = await core.api().photos.add({ sources: [{ kind: 'path', path }] })
  return new Promise((resolve, reject) => {
    core.events.on('job.progress', (job) => {
      if (job.id !== jobId) return
      if (job.state === 'done') resolve(job.result as { added: number; failed: number })
      else if (job.state === 'failed' || job.state === 'cancelled') reject(new Error(`job ${job.state}: ${job.error?.message}`))
    })
  })
}

try {
  await addAndWait(values.warmup!)
  // Measuring the event loop's delay wakes the core 100 times a second (≈ 5 ms of CPU time a
  // second): only batches run with --lag measure it, so the others' CPU time is Vetrina's alone.
  const lag = monitorEventLoopDelay({ resolution: 10 })
  if (values.lag) lag.enable()
  // The running engine's CPU so far (the warm-up's) is not the batch's.
  const cpu0 = ownCpuMs() + childrenOf(process.pid).reduce((n, pid) => n + processCpuMs(pid), 0)
  const coreCpu0 = process.cpuUsage()
  const [engine] = childrenOf(process.pid)
  const engine0 = threadTimes(engine)
  const core0 = threadTimes(process.pid)
  const t0 = performance.now()
  const result = await addAndWait(values.folder!)
  const seconds = (performance.now() - t0) / 1000
  const coreCpu = process.cpuUsage(coreCpu0)
  // Where the time went, by thread kind (the engine's threads; the core process as a whole).
  const engineThreads = cpuByKind(engine0, threadTimes(engine))
  const coreThreads = cpuByKind(core0, threadTimes(process.pid))
  // The batch's CPU time: this process's and the engine's, read while it still runs (closing the
  // catalogue afterwards is not part of adding photos).
  const cpuMs = ownCpuMs() + childrenOf(process.pid).reduce((n, pid) => n + processCpuMs(pid), 0) - cpu0
  lag.disable()
  // The engine's own high-water mark, read while it still runs.
  const enginePeak = Math.max(0, ...childrenOf(process.pid).map(peakRss))
  await core.close()
  if (result.added !== count) throw new Error(`expected ${count} photos added, got ${JSON.stringify(result)}`)
  console.log(JSON.stringify({
    seconds, cpuMs, coreCpuMs: (coreCpu.user + coreCpu.system) / 1000, threads: engineThreads, coreThreads, lagP99Ms: values.lag ? lag.percentile(99) / 1e6 : null, lagMaxMs: values.lag ? lag.max / 1e6 : null,
    corePeak: peakRss('self'), enginePeak
  }))
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
