// Create a product: the SKU and the Italian title are enough to start; the rest is edited after.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { navigate } from '../../app/router.ts'
import { Plus } from 'lucide-react'
import { Button } from '../../ui/Button.tsx'
import { Notice } from '../../ui/Card.tsx'
import { Combobox } from '../../ui/Combobox.tsx'
import { Field } from '../../ui/components.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { Select } from '../../ui/Select.tsx'
import { errorText, issuesByPath } from '../../ui/errors.ts'
import { flattenCategories, localized, useCatalog } from './store.ts'
import { languageOf } from '../../i18n/language-names.ts'

export function NewProductDialog(props: { onClose(): void; parent?: { id: string; familyId: string | null; axes: string[] } }) {
  const { t, i18n } = useTranslation()
  const { categories, families } = useCatalog()
  const [sku, setSku] = useState('')
  const [title, setTitle] = useState('')
  const [familyId, setFamilyId] = useState(props.parent?.familyId ?? '')
  const [categoryId, setCategoryId] = useState('')
  const [axes, setAxes] = useState<Record<string, string>>({})
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const fieldErrors = issuesByPath(error, t)

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const p = await api.catalog.createProduct({
        sku,
        texts: title ? { it: { title } } : undefined,
        familyId: familyId || null,
        categoryId: categoryId || null,
        ...(props.parent ? { parentId: props.parent.id, axes: Object.fromEntries(Object.entries(axes).filter(([, v]) => v.trim())) } : {})
      })
      props.onClose()
      navigate('catalog', p.id)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={props.parent ? t('catalog:variants.new') : t('catalog:list.new')}
      onClose={props.onClose}
      actions={
        <>
          <Button onClick={props.onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" icon={Plus} busy={busy} disabled={!sku.trim()} onClick={() => void submit()}>{t('common:create')}</Button>
        </>
      }
    >
      <form onSubmit={(e) => { e.preventDefault(); void submit() }}>
        <Field label={t('catalog:fields.sku')} error={fieldErrors.sku} hint={t('catalog:hints.sku')}>
          {(id) => <input id={id} className={`input${fieldErrors.sku ? ' invalid' : ''}`} value={sku} onChange={(e) => setSku(e.target.value)} autoFocus />}
        </Field>
        {!props.parent && (
          <>
            <Field label={t('catalog:fields.titleIn', { locale: languageOf('it', { inSentence: true }) })} error={fieldErrors['texts.it.title']}>
              {(id) => <input id={id} className="input" value={title} onChange={(e) => setTitle(e.target.value)} />}
            </Field>
            <Field label={t('catalog:fields.family')}>
              {(id) => (
                <Select id={id} value={familyId} onChange={setFamilyId}
                  options={[{ value: '', label: t('catalog:fields.noFamily') }, ...families.map((f) => ({ value: f.id, label: localized(f.label, i18n.language) }))]} />
              )}
            </Field>
            <Field label={t('catalog:fields.category')}>
              {(id) => (
                <Combobox id={id} value={categoryId} onChange={setCategoryId}
                  options={[{ value: '', label: t('catalog:list.noCategory') }, ...flattenCategories(categories, i18n.language).map((c) => ({ value: c.id, label: c.label, depth: c.depth }))]} />
              )}
            </Field>
          </>
        )}
        {props.parent?.axes.map((axis) => (
          <Field key={axis} label={axis} error={fieldErrors[`axes.${axis}`]}>
            {(id) => <input id={id} className="input" value={axes[axis] ?? ''} onChange={(e) => setAxes({ ...axes, [axis]: e.target.value })} />}
          </Field>
        ))}
        {error && !Object.keys(fieldErrors).length ? <Notice tone="danger" role="alert">{errorText(error, t)}</Notice> : null}
        <button type="submit" hidden />
      </form>
    </Dialog>
  )
}
