// A job kind for tests: counts up to `to`, one unit every `stepMs`, writing each unit and its
// checkpoint in one transaction (the pattern real jobs follow).
import { z } from 'zod'
import type { Core } from '../../electron/core/core.ts'
import type { JobKind } from '../../electron/core/jobs/runner.ts'

export function countingJob(core: Core, stepMs = 5): JobKind<{ to: number }> {
  const db = core.s.db
  db.exec('CREATE TABLE IF NOT EXISTS test_units (job TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (job, n)) STRICT')
  return {
    kind: 'test.count',
    payload: z.object({ to: z.number().int() }),
    async run(job) {
      let n = (job.checkpoint as { n: number } | null)?.n ?? 0
      while (n < job.payload.to) {
        job.throwIfStopped()
        await new Promise((r) => setTimeout(r, stepMs))
        n++
        core.s.db.transaction(() => {
          core.s.db.prepare('INSERT INTO test_units (job, n) VALUES (?, ?)').run(job.id, n)
          job.checkpointNow({ n })
        })()
        job.progress(n, job.payload.to)
      }
      return { counted: n }
    }
  }
}
