// Every change to the product, field by field, with where it came from; restore a field or the
// whole product as it was after a change.
import { ArrowRight, History, RotateCcw } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HistoryEntry } from '../../../../../shared/contract/catalog.ts'
import { api } from '../../../api/client.ts'
import { Badge } from '../../../ui/Badge.tsx'
import { Button } from '../../../ui/Button.tsx'
import { EmptyState } from '../../../ui/EmptyState.tsx'
import { Icon } from '../../../ui/Icon.tsx'
import { errorText } from '../../../ui/errors.ts'
import { toast } from '../../../ui/toasts.ts'
import { useEditor } from '../editor-context.tsx'
import { fieldLabel } from '../field-labels.ts'

function show(v: unknown): string {
  if (v === null || v === undefined) return '—'
  if (typeof v === 'string') return v.length > 160 ? `${v.slice(0, 160)}…` : v
  return JSON.stringify(v)
}

export function HistoryTab() {
  const { t, i18n } = useTranslation()
  const { product, readOnly, reload } = useEditor()
  const [items, setItems] = useState<HistoryEntry[]>([])
  useEffect(() => {
    void api.catalog.history({ id: product.id, limit: 500 }).then((r) => setItems(r.items))
  }, [product.id, product.version])

  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn()
      await reload()
      toast(done)
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }
  if (items.length === 0) return <EmptyState compact icon={History} title={t('catalog:history.empty')} />
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' })
  return (
    <div className="card" data-testid="history">
      {items.map((h) => (
        <div className="history-item" key={h.id}>
          <span className="muted">{fmt.format(new Date(h.at))}</span>
          <span><Badge>{t(`catalog:history.source.${h.source}`)}</Badge></span>
          <span>
            {h.path === '' ? (
              <em>{t('catalog:history.created')}</em>
            ) : (
              <>
                <strong title={h.path}>{fieldLabel(h.path, t)}</strong>: <code>{show(h.old)}</code> <Icon icon={ArrowRight} size="sm" label={t('ui:history.becomes')} /> <code>{show(h.new)}</code>
              </>
            )}
          </span>
          <span className="row">
            {!readOnly && h.path !== '' && (
              <>
                <Button size="sm" variant="ghost" icon={RotateCcw} onClick={() => void run(() => api.catalog.restoreField({ id: product.id, historyId: h.id, use: 'old' }), t('catalog:history.fieldRestored'))}>
                  {t('catalog:history.restoreField')}
                </Button>
                <Button size="sm" variant="ghost" onClick={() => void run(() => api.catalog.restoreVersion({ id: product.id, historyId: h.id }), t('catalog:history.versionRestored'))}>
                  {t('catalog:history.restoreVersion')}
                </Button>
              </>
            )}
          </span>
        </div>
      ))}
    </div>
  )
}
