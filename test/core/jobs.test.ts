// The persisted job runner: transactional enqueue, progress with ETA, cancel, pause/resume from a
// checkpoint, retries, waiting for the network, queues, and resume after a real crash (SIGKILL).
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { z } from 'zod'
import { afterEach, describe, expect, test } from 'vitest'
import type { Job } from '../../shared/contract/jobs.ts'
import { AppError } from '../../shared/contract/errors.ts'
import { RetryLater, WaitForNetwork } from '../../electron/core/jobs/errors.ts'
import { openTestCore, tempDir, type TestCore } from '../helpers/core.ts'
import { countingJob } from '../helpers/jobs.ts'
import { msg } from '../../shared/messages/message.ts'

let t: TestCore | null = null
afterEach(async () => {
  await t?.close()
  t = null
})

function waitFor(core: TestCore['core'], id: string, states: Job['state'][]): Promise<Job> {
  return new Promise((res) => {
    const check = (job: Job) => {
      if (job.id === id && states.includes(job.state)) {
        off()
        res(job)
      }
    }
    const off = core.events.on('job.progress', check)
    check(core.s.jobs.get(id))
  })
}

const units = (t: TestCore, jobId: string) =>
  (t.core.s.db.prepare('SELECT n FROM test_units WHERE job = ? ORDER BY n').all(jobId) as { n: number }[]).map((r) => r.n)

