// Pieces shared by the wizard steps: job progress with time left and cancel, the paged report
// table, and turning row issues into sentences.
import { CircleSlash, ChevronsDown } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { Outcome, ReportRow, RowIssue } from '../../../../shared/contract/spreadsheet.ts'
import { api, transport } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { Badge, type Tone } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { ProgressBar } from '../../ui/components.tsx'
import { Tabs } from '../../ui/Tabs.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { jobMessage } from '../jobs/job-text.ts'
import { rowIssueText } from '../../../../shared/messages/import.ts'

/** A file-level error in the user's language. */
export function importErrorText(err: unknown, t: TFunction): string {
  return errorText(err, t)
}

export function issueSentence(i: RowIssue, t: TFunction): string {
  return rowIssueText(i, t)
}

function etaText(seconds: number | null, t: TFunction): string {
  if (seconds === null) return ''
  if (seconds < 60) return t('common:jobs.etaSeconds', { count: seconds })
  if (seconds < 3600) return t('common:jobs.etaMinutes', { count: Math.round(seconds / 60) })
  return t('common:jobs.etaHours', { count: Math.round(seconds / 360) / 10 })
}

export function JobProgress(props: { jobId: string; label: string }) {
  const { t } = useTranslation()
  const job = useApp((s) => s.jobs[props.jobId])
  if (!job || !['queued', 'running', 'waiting', 'paused'].includes(job.state)) return null
  return (
    <div className="card" data-testid="import-progress">
      <div className="row">
        <strong>{props.label}</strong>
        <span className="spacer" />
        <span className="muted">{jobMessage(job, t)} {etaText(job.etaSeconds, t)}</span>
        <Button size="sm" variant="ghost" tone="danger" icon={CircleSlash} onClick={() => api.jobs.cancel({ id: job.id }).catch((err) => toast(errorText(err, t), 'err'))}>
          {t('import:cancel')}
        </Button>
      </div>
      <ProgressBar done={job.done} total={job.total ?? 100} />
    </div>
  )
}

const OUTCOME_BADGE: Record<Outcome, Tone> = { created: 'success', updated: 'info', unchanged: 'neutral', merged: 'neutral', rejected: 'danger' }

export function ReportTable(props: { importId: string; version: number }) {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<Outcome | 'all'>('all')
  const [rows, setRows] = useState<ReportRow[]>([])
  const [next, setNext] = useState<number | null>(null)
  const load = async (after: number, append: boolean) => {
    try {
      const page = await api.spreadsheet.report({ importId: props.importId, outcomes: filter === 'all' ? undefined : [filter], afterRow: after, limit: 100 })
      setRows((prev) => (append ? [...prev, ...page.items] : page.items))
      setNext(page.nextAfterRow)
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }
  useEffect(() => {
    void load(0, false)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.importId, props.version, filter])
  return (
    <div>
      <Tabs<typeof filter> variant="segmented" className="report-filter" active={filter} onChange={setFilter} aria-label={t('import:report.outcome')}
        tabs={(['all', 'rejected', 'created', 'updated', 'unchanged', 'merged'] as const).map((f) => ({ id: f, label: f === 'all' ? t('import:report.all') : t(`import:outcome.${f}`) }))} />
      {rows.length === 0 ? (
        <div className="muted">{t('import:report.empty')}</div>
      ) : (
        <div className="table-wrap" style={{ maxHeight: '60vh' }}>
        <table className="table" data-testid="import-report">
          <thead>
            <tr><th>{t('import:report.row')}</th><th>{t('import:report.sku')}</th><th>{t('import:report.outcome')}</th><th>{t('import:report.problems')}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.row} data-testid="report-row">
                <td className="num">{r.row}</td>
                <td>{r.sku ?? ''}</td>
                <td><Badge tone={OUTCOME_BADGE[r.outcome]}>{t(`import:outcome.${r.outcome}`)}</Badge></td>
                <td>{r.issues.map((i, k) => <div key={k} className={i.severity === 'warning' ? 'muted' : ''}>{issueSentence(i, t)}</div>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {next !== null && <Button size="sm" variant="ghost" icon={ChevronsDown} style={{ marginTop: 'var(--space-2)' }} onClick={() => void load(next, true)}>{t('import:report.more')}</Button>}
    </div>
  )
}

export async function download(make: () => Promise<Parameters<typeof transport.download>[0]>, t: TFunction): Promise<void> {
  try {
    await transport.download(await make())
  } catch (err) {
    toast(errorText(err, t), 'err')
  }
}
