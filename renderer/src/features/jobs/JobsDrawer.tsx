// Jobs drawer: every long task (backup, import, photos, translation, publishing) with progress,
// time left, and cancel / pause / resume / retry.
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Job } from '../../../../shared/contract/jobs.ts'
import { api } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { ProgressBar } from '../../ui/components.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'

export function formatEta(seconds: number | null, t: TFunction): string {
  if (seconds === null) return ''
  if (seconds < 60) return t('common:jobs.etaSeconds', { count: seconds })
  if (seconds < 3600) return t('common:jobs.etaMinutes', { count: Math.round(seconds / 60) })
  return t('common:jobs.etaHours', { count: Math.round(seconds / 360) / 10 })
}

export function JobsDrawer(props: { onClose(): void }) {
  const { t } = useTranslation()
  const jobs = Object.values(useApp((s) => s.jobs)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).slice(0, 50)
  const act = (fn: () => Promise<Job>) => fn().then((job) => useApp.setState((s) => ({ jobs: { ...s.jobs, [job.id]: job } }))).catch((err) => toast(errorText(err, t), 'err'))
  return (
    <aside className="drawer" aria-label={t('common:jobs.title')}>
      <header>
        <strong>{t('common:jobs.title')}</strong>
        <span className="spacer" />
        <button className="btn small" onClick={props.onClose}>{t('common:close')}</button>
      </header>
      <div className="body">
        {jobs.length === 0 && <div className="muted">{t('common:jobs.none')}</div>}
        {jobs.map((job) => (
          <div className="job" key={job.id} data-testid="job">
            <div className="row">
              <strong style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{job.title}</strong>
              <span className="spacer" />
              <span className={`badge ${job.state === 'done' ? 'ok' : job.state === 'failed' ? 'err' : job.state === 'waiting' || job.state === 'paused' ? 'warn' : ''}`}>
                {t(`common:jobs.state.${job.state}`)}
              </span>
            </div>
            {(job.state === 'running' || job.state === 'queued' || job.state === 'paused' || job.state === 'waiting') && (
              <>
                <ProgressBar done={job.done} total={job.total} />
                <div className="row muted" style={{ fontSize: 12 }}>
                  {job.total ? `${job.done} / ${job.total}` : null}
                  <span className="spacer" />
                  {formatEta(job.etaSeconds, t)}
                </div>
              </>
            )}
            {job.error && <div className="error" style={{ color: 'var(--danger)', fontSize: 12 }}>{job.error.message}</div>}
            {job.state === 'waiting' && job.message && <div className="muted" style={{ fontSize: 12 }}>{job.message}</div>}
            {job.state === 'paused' && job.message === 'interrupted' && <div className="muted" style={{ fontSize: 12 }}>{t('common:jobs.interrupted')}</div>}
            <div className="row" style={{ marginTop: 4 }}>
              {(job.state === 'running' || job.state === 'queued' || job.state === 'waiting') && (
                <button className="btn small" onClick={() => act(() => api.jobs.pause({ id: job.id }))}>{t('common:jobs.pause')}</button>
              )}
              {job.state === 'paused' && <button className="btn small" onClick={() => act(() => api.jobs.resume({ id: job.id }))}>{t('common:jobs.resume')}</button>}
              {(job.state === 'running' || job.state === 'queued' || job.state === 'waiting' || job.state === 'paused') && (
                <button className="btn small danger" onClick={() => act(() => api.jobs.cancel({ id: job.id }))}>{t('common:cancel')}</button>
              )}
              {(job.state === 'failed' || job.state === 'cancelled') && <button className="btn small" onClick={() => act(() => api.jobs.retry({ id: job.id }))}>{t('common:jobs.retry')}</button>}
            </div>
          </div>
        ))}
      </div>
    </aside>
  )
}
