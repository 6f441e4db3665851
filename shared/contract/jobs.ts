// Long work (backup, restore, import, photo batches, translation, publishing) runs as persisted
// jobs; the UI follows them through `job.progress` events.
import { z } from 'zod'
import { Message, MessageParams } from '../messages/message.ts'
import { call } from './define.ts'

export const JOB_STATES = ['queued', 'running', 'paused', 'waiting', 'done', 'failed', 'cancelled'] as const
export const JobState = z.enum(JOB_STATES)
export type JobState = z.infer<typeof JobState>

/** What `done` and `total` count, for "1.234 di 3.599 righe" (common:jobs.progress.<unit>). */
export const JOB_UNITS = ['rows', 'files', 'photos', 'units', 'listings', 'entries', 'categories', 'percent'] as const
export const JobUnit = z.enum(JOB_UNITS)
export type JobUnit = z.infer<typeof JobUnit>

export const Job = z.object({
  id: z.string(),
  kind: z.string(),
  state: JobState,
  /** Short label as a message, e.g. "Import listino.csv" (import:job.apply with the file name). */
  title: Message,
  done: z.number(),
  total: z.number().nullable(),
  /** What done and total count; null when they are only a measure of progress. */
  unit: JobUnit.nullable(),
  /** Seconds left, estimated from the recent rate; null while unknown. */
  etaSeconds: z.number().nullable(),
  /** What the job is doing now, or why it waits. */
  message: Message.nullable(),
  /** Why it failed: an error code with its params (shown like any error), and the English for logs. */
  error: z.object({ code: z.string(), message: z.string(), params: MessageParams.optional() }).nullable(),
  attempts: z.number().int(),
  /** When a waiting job (backoff, ban, offline) may run again (ISO time). */
  runAfter: z.string().nullable(),
  result: z.unknown().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable()
})
export type Job = z.infer<typeof Job>

export const JobRef = z.object({ jobId: z.string() })

const ByKind = z.object({ kind: z.string().min(1) })
const ById = z.object({ id: z.string().min(1) })

export const jobs = {
  list: call({
    summary: 'Recent and active jobs, newest first.',
    roles: ['owner', 'translator'],
    input: z.object({
      states: z.array(JobState).optional(),
      kinds: z.array(z.string()).optional(),
      limit: z.number().int().min(1).max(500).default(50)
    }),
    output: z.object({ items: z.array(Job) })
  }),
  get: call({ summary: 'One job.', roles: ['owner', 'translator'], input: ById, output: Job }),
  cancel: call({ summary: 'Cancel a job; work already committed stays.', input: ById, output: Job }),
  pause: call({ summary: 'Pause a job; it stops at its next checkpoint.', input: ById, output: Job }),
  resume: call({ summary: 'Resume a paused job from its last checkpoint.', input: ById, output: Job }),
  retry: call({ summary: 'Queue a failed job again.', input: ById, output: Job }),
  pauseKind: call({ summary: 'Pause a whole queue (e.g. publishing).', input: ByKind, output: z.object({ paused: z.array(z.string()) }) }),
  resumeKind: call({ summary: 'Resume a paused queue.', input: ByKind, output: z.object({ paused: z.array(z.string()) }) })
}
