// Step 1: pick the file (and a saved mapping); the core reads only its first rows. Encoding,
// separator, sheet and header row can be corrected and the file read again.
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReadOptions } from '../../../../shared/contract/spreadsheet.ts'
import { transport } from '../../api/client.ts'
import { Field } from '../../ui/components.tsx'
import { importErrorText } from './parts.tsx'
import { useImport } from './store.ts'

const ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const
const DELIMITERS = [';', ',', '\t', '|'] as const

export function FileStep() {
  const { t } = useTranslation()
  const { inspection, profiles, profile, busy, file, read, set, inspect } = useImport()
  const [error, setError] = useState<string | null>(null)
  const [draft, setDraft] = useState<ReadOptions>(read)
  const input = useRef<HTMLInputElement>(null)
  const run = async (fn: () => Promise<void>) => {
    setError(null)
    try {
      await fn()
    } catch (err) {
      setError(importErrorText(err, t))
    }
  }
  const choose = (f: File) =>
    run(async () => {
      set({ busy: true })
      try {
        const ref = await transport.upload(f)
        await inspect({ ...ref, ...(ref.kind === 'upload' ? { name: f.name } : {}) }, {}, profile)
      } finally {
        set({ busy: false })
      }
    })
  return (
    <div className="card">
      <h2>{t('import:file.choose')}</h2>
      <p className="muted">{t('import:file.hint')}</p>
      <div className="grid2">
        <Field label={t('import:file.profile')}>
          {(id) => (
            <select id={id} className="input" value={profile} onChange={(e) => set({ profile: e.target.value })}>
              <option value="">{t('import:file.noProfile')}</option>
              {profiles.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('import:file.choose')}>
          {(id) => (
            <input id={id} ref={input} data-testid="import-file" type="file" className="input" disabled={busy}
              accept=".csv,.tsv,.txt,.xlsx,.xlsm,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => e.target.files?.[0] && void choose(e.target.files[0])} />
          )}
        </Field>
      </div>
      {busy && <div className="muted">{t('import:file.reading')}</div>}
      {error && <div className="error" role="alert" style={{ color: 'var(--danger)' }}>{error}</div>}
      {inspection && file && (
        <>
          <p className="muted" data-testid="file-facts">
            {inspection.fileName} — {t('import:file.facts', { format: inspection.format.toUpperCase(), size: `${Math.max(1, Math.round(inspection.fileSize / 1024))} KB`, row: inspection.headerRow })}
          </p>
          <div className="grid3">
            {inspection.format === 'csv' ? (
              <>
                <Field label={t('import:file.encoding')}>
                  {(id) => (
                    <select id={id} className="input" value={draft.encoding ?? inspection.encoding ?? ''} onChange={(e) => setDraft({ ...draft, encoding: e.target.value as ReadOptions['encoding'] })}>
                      {ENCODINGS.map((e) => <option key={e} value={e}>{e}</option>)}
                    </select>
                  )}
                </Field>
                <Field label={t('import:file.delimiter')}>
                  {(id) => (
                    <select id={id} className="input" value={draft.delimiter ?? inspection.delimiter ?? ''} onChange={(e) => setDraft({ ...draft, delimiter: e.target.value as ReadOptions['delimiter'] })}>
                      {DELIMITERS.map((d) => <option key={d} value={d}>{d === '\t' ? t('import:file.tab') : d}</option>)}
                    </select>
                  )}
                </Field>
              </>
            ) : (
              <Field label={t('import:file.sheet')}>
                {(id) => (
                  <select id={id} className="input" value={draft.sheet ?? inspection.sheet ?? ''} onChange={(e) => setDraft({ ...draft, sheet: e.target.value })}>
                    {inspection.sheets.map((s) => <option key={s.name} value={s.name}>{s.name}</option>)}
                  </select>
                )}
              </Field>
            )}
            <Field label={t('import:file.headerRow')}>
              {(id) => (
                <input id={id} className="input" type="number" min={0} value={draft.headerRow ?? inspection.headerRow}
                  onChange={(e) => setDraft({ ...draft, headerRow: Number(e.target.value), headerRows: undefined })} />
              )}
            </Field>
          </div>
          <div className="row">
            <button className="btn" disabled={busy} onClick={() => void run(() => inspect(file, { ...read, ...draft }, profile))}>{t('import:file.reread')}</button>
            <span className="spacer" />
            <button className="btn primary" onClick={() => set({ step: 'mapping' })}>{t('import:file.next')}</button>
          </div>
        </>
      )}
    </div>
  )
}
