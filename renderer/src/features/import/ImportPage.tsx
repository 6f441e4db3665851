// Import / export section: the import wizard (file → columns → check → import), recent imports,
// and the catalogue export.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportInfo } from '../../../../shared/contract/spreadsheet.ts'
import { api, transport } from '../../api/client.ts'
import { useEvent } from '../../api/events.ts'
import { useApp } from '../../app/store.ts'
import { Field } from '../../ui/components.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { FileStep } from './FileStep.tsx'
import { MappingStep } from './MappingStep.tsx'
import { ResultStep } from './ResultStep.tsx'
import { useImport, type Step } from './store.ts'

const STEPS: Step[] = ['file', 'mapping', 'check', 'apply']

function Steps() {
  const { t } = useTranslation()
  const step = useImport((s) => s.step)
  return (
    <ol className="row" aria-label={t('import:title')} style={{ listStyle: 'none', padding: 0, margin: '0 0 12px' }}>
      {STEPS.map((s, i) => (
        <li key={s} className={`badge${s === step ? ' ok' : ''}`} aria-current={s === step ? 'step' : undefined}>{i + 1}. {t(`import:steps.${s}`)}</li>
      ))}
    </ol>
  )
}

function RecentImports() {
  const { t, i18n } = useTranslation()
  const [items, setItems] = useState<ImportInfo[]>([])
  const load = () => void api.spreadsheet.listImports({ limit: 8 }).then((r) => setItems(r.items)).catch(() => {})
  useEffect(load, [])
  useEvent('job.progress', (job) => {
    if (job.kind === 'spreadsheet.import' && ['done', 'failed', 'cancelled'].includes(job.state)) load()
  })
  const open = (imp: ImportInfo) => {
    const applied = imp.applyJobId !== null
    useImport.setState({ importId: imp.id, dryJobId: imp.dryRunJobId, applyJobId: imp.applyJobId, step: applied ? 'apply' : 'check' })
  }
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' })
  return (
    <div className="card">
      <h2>{t('import:recent.title')}</h2>
      {items.length === 0 && <div className="muted">{t('import:recent.none')}</div>}
      {items.map((imp) => (
        <div key={imp.id} className="row" style={{ padding: '4px 0' }}>
          <span style={{ flex: '1 1 auto', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={imp.fileName}>{imp.fileName}</span>
          <span className="muted" style={{ fontSize: 12 }}>{fmt.format(new Date(imp.createdAt))}</span>
          <span className={`badge ${imp.state === 'applied' ? 'ok' : imp.state === 'failed' || imp.state === 'rolled-back' ? 'err' : ''}`}>{t(`import:state.${imp.state}`)}</span>
          <button className="btn small" onClick={() => open(imp)}>{t('import:recent.open')}</button>
        </div>
      ))}
    </div>
  )
}

function ExportCard() {
  const { t } = useTranslation()
  const [format, setFormat] = useState<'xlsx' | 'csv-it' | 'csv-en'>('xlsx')
  const [onlyReady, setOnlyReady] = useState(false)
  const [variantLayout, setVariantLayout] = useState<'rows' | 'group'>('rows')
  const [jobId, setJobId] = useState<string | null>(null)
  const job = useApp((s) => (jobId ? s.jobs[jobId] : undefined))
  useEffect(() => {
    if (!job || job.state === 'running' || job.state === 'queued') return
    setJobId(null)
    if (job.state === 'done') {
      const result = job.result as { rows: number; download: Parameters<typeof transport.download>[0] }
      toast(t('import:export.done', { rows: result.rows }))
      void transport.download(result.download).catch((err) => toast(errorText(err, t), 'err'))
    } else if (job.error) toast(job.error.message, 'err')
  }, [job, t])
  const run = () =>
    api.spreadsheet
      .exportCatalog({ format: format === 'xlsx' ? 'xlsx' : 'csv', csvLocale: format === 'csv-en' ? 'en' : 'it', filter: onlyReady ? { status: ['ready'] } : {}, variantLayout })
      .then((r) => setJobId(r.jobId))
      .catch((err) => toast(errorText(err, t), 'err'))
  return (
    <div className="card">
      <h2>{t('import:export.title')}</h2>
      <p className="muted">{t('import:export.hint')}</p>
      <Field label={t('import:export.format')}>
        {(id) => (
          <select id={id} className="input" value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
            <option value="xlsx">{t('import:export.xlsx')}</option>
            <option value="csv-it">{t('import:export.csvIt')}</option>
            <option value="csv-en">{t('import:export.csvEn')}</option>
          </select>
        )}
      </Field>
      <Field label={t('import:variants.export.layout')}>
        {(id) => (
          <select id={id} className="input" value={variantLayout} onChange={(e) => setVariantLayout(e.target.value as typeof variantLayout)}>
            <option value="rows">{t('import:variants.export.rows')}</option>
            <option value="group">{t('import:variants.export.group')}</option>
          </select>
        )}
      </Field>
      <label className="row" style={{ marginBottom: 12 }}>
        <input type="checkbox" checked={onlyReady} onChange={(e) => setOnlyReady(e.target.checked)} />
        {t('import:export.onlyReady')}
      </label>
      <button className="btn primary" disabled={!!jobId} onClick={() => void run()}>{t('import:export.run')}</button>
    </div>
  )
}

export function ImportPage() {
  const { t } = useTranslation()
  const step = useImport((s) => s.step)
  const loadLists = useImport((s) => s.loadLists)
  useEffect(() => {
    void loadLists().catch((err) => toast(errorText(err, t), 'err'))
  }, [loadLists, t])
  return (
    <div className="page">
      <div className="page-header"><h1>{t('import:title')}</h1></div>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(260px, 1fr)', gap: 16, alignItems: 'start' }}>
        <div>
          <Steps />
          {step === 'file' && <FileStep />}
          {step === 'mapping' && <MappingStep />}
          {(step === 'check' || step === 'apply') && <ResultStep />}
        </div>
        <div>
          <RecentImports />
          <ExportCard />
        </div>
      </div>
    </div>
  )
}
