// The bar above the list while products are selected: how many, "select all N matching" (rows not
// loaded yet included), edit them together, publish them, move them to the trash.
import { PencilLine, Send, Trash2, X } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../../api/client.ts'
import { navigate } from '../../../app/router.ts'
import { Button } from '../../../ui/Button.tsx'
import { errorText } from '../../../ui/errors.ts'
import { toast, toastUndo } from '../../../ui/toasts.ts'
import { useCatalog } from '../store.ts'
import { BulkEditDialog } from './BulkEditDialog.tsx'
import { selectedCount, toBulkSelection, useSelection } from './selection.ts'

export function BulkBar(props: { loaded: number }) {
  const { t } = useTranslation()
  const sel = useSelection()
  const { total, totalExact, filters } = useCatalog()
  const [editing, setEditing] = useState(false)
  const count = selectedCount(sel, total)
  if (count === 0 && !sel.all) return null
  const selection = toBulkSelection(sel, filters)
  const allLoadedChosen = !sel.all && sel.ids.size >= props.loaded && total > props.loaded

  const trash = async () => {
    try {
      const r = await api.catalog.trashProducts({ selection })
      sel.clear()
      toastUndo(t('bulk:trash.moved', { count: r.trashed }), t('ui:toast.undo'), async () => {
        const u = await api.catalog.undoBulk({ batchId: r.batchId })
        toast(t('bulk:trash.putBack', { count: u.reverted }))
      })
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }
  const publish = async () => {
    try {
      const ids = sel.all ? await allIds(selection) : [...sel.ids]
      const r = await api.publish.enqueue({ productIds: ids })
      toast(t('publish:queuedToast', { queued: r.queued, unchanged: r.unchanged, needsFixing: r.needsFixing }))
      navigate('publish')
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }

  return (
    <div className="bulk-bar" role="region" aria-label={t('bulk:bar.label')} data-testid="bulk-bar">
      <strong data-testid="selected-count">{t('bulk:bar.selected', { count })}</strong>
      {allLoadedChosen && (
        <Button size="sm" variant="ghost" onClick={() => sel.selectAllMatching()} testId="select-all-matching">
          {totalExact ? t('bulk:bar.selectAllMatching', { count: total }) : t('bulk:bar.selectAllMatchingMore', { count: total - 1 })}
        </Button>
      )}
      <span className="spacer" />
      <Button size="sm" variant="primary" icon={PencilLine} onClick={() => setEditing(true)} testId="bulk-edit-open">{t('bulk:bar.edit')}</Button>
      <Button size="sm" icon={Send} onClick={() => void publish()} testId="bulk-publish">{t('bulk:bar.publish')}</Button>
      <Button size="sm" variant="ghost" tone="danger" icon={Trash2} onClick={() => void trash()} testId="bulk-trash">{t('bulk:bar.trash')}</Button>
      <Button size="sm" variant="ghost" icon={X} label={t('bulk:bar.clear')} onClick={() => sel.clear()} />
      {editing && <BulkEditDialog selection={selection} count={count} onClose={() => setEditing(false)} onApplied={() => setEditing(false)} />}
    </div>
  )
}

/** Every product id a filter selection covers (for calls that take ids), page by page. */
async function allIds(selection: ReturnType<typeof toBulkSelection>): Promise<string[]> {
  if ('ids' in selection) return selection.ids
  const except = new Set(selection.except ?? [])
  const out: string[] = []
  let cursor: string | null = null
  do {
    const page: Awaited<ReturnType<typeof api.catalog.listProducts>> = await api.catalog.listProducts({ ...selection.filter, limit: 500, cursor })
    out.push(...page.items.map((p) => p.id).filter((id) => !except.has(id)))
    cursor = page.nextCursor
  } while (cursor)
  return out
}
