// The list's extra cells: first photo, price, readiness and the listing state on each target.
import { CircleAlert, CircleCheck, CircleHelp, Clock, ImageOff, Store } from 'lucide-react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProductSummary } from '../../../../../shared/domain/product.ts'
import { readinessState, type ListingState } from '../../../../../shared/domain/publish.ts'
import type { ProductPublishState } from '../../../../../shared/contract/publish.ts'
import { Badge } from '../../../ui/Badge.tsx'
import { Icon } from '../../../ui/Icon.tsx'
import { mediaUrl } from '../../photos/media.ts'
import { problemText } from '../../publish/problems.tsx'
import { useRowExtras, type RowExtras } from './row-extras.ts'

export function Thumb(props: { extras: RowExtras | undefined; alt: string }) {
  const thumb = props.extras?.thumb
  return (
    <span className="plist-thumb" data-testid="row-thumb" data-photos={props.extras?.photos ?? ''}>
      {thumb ? <img src={mediaUrl(thumb.relPath)} alt={props.alt} loading="lazy" /> : props.extras ? <Icon icon={ImageOff} size="md" /> : null}
    </span>
  )
}

export function PriceCell(props: { price: ProductSummary['price'] }) {
  const { t, i18n } = useTranslation()
  const p = props.price
  if (!p) return <span className="muted small">—</span>
  const money = p.currency
    ? new Intl.NumberFormat(i18n.language, { style: 'currency', currency: p.currency }).format(p.value)
    : new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2 }).format(p.value)
  return (
    <span className="num tabular" data-testid="row-price" title={p.unit ? t('bulk:list.pricePer', { price: money, unit: t(`catalog:units.${p.unit}`) }) : money}>
      {money}
    </span>
  )
}

const ORDER: ListingState[] = ['published', 'in_audit', 'submitting', 'uploading_images', 'queued', 'unpublishing', 'needs_fixing', 'failed', 'offline', 'cancelled']

/** One line per target: "Pubblicata" (both languages), or the state that needs attention. */
export function PublishCell(props: { state: ProductPublishState | null | undefined }) {
  const { t } = useTranslation()
  const st = props.state
  if (!st) return <span />
  const byTarget = new Map<string, ListingState[]>()
  for (const l of st.listings) byTarget.set(l.target, [...(byTarget.get(l.target) ?? []), l.state])
  const badges = [...byTarget].map(([target, states]) => {
    // The least advanced language decides: a product is published when every language is.
    const worst = states.slice().sort((a, b) => ORDER.indexOf(b) - ORDER.indexOf(a))[0]
    const all = states.every((s) => s === 'published')
    const tone = all ? 'success' : worst === 'failed' || worst === 'needs_fixing' ? 'danger' : worst === 'offline' || worst === 'cancelled' ? 'neutral' : 'info'
    return (
      <Badge key={target} tone={tone} icon={all ? Store : worst === 'failed' || worst === 'needs_fixing' ? CircleAlert : Clock} testId="row-publish" className={`publish-${all ? 'published' : worst}`}
        title={t('bulk:list.publishTitle', { target: t(`publish:target.${target}`), states: st.listings.filter((l) => l.target === target).map((l) => `${l.language}: ${t(`publish:state.${l.state}`)}`).join(', ') })}>
        {t(`publish:state.${all ? 'published' : worst}`)}{byTarget.size > 1 || target === 'sandbox' ? ` · ${t(`bulk:list.target.${target}`)}` : ''}
      </Badge>
    )
  })
  return <span className="row-badges">{badges}</span>
}

/** Ready to publish, or the first thing to fix (the whole list on hover). */
export function ReadinessCell(props: { state: ProductPublishState | null | undefined }) {
  const { t } = useTranslation()
  const st = props.state
  if (!st) return <span />
  const state = readinessState({ blocked: !st.ready, pending: st.pending })
  if (state === 'ready') return <Badge tone="success" icon={CircleCheck} testId="row-readiness">{t('bulk:list.ready')}</Badge>
  if (state === 'unverified') return <Badge tone="info" icon={CircleHelp} testId="row-readiness" title={t('bulk:list.unverifiedWhy')}>{t('bulk:list.unverified')}</Badge>
  const first = st.firstProblem ? problemText(st.firstProblem, t) : ''
  return (
    <Badge tone="warning" icon={CircleAlert} testId="row-readiness" title={first}>
      {t('bulk:list.toFix', { count: st.problems })}
    </Badge>
  )
}

/** The editor's header: is this product on the pavilion (each target), or what still blocks it. */
export function EditorPublishState(props: { productId: string }) {
  const extras = useRowExtras((s) => s.byId[props.productId])
  const version = useRowExtras((s) => s.version)
  useEffect(() => useRowExtras.getState().want([props.productId]), [props.productId, version])
  const st = extras?.publish
  if (!st) return null
  return (
    <span className="row-badges" data-testid="editor-publish-state">
      {st.listings.length > 0 ? <PublishCell state={st} /> : <ReadinessCell state={st} />}
    </span>
  )
}
