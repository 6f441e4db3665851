// The batch the user started: progress with time left, then what happened to each file, with
// the reason for every file that was refused.
import { CircleSlash, X } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BatchItem } from '../../../../shared/contract/photos.ts'
import { api } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { formatEta } from '../jobs/JobsDrawer.tsx'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { Notice } from '../../ui/Card.tsx'
import { ProgressBar } from '../../ui/components.tsx'
import { fileErrorText, skippedText } from './file-reasons.ts'
import { jobError, jobMessage, jobProgress, jobTitle } from '../jobs/job-text.ts'

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
        <strong>{jobTitle(job, t)}</strong>
        <span className="spacer" />
        <Badge tone={job.state === 'done' ? 'success' : job.state === 'failed' ? 'danger' : 'info'}>{t(`common:jobs.state.${job.state}`)}</Badge>
        {active && <Button size="sm" variant="ghost" tone="danger" icon={CircleSlash} onClick={() => void api.jobs.cancel({ id: job.id })}>{t('common:cancel')}</Button>}
        {finished && <Button size="sm" variant="ghost" icon={X} label={t('common:close')} onClick={props.onClose} />}
      </div>
      {active && (
        <>
          <ProgressBar done={job.done} total={job.total} />
          <div className="row muted small">
            {jobProgress(job, t)}
            <span className="spacer" />
            {formatEta(job.etaSeconds, t)}
            {job.message && <span style={{ marginLeft: 8 }}>{jobMessage(job, t)}</span>}
          </div>
        </>
      )}
      {counts && (
        <p data-testid="batch-summary">
          {t('photos:batch.summary', { added: counts.added, duplicate: counts.duplicate, failed: counts.failed, pending: counts.pending })}
        </p>
      )}
      {skippedText(skippedBy, t) && <p className="muted" data-testid="batch-skipped">{skippedText(skippedBy, t)}</p>}
      {job.error && <Notice tone="danger" role="alert">{jobError(job, t)}</Notice>}
      {failed.length > 0 && (
        <table className="table" data-testid="batch-failures">
          <caption className="sr-only">{t('ui:photos.refused')}</caption>
          <tbody>
            {failed.map((i) => (
              <tr key={i.seq}>
                <td style={{ wordBreak: 'break-all', fontWeight: 'var(--weight-semibold)' }}>{i.name}</td>
                <td>{i.error ? fileErrorText(i.error, t) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
