// Logistics (weights, carton dimensions, packaging, HS code) and origin (region, certifications).
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CERTIFICATIONS, LENGTH_UNITS, WEIGHT_UNITS } from '../../../../../shared/domain/units.ts'
import { Select } from '../../../ui/Select.tsx'
import { useEditor } from '../editor-context.tsx'
import { ChipsField, NumberField, TextField } from '../fields.tsx'
import { formatDecimal, parseDecimal } from '../../../../../shared/domain/numbers.ts'

function MeasureField(props: { path: 'logistics.netWeight' | 'logistics.grossWeight'; label: string }) {
  const { t, i18n } = useTranslation()
  const { product, save, errors, readOnly } = useEditor()
  const key = props.path.split('.')[1] as 'netWeight' | 'grossWeight'
  const stored = product.logistics[key]
  return (
    <div className="field">
      <label>{props.label}</label>
      <div className="row">
        <input
          className="input"
          inputMode="decimal"
          aria-label={props.label}
          defaultValue={formatDecimal(stored?.value, i18n.language)}
          key={`${stored?.value}-${i18n.language}`}
          readOnly={readOnly}
          onBlur={(e) => {
            const v = e.target.value.trim()
            if (!v) return void save(props.path, null)
            const n = parseDecimal(v, i18n.language)
            e.target.setCustomValidity(n === null ? t('catalog:editor.notNumber') : '')
            if (n === null) return void e.target.reportValidity()
            void save(props.path, { value: n, unit: stored?.unit ?? 'kg' })
          }}
        />
        <Select inline aria-label={t('catalog:fields.unit')} value={stored?.unit ?? 'kg'} disabled={readOnly || !stored}
          onChange={(v) => stored && void save(props.path, { value: stored.value, unit: v })} options={WEIGHT_UNITS.map((u) => ({ value: u, label: u }))} />
      </div>
      {Object.entries(errors).filter(([k]) => k.startsWith(props.path)).map(([k, m]) => <div key={k} className="error">{m}</div>)}
    </div>
  )
}

function Dimensions() {
  const { t, i18n } = useTranslation()
  const { product, save, errors, readOnly } = useEditor()
  const d = product.logistics.dimensions
  const [unit, setUnit] = useState<string>(d?.unit ?? 'cm')
  const box = useRef<HTMLDivElement>(null)
  const commit = (form: HTMLElement, u = unit) => {
    const get = (n: string) => (form.querySelector(`[name=${n}]`) as HTMLInputElement).value.trim()
    const [l, w, h] = [get('length'), get('width'), get('height')]
    if (!l && !w && !h) return void save('logistics.dimensions', null)
    const [nl, nw, nh] = [l, w, h].map((x) => parseDecimal(x, i18n.language))
    if (nl === null || nw === null || nh === null) return
    void save('logistics.dimensions', { length: nl, width: nw, height: nh, unit: u })
  }
  return (
    <div className="field" ref={box} onBlur={(e) => commit(e.currentTarget)} key={`${JSON.stringify(d)}-${i18n.language}`}>
      <label>{t('catalog:fields.dimensions')}</label>
      <div className="row">
        <input name="length" className="input" aria-label={t('catalog:fields.length')} placeholder={t('catalog:fields.length')} inputMode="decimal" defaultValue={formatDecimal(d?.length, i18n.language)} readOnly={readOnly} />×
        <input name="width" className="input" aria-label={t('catalog:fields.width')} placeholder={t('catalog:fields.width')} inputMode="decimal" defaultValue={formatDecimal(d?.width, i18n.language)} readOnly={readOnly} />×
        <input name="height" className="input" aria-label={t('catalog:fields.height')} placeholder={t('catalog:fields.height')} inputMode="decimal" defaultValue={formatDecimal(d?.height, i18n.language)} readOnly={readOnly} />
        <Select inline aria-label={t('catalog:fields.unit')} value={unit} disabled={readOnly} options={LENGTH_UNITS.map((u) => ({ value: u, label: u }))}
          onChange={(v) => {
            setUnit(v)
            if (box.current) commit(box.current, v)
          }} />
      </div>
      {Object.entries(errors).filter(([k]) => k.startsWith('logistics.dimensions')).map(([k, m]) => <div key={k} className="error">{m}</div>)}
    </div>
  )
}

export function LogisticsTab() {
  const { t } = useTranslation()
  return (
    <>
      <div className="card">
        <h2>{t('catalog:editor.logistics')}</h2>
        <div className="grid2">
          <MeasureField path="logistics.netWeight" label={t('catalog:fields.netWeight')} />
          <MeasureField path="logistics.grossWeight" label={t('catalog:fields.grossWeight')} />
          <Dimensions />
          <NumberField path="logistics.unitsPerCarton" label={t('catalog:fields.unitsPerCarton')} integer />
          <TextField path="logistics.packaging" label={t('catalog:fields.packaging')} placeholder={t('catalog:hints.packaging')} />
          <TextField path="logistics.hsCode" label={t('catalog:fields.hsCode')} hint={t('catalog:hints.hsCode')} />
        </div>
      </div>
      <div className="card">
        <h2>{t('catalog:editor.origin')}</h2>
        <div className="grid3">
          <TextField path="origin.country" label={t('catalog:fields.country')} placeholder="IT" />
          <TextField path="origin.region" label={t('catalog:fields.region')} placeholder="Toscana" />
          <TextField path="origin.comune" label={t('catalog:fields.comune')} />
        </div>
        <ChipsField path="origin.certifications" label={t('catalog:fields.certifications')} hint={CERTIFICATIONS.join(', ')} />
      </div>
    </>
  )
}
