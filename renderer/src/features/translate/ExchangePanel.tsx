// Working with others: XLIFF for CAT tools and agencies, TMX memories, and translator links for
// browser mode on the office network.
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Download } from '../../../../shared/contract/files.ts'
import type { Job } from '../../../../shared/contract/jobs.ts'
import type { ImportProblem, XliffImportReport } from '../../../../shared/contract/translation.ts'
import { api, transport } from '../../api/client.ts'
import { useEvent } from '../../api/events.ts'
import { useApp } from '../../app/store.ts'
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
  const [links, setLinks] = useState<string[]>([])
  const [label, setLabel] = useState('')
  const pending = useRef(new Map<string, (job: Job) => void>())
  const xliffRef = useRef<HTMLInputElement>(null)
  const tmxRef = useRef<HTMLInputElement>(null)

  useEvent('job.progress', (job) => {
    const done = pending.current.get(job.id)
    if (!done || !['done', 'failed', 'cancelled'].includes(job.state)) return
    pending.current.delete(job.id)
    if (job.state === 'done') done(job)
    else toast(job.error ? trError(job.error, t) : job.state, 'err')
  })
  const whenDone = (jobId: string, fn: (job: Job) => void) => pending.current.set(jobId, fn)

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
      setLinks((await api.translation.createTranslatorLink({ label: label.trim() || 'translator' })).links)
    } catch (err) {
      toast(trError(err, t), 'err')
    }
  }

  return (
    <div>
      <div className="card">
        <h2>XLIFF</h2>
        <div className="toolbar">
          <select className="input" aria-label={t('translate:exchange.version')} value={version} onChange={(e) => setVersion(e.target.value as '2.0' | '1.2')}>
            <option value="2.0">XLIFF 2.0</option>
            <option value="1.2">XLIFF 1.2</option>
          </select>
          <label className="row"><input type="checkbox" checked={useFilters} onChange={(e) => setUseFilters(e.target.checked)} />{t('translate:exchange.useFilters')}</label>
          <button className="btn primary" onClick={() => void exportXliff()} data-testid="xliff-export">{t('translate:exchange.export')}</button>
        </div>
        {role === 'owner' && (
          <div className="toolbar">
            <label className="row"><input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} data-testid="xliff-dry-run" />{t('translate:exchange.dryRun')}</label>
            <button className="btn" onClick={() => xliffRef.current?.click()}>{t('translate:exchange.import')}</button>
            <input ref={xliffRef} type="file" hidden accept=".xlf,.xliff,.xml" data-testid="xliff-file" onChange={(e) => { if (e.target.files?.[0]) void importXliff(e.target.files[0]); e.target.value = '' }} />
          </div>
        )}
        {report && (
          <div data-testid="xliff-report">
            <p>{t(report.dryRun ? 'translate:exchange.reportDry' : 'translate:exchange.report', { ...report })}</p>
            {report.problems.length > 0 && (
              <table className="table">
                <thead><tr><th>{t('translate:exchange.unit')}</th><th>{t('translate:exchange.problem')}</th></tr></thead>
                <tbody>{report.problems.slice(0, 200).map((p, i) => <tr key={i}><td><code>{p.unitId ?? '—'}</code>{p.line ? ` (${p.line})` : ''}</td><td>{problemText(p, t)}</td></tr>)}</tbody>
              </table>
            )}
          </div>
        )}
      </div>
      <div className="card">
        <h2>{t('translate:exchange.memory')}</h2>
        <div className="toolbar">
          <button className="btn" onClick={() => void exportTmx()}>{t('translate:exchange.tmExport')}</button>
          {role === 'owner' && <button className="btn" onClick={() => tmxRef.current?.click()}>{t('translate:exchange.tmImport')}</button>}
          <input ref={tmxRef} type="file" hidden accept=".tmx,.xml" onChange={(e) => { if (e.target.files?.[0]) void importTmx(e.target.files[0]); e.target.value = '' }} />
        </div>
      </div>
      {role === 'owner' && (
        <div className="card">
          <h2>{t('translate:exchange.linkTitle')}</h2>
          <p className="muted">{t('translate:exchange.linkHint')}</p>
          <div className="toolbar">
            <input className="input" placeholder={t('translate:exchange.linkLabel')} aria-label={t('translate:exchange.linkLabel')} value={label} onChange={(e) => setLabel(e.target.value)} />
            <button className="btn" onClick={() => void makeLink()} data-testid="make-link">{t('translate:exchange.makeLink')}</button>
          </div>
          {links.map((l) => <div key={l}><code data-testid="translator-link" style={{ wordBreak: 'break-all' }}>{l}</code></div>)}
        </div>
      )}
    </div>
  )
}
