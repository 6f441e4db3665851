// Opening the sample catalogue and coming back, as jobs of the catalogue that is open: the job makes
// the sample when needed (with progress, cancel and pause), then asks the core to switch folders —
// the same reload a restore uses, done once the job has finished, so every area is closed and
// opened again and every subscription of the catalogue being left is dropped.
import { resolve } from 'node:path'
import { z } from 'zod'
import { AppError } from '../../../../shared/contract/errors.ts'
import { msg } from '../../../../shared/messages/message.ts'
import type { Services } from '../../core.ts'
import type { JobKind } from '../../jobs/runner.ts'
import { demoFolderOf } from '../../platform/demo-folder.ts'
import { InstanceLock } from '../../platform/instance-lock.ts'
import { DEMO_STEPS, type DemoStep } from './build.ts'
import { createDemoCatalogue } from './create.ts'

const OpenPayload = z.object({ fresh: z.boolean().default(false) })

/** How much of the whole each step takes (percent). */
const WEIGHT: Record<DemoStep, number> = { settings: 2, priceList: 10, pictures: 25, photos: 25, categories: 15, rules: 8, translations: 15 }

export function demoJobs(s: Services) {
  const home = () => resolve(s.options.dataDir)
  const away = () => resolve(s.paths.dataDir) !== home()

  const openJob: JobKind<z.infer<typeof OpenPayload>> = {
    kind: 'system.openDemo',
    payload: OpenPayload,
    async run(job) {
      if (s.demo || away()) throw new AppError('demo_already_open', 'The sample catalogue is open already.')
      const dir = demoFolderOf(home())
      const made = await createDemoCatalogue(dir, {
        replace: job.payload.fresh,
        throwIfStopped: () => job.throwIfStopped(),
        progress: (done, total, step) => {
          const before = DEMO_STEPS.slice(0, DEMO_STEPS.indexOf(step)).reduce((n, st) => n + WEIGHT[st], 0)
          job.progress(Math.round(before + (WEIGHT[step] * done) / Math.max(1, total)), 100, msg(`settings:job.demo.step.${step}`))
        },
        core: { photoEngine: s.options.photoEngine },
        appVersion: s.appVersion
      })
      // Another Vetrina (a CLI, a browser-mode host) working in the sample now: say so instead of switching.
      const probe = new InstanceLock(dir)
      probe.acquire()
      probe.release()
      s.requestCatalogue(dir)
      return { dataDir: dir, created: made.created, ...(made.result ?? {}) }
    }
  }

  const closeJob: JobKind<Record<string, never>> = {
    kind: 'system.closeDemo',
    payload: z.object({}) as unknown as z.ZodType<Record<string, never>>,
    async run() {
      if (!away()) throw new AppError('demo_no_way_back', 'This Vetrina was started on the sample catalogue\'s own folder: there is no other catalogue to go back to. Start Vetrina on your catalogue instead.')
      s.requestCatalogue(home())
      return { dataDir: home() }
    }
  }

  return {
    jobs: [openJob, closeJob] as JobKind<any>[],
    open(fresh: boolean) {
      if (s.demo || away()) throw new AppError('demo_already_open', 'The sample catalogue is open already.')
      const job = s.jobs.enqueue('system.openDemo', { fresh }, { title: msg('settings:job.demo.open'), dedupeKey: 'demo-open' })
      return { jobId: job.id }
    },
    close() {
      if (!away()) throw new AppError('demo_no_way_back', 'This Vetrina was started on the sample catalogue\'s own folder: there is no other catalogue to go back to. Start Vetrina on your catalogue instead.')
      const job = s.jobs.enqueue('system.closeDemo', {}, { title: msg('settings:job.demo.close'), dedupeKey: 'demo-close' })
      return { jobId: job.id }
    }
  }
}
