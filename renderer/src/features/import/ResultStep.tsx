// Steps 3 and 4: the dry-run report (created / updated / unchanged / rejected, row by row) with
// the two ways to apply it, then the import itself with progress, time left and cancel.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportInfo } from '../../../../shared/contract/spreadsheet.ts'
import { api } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { navigate } from '../../app/router.ts'
import { toast } from '../../ui/toasts.ts'
import { download, importErrorText, JobProgress, ReportTable } from './parts.tsx'
import { useImport } from './store.ts'

const FINISHED = ['done', 'failed', 'cancelled']

export function ResultStep() {
  const { t } = useTranslation()
  const { importId, dryJobId, applyJobId, step, set, reset } = useImport()
  const jobId = step === 'apply' ? applyJobId : dryJobId
  const job = useApp((s) => (jobId ? s.jobs[jobId] : undefined))
  const [info, setInfo] = useState<ImportInfo | null>(null)
  const finished = !!job && FINISHED.includes(job.state)
  useEffect(() => {
    if (importId && (finished || !jobId)) void api.spreadsheet.getImport({ importId }).then(setInfo).catch((err) => toast(importErrorText(err, t), 'err'))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [importId, finished, jobId])
  if (!importId) return null
  const summary = info?.summary
  const apply = async (mode: 'all-or-nothing' | 'valid-rows') => {
    try {
      const r = await api.spreadsheet.apply({ importId, mode })
      setInfo(null)
      set({ applyJobId: r.jobId, step: 'apply' })
    } catch (err) {
      toast(importErrorText(err, t), 'err')
    }
  }
  const failedError = job?.state === 'failed' && job.error ? job.error : null
  return (
    <div>
      {jobId && <JobProgress jobId={jobId} label={step === 'apply' ? t('import:apply.running') : t('import:check.running')} />}
      {failedError && failedError.code !== 'spreadsheet_rolled_back' && (
        <div className="card" role="alert" style={{ color: 'var(--danger)' }}>{t('import:apply.failed')} {importErrorText(failedError, t)}</div>
      )}
      {job?.state === 'cancelled' && <div className="card" role="status">{t('import:apply.cancelled')}</div>}
      {summary && (
        <div className="card" data-testid="import-summary">
          <h2>{step === 'apply' ? t('import:steps.apply') : t('import:steps.check')}</h2>
          <p data-testid="summary-line"><strong>{t('import:check.summary', summary)}</strong></p>
          {step === 'check' && <p className="muted">{t('import:check.nothingWritten')}</p>}
          {step === 'apply' && info?.state === 'applied' && <p role="status">{t('import:apply.done', summary)}</p>}
          {step === 'apply' && info?.state === 'rolled-back' && <p role="alert" style={{ color: 'var(--danger)' }}>{t('import:apply.rolledBack', summary)}</p>}
          {summary.newCategories.length > 0 && <p className="muted">{t('import:check.newCategories', { names: summary.newCategories.join(', ') })}</p>}
          {(summary.merged ?? 0) > 0 && <p className="muted">{t('import:check.merged', { count: summary.merged })}</p>}
          {summary.warnings.map((w) => <p key={w.code} className="muted" data-testid="import-warning">⚠ {t(`import:warning.${w.code}`, { ...(w.params ?? {}) })}</p>)}
          <div className="row" style={{ flexWrap: 'wrap', marginBottom: 12 }}>
            {step === 'check' && (
              <>
                <button className="btn primary" disabled={summary.rejected > 0} title={t('import:check.applyAllHint')} onClick={() => void apply('all-or-nothing')}>
                  {t('import:check.applyAll', { count: summary.rows })}
                </button>
                {summary.rejected > 0 && summary.created + summary.updated + summary.unchanged > 0 && (
                  <button className="btn" title={t('import:check.applyValidHint')} onClick={() => void apply('valid-rows')}>
                    {t('import:check.applyValid', { count: summary.rows - summary.rejected })}
                  </button>
                )}
                <button className="btn link" onClick={() => set({ step: 'mapping' })}>{t('import:check.back')}</button>
              </>
            )}
            {step === 'apply' && (
              <>
                <button className="btn primary" onClick={() => navigate('catalog')}>{t('import:apply.openCatalog')}</button>
                <button className="btn" onClick={reset}>{t('import:apply.another')}</button>
              </>
            )}
            <span className="spacer" />
            <button className="btn small" onClick={() => void download(() => api.spreadsheet.reportFile({ importId, format: 'xlsx' }), t)}>{t('import:check.downloadReport')}</button>
            {summary.rejected > 0 && (
              <button className="btn small" onClick={() => void download(() => api.spreadsheet.rejectedFile({ importId }), t)}>{t('import:check.downloadRejected')}</button>
            )}
          </div>
          {step === 'check' && summary.rejected > 0 && <p className="muted">{t('import:check.fixFirst')}</p>}
          <ReportTable importId={importId} version={info ? Date.parse(info.updatedAt) : 0} />
        </div>
      )}
    </div>
  )
}
