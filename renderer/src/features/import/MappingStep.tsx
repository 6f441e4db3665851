// Step 2: where each column goes, suggested from the headers (or a saved mapping) and editable,
// with examples from the file; then the import settings, and "check all rows".
import { ArrowLeft, Columns3, ListChecks } from 'lucide-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Family } from '../../../../shared/domain/catalog-structure.ts'
import { parseTarget } from '../../../../shared/domain/spreadsheet/targets.ts'
import { currencyInHeader } from '../../../../shared/domain/spreadsheet/values.ts'
import { useApp } from '../../app/store.ts'
import { api } from '../../api/client.ts'
import { Button } from '../../ui/Button.tsx'
import { Card, Notice } from '../../ui/Card.tsx'
import { Combobox, type ComboboxOption } from '../../ui/Combobox.tsx'
import { Field } from '../../ui/components.tsx'
import { Select } from '../../ui/Select.tsx'
import { importErrorText } from './parts.tsx'
import { useImport } from './store.ts'
import { GROUP_ORDER, targetLabel } from './targets.ts'

/** An attribute of some families only says which: "Categoria (Olio extravergine)" is not the product's category. */
function withFamilies(o: { group: string; families?: string[] }, label: string, families: Family[], lang: string): string {
  if (o.group !== 'attribute' || !o.families?.length || o.families.length >= families.length - 1) return label
  const names = o.families.map((code) => families.find((f) => f.code === code)).filter((f): f is Family => !!f).map((f) => f.label[lang] ?? f.label.it ?? f.code)
  return names.length ? `${label} (${names.join(', ')})` : label
}

export function MappingStep() {
  const { t, i18n } = useTranslation()
  const { inspection, columns, settings, targets, saveAs, file, read, set } = useImport()
  const firmCurrency = useApp((a) => a.settings?.firm.currency ?? 'EUR')
  const [families, setFamilies] = useState<Family[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    void api.catalog.listFamilies({}).then((r) => setFamilies(r.items))
  }, [])
  const label = (code: string) => targetLabel(code, t, i18n.language, targets)
  // One list of destinations for every column, grouped as the core groups them.
  const options = useMemo<ComboboxOption[]>(
    () => GROUP_ORDER.flatMap((g) => targets.filter((o) => o.group === g).map((o) => ({ value: o.code, label: withFamilies(o, targetLabel(o.code, t, i18n.language, targets), families, i18n.language), group: t(`import:group.${g}`), keywords: o.code }))),
    [targets, t, i18n.language, families]
  )
  if (!inspection || !file) return null
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
  const isPrice = (code: string) => {
    const p = parseTarget(code)
    return (p?.kind === 'trade' || p?.kind === 'ladder') && p.key === 'price'
  }
  const isTextAttribute = (code: string) => targets.find((o) => o.code === code)?.type === 'text'
  return (
    <Card title={t('import:steps.mapping')} icon={Columns3} subtitle={inspection.fileName}>
      <div className="table-wrap" style={{ marginBottom: 'var(--space-3)' }}>
      <table className="table mapping-table" data-testid="mapping">
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
                <Combobox aria-label={c.header || `#${c.index + 1}`} value={c.target} onChange={(v) => update(c.index, { target: v })}
                  options={targets.some((o) => o.code === c.target) ? options : [...options, { value: c.target, label: label(c.target) }]} />
              </td>
              <td>
                {unitFor(c.target) && (
                  <input className="input" style={{ width: 80 }} aria-label={`${c.header} ${t('import:mapping.unit')}`} value={c.unit ?? ''} placeholder={unitFor(c.target) ?? ''}
                    onChange={(e) => update(c.index, { unit: e.target.value || undefined })} />
                )}
                {isPrice(c.target) && (
                  <span className="muted small" data-testid="price-currency">
                    {currencyInHeader(c.header) ? t('import:currency.fromHeader', { currency: currencyInHeader(c.header) }) : t('import:currency.firm', { currency: firmCurrency })}
                  </span>
                )}
                {isTextAttribute(c.target) && (
                  <label className="check muted small">
                    <input type="checkbox" checked={!!c.asDate} onChange={(e) => update(c.index, { asDate: e.target.checked || undefined })} />
                    {t('import:mapping.asDate')}
                  </label>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {ignored > 0 && <p className="muted">{t('import:mapping.unmapped', { count: ignored })}</p>}
      <div className="grid3" style={{ marginTop: 12 }}>
        <Field label={t('import:mapping.numberFormat')}>
          {(id) => (
            <Select id={id} value={settings.numberFormat ?? inspection.numberFormat} onChange={(v) => set({ settings: { ...settings, numberFormat: v } })}
              options={[{ value: 'it' as const, label: t('import:mapping.numberIt') }, { value: 'en' as const, label: t('import:mapping.numberEn') }]} />
          )}
        </Field>
        <Field label={t('import:mapping.emptyCells')}>
          {(id) => (
            <Select id={id} value={settings.emptyCells ?? 'keep'} onChange={(v) => set({ settings: { ...settings, emptyCells: v } })}
              options={[{ value: 'keep' as const, label: t('import:mapping.emptyKeep') }, { value: 'clear' as const, label: t('import:mapping.emptyClear') }]} />
          )}
        </Field>
        <Field label={t('import:mapping.family')}>
          {(id) => (
            <Select id={id} value={settings.family ?? ''} onChange={(v) => set({ settings: { ...settings, family: v || undefined } })}
              options={[{ value: '', label: t('import:mapping.noFamily') }, ...families.map((f) => ({ value: f.code, label: f.label[i18n.language] ?? f.label.it ?? f.code }))]} />
          )}
        </Field>
      </div>
      <label className="check" style={{ marginBottom: 'var(--space-3)' }}>
        <input type="checkbox" checked={settings.createCategories ?? true} onChange={(e) => set({ settings: { ...settings, createCategories: e.target.checked } })} />
        {t('import:mapping.createCategories')}
      </label>
      {columns.some((c) => c.target === 'family') && (
        <label className="check" style={{ marginBottom: 'var(--space-3)' }}>
          <input type="checkbox" checked={settings.createFamilies ?? false} onChange={(e) => set({ settings: { ...settings, createFamilies: e.target.checked } })} data-testid="create-families" />
          {t('import:families.create')}
        </label>
      )}
      <Field label={t('import:mapping.saveAs')} hint={t('import:mapping.saveAsHint')}>
        {(id) => <input id={id} className="input" value={saveAs} maxLength={80} onChange={(e) => set({ saveAs: e.target.value })} />}
      </Field>
      {!hasSku && <Notice tone="warning" role="alert">{t('import:mapping.noSku')}</Notice>}
      {error && <Notice tone="danger" role="alert">{error}</Notice>}
      <div className="row">
        <Button icon={ArrowLeft} onClick={() => set({ step: 'file' })}>{t('common:back')}</Button>
        <span className="spacer" />
        <Button variant="primary" icon={ListChecks} busy={busy} disabled={!hasSku} onClick={() => void check()}>{t('import:mapping.check')}</Button>
      </div>
    </Card>
  )
}
