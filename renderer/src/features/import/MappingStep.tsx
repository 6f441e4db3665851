// Step 2: where each column goes, suggested from the headers (or a saved mapping) and editable,
// with examples from the file; then the import settings, and "check all rows".
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Family } from '../../../../shared/domain/catalog-structure.ts'
import { parseTarget } from '../../../../shared/domain/spreadsheet/targets.ts'
import { api } from '../../api/client.ts'
import { Field } from '../../ui/components.tsx'
import { importErrorText } from './parts.tsx'
import { useImport } from './store.ts'
import { GROUP_ORDER, targetLabel } from './targets.ts'

export function MappingStep() {
  const { t, i18n } = useTranslation()
  const { inspection, columns, settings, targets, saveAs, file, read, set } = useImport()
  const [families, setFamilies] = useState<Family[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    void api.catalog.listFamilies({}).then((r) => setFamilies(r.items))
  }, [])
  if (!inspection || !file) return null
  const label = (code: string) => targetLabel(code, t, i18n.language, targets)
  const groups = GROUP_ORDER.map((g) => ({ g, items: targets.filter((o) => o.group === g) })).filter((x) => x.items.length)
  const update = (index: number, patch: Partial<(typeof columns)[number]>) =>
    set({ columns: columns.map((c) => (c.index === index ? { ...c, ...patch } : c)) })
  const hasSku = columns.some((c) => c.target === 'sku')
  const ignored = columns.filter((c) => c.target === 'ignore').length
  const check = async () => {
    setError(null)
    setBusy(true)
    try {
      const r = await api.spreadsheet.dryRun({ file, read, columns, settings, saveProfile: saveAs.trim() || undefined })
      set({ importId: r.importId, dryJobId: r.jobId, applyJobId: null, step: 'check' })
    } catch (err) {
      setError(importErrorText(err, t))
    } finally {
      setBusy(false)
    }
  }
  /** The default unit to show for a target that reads numbers with units, or null. */
  const unitFor = (code: string): string | null => {
    const p = parseTarget(code)
    if (p?.kind === 'logistics' && !('part' in p && p.part)) return p.key === 'dimensions' ? 'cm' : p.key === 'netWeight' || p.key === 'grossWeight' ? 'kg' : null
    if (p?.kind === 'attribute' && !p.part && !p.locale) return targets.find((o) => o.code === code)?.units?.[0] ?? null
    return null
  }
  const isTextAttribute = (code: string) => targets.find((o) => o.code === code)?.type === 'text'
  return (
    <div className="card">
      <h2>{t('import:steps.mapping')}</h2>
      <table className="table" data-testid="mapping">
        <thead>
          <tr><th>{t('import:mapping.column')}</th><th>{t('import:mapping.examples')}</th><th>{t('import:mapping.target')}</th><th>{t('import:mapping.unit')}</th></tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.index} data-testid="mapping-row">
              <td><strong>{c.header || `#${c.index + 1}`}</strong></td>
              <td className="muted" style={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {inspection.sampleRows.slice(0, 3).map((r) => r.cells[c.index]).filter(Boolean).join(' · ')}
              </td>
              <td>
                <select className="input" aria-label={c.header || `#${c.index + 1}`} value={c.target} onChange={(e) => update(c.index, { target: e.target.value })}>
                  {groups.map(({ g, items }) => (
                    <optgroup key={g} label={t(`import:group.${g}`)}>
                      {items.map((o) => <option key={o.code} value={o.code}>{label(o.code)}</option>)}
                    </optgroup>
                  ))}
                  {!targets.some((o) => o.code === c.target) && <option value={c.target}>{label(c.target)}</option>}
                </select>
              </td>
              <td>
                {unitFor(c.target) && (
                  <input className="input" style={{ width: 80 }} aria-label={`${c.header} ${t('import:mapping.unit')}`} value={c.unit ?? ''} placeholder={unitFor(c.target) ?? ''}
                    onChange={(e) => update(c.index, { unit: e.target.value || undefined })} />
                )}
                {isTextAttribute(c.target) && (
                  <label className="row muted" style={{ fontSize: 12 }}>
                    <input type="checkbox" checked={!!c.asDate} onChange={(e) => update(c.index, { asDate: e.target.checked || undefined })} />
                    {t('import:mapping.asDate')}
                  </label>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ignored > 0 && <p className="muted">{t('import:mapping.unmapped', { count: ignored })}</p>}
      <div className="grid3" style={{ marginTop: 12 }}>
        <Field label={t('import:mapping.numberFormat')}>
          {(id) => (
            <select id={id} className="input" value={settings.numberFormat ?? inspection.numberFormat} onChange={(e) => set({ settings: { ...settings, numberFormat: e.target.value as 'it' | 'en' } })}>
              <option value="it">{t('import:mapping.numberIt')}</option>
              <option value="en">{t('import:mapping.numberEn')}</option>
            </select>
          )}
        </Field>
        <Field label={t('import:mapping.emptyCells')}>
          {(id) => (
            <select id={id} className="input" value={settings.emptyCells ?? 'keep'} onChange={(e) => set({ settings: { ...settings, emptyCells: e.target.value as 'keep' | 'clear' } })}>
              <option value="keep">{t('import:mapping.emptyKeep')}</option>
              <option value="clear">{t('import:mapping.emptyClear')}</option>
            </select>
          )}
        </Field>
        <Field label={t('import:mapping.family')}>
          {(id) => (
            <select id={id} className="input" value={settings.family ?? ''} onChange={(e) => set({ settings: { ...settings, family: e.target.value || undefined } })}>
              <option value="">{t('import:mapping.noFamily')}</option>
              {families.map((f) => <option key={f.id} value={f.code}>{f.label[i18n.language] ?? f.label.it ?? f.code}</option>)}
            </select>
          )}
        </Field>
      </div>
      <label className="row" style={{ marginBottom: 12 }}>
        <input type="checkbox" checked={settings.createCategories ?? true} onChange={(e) => set({ settings: { ...settings, createCategories: e.target.checked } })} />
        {t('import:mapping.createCategories')}
      </label>
      <Field label={t('import:mapping.saveAs')} hint={t('import:mapping.saveAsHint')}>
        {(id) => <input id={id} className="input" value={saveAs} maxLength={80} onChange={(e) => set({ saveAs: e.target.value })} />}
      </Field>
      {!hasSku && <div className="error" role="alert" style={{ color: 'var(--danger)' }}>{t('import:mapping.noSku')}</div>}
      {error && <div className="error" role="alert" style={{ color: 'var(--danger)' }}>{error}</div>}
      <div className="row">
        <button className="btn" onClick={() => set({ step: 'file' })}>{t('common:back')}</button>
        <span className="spacer" />
        <button className="btn primary" disabled={!hasSku || busy} onClick={() => void check()}>{t('import:mapping.check')}</button>
      </div>
    </div>
  )
}
