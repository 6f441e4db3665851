// Jobs drawer: every long task (backup, import, photos, translation, publishing) with progress,
// time left, and cancel / pause / resume / retry. It sits in its own column of the shell, so
// the screen beside it stays usable.
import type { TFunction } from 'i18next'
import { CircleSlash, ListChecks, Pause, Play, RotateCcw, X } from 'lucide-react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Job } from '../../../../shared/contract/jobs.ts'
import { api } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { Badge, type Tone } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { ProgressBar } from '../../ui/components.tsx'
import { EmptyState } from '../../ui/EmptyState.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { jobError, jobMessage, jobProgress, jobTitle } from './job-text.ts'

export function formatEta(seconds: number | null, t: TFunction): string {
  if (seconds === null) return ''
  if (seconds < 60) return t('common:jobs.etaSeconds', { count: seconds })
  if (seconds < 3600) return t('common:jobs.etaMinutes', { count: Math.round(seconds / 60) })
  return t('common:jobs.etaHours', { count: Math.round(seconds / 360) / 10 })
}

const STATE_TONE: Record<Job['state'], Tone> = { done: 'success', failed: 'danger', waiting: 'warning', paused: 'warning', running: 'info', queued: 'neutral', cancelled: 'neutral' }
const isActive = (job: Job) => job.state === 'running' || job.state === 'queued' || job.state === 'paused' || job.state === 'waiting'

export function JobsDrawer(props: { onClose(): void }) {
  const { t, i18n } = useTranslation()
  const jobs = Object.values(useApp((s) => s.jobs)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).slice(0, 50)
  const act = (fn: () => Promise<Job>) => fn().then((job) => useApp.setState((s) => ({ jobs: { ...s.jobs, [job.id]: job } }))).catch((err) => toast(errorText(err, t), 'err'))
  const num = new Intl.NumberFormat(i18n.language)
  // Esc closes the drawer when the focus is inside it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && document.getElementById('jobs-drawer')?.contains(document.activeElement)) props.onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [props])
  return (
    <aside className="drawer" id="jobs-drawer" aria-label={t('common:jobs.title')} data-testid="jobs-drawer">
      <header>
        <h2><Icon icon={ListChecks} size="lg" />{t('common:jobs.title')}</h2>
        <span className="spacer" />
        <Button variant="ghost" size="sm" icon={X} label={t('common:close')} onClick={props.onClose} />
      </header>
      <div className="body">
        {jobs.length === 0 && <EmptyState compact icon={ListChecks} title={t('common:jobs.none')} body={t('ui:empty.jobs')} />}
        {jobs.map((job) => (
          <div className="job" key={job.id} data-testid="job">
            <div className="row" style={{ alignItems: 'flex-start' }}>
              <span className="job-title">{jobTitle(job, t)}</span>
              <Badge tone={STATE_TONE[job.state]}>{t(`common:jobs.state.${job.state}`)}</Badge>
            </div>
            {isActive(job) && (
              <>
                <ProgressBar done={job.done} total={job.total} label={jobTitle(job, t)} />
                <div className="row muted small">
                  {job.total ? <span className="tabular">{jobProgress(job, t)}</span> : null}
                  <span className="spacer" />
                  {formatEta(job.etaSeconds, t)}
                </div>
              </>
            )}
            {job.error && <div className="error">{jobError(job, t)}</div>}
            {(job.state === 'waiting' || job.state === 'running' || job.state === 'paused') && job.message && <div className="muted small">{jobMessage(job, t)}</div>}
            <div className="row" style={{ marginTop: 'var(--space-2)' }}>
              {(job.state === 'running' || job.state === 'queued' || job.state === 'waiting') && (
                <Button size="sm" icon={Pause} onClick={() => act(() => api.jobs.pause({ id: job.id }))}>{t('common:jobs.pause')}</Button>
              )}
              {job.state === 'paused' && <Button size="sm" icon={Play} onClick={() => act(() => api.jobs.resume({ id: job.id }))}>{t('common:jobs.resume')}</Button>}
              {isActive(job) && (
                <Button size="sm" variant="ghost" tone="danger" icon={CircleSlash} onClick={() => act(() => api.jobs.cancel({ id: job.id }))}>{t('common:cancel')}</Button>
              )}
              {(job.state === 'failed' || job.state === 'cancelled') && <Button size="sm" icon={RotateCcw} onClick={() => act(() => api.jobs.retry({ id: job.id }))}>{t('common:jobs.retry')}</Button>}
            </div>
          </div>
        ))}
      </div>
    </aside>
  )
}
