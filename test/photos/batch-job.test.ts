// A batch is a persisted job: progress with a total, cancel, pause and resume, and after a
// restart it goes on with the files left, without redoing or losing the ones done.
import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync, readdirSync, rmSync } from 'node:fs'
import { Core } from '../../electron/core/core.ts'
import { MemorySecretStore } from '../../electron/core/platform/secrets.ts'
import type { Job } from '../../shared/contract/jobs.ts'
import { fixture, pathRef, tempDir, waitForJob } from './helpers.ts'

const FOLDERS = [fixture('orientation'), fixture('subsampling'), fixture('formats/png')]
/** Photo engine processes started by this test process. */
function enginePids(): number[] {
  return readdirSync('/proc').filter((e) => /^\d+$/.test(e)).filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('engine-process')
    } catch {
      return false
    }
  }).map(Number)
}

const open = (dataDir: string) => Core.open({ dataDir, logFile: null, secrets: new MemorySecretStore() })
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** Resolves with the first progress event of `jobId` that satisfies `when`. */
function onProgress(core: Core, jobId: string, when: (j: Job) => boolean): Promise<Job> {
  return new Promise((resolve) => {
    const off = core.events.on('job.progress', (j) => {
      if (j.id === jobId && when(j)) {
        off()
        resolve(j)
      }
    })
  })
}

describe('photo batch job', () => {
  it('reports progress against the number of files and a per-file report at the end', async () => {
    const dataDir = tempDir()
    dirs.push(dataDir)
    const core = open(dataDir)
    const api = core.api()
    const seen: number[] = []
    const { jobId, files } = await api.photos.add({ sources: FOLDERS.map(pathRef) })
    core.events.on('job.progress', (j) => j.id === jobId && j.total !== null && seen.push(j.done))
    const job = await waitForJob(core, jobId)
    expect(job).toMatchObject({ state: 'done', total: files, done: files })
    expect(seen.length).toBeGreaterThan(1)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    const { counts } = await api.photos.batch({ jobId })
    expect(counts.added + counts.duplicate + counts.failed).toBe(files)
    expect(job.result).toMatchObject({ added: counts.added, duplicates: counts.duplicate, failed: counts.failed })
    await core.close()
  })

  it('cancelling keeps the photos already added, complete, and leaves the rest pending', async () => {
    const dataDir = tempDir()
    dirs.push(dataDir)
    const core = open(dataDir)
    const api = core.api()
    const { jobId, files } = await api.photos.add({ sources: FOLDERS.map(pathRef) })
    await onProgress(core, jobId, (j) => j.done >= 3)
    await api.jobs.cancel({ id: jobId })
    const job = await waitForJob(core, jobId)
    expect(job.state).toBe('cancelled')
    const { counts, items } = await api.photos.batch({ jobId, limit: 1000 })
    expect(counts.added).toBeGreaterThanOrEqual(3)
    expect(counts.pending).toBeGreaterThan(0)
    expect(counts.added + counts.failed + counts.duplicate + counts.pending).toBe(files)
    for (const it of items.filter((i) => i.state === 'added')) {
      const photo = await api.photos.get({ id: it.photoId! })
      expect(photo.renditions.map((r) => r.preset).sort()).toEqual(['main', 'thumb'])
    }
    expect((await api.photos.stats()).total).toBe(counts.added)
    await core.close()
  })

  it('pause stops at the next file, resume finishes the rest', async () => {
    const dataDir = tempDir()
    dirs.push(dataDir)
    const core = open(dataDir)
    const api = core.api()
    const { jobId, files } = await api.photos.add({ sources: FOLDERS.map(pathRef) })
    await onProgress(core, jobId, (j) => j.done >= 2)
    await api.jobs.pause({ id: jobId })
    const paused = await waitForJob(core, jobId)
    expect(paused.state).toBe('paused')
    const halfway = (await api.photos.batch({ jobId })).counts
    expect(halfway.pending).toBeGreaterThan(0)
    await api.jobs.resume({ id: jobId })
    await core.s.jobs.whenIdle()
    const done = await waitForJob(core, jobId)
    expect(done.state).toBe('done')
    const { counts } = await api.photos.batch({ jobId })
    expect(counts.pending).toBe(0)
    expect(counts.added + counts.failed + counts.duplicate).toBe(files)
    await core.close()
  })

  it('if the photo engine process dies mid-batch, it is started again and no file is lost', async () => {
    const dataDir = tempDir()
    dirs.push(dataDir)
    const core = open(dataDir)
    const api = core.api()
    const { jobId, files } = await api.photos.add({ sources: [pathRef(fixture('orientation'))] })
    await onProgress(core, jobId, (j) => j.done >= 3)
    const engines = enginePids()
    expect(engines.length).toBe(1)
    process.kill(engines[0], 'SIGKILL')
    const job = await waitForJob(core, jobId)
    expect(job.state).toBe('done')
    expect(job.result).toMatchObject({ added: files, failed: 0 })
    expect(enginePids()).not.toContain(engines[0])
    await core.close()
  })

  it('after a restart the batch resumes with the files left, and keeps the ones done', async () => {
    const dataDir = tempDir()
    dirs.push(dataDir)
    let core = open(dataDir)
    const { jobId, files } = await core.api().photos.add({ sources: FOLDERS.map(pathRef) })
    await onProgress(core, jobId, (j) => j.done >= 4)
    await core.close() // as when the app is quit mid-batch
    const reopened = open(dataDir)
    core = reopened
    const interrupted = await core.api().photos.batch({ jobId, limit: 1000 })
    const doneBefore = interrupted.items.filter((i) => i.state !== 'pending')
    expect(doneBefore.length).toBeGreaterThanOrEqual(4)
    expect(interrupted.counts.pending).toBeGreaterThan(0)
    const job = await waitForJob(core, jobId)
    expect(job.state).toBe('done')
    const final = await core.api().photos.batch({ jobId, limit: 1000 })
    expect(final.counts.pending).toBe(0)
    // Quitting is not the files' fault: none was refused because of it.
    expect(final.counts).toMatchObject({ added: files, failed: 0 })
    // The files done before the restart were not processed again.
    for (const before of doneBefore) expect(final.items.find((i) => i.seq === before.seq)).toEqual(before)
    expect((await core.api().photos.stats()).total).toBe(final.counts.added)
    await core.close()
  })
})
