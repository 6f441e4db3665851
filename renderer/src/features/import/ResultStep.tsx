// Steps 3 and 4: the dry-run report (created / updated / unchanged / rejected, row by row) with
// the two ways to apply it, then the import itself with progress, time left and cancel.
import { ArrowLeft, Download, FileWarning, LayoutGrid, Upload, Plus, TriangleAlert } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportInfo } from '../../../../shared/contract/spreadsheet.ts'
import { api } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { navigate } from '../../app/router.ts'
import { Button } from '../../ui/Button.tsx'
import { Notice } from '../../ui/Card.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { toast } from '../../ui/toasts.ts'
import { download, importErrorText, JobProgress, ReportTable } from './parts.tsx'
import { LeftOutColumns } from './LeftOutColumns.tsx'
import { useImport } from './store.ts'
import { currentLanguage } from '../../i18n/index.ts'
import { warningText } from '../../../../shared/messages/import.ts'

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
        <Notice tone="danger" role="alert">{t('import:apply.failed')} {importErrorText(failedError, t)}</Notice>
      )}
      {job?.state === 'cancelled' && <Notice tone="warning" role="status">{t('import:apply.cancelled')}</Notice>}
      {summary && (
        <div className="card" data-testid="import-summary">
          <h2>{step === 'apply' ? t('import:steps.apply') : t('import:steps.check')}</h2>
          <p data-testid="summary-line"><strong>{t('import:check.summary', summary)}</strong></p>
          {step === 'check' && <p className="muted">{t('import:check.nothingWritten')}</p>}
          {step === 'apply' && info?.state === 'applied' && <Notice tone="success" role="status">{t('import:apply.done', summary)}</Notice>}
          {step === 'apply' && info?.state === 'rolled-back' && <Notice tone="danger" role="alert">{t('import:apply.rolledBack', summary)}</Notice>}
          {summary.newCategories.length > 0 && <p className="muted">{t('import:check.newCategories', { names: summary.newCategories.join(', ') })}</p>}
          {(summary.newFamilies ?? []).length > 0 && <p className="muted" data-testid="new-families">{t('import:families.created', { count: summary.newFamilies.length, names: summary.newFamilies.join(', ') })}</p>}
          {(summary.merged ?? 0) > 0 && <p className="muted">{t('import:check.merged', { count: summary.merged })}</p>}
          {summary.warnings.map((w) => <p key={w.code} className="muted row" data-testid="import-warning"><Icon icon={TriangleAlert} size="sm" />{warningText(w, t)}</p>)}
          {step === 'check' && <LeftOutColumns gaps={summary.leftOut ?? []} />}
          <div className="row wrap" style={{ marginBottom: 'var(--space-3)' }}>
            {step === 'check' && (
              <>
                <Button variant="primary" icon={Upload} disabled={summary.rejected > 0} title={t('import:check.applyAllHint')} onClick={() => void apply('all-or-nothing')}>
                  {t('import:check.applyAll', { count: summary.rows })}
                </Button>
                {summary.rejected > 0 && summary.created + summary.updated + summary.unchanged > 0 && (
                  <Button icon={Upload} title={t('import:check.applyValidHint')} onClick={() => void apply('valid-rows')}>
                    {t('import:check.applyValid', { count: summary.rows - summary.rejected })}
                  </Button>
                )}
                <Button variant="ghost" icon={ArrowLeft} onClick={() => set({ step: 'mapping' })}>{t('import:check.back')}</Button>
              </>
            )}
            {step === 'apply' && (
              <>
                <Button variant="primary" icon={LayoutGrid} onClick={() => navigate('catalog')}>{t('import:apply.openCatalog')}</Button>
                <Button icon={Plus} onClick={reset}>{t('import:apply.another')}</Button>
              </>
            )}
            <span className="spacer" />
            <Button size="sm" variant="ghost" icon={Download} onClick={() => void download(() => api.spreadsheet.reportFile({ importId, format: 'xlsx', language: currentLanguage() }), t)}>{t('import:check.downloadReport')}</Button>
            {summary.rejected > 0 && (
              <Button size="sm" variant="ghost" icon={FileWarning} onClick={() => void download(() => api.spreadsheet.rejectedFile({ importId, language: currentLanguage() }), t)}>{t('import:check.downloadRejected')}</Button>
            )}
          </div>
          {step === 'check' && summary.rejected > 0 && <p className="muted">{t('import:check.fixFirst')}</p>}
          <ReportTable importId={importId} version={info ? Date.parse(info.updatedAt) : 0} />
        </div>
      )}
    </div>
  )
}
