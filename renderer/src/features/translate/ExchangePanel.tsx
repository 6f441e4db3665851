// Working with others: XLIFF for CAT tools and agencies, TMX memories, and translator links for
// browser mode on the office network.
import { Copy, FileDown, FileUp, Link2, Network, Settings } from 'lucide-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Download } from '../../../../shared/contract/files.ts'
import type { Job } from '../../../../shared/contract/jobs.ts'
import type { Api } from '../../../../shared/contract/index.ts'
import type { ImportProblem, XliffImportReport } from '../../../../shared/contract/translation.ts'
import { api, transport } from '../../api/client.ts'
import { useEvent } from '../../api/events.ts'
import { navigate } from '../../app/router.ts'
import { useApp } from '../../app/store.ts'
import { Button } from '../../ui/Button.tsx'
import { Card, Notice } from '../../ui/Card.tsx'
import { FilePicker } from '../../ui/FilePicker.tsx'
import { Select } from '../../ui/Select.tsx'
import { toast } from '../../ui/toasts.ts'
import { useWorkspace } from './store.ts'
import { trError } from './UnitEditor.tsx'
import { problemText } from './problem-text.ts'

export function ExchangePanel() {
  const { t } = useTranslation()
  const role = useApp((a) => a.role)
  const [version, setVersion] = useState<'2.0' | '1.2'>('2.0')
  const [useFilters, setUseFilters] = useState(true)
  const [dryRun, setDryRun] = useState(true)
  const [report, setReport] = useState<XliffImportReport | null>(null)
  const [link, setLink] = useState<TranslatorLink | null>(null)
  const [label, setLabel] = useState('')
  const pending = useRef(new Map<string, (job: Job) => void>())

  const settle = (job: Job) => {
    const done = pending.current.get(job.id)
    if (!done || !['done', 'failed', 'cancelled'].includes(job.state)) return
    pending.current.delete(job.id)
    if (job.state === 'done') done(job)
    else toast(job.error ? trError(job.error, t) : t(`common:jobs.state.${job.state}`), 'err')
  }
  useEvent('job.progress', settle)
  /** Calls fn when the job is done. A small file's job can end before its id comes back (its last
   *  event then went by unheard): the job is read once to settle that case too. */
  const whenDone = (jobId: string, fn: (job: Job) => void) => {
    pending.current.set(jobId, fn)
    void api.jobs.get({ id: jobId }).then(settle, () => undefined)
  }

  const exportXliff = async () => {
    try {
      const { jobId } = await api.translation.xliffExport({ version, selection: useFilters ? useWorkspace.getState().selection() : {} })
      whenDone(jobId, (job) => {
        const files = (job.result as { files: Array<Download & { units: number }> }).files
        for (const f of files) void transport.download(f)
        toast(t('translate:exchange.exported', { count: files.reduce((n, f) => n + f.units, 0) }))
      })
    } catch (err) {
      toast(trError(err, t), 'err')
    }
  }
  const importXliff = async (file: File) => {
    try {
      const ref = await transport.upload(file)
      const { jobId } = await api.translation.xliffImport({ file: ref, dryRun })
      whenDone(jobId, (job) => setReport(job.result as XliffImportReport))
    } catch (err) {
      toast(trError(err, t), 'err')
    }
  }
  const exportTmx = async () => {
    try {
      const { jobId } = await api.translation.tmExport({})
      whenDone(jobId, (job) => void transport.download((job.result as { file: Download }).file))
    } catch (err) {
      toast(trError(err, t), 'err')
    }
  }
  const importTmx = async (file: File) => {
    try {
      const ref = await transport.upload(file)
      const { jobId } = await api.translation.tmImport({ file: ref })
      whenDone(jobId, (job) => {
        const r = job.result as { imported: number; skipped: number; problems: ImportProblem[] }
        toast(t('translate:exchange.tmImported', r))
        // What was left out, and why (the first few; every problem names its unit and line).
        for (const p of r.problems.slice(0, 3)) toast(problemText(p, t), 'err')
      })
    } catch (err) {
      toast(trError(err, t), 'err')
    }
  }
  const makeLink = async () => {
    try {
      setLink(await api.translation.createTranslatorLink({ label: label.trim() || t('ui:translate.link.defaultName') }))
    } catch (err) {
      toast(trError(err, t), 'err')
    }
  }

  return (
    <div>
      <Card title="XLIFF" icon={FileDown}>
        <div className="toolbar">
          <Select<'2.0' | '1.2'> inline aria-label={t('translate:exchange.version')} value={version} onChange={setVersion}
            options={[{ value: '2.0', label: 'XLIFF 2.0' }, { value: '1.2', label: 'XLIFF 1.2' }]} />
          <label className="check"><input type="checkbox" checked={useFilters} onChange={(e) => setUseFilters(e.target.checked)} />{t('translate:exchange.useFilters')}</label>
          <Button variant="primary" icon={FileDown} onClick={() => void exportXliff()} testId="xliff-export">{t('translate:exchange.export')}</Button>
        </div>
        {role === 'owner' && (
          <div className="toolbar">
            <label className="check"><input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} data-testid="xliff-dry-run" />{t('translate:exchange.dryRun')}</label>
            <FilePicker accept=".xlf,.xliff,.xml" icon={FileUp} label={t('translate:exchange.import')} showName={false} testId="xliff-file" onPick={([f]) => f && void importXliff(f.file)} />
          </div>
        )}
        {report && (
          <div data-testid="xliff-report">
            <p>{t(report.dryRun ? 'translate:exchange.reportDry' : 'translate:exchange.report', { ...report })}</p>
            {report.problems.length > 0 && (
              <div className="table-wrap" style={{ maxHeight: 360 }}>
                <table className="table">
                  <thead><tr><th>{t('translate:exchange.unit')}</th><th>{t('translate:exchange.problem')}</th></tr></thead>
                  <tbody>{report.problems.slice(0, 200).map((p, i) => <tr key={i}><td><code>{p.unitId ?? '—'}</code>{p.line ? ` (${p.line})` : ''}</td><td>{problemText(p, t)}</td></tr>)}</tbody>
                </table>
              </div>
            )}
          </div>
        )}
      </Card>
      <Card title={t('translate:exchange.memory')} icon={FileDown}>
        <div className="toolbar">
          <Button icon={FileDown} onClick={() => void exportTmx()}>{t('translate:exchange.tmExport')}</Button>
          {role === 'owner' && <FilePicker accept=".tmx,.xml" icon={FileUp} label={t('translate:exchange.tmImport')} showName={false} testId="tmx-file" onPick={([f]) => f && void importTmx(f.file)} />}
        </div>
      </Card>
      {role === 'owner' && (
        <Card title={t('translate:exchange.linkTitle')} icon={Link2} testId="translator-links">
          <p className="muted" style={{ marginTop: 0 }}>{t('translate:exchange.linkHint')}</p>
          <div className="toolbar">
            <input className="input" style={{ maxWidth: 320 }} placeholder={t('translate:exchange.linkLabel')} aria-label={t('translate:exchange.linkLabel')} value={label} onChange={(e) => setLabel(e.target.value)} />
            <Button icon={Link2} onClick={() => void makeLink()} testId="make-link">{t('translate:exchange.makeLink')}</Button>
          </div>
          {link && <LinkResult link={link} />}
        </Card>
      )}
    </div>
  )
}

