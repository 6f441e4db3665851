// Attribute families: see what each family asks for, and add custom attributes to it.
import { Plus, Shapes } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ATTRIBUTE_TYPES, type AttributeType, type Family } from '../../../../shared/domain/catalog-structure.ts'
import { api } from '../../api/client.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { Card, Notice } from '../../ui/Card.tsx'
import { ChipsInput, Field } from '../../ui/components.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { Select } from '../../ui/Select.tsx'
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
      actions={<><Button onClick={props.onClose}>{t('common:cancel')}</Button><Button variant="primary" onClick={() => void submit()}>{t('common:save')}</Button></>}>
      <Field label={t('settings:families.code')} hint={t('settings:families.codeHint')} error={Object.entries(errors).find(([k]) => k.endsWith('.code'))?.[1]}>
        {(id) => <input id={id} className="input" value={code} onChange={(e) => setCode(e.target.value)} />}
      </Field>
      <Field label={t('settings:families.label')}>{(id) => <input id={id} className="input" value={label} onChange={(e) => setLabel(e.target.value)} />}</Field>
      <Field label={t('settings:families.type')}>
        {(id) => <Select<AttributeType> id={id} value={type} onChange={setType} options={ATTRIBUTE_TYPES.map((x) => ({ value: x, label: t(`settings:families.types.${x}`) }))} />}
      </Field>
      {type === 'text' && <label className="check"><input type="checkbox" checked={localizable} onChange={(e) => setLocalizable(e.target.checked)} />{t('settings:families.localizable')}</label>}
      {(type === 'select' || type === 'multiselect') && (
        <Field label={t('settings:families.options')}>{(id) => <ChipsInput id={id} value={options} onChange={setOptions} />}</Field>
      )}
      {error ? <Notice tone="danger" role="alert">{errorText(error, t)}</Notice> : null}
    </Dialog>
  )
}

export function FamiliesCard() {
  const { t, i18n } = useTranslation()
  const { families, loadStructure } = useCatalog()
  const [adding, setAdding] = useState<Family | null>(null)
  return (
    <Card title={t('settings:families.title')} icon={Shapes}>
      {families.map((f) => (
        <details key={f.id} className="family">
          <summary>
            <strong>{localized(f.label, i18n.language)}</strong> <span className="muted small">{t('settings:families.count', { count: f.attributes.length })}</span>
            {f.preset && <Badge>{t('settings:families.preset')}</Badge>}
          </summary>
          <table className="table" style={{ margin: 'var(--space-2) 0' }}>
            <tbody>
              {f.attributes.map((a) => (
                <tr key={a.code}>
                  <td>{localized(a.label, i18n.language)}</td>
                  <td className="muted small">{a.required ? t('ui:settings.required') : ''}</td>
                  <td>{t(`settings:families.types.${a.type}`)}{a.units.length ? ` (${a.units.join(', ')})` : ''}{a.localizable ? ` · ${t('settings:families.localizable')}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Button size="sm" icon={Plus} onClick={() => setAdding(f)}>{t('settings:families.addAttribute')}</Button>
        </details>
      ))}
      {adding && <AddAttributeDialog family={adding} onClose={() => { setAdding(null); void loadStructure() }} />}
    </Card>
  )
}
