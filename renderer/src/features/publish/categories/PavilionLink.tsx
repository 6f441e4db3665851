// Where a Vetrina category meets Alibaba.com: the linked pavilion category as a path (never only a
// number), and the button that opens the category browser to link or change it.
import { Link2, Unlink } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PavilionNode } from '../../../../../shared/contract/publish.ts'
import { api } from '../../../api/client.ts'
import { useEvent } from '../../../api/events.ts'
import { Badge } from '../../../ui/Badge.tsx'
import { Button } from '../../../ui/Button.tsx'
import { errorText } from '../../../ui/errors.ts'
import { toast } from '../../../ui/toasts.ts'
import { CategoryBrowser, nodeLang, nodeName, pathText } from './CategoryBrowser.tsx'

/** The breadcrumb path of a pavilion category id (from the cached tree; fetched when missing). */
export function usePavilionPath(id: string | null | undefined): PavilionNode[] | null {
  const [path, setPath] = useState<PavilionNode[] | null>(null)
  const [version, setVersion] = useState(0)
  useEvent('data.changed', (e) => {
    if (e.entity === 'publish.categories' && path?.length === 0) setVersion((v) => v + 1)
  })
  useEffect(() => {
    if (!id) {
      setPath(null)
      return
    }
    let live = true
    api.publish.categoryChildren({ parentId: id }).then((r) => live && setPath(r.path)).catch(() => live && setPath([]))
    return () => { live = false }
  }, [id, version])
  return path
}

/** A linked pavilion category as "Food & Beverage › … › Wine" with its id, or "not linked". */
export function PavilionPathBadge(props: { id: string | null | undefined; testId?: string }) {
  const { t, i18n } = useTranslation()
  const path = usePavilionPath(props.id)
  if (!props.id) return <Badge tone="warning" testId={props.testId}>{t('pavilion:link.none')}</Badge>
  const leaf = path?.[path.length - 1]
  return (
    <Badge tone="success" title={path?.length ? `${pathText(path, i18n.language)} (${props.id})` : props.id} testId={props.testId}>
      {leaf ? <span lang={nodeLang(i18n.language)}>{nodeName(leaf, i18n.language)}</span> : t('pavilion:link.idOnly', { id: props.id })}
    </Badge>
  )
}

/** Link (or change, or remove) the pavilion category of one Vetrina category. */
export function PavilionLinkButton(props: { categoryId: string; categoryName: string; pavilionCategoryId: string | null }) {
  const { t, i18n } = useTranslation()
  const [open, setOpen] = useState(false)
  const unlink = () =>
    api.publish.linkCategory({ categoryId: props.categoryId, pavilionCategoryId: null })
      .then(() => toast(t('pavilion:link.removed', { name: props.categoryName })))
      .catch((err) => toast(errorText(err, t), 'err'))
  return (
    <>
      <Button size="sm" variant={props.pavilionCategoryId ? 'ghost' : 'secondary'} icon={Link2} onClick={() => setOpen(true)} testId="pavilion-link">
        {props.pavilionCategoryId ? t('pavilion:link.change') : t('pavilion:link.link')}
      </Button>
      {props.pavilionCategoryId && <Button size="sm" variant="ghost" icon={Unlink} label={t('pavilion:link.unlink')} onClick={() => void unlink()} />}
      {open && (
        <CategoryBrowser
          title={t('pavilion:link.title', { name: props.categoryName })}
          categoryId={props.categoryId}
          current={props.pavilionCategoryId}
          confirmLabel={t('pavilion:link.confirm')}
          onClose={() => setOpen(false)}
          onPick={async (picked) => {
            const r = await api.publish.linkCategory({ categoryId: props.categoryId, pavilionCategoryId: picked.node.id, searchedFor: picked.searchedFor || undefined })
            setOpen(false)
            toast(t('pavilion:link.done', { name: props.categoryName, path: pathText(r.path, i18n.language) }), 'success')
          }}
        />
      )}
    </>
  )
}

/** A form field holding a pavilion category id, chosen with the browser (for dialogs that save later). */
export function PavilionField(props: { id?: string; value: string; onChange(id: string): void; categoryId?: string; title: string }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <div className="row" id={props.id}>
      <PavilionPathBadge id={props.value || null} testId="pavilion-field-value" />
      <Button size="sm" icon={Link2} onClick={() => setOpen(true)} testId="pavilion-field-choose">{props.value ? t('pavilion:link.change') : t('pavilion:link.choose')}</Button>
      {props.value && <Button size="sm" variant="ghost" icon={Unlink} label={t('pavilion:link.unlink')} onClick={() => props.onChange('')} />}
      {open && (
        <CategoryBrowser title={props.title} categoryId={props.categoryId} current={props.value || null} confirmLabel={t('pavilion:link.choose')}
          onClose={() => setOpen(false)} onPick={(picked) => { props.onChange(picked.node.id); setOpen(false) }} />
      )}
    </div>
  )
}
