// Contract handlers for jobs (list, cancel, pause, resume, retry; pause a whole queue).
import type { CoreModule, Services } from '../core.ts'

export function jobsModule(s: Services): CoreModule<'jobs'> {
  return {
    area: 'jobs',
    handlers: {
      list: (input) => ({ items: s.jobs.list(input) }),
      get: (input) => s.jobs.get(input.id),
      cancel: (input) => s.jobs.cancel(input.id),
      pause: (input) => s.jobs.pause(input.id),
      resume: (input) => s.jobs.resume(input.id),
      retry: (input) => s.jobs.retry(input.id),
      pauseKind: (input) => ({ paused: s.jobs.pauseKind(input.kind) }),
      resumeKind: (input) => ({ paused: s.jobs.resumeKind(input.kind) })
    }
  }
}
