// Events pushed from the core to every connected UI (IPC or the browser-mode event stream).
import { z } from 'zod'
import { Job } from './jobs.ts'
import { OnlineStatus } from './system.ts'

export const DataChanged = z.object({
  /** What changed: "product", "category", "family", "settings", or an area's own entity. */
  entity: z.string(),
  ids: z.array(z.string()).optional(),
  /** Everything may have changed (restore, big import): reload all. */
  all: z.boolean().optional()
})
export type DataChanged = z.infer<typeof DataChanged>

export const events = {
  'job.progress': Job,
  'online.status': OnlineStatus,
  'data.changed': DataChanged
}

export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>
