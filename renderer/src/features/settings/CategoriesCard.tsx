// The firm's category tree: add, rename (per language), move, map to a pavilion category, delete.
import { FolderTree, Pencil, Plus, Trash2 } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Category } from '../../../../shared/domain/catalog-structure.ts'
import { api } from '../../api/client.ts'
import { languageOf } from '../../i18n/language-names.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { Card, Notice } from '../../ui/Card.tsx'
import { Combobox } from '../../ui/Combobox.tsx'
import { Field } from '../../ui/components.tsx'
import { confirm } from '../../ui/confirm.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { EmptyState } from '../../ui/EmptyState.tsx'
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
      actions={<><Button onClick={props.onClose}>{t('common:cancel')}</Button><Button variant="primary" onClick={() => void submit()}>{t('common:save')}</Button></>}>
      {(['it', 'en', 'zh-CN'] as const).map((l) => (
        <Field key={l} label={t('settings:categories.nameIn', { locale: languageOf(l, { inSentence: true }) })} error={errors[`name.${l}`] ?? (l === 'it' ? errors.name : undefined)}>
          {(id) => <input id={id} className="input" value={name[l] ?? ''} onChange={(e) => setName({ ...name, [l]: e.target.value })} autoFocus={l === 'it'} />}
        </Field>
      ))}
      <Field label={t('settings:categories.parent')}>
        {(id) => (
          <Combobox id={id} value={parentId} onChange={setParentId}
            options={[{ value: '', label: t('settings:categories.root') }, ...flattenCategories(categories, i18n.language).filter((c) => c.id !== props.category?.id).map((c) => ({ value: c.id, label: c.label, depth: c.depth }))]} />
        )}
      </Field>
      <Field label={t('pavilion:link.field')} hint={t('pavilion:link.fieldHint')} error={errors.pavilionCategoryId}>
        {(id) => <PavilionField id={id} value={pavilionId} onChange={setPavilionId} categoryId={props.category?.id} title={t('pavilion:link.title', { name: name.it || name.en || '' })} />}
      </Field>
      {error && !Object.keys(errors).length ? <Notice tone="danger" role="alert">{errorText(error, t)}</Notice> : null}
    </Dialog>
  )
}

export function CategoriesCard() {
  const { t, i18n } = useTranslation()
  const { categories, loadStructure } = useCatalog()
  const [editing, setEditing] = useState<{ category?: Category; parentId: string | null } | null>(null)
  useEffect(() => void loadStructure(), [loadStructure])
  const byId = new Map(categories.map((c) => [c.id, c]))
  const remove = async (c: Category) => {
    const name = localized(c.name, i18n.language)
    if (!(await confirm({ title: t('ui:settings.deleteCategoryTitle', { name }), body: t('ui:settings.deleteCategoryBody'), confirmLabel: t('common:delete'), danger: true }))) return
    try {
      await api.catalog.deleteCategory({ id: c.id })
      await loadStructure()
      toast(t('ui:settings.categoryDeleted', { name }), 'success')
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }
  return (
    <Card title={t('settings:categories.title')} icon={FolderTree}
      actions={<Button icon={Plus} onClick={() => setEditing({ parentId: null })}>{t('settings:categories.add')}</Button>}>
      {categories.length === 0 && <EmptyState compact icon={FolderTree} title={t('settings:categories.none')} actions={<Button variant="primary" icon={Plus} onClick={() => setEditing({ parentId: null })}>{t('settings:categories.add')}</Button>} />}
      {flattenCategories(categories, i18n.language).map((row) => {
        const c = byId.get(row.id)!
        return (
          <div className="tree-item" key={c.id} style={{ paddingLeft: `calc(${row.depth} * var(--space-5))` }}>
            <strong>{localized(c.name, i18n.language)}</strong>
            <span className="muted small">{t('settings:categories.products', { count: (c as Category & { productCount: number }).productCount })}</span>
            <PavilionPathBadge id={c.pavilionCategoryId} />
            <span className="spacer" />
            <PavilionLinkButton categoryId={c.id} categoryName={localized(c.name, i18n.language)} pavilionCategoryId={c.pavilionCategoryId} />
            <Button size="sm" variant="ghost" icon={Plus} onClick={() => setEditing({ parentId: c.id })}>{t('settings:categories.addChild')}</Button>
            <Button size="sm" variant="ghost" icon={Pencil} onClick={() => setEditing({ category: c, parentId: c.parentId })}>{t('common:edit')}</Button>
            <Button size="sm" variant="ghost" tone="danger" icon={Trash2} onClick={() => void remove(c)}>{t('common:delete')}</Button>
          </div>
        )
      })}
      {editing && <CategoryDialog {...editing} onClose={() => { setEditing(null); void loadStructure() }} />}
    </Card>
  )
}
