// The trash: products moved there (with their variants, photos, translations and listings kept),
// restored exactly as they were, or deleted for good after a confirmation.
import { ArchiveRestore, Trash2 } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../../api/client.ts'
import { useEvent } from '../../../api/events.ts'
import { Button } from '../../../ui/Button.tsx'
import { confirm } from '../../../ui/confirm.tsx'
import { Dialog } from '../../../ui/Dialog.tsx'
import { EmptyState } from '../../../ui/EmptyState.tsx'
import { errorText } from '../../../ui/errors.ts'
import { toast } from '../../../ui/toasts.ts'

type Item = Awaited<ReturnType<typeof api.catalog.listTrash>>['items'][number]

/** How many products are in the trash, kept current by core events. */
export function useTrashCount(): number {
  const [n, setN] = useState(0)
  const load = () => void api.catalog.listTrash({ limit: 1 }).then((r) => setN(r.total)).catch(() => undefined)
  useEffect(load, [])
  useEvent('data.changed', (e) => {
    if (e.entity === 'trash' || e.entity === '*') load()
  })
  return n
}

export function TrashDialog(props: { onClose(): void }) {
  const { t, i18n } = useTranslation()
  const [items, setItems] = useState<Item[] | null>(null)
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const load = () => void api.catalog.listTrash({ limit: 500 }).then((r) => setItems(r.items)).catch((err) => toast(errorText(err, t), 'err'))
  useEffect(load, [])
  useEvent('data.changed', (e) => {
    if (e.entity === 'trash' || e.entity === '*') load()
  })
  const ids = chosen.size ? [...chosen] : (items ?? []).map((i) => i.productId)
  const restore = async () => {
    try {
      const r = await api.catalog.restoreFromTrash({ productIds: ids })
      setChosen(new Set())
      toast(t('bulk:trash.restored', { count: r.restored }), 'success')
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }
  const empty = async () => {
    const ok = await confirm({
      title: t('bulk:trash.emptyTitle', { count: ids.length }),
      body: t('bulk:trash.emptyBody'),
      confirmLabel: t('bulk:trash.emptyConfirm'),
      danger: true
    })
    if (!ok) return
    try {
      const r = await api.catalog.emptyTrash(chosen.size ? { productIds: ids } : {})
      setChosen(new Set())
      toast(t('bulk:trash.deleted', { count: r.deleted }))
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' })
  const toggle = (id: string) => setChosen((c) => {
    const n = new Set(c)
    if (n.has(id)) n.delete(id)
    else n.add(id)
    return n
  })
  return (
    <Dialog
      title={t('bulk:trash.title')}
      size="wide"
      onClose={props.onClose}
      testId="trash"
      actions={items && items.length > 0 ? (
        <>
          <Button variant="ghost" tone="danger" icon={Trash2} onClick={() => void empty()} testId="trash-empty">
            {chosen.size ? t('bulk:trash.deleteChosen', { count: chosen.size }) : t('bulk:trash.emptyAll')}
          </Button>
          <Button variant="primary" icon={ArchiveRestore} onClick={() => void restore()} testId="trash-restore">
            {chosen.size ? t('bulk:trash.restoreChosen', { count: chosen.size }) : t('bulk:trash.restoreAll', { count: items.length })}
          </Button>
        </>
      ) : undefined}
    >
      {items === null ? <p className="muted">{t('common:loading')}</p> : items.length === 0 ? (
        <EmptyState compact icon={Trash2} title={t('bulk:trash.emptyState')} body={t('bulk:trash.emptyStateBody')} />
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="trash-table">
            <thead>
              <tr><th aria-label={t('bulk:list.select')} /><th>{t('catalog:fields.sku')}</th><th>{t('catalog:fields.title')}</th><th>{t('bulk:trash.deletedAt')}</th></tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.productId} data-testid="trash-row">
                  <td><input type="checkbox" checked={chosen.has(i.productId)} onChange={() => toggle(i.productId)} aria-label={t('bulk:list.selectOne', { sku: i.sku })} /></td>
                  <td className="tabular"><strong>{i.sku}</strong>{i.variants > 0 && <span className="muted small"> · {t('bulk:trash.variants', { count: i.variants })}</span>}</td>
                  <td>{i.title}</td>
                  <td className="muted small">{fmt.format(new Date(i.deletedAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  )
}
