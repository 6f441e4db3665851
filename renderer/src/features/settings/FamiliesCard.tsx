// Attribute families: see what each family asks for, and add custom attributes to it.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ATTRIBUTE_TYPES, type AttributeType, type Family } from '../../../../shared/domain/catalog-structure.ts'
import { api } from '../../api/client.ts'
import { ChipsInput, Dialog, Field } from '../../ui/components.tsx'
import { errorText, issuesByPath } from '../../ui/errors.ts'
import { localized, useCatalog } from '../catalog/store.ts'

function AddAttributeDialog(props: { family: Family; onClose(): void }) {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const [label, setLabel] = useState('')
  const [type, setType] = useState<AttributeType>('text')
  const [localizable, setLocalizable] = useState(false)
  const [options, setOptions] = useState<string[]>([])
  const [error, setError] = useState<unknown>(null)
  const errors = issuesByPath(error, t)
  const submit = async () => {
    try {
      const attr = {
        code, type, label: { it: label }, group: 'custom', localizable: type === 'text' && localizable, required: false, units: [],
        options: options.map((o) => ({ code: o.toLowerCase().replace(/[^a-z0-9]+/g, '_'), label: { it: o } }))
      }
      await api.catalog.saveFamily({ id: props.family.id, code: props.family.code, label: props.family.label, attributes: [...props.family.attributes, attr] })
      props.onClose()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <Dialog title={t('settings:families.addAttribute')} onClose={props.onClose}
      actions={<><button className="btn" onClick={props.onClose}>{t('common:cancel')}</button><button className="btn primary" onClick={() => void submit()}>{t('common:save')}</button></>}>
      <Field label={t('settings:families.code')} hint={t('settings:families.codeHint')} error={Object.entries(errors).find(([k]) => k.endsWith('.code'))?.[1]}>
        {(id) => <input id={id} className="input" value={code} onChange={(e) => setCode(e.target.value)} />}
      </Field>
      <Field label={t('settings:families.label')}>{(id) => <input id={id} className="input" value={label} onChange={(e) => setLabel(e.target.value)} />}</Field>
      <Field label={t('settings:families.type')}>
        {(id) => (
          <select id={id} className="input" value={type} onChange={(e) => setType(e.target.value as AttributeType)}>
            {ATTRIBUTE_TYPES.map((x) => <option key={x} value={x}>{t(`settings:families.types.${x}`)}</option>)}
          </select>
        )}
      </Field>
      {type === 'text' && <label className="row"><input type="checkbox" checked={localizable} onChange={(e) => setLocalizable(e.target.checked)} />{t('settings:families.localizable')}</label>}
      {(type === 'select' || type === 'multiselect') && (
        <Field label={t('settings:families.options')}>{(id) => <ChipsInput id={id} value={options} onChange={setOptions} />}</Field>
      )}
      {error ? <div className="error">{errorText(error, t)}</div> : null}
    </Dialog>
  )
}

export function FamiliesCard() {
  const { t, i18n } = useTranslation()
  const { families, loadStructure } = useCatalog()
  const [adding, setAdding] = useState<Family | null>(null)
  return (
    <div className="card">
      <h2>{t('settings:families.title')}</h2>
      {families.map((f) => (
        <details key={f.id} style={{ marginBottom: 6 }}>
          <summary>
            <strong>{localized(f.label, i18n.language)}</strong> <span className="muted">({t('settings:families.count', { count: f.attributes.length })})</span>
            {f.preset && <span className="badge" style={{ marginLeft: 6 }}>{t('settings:families.preset')}</span>}
          </summary>
          <table className="table" style={{ margin: '6px 0' }}>
            <tbody>
              {f.attributes.map((a) => (
                <tr key={a.code}>
                  <td>{localized(a.label, i18n.language)}</td>
                  <td><code>{a.code}</code></td>
                  <td>{t(`settings:families.types.${a.type}`)}{a.units.length ? ` (${a.units.join(', ')})` : ''}{a.localizable ? ` · ${t('settings:families.localizable')}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button className="btn small" onClick={() => setAdding(f)}>{t('settings:families.addAttribute')}</button>
        </details>
      ))}
      {adding && <AddAttributeDialog family={adding} onClose={() => { setAdding(null); void loadStructure() }} />}
    </div>
  )
}
