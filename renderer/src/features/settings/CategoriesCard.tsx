// The firm's category tree: add, rename (per language), move, map to a pavilion category, delete.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Category } from '../../../../shared/domain/catalog-structure.ts'
import { api } from '../../api/client.ts'
import { Dialog, Field } from '../../ui/components.tsx'
import { errorText, issuesByPath } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { flattenCategories, localized, useCatalog } from '../catalog/store.ts'
import { PavilionField, PavilionLinkButton, PavilionPathBadge } from '../publish/categories/PavilionLink.tsx'

function CategoryDialog(props: { category?: Category; parentId: string | null; onClose(): void }) {
  const { t, i18n } = useTranslation()
  const categories = useCatalog((s) => s.categories)
  const [name, setName] = useState<Record<string, string>>(props.category?.name ?? { it: '' })
  const [pavilionId, setPavilionId] = useState(props.category?.pavilionCategoryId ?? '')
  const [parentId, setParentId] = useState(props.category?.parentId ?? props.parentId ?? '')
  const [error, setError] = useState<unknown>(null)
  const errors = issuesByPath(error, t)
  const submit = async () => {
    try {
      const input = { name: Object.fromEntries(Object.entries(name).filter(([, v]) => v.trim())), pavilionCategoryId: pavilionId.trim() || null, parentId: parentId || null }
      if (props.category) await api.catalog.updateCategory({ id: props.category.id, ...input })
      else await api.catalog.createCategory(input)
      props.onClose()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <Dialog title={props.category ? t('settings:categories.edit') : t('settings:categories.add')} onClose={props.onClose}
      actions={<><button className="btn" onClick={props.onClose}>{t('common:cancel')}</button><button className="btn primary" onClick={() => void submit()}>{t('common:save')}</button></>}>
      {(['it', 'en', 'zh-CN'] as const).map((l) => (
        <Field key={l} label={t('settings:categories.nameIn', { locale: l })} error={errors[`name.${l}`] ?? (l === 'it' ? errors.name : undefined)}>
          {(id) => <input id={id} className="input" value={name[l] ?? ''} onChange={(e) => setName({ ...name, [l]: e.target.value })} autoFocus={l === 'it'} />}
        </Field>
      ))}
      <Field label={t('settings:categories.parent')}>
        {(id) => (
          <select id={id} className="input" value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">{t('settings:categories.root')}</option>
            {flattenCategories(categories, i18n.language).filter((c) => c.id !== props.category?.id).map((c) => <option key={c.id} value={c.id}>{'\u00a0\u00a0'.repeat(c.depth) + c.label}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('pavilion:link.field')} hint={t('pavilion:link.fieldHint')} error={errors.pavilionCategoryId}>
        {(id) => <PavilionField id={id} value={pavilionId} onChange={setPavilionId} categoryId={props.category?.id} title={t('pavilion:link.title', { name: name.it || name.en || '' })} />}
      </Field>
      {error && !Object.keys(errors).length ? <div className="error">{errorText(error, t)}</div> : null}
    </Dialog>
  )
}

export function CategoriesCard() {
  const { t, i18n } = useTranslation()
  const { categories, loadStructure } = useCatalog()
  const [editing, setEditing] = useState<{ category?: Category; parentId: string | null } | null>(null)
  useEffect(() => void loadStructure(), [loadStructure])
  const byId = new Map(categories.map((c) => [c.id, c]))
  const remove = (c: Category) =>
    api.catalog.deleteCategory({ id: c.id }).then(() => loadStructure()).catch((err) => toast(errorText(err, t), 'err'))
  return (
    <div className="card">
      <div className="row" style={{ marginBottom: 8 }}>
        <h2 style={{ margin: 0 }}>{t('settings:categories.title')}</h2>
        <span className="spacer" />
        <button className="btn" onClick={() => setEditing({ parentId: null })}>{t('settings:categories.add')}</button>
      </div>
      {categories.length === 0 && <p className="muted">{t('settings:categories.none')}</p>}
      {flattenCategories(categories, i18n.language).map((row) => {
        const c = byId.get(row.id)!
        return (
          <div className="tree-item" key={c.id} style={{ paddingLeft: row.depth * 20 }}>
            <span>{localized(c.name, i18n.language)}</span>
            <span className="muted">({t('settings:categories.products', { count: (c as Category & { productCount: number }).productCount })})</span>
            <PavilionPathBadge id={c.pavilionCategoryId} />
            <span className="spacer" />
            <PavilionLinkButton categoryId={c.id} categoryName={localized(c.name, i18n.language)} pavilionCategoryId={c.pavilionCategoryId} />
            <button className="btn small" onClick={() => setEditing({ parentId: c.id })}>{t('settings:categories.addChild')}</button>
            <button className="btn small" onClick={() => setEditing({ category: c, parentId: c.parentId })}>{t('common:edit')}</button>
            <button className="btn small danger" onClick={() => void remove(c)}>{t('common:delete')}</button>
          </div>
        )
      })}
      {editing && <CategoryDialog {...editing} onClose={() => { setEditing(null); void loadStructure() }} />}
    </div>
  )
}
