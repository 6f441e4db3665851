// Trade terms: currency, selling unit, MOQ, ladder prices (up to 4 ascending tiers), FOB port,
// lead times by quantity, supply ability.
import { Plus, X } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDecimal, parseDecimal } from '../../../../../shared/domain/numbers.ts'
import { CURRENCIES, ITALIAN_FOB_PORTS, SELLING_UNITS, SUPPLY_PERIODS } from '../../../../../shared/domain/units.ts'
import { Button } from '../../../ui/Button.tsx'
import { Select } from '../../../ui/Select.tsx'
import { useEditor } from '../editor-context.tsx'
import { NumberField, SelectField, TextField } from '../fields.tsx'
import { fieldLabel } from '../field-labels.ts'

type Row = Record<string, string>

/** A small table of number rows saved as a whole (ladder tiers, lead-time bands). */
function RowsEditor(props: {
  path: string
  columns: Array<{ key: string; label: string; integer?: boolean; optional?: boolean; money?: boolean }>
  max: number
  addLabel: string
}) {
  const { t, i18n } = useTranslation()
  const { product, save, errors, readOnly } = useEditor()
  const [group, key] = props.path.split('.')
  const stored = ((product as unknown as Record<string, Record<string, unknown>>)[group]?.[key] as Array<Record<string, number | null>> | undefined) ?? []
  const fmt = (v: number | null | undefined, money?: boolean) =>
    v === null || v === undefined ? '' : money ? new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(v) : formatDecimal(v, i18n.language)
  const toRows = () => stored.map((r) => Object.fromEntries(props.columns.map((c) => [c.key, fmt(r[c.key], c.money)])))
  const [rows, setRows] = useState<Row[]>(toRows)
  const [localError, setLocalError] = useState<string | null>(null)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setRows(toRows()), [JSON.stringify(stored)])

  const commit = (next: Row[]) => {
    const parsed: Array<Record<string, number | null>> = []
    for (const r of next) {
      if (props.columns.every((c) => !r[c.key]?.trim())) continue
      const out: Record<string, number | null> = {}
      for (const c of props.columns) {
        const v = r[c.key]?.trim() ?? ''
        if (!v && c.optional) {
          out[c.key] = null
          continue
        }
        const n = parseDecimal(v, i18n.language)
        if (n === null || (c.integer && !Number.isInteger(n))) {
          setLocalError(t('catalog:editor.badCell', { column: c.label, value: v || '—' }))
          return
        }
        out[c.key] = n
      }
      parsed.push(out)
    }
    setLocalError(null)
    void save(props.path, parsed)
  }

  const issues = Object.entries(errors).filter(([k]) => k === props.path || k.startsWith(`${props.path}.`))
  return (
    <div className="field">
      <table className="table rows-table" style={{ maxWidth: 520 }}>
        <thead>
          <tr>{props.columns.map((c) => <th key={c.key}>{c.label}</th>)}<th /></tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {props.columns.map((c) => (
                <td key={c.key}>
                  <input
                    className="input"
                    inputMode="decimal"
                    aria-label={`${c.label} ${i + 1}`}
                    value={r[c.key] ?? ''}
                    readOnly={readOnly}
                    onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, [c.key]: e.target.value } : x)))}
                    onBlur={() => commit(rows)}
                  />
                </td>
              ))}
              <td>
                {!readOnly && (
                  <Button size="sm" variant="ghost" tone="danger" icon={X} label={t('common:remove')} onClick={() => { const next = rows.filter((_, j) => j !== i); setRows(next); commit(next) }} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && rows.length < props.max && (
        <div><Button size="sm" icon={Plus} onClick={() => setRows([...rows, {}])}>{props.addLabel}</Button></div>
      )}
      {(localError || issues.length > 0) && (
        <div className="error" role="alert">{localError ?? issues.map(([k, m]) => `${fieldLabel(k, t)}: ${m}`).join('; ')}</div>
      )}
    </div>
  )
}

function SupplyAbility() {
  const { t, i18n } = useTranslation()
  const { product, save, errors, readOnly } = useEditor()
  const stored = product.trade.supplyAbility
  const [qty, setQty] = useState(stored ? formatDecimal(stored.quantity, i18n.language) : '')
  useEffect(() => setQty(stored ? formatDecimal(stored.quantity, i18n.language) : ''), [stored, i18n.language])
  const unit = stored?.unit ?? product.trade.sellingUnit ?? 'piece'
  const period = stored?.period ?? 'month'
  const commit = (q: string, u: string, p: string) => {
    if (!q.trim()) return void save('trade.supplyAbility', null)
    const n = parseDecimal(q, i18n.language)
    if (n === null) return
    void save('trade.supplyAbility', { quantity: n, unit: u, period: p })
  }
  return (
    <div className="field">
      <label>{t('catalog:fields.supplyAbility')}</label>
      <div className="row">
        <input className="input" style={{ width: 140 }} inputMode="numeric" aria-label={t('catalog:fields.supplyQuantity')} value={qty} readOnly={readOnly}
          onChange={(e) => setQty(e.target.value)} onBlur={() => commit(qty, unit, period)} />
        <Select inline aria-label={t('catalog:fields.sellingUnit')} value={unit} disabled={readOnly} onChange={(v) => commit(qty, v, period)}
          options={SELLING_UNITS.map((u) => ({ value: u, label: t(`catalog:units.${u}`) }))} />
        <span>/</span>
        <Select inline aria-label={t('catalog:fields.supplyPeriod')} value={period} disabled={readOnly} onChange={(v) => commit(qty, unit, v)}
          options={SUPPLY_PERIODS.map((p) => ({ value: p, label: t(`catalog:periods.${p}`) }))} />
      </div>
      {Object.entries(errors).filter(([k]) => k.startsWith('trade.supplyAbility')).map(([k, m]) => <div key={k} className="error">{m}</div>)}
    </div>
  )
}

export function TradeTab() {
  const { t } = useTranslation()
  return (
    <>
      <div className="card">
        <div className="grid3">
          <SelectField path="trade.currency" label={t('catalog:fields.currency')} empty="—" options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
          <SelectField path="trade.sellingUnit" label={t('catalog:fields.sellingUnit')} empty="—" options={SELLING_UNITS.map((u) => ({ value: u, label: t(`catalog:units.${u}`) }))} />
          <NumberField path="trade.moq" label={t('catalog:fields.moq')} integer hint={t('catalog:hints.moq')} />
        </div>
      </div>
      <div className="card">
        <h2>{t('catalog:fields.ladder')}</h2>
        <p className="muted">{t('catalog:hints.ladder')}</p>
        <RowsEditor
          path="trade.ladder"
          max={4}
          addLabel={t('catalog:editor.addTier')}
          columns={[{ key: 'minQty', label: t('catalog:fields.fromQty'), integer: true }, { key: 'price', label: t('catalog:fields.unitPrice'), money: true }]}
        />
      </div>
      <div className="card">
        <div className="grid2">
          <div>
            <TextField path="trade.fobPort" label={t('catalog:fields.fobPort')} hint={ITALIAN_FOB_PORTS.join(', ')} />
          </div>
          <SupplyAbility />
        </div>
        <h2>{t('catalog:fields.leadTimes')}</h2>
        <p className="muted">{t('catalog:hints.leadTimes')}</p>
        <RowsEditor
          path="trade.leadTimes"
          max={3}
          addLabel={t('catalog:editor.addBand')}
          columns={[{ key: 'maxQty', label: t('catalog:fields.upToQty'), integer: true, optional: true }, { key: 'days', label: t('catalog:fields.days'), integer: true }]}
        />
      </div>
    </>
  )
}
