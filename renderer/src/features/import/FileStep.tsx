// Step 1: pick the file (and a saved mapping); the core reads only its first rows. Encoding,
// separator, sheet and header row can be corrected and the file read again.
import { ArrowRight, FileSpreadsheet, RefreshCw } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReadOptions } from '../../../../shared/contract/spreadsheet.ts'
import { transport } from '../../api/client.ts'
import { Button } from '../../ui/Button.tsx'
import { Card, Notice } from '../../ui/Card.tsx'
import { Field } from '../../ui/components.tsx'
import { FilePicker } from '../../ui/FilePicker.tsx'
import { Select } from '../../ui/Select.tsx'
import { importErrorText } from './parts.tsx'
import { useImport } from './store.ts'

const ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const
const DELIMITERS = [';', ',', '\t', '|'] as const
const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xlsm,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function FileStep() {
  const { t, i18n } = useTranslation()
  const { inspection, profiles, profile, busy, file, read, set, inspect } = useImport()
  const [error, setError] = useState<string | null>(null)
  const [draft, setDraft] = useState<ReadOptions>(read)
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
  const kb = new Intl.NumberFormat(i18n.language)
  return (
    <Card title={t('import:file.choose')} icon={FileSpreadsheet}>
      <p className="muted" style={{ marginTop: 0 }}>{t('import:file.hint')}</p>
      <div className="field">
        <FilePicker accept={ACCEPT} variant="primary" busy={busy} testId="import-file" fileName={inspection?.fileName ?? null}
          onPick={([f]) => f && void choose(f.file)} />
      </div>
      <div className="grid2">
        <Field label={t('import:file.profile')}>
          {(id) => (
            <Select id={id} value={profile} onChange={(v) => set({ profile: v })}
              options={[{ value: '', label: t('import:file.noProfile') }, ...profiles.map((p) => ({ value: p, label: p }))]} />
          )}
        </Field>
      </div>
      {busy && <div className="muted" role="status">{t('import:file.reading')}</div>}
      {error && <Notice tone="danger" role="alert">{error}</Notice>}
      {inspection && file && (
        <>
          <p className="muted" data-testid="file-facts">
            {t('import:file.facts', { format: inspection.format.toUpperCase(), size: `${kb.format(Math.max(1, Math.round(inspection.fileSize / 1024)))} KB`, row: inspection.headerRow })}
          </p>
          <div className="grid3">
            {inspection.format === 'csv' ? (
              <>
                <Field label={t('import:file.encoding')}>
                  {(id) => (
                    <Select id={id} value={draft.encoding ?? inspection.encoding ?? ''} onChange={(v) => setDraft({ ...draft, encoding: v as ReadOptions['encoding'] })}
                      options={ENCODINGS.map((e) => ({ value: e, label: e.toUpperCase() }))} />
                  )}
                </Field>
                <Field label={t('import:file.delimiter')}>
                  {(id) => (
                    <Select id={id} value={draft.delimiter ?? inspection.delimiter ?? ''} onChange={(v) => setDraft({ ...draft, delimiter: v as ReadOptions['delimiter'] })}
                      options={DELIMITERS.map((d) => ({ value: d, label: d === '\t' ? t('import:file.tab') : d }))} />
                  )}
                </Field>
              </>
            ) : (
              <Field label={t('import:file.sheet')}>
                {(id) => (
                  <Select id={id} value={draft.sheet ?? inspection.sheet ?? ''} onChange={(v) => setDraft({ ...draft, sheet: v })}
                    options={inspection.sheets.map((s) => ({ value: s.name, label: s.name }))} />
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
            <Button icon={RefreshCw} disabled={busy} onClick={() => void run(() => inspect(file, { ...read, ...draft }, profile))}>{t('import:file.reread')}</Button>
            <span className="spacer" />
            <Button variant="primary" iconEnd={ArrowRight} onClick={() => set({ step: 'mapping' })}>{t('import:file.next')}</Button>
          </div>
        </>
      )}
    </Card>
  )
}
