// The outbox: every listing with its state, the pavilion's answer in plain words, retry and
// cancel, and a link to the field to fix.
import { CircleSlash, History, Inbox, RotateCcw, Undo2 } from 'lucide-react'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LISTING_STATES, type Listing, type ListingState } from '../../../../shared/domain/publish.ts'
import { api } from '../../api/client.ts'
import { navigate } from '../../app/router.ts'
import { useApp } from '../../app/store.ts'
import { Badge, type Tone } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { confirm } from '../../ui/confirm.tsx'
import { EmptyState } from '../../ui/EmptyState.tsx'
import { Select } from '../../ui/Select.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { ProblemList } from './problems.tsx'
import { usePublish } from './store.ts'
import { messageText } from '../../../../shared/messages/translator.ts'
import type { Message } from '../../../../shared/messages/message.ts'
import { languageOf } from '../../i18n/language-names.ts'

const STATE_TONE: Partial<Record<ListingState, Tone>> = {
  published: 'success', failed: 'danger', needs_fixing: 'danger', in_audit: 'warning', queued: 'info', uploading_images: 'info', submitting: 'info'
}

export function QueueTable() {
  const { t, i18n } = useTranslation()
  const { listings, listingsTotal, filter, setFilter } = usePublish()
  const role = useApp((s) => s.role)
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' })
  const act = (p: Promise<unknown>) => p.then(() => usePublish.getState().loadListings()).catch((err) => toast(errorText(err, t), 'err'))
  const failed = listings.filter((l) => l.state === 'failed').length
  return (
    <>
      <div className="toolbar">
        <Select<ListingState | ''> inline aria-label={t('publish:queue.filter')} value={filter?.[0] ?? ''} onChange={(v) => setFilter(v ? [v] : null)}
          options={[{ value: '', label: t('publish:queue.all') }, ...LISTING_STATES.map((s) => ({ value: s, label: t(`publish:state.${s}`) }))]} />
        <span className="muted">{t('publish:queue.count', { count: listingsTotal })}</span>
        <span className="spacer" />
        {role === 'owner' && failed > 0 && <Button icon={RotateCcw} onClick={() => void act(api.publish.retry({ allFailed: true }))}>{t('publish:queue.retryFailed')}</Button>}
      </div>
      {listings.length === 0 ? (
        <EmptyState icon={Inbox} title={filter ? t('publish:queue.empty') : t('ui:empty.queueTitle')} body={filter ? undefined : t('ui:empty.queueBody')}
          actions={!filter && role === 'owner' && <Button onClick={() => navigate('publish')}>{t('publish:tabs.overview')}</Button>} />
      ) : (
      <div className="table-wrap">
      <table className="table" data-testid="publish-queue">
        <thead>
          <tr>
            <th>{t('publish:col.product')}</th><th>{t('publish:col.language')}</th><th>{t('publish:col.state')}</th>
            <th>{t('publish:col.details')}</th><th>{t('publish:col.updated')}</th><th />
          </tr>
        </thead>
        <tbody>
          {listings.map((l) => <Row key={l.id} l={l} fmt={fmt} owner={role === 'owner'} act={act} />)}
        </tbody>
      </table>
      </div>
      )}
    </>
  )
}

function Row(props: { l: Listing; fmt: Intl.DateTimeFormat; owner: boolean; act(p: Promise<unknown>): void }) {
  const { t } = useTranslation()
  const { l } = props
  const active = l.state === 'queued' || l.state === 'uploading_images' || l.state === 'submitting' || l.state === 'unpublishing'
  const [history, setHistory] = useState<Array<{ at: string; event: string; detail: Message | null }> | null>(null)
  const unpublish = async () => {
    const ok = await confirm({
      title: t('ui:publish.unpublishTitle', { sku: l.sku ?? '' }),
      body: t('ui:publish.unpublishBody'),
      confirmLabel: t('publish:queue.unpublish'),
      danger: true
    })
    if (ok) props.act(api.publish.unpublish({ productIds: [l.productId] }))
  }
  const toggleHistory = () =>
    history ? setHistory(null) : void api.publish.listing({ id: l.id }).then((r) => setHistory([...r.history].reverse())).catch((err) => toast(errorText(err, t), 'err'))
  return (
    <Fragment>
    <tr data-testid="listing-row" data-state={l.state}>
      <td>
        <strong>{l.sku ?? '—'}</strong>
        {l.variantCount > 0 && <Badge tone="info" testId="variant-count" className="variant-count">{t('publish:variants.queue.count', { count: l.variantCount })}</Badge>}
        <div className="muted small">{l.title}</div>
      </td>
      <td>{languageOf(l.language)}</td>
      <td>
        <span className="row wrap">
          <Badge tone={STATE_TONE[l.state] ?? 'neutral'}>{t(`publish:state.${l.state}`)}</Badge>
          {l.jobState === 'paused' && <Badge tone="warning">{t('publish:run.paused')}</Badge>}
        </span>
        {l.reconciling && <div className="muted small">{t('publish:queue.reconciling')}</div>}
      </td>
      <td style={{ maxWidth: 460 }}>
        {l.problems.length > 0 && <ProblemList productId={l.productId} problems={l.problems} />}
        {l.error && l.problems.length === 0 && <div className={l.state === 'failed' ? 'error' : 'muted small'}>{errorText(l.error, t)}</div>}
        {l.runAfter && active && <div className="muted small">{t('publish:queue.nextTry', { time: props.fmt.format(new Date(l.runAfter)) })}</div>}
        {l.remoteId && <div className="muted small">{t('publish:queue.remote', { id: l.remoteId, status: l.remoteStatus ?? '—' })}</div>}
      </td>
      <td className="muted" style={{ fontSize: 12 }}>{props.fmt.format(new Date(l.updatedAt))}</td>
      <td>
        <div className="row wrap" style={{ justifyContent: 'flex-end' }}>
          {props.owner && (l.state === 'failed' || l.state === 'needs_fixing' || l.state === 'cancelled') && (
            <Button size="sm" icon={RotateCcw} onClick={() => props.act(api.publish.retry({ ids: [l.id] }))}>{t('publish:queue.retry')}</Button>
          )}
          {props.owner && active && <Button size="sm" variant="ghost" tone="danger" icon={CircleSlash} onClick={() => props.act(api.publish.cancel({ ids: [l.id] }))}>{t('common:cancel')}</Button>}
          {props.owner && (l.state === 'published' || l.state === 'in_audit') && (
            <Button size="sm" variant="ghost" tone="danger" icon={Undo2} onClick={() => void unpublish()}>{t('publish:queue.unpublish')}</Button>
          )}
          <Button size="sm" variant="ghost" icon={History} aria-expanded={history !== null} onClick={toggleHistory}>{t('publish:queue.history')}</Button>
        </div>
      </td>
    </tr>
    {history && (
      <tr>
        <td colSpan={6} style={{ background: 'var(--color-surface-sunken)' }}>
          <ol className="small" style={{ margin: 0, paddingLeft: 'var(--space-5)' }} data-testid="listing-history">
            {history.map((h, i) => (
              <li key={i}>{props.fmt.format(new Date(h.at))} — {t([`publish:event.${h.event}`, 'publish:event.other'])}{h.detail ? `: ${messageText(h.detail, t)}` : ''}</li>
            ))}
          </ol>
        </td>
      </tr>
    )}
    </Fragment>
  )
}
