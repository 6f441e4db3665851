// The outbox: every listing with its state, the pavilion's answer in plain words, retry and
// cancel, and a link to the field to fix.
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LISTING_STATES, type Listing, type ListingState } from '../../../../shared/domain/publish.ts'
import { api } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { ProblemList } from './problems.tsx'
import { usePublish } from './store.ts'

const STATE_CLASS: Partial<Record<ListingState, string>> = {
  published: 'ok', failed: 'err', needs_fixing: 'err', in_audit: 'warn', offline: '', cancelled: ''
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
        <select className="input" aria-label={t('publish:queue.filter')} value={filter?.[0] ?? ''} onChange={(e) => setFilter(e.target.value ? [e.target.value as ListingState] : null)}>
          <option value="">{t('publish:queue.all')}</option>
          {LISTING_STATES.map((s) => <option key={s} value={s}>{t(`publish:state.${s}`)}</option>)}
        </select>
        <span className="muted">{t('publish:queue.count', { count: listingsTotal })}</span>
        <span className="spacer" />
        {role === 'owner' && failed > 0 && <button className="btn" onClick={() => void act(api.publish.retry({ allFailed: true }))}>{t('publish:queue.retryFailed')}</button>}
      </div>
      <table className="table" data-testid="publish-queue">
        <thead>
          <tr>
            <th>{t('publish:col.product')}</th><th>{t('publish:col.language')}</th><th>{t('publish:col.state')}</th>
            <th>{t('publish:col.details')}</th><th>{t('publish:col.updated')}</th><th />
          </tr>
        </thead>
        <tbody>
          {listings.map((l) => <Row key={l.id} l={l} fmt={fmt} owner={role === 'owner'} act={act} />)}
          {listings.length === 0 && <tr><td colSpan={6} className="muted">{t('publish:queue.empty')}</td></tr>}
        </tbody>
      </table>
    </>
  )
}

function Row(props: { l: Listing; fmt: Intl.DateTimeFormat; owner: boolean; act(p: Promise<unknown>): void }) {
  const { t } = useTranslation()
  const { l } = props
  const active = l.state === 'queued' || l.state === 'uploading_images' || l.state === 'submitting' || l.state === 'unpublishing'
  const [history, setHistory] = useState<Array<{ at: string; event: string; detail: string | null }> | null>(null)
  const toggleHistory = () =>
    history ? setHistory(null) : void api.publish.listing({ id: l.id }).then((r) => setHistory([...r.history].reverse())).catch((err) => toast(errorText(err, t), 'err'))
  return (
    <Fragment>
    <tr data-testid="listing-row" data-state={l.state}>
      <td>
        <strong>{l.sku ?? '—'}</strong>
        {l.variantCount > 0 && <span className="badge" style={{ marginLeft: 6 }} data-testid="variant-count">{t('publish:variants.queue.count', { count: l.variantCount })}</span>}
        <div className="muted" style={{ fontSize: 12 }}>{l.title}</div>
      </td>
      <td>{l.language === 'en' ? 'English' : '中文'}</td>
      <td>
        <span className={`badge ${STATE_CLASS[l.state] ?? ''}`}>{t(`publish:state.${l.state}`)}</span>
        {l.jobState === 'paused' && <span className="badge warn" style={{ marginLeft: 4 }}>{t('publish:run.paused')}</span>}
        {l.reconciling && <div className="muted" style={{ fontSize: 12 }}>{t('publish:queue.reconciling')}</div>}
      </td>
      <td style={{ maxWidth: 460 }}>
        {l.problems.length > 0 && <ProblemList productId={l.productId} problems={l.problems} />}
        {l.error && l.problems.length === 0 && <div style={{ color: l.state === 'failed' ? 'var(--danger)' : 'var(--muted)', fontSize: 13 }}>{t(`publish:error.${l.error.code}`, { defaultValue: l.error.message })}</div>}
        {l.runAfter && active && <div className="muted" style={{ fontSize: 12 }}>{t('publish:queue.nextTry', { time: props.fmt.format(new Date(l.runAfter)) })}</div>}
        {l.remoteId && <div className="muted" style={{ fontSize: 12 }}>{t('publish:queue.remote', { id: l.remoteId, status: l.remoteStatus ?? '—' })}</div>}
      </td>
      <td className="muted" style={{ fontSize: 12 }}>{props.fmt.format(new Date(l.updatedAt))}</td>
      <td>
        {props.owner && (l.state === 'failed' || l.state === 'needs_fixing' || l.state === 'cancelled') && (
          <button className="btn small" onClick={() => props.act(api.publish.retry({ ids: [l.id] }))}>{t('publish:queue.retry')}</button>
        )}
        {props.owner && active && <button className="btn small danger" onClick={() => props.act(api.publish.cancel({ ids: [l.id] }))}>{t('common:cancel')}</button>}
        {props.owner && (l.state === 'published' || l.state === 'in_audit') && (
          <button className="btn small" onClick={() => props.act(api.publish.unpublish({ productIds: [l.productId] }))}>{t('publish:queue.unpublish')}</button>
        )}
        <button className="btn small link" aria-expanded={history !== null} onClick={toggleHistory}>{t('publish:queue.history')}</button>
      </td>
    </tr>
    {history && (
      <tr>
        <td colSpan={6} style={{ background: 'var(--bg)' }}>
          <ol style={{ margin: 0, paddingLeft: 18, fontSize: 12 }} data-testid="listing-history">
            {history.map((h, i) => (
              <li key={i}>{props.fmt.format(new Date(h.at))} — {t(`publish:event.${h.event}`, { defaultValue: h.event })}{h.detail ? `: ${h.detail}` : ''}</li>
            ))}
          </ol>
        </td>
      </tr>
    )}
    </Fragment>
  )
}
