// The batch the user started: progress with time left, then what happened to each file, with
// the reason for every file that was refused.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BatchItem } from '../../../../shared/contract/photos.ts'
import { api } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { formatEta } from '../jobs/JobsDrawer.tsx'
import { ProgressBar } from '../../ui/components.tsx'
import { fileErrorText, skippedText } from './file-reasons.ts'

export function BatchReport(props: { jobId: string; onClose(): void }) {
  const { t } = useTranslation()
  const job = useApp((s) => s.jobs[props.jobId])
  const [failed, setFailed] = useState<BatchItem[]>([])
  const [counts, setCounts] = useState<Record<string, number> | null>(null)
  const [skippedBy, setSkippedBy] = useState<Record<string, number>>({})
  const finished = job && (job.state === 'done' || job.state === 'failed' || job.state === 'cancelled')
  const active = job && !finished

  useEffect(() => {
    if (!job) return
    let stale = false
    void api.photos.batch({ jobId: props.jobId, states: ['failed'], limit: 500 }).then((r) => {
      if (stale) return
      setFailed(r.items)
      setCounts(r.counts)
      setSkippedBy(r.skippedBy)
    })
    return () => {
      stale = true
    }
    // Refresh when a file is done (not on every progress tick of the same count).
  }, [props.jobId, job?.done, job?.state])

  if (!job) return null
  return (
    <div className="card photo-batch" data-testid="photo-batch" aria-live="polite">
      <div className="row">
        <strong>{job.title}</strong>
        <span className="spacer" />
        <span className={`badge ${job.state === 'done' ? 'ok' : job.state === 'failed' ? 'err' : ''}`}>{t(`common:jobs.state.${job.state}`)}</span>
        {active && <button className="btn small danger" onClick={() => void api.jobs.cancel({ id: job.id })}>{t('common:cancel')}</button>}
        {finished && <button className="btn small" onClick={props.onClose}>{t('common:close')}</button>}
      </div>
      {active && (
        <>
          <ProgressBar done={job.done} total={job.total} />
          <div className="row muted" style={{ fontSize: 12 }}>
            {job.total ? t('photos:batch.progress', { done: job.done, total: job.total }) : null}
            <span className="spacer" />
            {formatEta(job.etaSeconds, t)}
            {job.message && <span style={{ marginLeft: 8 }}>{job.message}</span>}
          </div>
        </>
      )}
      {counts && (
        <p data-testid="batch-summary">
          {t('photos:batch.summary', { added: counts.added, duplicate: counts.duplicate, failed: counts.failed, pending: counts.pending })}
        </p>
      )}
      {skippedText(skippedBy, t) && <p className="muted" data-testid="batch-skipped">{skippedText(skippedBy, t)}</p>}
      {job.error && <div className="error" role="alert">{job.error.message}</div>}
      {failed.length > 0 && (
        <table className="table" data-testid="batch-failures">
          <tbody>
            {failed.map((i) => (
              <tr key={i.seq}>
                <td style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{i.name}</td>
                <td>{i.error ? fileErrorText(i.error, t) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
