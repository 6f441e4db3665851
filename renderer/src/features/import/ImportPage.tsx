// Import / export section: the import wizard (file → columns → check → import), recent imports,
// and the catalogue export.
import { Check, Download, FolderOpen, History } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportInfo } from '../../../../shared/contract/spreadsheet.ts'
import { api, transport } from '../../api/client.ts'
import { useEvent } from '../../api/events.ts'
import { useApp } from '../../app/store.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { Card } from '../../ui/Card.tsx'
import { Field } from '../../ui/components.tsx'
import { MiddleEllipsis } from '../../ui/FilePicker.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { PageHeader } from '../../ui/PageHeader.tsx'
import { Select } from '../../ui/Select.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { FileStep } from './FileStep.tsx'
import { MappingStep } from './MappingStep.tsx'
import { ResultStep } from './ResultStep.tsx'
import { useImport, type Step } from './store.ts'
import { currentLanguage } from '../../i18n/index.ts'

const STEPS: Step[] = ['file', 'mapping', 'check', 'apply']

function Steps() {
  const { t } = useTranslation()
  const step = useImport((s) => s.step)
  const at = STEPS.indexOf(step)
  return (
    <ol className="steps" aria-label={t('import:title')}>
      {STEPS.map((s, i) => (
        <li key={s} className={i < at ? 'done' : undefined} aria-current={s === step ? 'step' : undefined}>
          <span className="step-n">{i < at ? <Icon icon={Check} size="sm" /> : i + 1}</span>{t(`import:steps.${s}`)}
        </li>
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
    <Card title={t('import:recent.title')} icon={History}>
      {items.length === 0 && <div className="muted">{t('import:recent.none')}</div>}
      {items.map((imp) => (
        <div key={imp.id} className="recent-import" data-testid="recent-import">
          <span className="recent-name" data-testid="recent-import-name"><MiddleEllipsis text={imp.fileName} /></span>
          <div className="row">
            <span className="muted small">{fmt.format(new Date(imp.createdAt))}</span>
            <Badge tone={imp.state === 'applied' ? 'success' : imp.state === 'failed' || imp.state === 'rolled-back' ? 'danger' : 'neutral'}>{t(`import:state.${imp.state}`)}</Badge>
            <span className="spacer" />
            <Button size="sm" variant="ghost" icon={FolderOpen} onClick={() => open(imp)}>{t('import:recent.open')}</Button>
          </div>
        </div>
      ))}
    </Card>
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
      .exportCatalog({ language: currentLanguage(), format: format === 'xlsx' ? 'xlsx' : 'csv', csvLocale: format === 'csv-en' ? 'en' : 'it', filter: onlyReady ? { status: ['ready'] } : {}, variantLayout })
      .then((r) => setJobId(r.jobId))
      .catch((err) => toast(errorText(err, t), 'err'))
  return (
    <Card title={t('import:export.title')} icon={Download}>
      <p className="muted" style={{ marginTop: 0 }}>{t('import:export.hint')}</p>
      <Field label={t('import:export.format')}>
        {(id) => (
          <Select<typeof format> id={id} value={format} onChange={setFormat}
            options={[{ value: 'xlsx', label: t('import:export.xlsx') }, { value: 'csv-it', label: t('import:export.csvIt') }, { value: 'csv-en', label: t('import:export.csvEn') }]} />
        )}
      </Field>
      <Field label={t('import:variants.export.layout')}>
        {(id) => (
          <Select<typeof variantLayout> id={id} value={variantLayout} onChange={setVariantLayout}
            options={[{ value: 'rows', label: t('import:variants.export.rows') }, { value: 'group', label: t('import:variants.export.group') }]} />
        )}
      </Field>
      <label className="check" style={{ marginBottom: 'var(--space-3)' }}>
        <input type="checkbox" checked={onlyReady} onChange={(e) => setOnlyReady(e.target.checked)} />
        {t('import:export.onlyReady')}
      </label>
      <div><Button icon={Download} busy={!!jobId} onClick={() => void run()}>{t('import:export.run')}</Button></div>
    </Card>
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
      <PageHeader title={t('import:title')} />
      <div className="split">
        <div style={{ minWidth: 0 }}>
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