describe('job runner', () => {
  test('a job enqueued in a transaction that rolls back never exists', async () => {
    t = openTestCore()
    const jobs = t.core.s.jobs
    jobs.register(countingJob(t.core))
    expect(() =>
      t!.core.s.db.transaction(() => {
        jobs.enqueue('test.count', { to: 3 }, { title: msg('common:jobs.untitled', { test: 'doomed' }) })
        throw new Error('the user intent failed')
      })()
    ).toThrow(/intent failed/)
    expect(jobs.list({ limit: 10 })).toEqual([])
  })

  test('progress reaches listeners with an ETA, and the result is stored', async () => {
    t = openTestCore()
    t.core.s.jobs.register(countingJob(t.core, 30))
    const seen: Job[] = []
    t.core.events.on('job.progress', (j) => seen.push(j))
    const job = t.core.s.jobs.enqueue('test.count', { to: 12 }, { title: msg('common:jobs.untitled', { test: 'count' }) })
    const done = await waitFor(t.core, job.id, ['done'])
    expect(done.result).toEqual({ counted: 12 })
    expect(done.done).toBe(12)
    expect(seen.some((j) => j.state === 'running' && j.total === 12 && j.done > 0 && j.done < 12)).toBe(true)
    expect(seen.some((j) => j.state === 'running' && j.etaSeconds !== null && j.etaSeconds >= 0)).toBe(true)
    expect(units(t, job.id)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
  })

  test('cancel stops a running job; committed work stays', async () => {
    t = openTestCore()
    t.core.s.jobs.register(countingJob(t.core, 20))
    const job = t.core.s.jobs.enqueue('test.count', { to: 1000 }, { title: msg('common:jobs.untitled', { test: 'long' }) })
    await new Promise((r) => setTimeout(r, 120))
    await t.api.jobs.cancel({ id: job.id })
    const end = await waitFor(t.core, job.id, ['cancelled'])
    const done = units(t, job.id).length
    expect(done).toBeGreaterThan(0)
    expect(done).toBeLessThan(1000)
    expect(end.finishedAt).not.toBeNull()
  })

  test('pause keeps the checkpoint; resume continues without repeating work', async () => {
    t = openTestCore()
    t.core.s.jobs.register(countingJob(t.core, 10))
    const job = t.core.s.jobs.enqueue('test.count', { to: 30 }, { title: msg('common:jobs.untitled', { test: 'pausable' }) })
    await new Promise((r) => setTimeout(r, 100))
    await t.api.jobs.pause({ id: job.id })
    await waitFor(t.core, job.id, ['paused'])
    const atPause = units(t, job.id).length
    expect(atPause).toBeGreaterThan(0)
    await new Promise((r) => setTimeout(r, 80))
    expect(units(t, job.id).length).toBe(atPause)
    await t.api.jobs.resume({ id: job.id })
    await waitFor(t.core, job.id, ['done'])
    expect(units(t, job.id)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
  })

  test('a job killed with the process resumes from its checkpoint at the next start', async () => {
    const dir = tempDir()
    const script = resolve(import.meta.dirname, '../helpers/crash-job.ts')
    const child = spawn(process.execPath, [script, dir, 'enqueue'], { stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((res) => {
      child.stdout.on('data', (d: Buffer) => {
        if (/progress (1[0-9]|[5-9])\b/.test(d.toString())) res()
      })
    })
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))

    t = openTestCore({ dataDir: dir, startJobs: false })
    const [job] = t.core.s.jobs.list({ limit: 1 })
    expect(job.state).toBe('running')
    const before = units(t, job.id)
    expect(before.length).toBeGreaterThan(0)
    t.core.s.jobs.register(countingJob(t.core, 2))
    t.core.s.jobs.start()
    await waitFor(t.core, job.id, ['done'])
    expect(units(t, job.id)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
  })

  test('RetryLater waits and retries; plain failures retry with backoff, then fail with the reason', async () => {
    t = openTestCore()
    let calls = 0
    t.core.s.jobs.register({
      kind: 'test.flaky',
      payload: z.object({}),
      maxAttempts: 3,
      backoffMs: () => 20,
      async run() {
        calls++
        if (calls === 1) throw new RetryLater(30, 'the server said later', 'publish_rate_limited', { seconds: 1 })
        throw new AppError('pavilion_down', 'The pavilion is not answering.')
      }
    })
    const job = t.core.s.jobs.enqueue('test.flaky', {}, { title: msg('common:jobs.untitled', { test: 'flaky' }) })
    const waiting = await waitFor(t.core, job.id, ['waiting'])
    expect(waiting.message).toEqual({ key: 'publish:error.publish_rate_limited', params: { seconds: 1 } })
    expect(waiting.runAfter).not.toBeNull()
    const failed = await waitFor(t.core, job.id, ['failed'])
    expect(calls).toBe(3)
    expect(failed.error).toEqual({ code: 'pavilion_down', message: 'The pavilion is not answering.' })
    const retried = await t.api.jobs.retry({ id: job.id })
    expect(retried.state).toBe('queued')
  })

  test('jobs that need the network wait for it, without using up attempts', async () => {
    t = openTestCore()
    let reachable = false
    let runs = 0
    t.core.s.connectivity.setProbe({ target: 'https://gateway.test', run: async () => reachable })
    await t.core.s.connectivity.check()
    expect(t.core.s.connectivity.status()).toMatchObject({ online: false, target: 'https://gateway.test' })
    t.core.s.jobs.register({
      kind: 'test.upload',
      payload: z.object({}),
      requiresOnline: true,
      async run() {
        runs++
        if (!reachable) throw new WaitForNetwork()
        return 'sent'
      }
    })
    const job = t.core.s.jobs.enqueue('test.upload', {}, { title: msg('common:jobs.untitled', { test: 'upload' }) })
    await new Promise((r) => setTimeout(r, 50))
    expect(runs).toBe(0)
    expect(t.core.s.connectivity.status().pending).toBe(1)
    // The line comes back: the monitor sees it and the job runs by itself.
    reachable = true
    await t.core.s.connectivity.check()
    const done = await waitFor(t.core, job.id, ['done'])
    expect(done.result).toBe('sent')
    expect(done.attempts).toBe(1)
    expect(t.core.s.connectivity.status().pending).toBe(0)
  })

  test('a job that finds the network gone waits for it without using an attempt', async () => {
    t = openTestCore()
    let reachable = true
    t.core.s.connectivity.setProbe({ target: 'https://gateway.test', run: async () => reachable })
    await t.core.s.connectivity.check()
    t.core.s.jobs.register({
      kind: 'test.upload',
      payload: z.object({}),
      requiresOnline: true,
      async run() {
        if (!reachable) throw new WaitForNetwork()
        return 'sent'
      }
    })
    reachable = false
    const job = t.core.s.jobs.enqueue('test.upload', {}, { title: msg('common:jobs.untitled', { test: 'upload' }) })
    const waiting = await waitFor(t.core, job.id, ['waiting'])
    expect(waiting.attempts).toBe(0)
    await t.core.s.connectivity.check()
    reachable = true
    await t.core.s.connectivity.check()
    expect((await waitFor(t.core, job.id, ['done'])).result).toBe('sent')
  })

  test('dedupe keys and paused queues', async () => {
    t = openTestCore()
    t.core.s.jobs.register(countingJob(t.core, 1))
    await t.api.jobs.pauseKind({ kind: 'test.count' })
    const a = t.core.s.jobs.enqueue('test.count', { to: 2 }, { title: msg('common:jobs.untitled', { test: 'a' }), dedupeKey: 'listing:1' })
    const b = t.core.s.jobs.enqueue('test.count', { to: 2 }, { title: msg('common:jobs.untitled', { test: 'b' }), dedupeKey: 'listing:1' })
    expect(b.id).toBe(a.id)
    await new Promise((r) => setTimeout(r, 50))
    expect(t.core.s.jobs.get(a.id).state).toBe('queued')
    expect((await t.api.jobs.resumeKind({ kind: 'test.count' })).paused).toEqual([])
    await waitFor(t.core, a.id, ['done'])
    const c = t.core.s.jobs.enqueue('test.count', { to: 2 }, { title: msg('common:jobs.untitled', { test: 'c' }), dedupeKey: 'listing:1' })
    expect(c.id).not.toBe(a.id)
  })
})