type TranslatorLink = Awaited<ReturnType<Api['translation']['createTranslatorLink']>>

/** The link to hand out, and whether another PC can open it — with the way to make it so. */
function LinkResult(props: { link: TranslatorLink }) {
  const { t } = useTranslation()
  const { link } = props
  const local = link.links.filter((l) => !link.officeLinks.includes(l))
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(() => toast(t('ui:translate.link.copied'), 'success'), () => toast(t('ui:translate.link.copyFailed'), 'err'))
  const row = (l: string, office: boolean) => (
    <div className="link-row" key={l}>
      <code data-testid="translator-link" data-scope={office ? 'office' : 'this-pc'} className={office ? 'office' : undefined}>{l}</code>
      <Button size="sm" icon={Copy} onClick={() => void copy(l)}>{t('ui:translate.link.copy')}</Button>
    </div>
  )
  return (
    <div className="stack" data-testid="link-result" data-office={link.officeNetwork}>
      {link.officeNetwork === 'on' ? (
        <>
          <Notice tone="success" icon={Network}>{t('ui:translate.link.on')}</Notice>
          {link.officeLinks.map((l) => row(l, true))}
          <div className="muted small">{t('ui:translate.link.thisPc')}</div>
        </>
      ) : (
        <Notice tone="warning" icon={Network} testId="office-network-notice">
          <p><strong>{t(`ui:translate.link.${link.officeNetwork}.title`)}</strong></p>
          <p>{t(`ui:translate.link.${link.officeNetwork}.body`)}</p>
          {link.officeNetwork === 'off' && (
            <Button size="sm" icon={Settings} style={{ marginTop: 'var(--space-2)' }} onClick={() => navigate('settings')}>{t('ui:translate.link.openSettings')}</Button>
          )}
        </Notice>
      )}
      {local.map((l) => row(l, false))}
    </div>
  )
}
