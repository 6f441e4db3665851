// A job's title, progress ("1.234 di 3.599 righe"), current step and failure as sentences in the
// user's language: the core sends them as messages and codes (shared/contract/jobs.ts).
import type { TFunction } from 'i18next'
import type { Job } from '../../../../shared/contract/jobs.ts'
import { errorText } from '../../../../shared/messages/errors.ts'
import { messageText } from '../../../../shared/messages/translator.ts'

export const jobTitle = (job: Job, t: TFunction): string => messageText(job.title, t)

export const jobMessage = (job: Job, t: TFunction): string => (job.message ? messageText(job.message, t) : '')

export function jobProgress(job: Job, t: TFunction): string {
  if (job.total === null || job.total === undefined) return job.done > 0 && job.unit && job.unit !== 'percent' ? String(t(`common:jobs.done.${job.unit}`, { count: job.done })) : ''
  if (job.unit === 'percent') return String(t('common:jobs.progress.percent', { done: job.total ? Math.floor((100 * job.done) / job.total) : job.done }))
  if (job.unit) return String(t(`common:jobs.progress.${job.unit}`, { done: job.done, count: job.total }))
  return String(t('common:jobs.progress.plain', { done: job.done, total: job.total }))
}

export const jobError = (job: Job, t: TFunction): string => (job.error ? errorText(job.error, t) : '')
