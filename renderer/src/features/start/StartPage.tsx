// The first screen: what stands between this catalogue and live listings, computed from the real
// state (settings, publishing target and rate, categories, rules, readiness, translations), each
// with a count and the place where it is fixed. Core events keep it current.
import { ArrowRight, Building2, CircleCheck, CircleDashed, FileSpreadsheet, FolderTree, Images, Languages, ListChecks, Send, Store, type LucideIcon } from 'lucide-react'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { CURRENCIES } from '../../../../shared/domain/units.ts'
import { api, transport } from '../../api/client.ts'
import { navigate } from '../../app/router.ts'
import { useApp } from '../../app/store.ts'
import { Button } from '../../ui/Button.tsx'
import { Card } from '../../ui/Card.tsx'
import { Field } from '../../ui/components.tsx'
import { errorText } from '../../ui/errors.ts'
import { Icon } from '../../ui/Icon.tsx'
import { PageHeader } from '../../ui/PageHeader.tsx'
import { Select } from '../../ui/Select.tsx'
import { toast } from '../../ui/toasts.ts'
import { SampleOffer } from './DemoCatalogue.tsx'
import './start.css'
import { formatDecimal, parseDecimal } from '../../../../shared/domain/numbers.ts'

export interface StartState {
  products: number
  target: 'sandbox' | 'alibaba'
  signedIn: boolean
  eurToUsd: number | null
  unlinked: Array<{ id: string; name: string; products: number }>
  linked: number
  /** Products per readiness problem code (each product once, whatever the language). */
  byProblem: Record<string, number>
  blocked: number
  ready: number
  missingByLocale: Record<string, number>
  published: number
}

/** Everything the checklist needs, in one go. */
export async function loadStartState(lang: string): Promise<StartState> {
  const [stats, status, pub, cats, readiness] = await Promise.all([
    api.catalog.stats({}), api.publish.status({}), api.publish.getSettings({}), api.catalog.listCategories({}),
    api.publish.readiness({ onlyProblems: false, limit: 5000 })
  ])
  const byProblem: Record<string, Set<string>> = {}
  const blocked = new Set<string>()
  const readyLanguages = new Map<string, number>()
  for (const item of readiness.items) {
    for (const p of item.problems) (byProblem[p.code] ??= new Set()).add(item.productId)
    if (!item.ready) blocked.add(item.productId)
    else readyLanguages.set(item.productId, (readyLanguages.get(item.productId) ?? 0) + 1)
  }
  const withProducts = cats.items.filter((c) => c.productCount > 0)
  return {
    products: stats.total,
    target: status.target,
    signedIn: status.credentials[status.target].set,
    eurToUsd: pub.eurToUsd,
    unlinked: withProducts.filter((c) => !c.pavilionCategoryId).map((c) => ({ id: c.id, name: c.name[lang] ?? c.name.it ?? Object.values(c.name)[0] ?? '', products: c.productCount })),
    linked: withProducts.filter((c) => c.pavilionCategoryId).length,
    byProblem: Object.fromEntries(Object.entries(byProblem).map(([k, v]) => [k, v.size])),
    blocked: blocked.size,
    ready: [...readyLanguages.keys()].filter((id) => !blocked.has(id)).length,
    missingByLocale: stats.missingByLocale,
    published: status.counts.published ?? 0
  }
}

function Step(props: { done: boolean; icon: LucideIcon; title: string; detail: ReactNode; action?: ReactNode; testId: string }) {
  return (
    <li className={`start-step${props.done ? ' done' : ''}`} data-testid={props.testId} data-done={props.done}>
      <Icon icon={props.done ? CircleCheck : CircleDashed} size="lg" className="start-check" />
      <Icon icon={props.icon} size="lg" className="start-icon" />
      <div className="start-text">
        <strong>{props.title}</strong>
        <div className="muted small">{props.detail}</div>
      </div>
      <div className="start-action">{props.action}</div>
    </li>
  )
}

function Go(props: { to: string[]; children: ReactNode; testId?: string; primary?: boolean }) {
  return <Button size="sm" variant={props.primary ? 'primary' : 'secondary'} iconEnd={ArrowRight} onClick={() => navigate(props.to[0], ...props.to.slice(1))} testId={props.testId}>{props.children}</Button>
}

function FirmForm() {
  const { t } = useTranslation()
  const settings = useApp((s) => s.settings)
  const [name, setName] = useState(settings?.firm.name ?? '')
  const [region, setRegion] = useState(settings?.firm.region ?? '')
  useEffect(() => {
    setName(settings?.firm.name ?? '')
    setRegion(settings?.firm.region ?? '')
  }, [settings?.firm.name, settings?.firm.region])
  if (!settings) return null
  const save = (patch: Partial<typeof settings.firm>) =>
    api.system.updateSettings({ firm: { ...settings.firm, ...patch } }).then(useApp.getState().setSettings).catch((err) => toast(errorText(err, t), 'err'))
  return (
    <div className="grid3 start-form">
      <Field label={t('start:firm.name')}>
        {(id) => <input id={id} className="input" value={name} onChange={(e) => setName(e.target.value)} onBlur={() => name.trim() !== settings.firm.name && void save({ name: name.trim() })} data-testid="firm-name" />}
      </Field>
      <Field label={t('start:firm.region')}>
        {(id) => <input id={id} className="input" value={region} onChange={(e) => setRegion(e.target.value)} onBlur={() => region.trim() !== settings.firm.region && void save({ region: region.trim() })} />}
      </Field>
      <Field label={t('start:firm.currency')}>
        {(id) => <Select id={id} value={settings.firm.currency} onChange={(v) => void save({ currency: v })} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />}
      </Field>
    </div>
  )
}

function RateForm(props: { value: number | null }) {
  const { t, i18n } = useTranslation()
  const [draft, setDraft] = useState(formatDecimal(props.value, i18n.language))
  const save = () => {
    const v = parseDecimal(draft, i18n.language)
    if (!draft.trim() || v === null || v <= 0) return
    void api.publish.updateSettings({ eurToUsd: v }).catch((err) => toast(errorText(err, t), 'err'))
  }
  return (
    <span className="row">
      <label className="muted small" htmlFor="start-rate">{t('start:rate.label')}</label>
      <input id="start-rate" className="input start-rate" inputMode="decimal" value={draft} placeholder={formatDecimal(1.08, i18n.language)} onChange={(e) => setDraft(e.target.value)}
        onBlur={save} onKeyDown={(e) => e.key === 'Enter' && save()} data-testid="start-rate" />
    </span>
  )
}

export function StartPage() {
  const { t, i18n } = useTranslation()
  const settings = useApp((s) => s.settings)
  const catalogue = useApp((s) => s.catalogue)
  const [state, setState] = useState<StartState | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let live = true
    loadStartState(i18n.language).then((s) => live && setState(s)).catch((err) => live && setError(err))
    return () => { live = false }
  }, [version, i18n.language])

  // Anything that changes a count: reload, coalesced.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const off = transport.subscribe((name, payload) => {
      if (name === 'job.progress' && !['done', 'failed'].includes((payload as { state: string }).state)) return
      if (name !== 'data.changed' && name !== 'job.progress') return
      timer ??= setTimeout(() => {
        timer = null
        setVersion((v) => v + 1)
      }, 500)
    })
    return () => {
      off()
      if (timer) clearTimeout(timer)
    }
  }, [])

  if (error) return <div className="page"><p role="alert">{errorText(error, t)}</p></div>
  if (!state || !settings) return <div className="page muted">{t('common:loading')}</div>
  const s = state
  const p = (code: string) => s.byProblem[code] ?? 0
  const missingTranslations = Math.max(0, ...Object.values(s.missingByLocale))
  const firmDone = settings.firm.name.trim().length > 0
  const steps = [
    firmDone, s.products > 0, s.target === 'sandbox' || s.signedIn, s.eurToUsd !== null, s.products > 0 && s.unlinked.length === 0,
    s.products > 0 && p('rules_not_downloaded') === 0, s.products > 0 && p('images_missing') === 0, s.products > 0 && missingTranslations === 0, s.products > 0 && s.blocked === 0
  ]
  const done = steps.filter(Boolean).length
  return (
    <div className="page start-page" data-testid="start-page">
      <PageHeader title={t('start:title')} meta={<span className="muted" data-testid="start-progress">{t('start:progress', { done, total: steps.length })}</span>} />
      <Card title={t('start:checklist')} icon={ListChecks}>
        <ol className="start-steps">
          <Step testId="step-firm" done={firmDone} icon={Building2} title={t('start:firm.title')}
            detail={firmDone ? t('start:firm.done', { name: settings.firm.name, currency: settings.firm.currency }) : t('start:firm.todo')} />
          {!firmDone && <li className="start-inline"><FirmForm /></li>}
          <Step testId="step-products" done={s.products > 0} icon={FileSpreadsheet} title={t('start:products.title')}
            detail={s.products > 0 ? t('start:products.done', { count: s.products }) : t('start:products.todo')}
            action={<Go to={['import']} primary={s.products === 0} testId="start-import">{t('start:products.action')}</Go>} />
          <Step testId="step-target" done={s.target === 'sandbox' || s.signedIn} icon={Store} title={t('start:target.title')}
            detail={s.target === 'sandbox' ? t('start:target.sandbox') : s.signedIn ? t('start:target.alibaba') : t('start:target.signIn')}
            action={<Go to={['publish', 'settings']}>{s.target === 'sandbox' ? t('start:target.actionSandbox') : t('start:target.action')}</Go>} />
          <Step testId="step-rate" done={s.eurToUsd !== null} icon={Send} title={t('start:rate.title')}
            detail={s.eurToUsd !== null ? t('start:rate.done', { rate: s.eurToUsd }) : t('start:rate.todo')}
            action={<RateForm value={s.eurToUsd} />} />
          <Step testId="step-categories" done={s.products > 0 && s.unlinked.length === 0} icon={FolderTree} title={t('start:categories.title')}
            detail={s.unlinked.length ? t('start:categories.todo', { count: s.unlinked.length, names: s.unlinked.slice(0, 4).map((c) => c.name).join(', ') }) : t('start:categories.done', { count: s.linked })}
            action={s.unlinked.length > 0 && <Go to={['settings']} testId="start-categories">{t('start:categories.action')}</Go>} />
          <Step testId="step-rules" done={s.products > 0 && p('rules_not_downloaded') === 0} icon={ListChecks} title={t('start:rules.title')}
            detail={p('rules_not_downloaded') ? t('start:rules.todo', { count: p('rules_not_downloaded') }) : t('start:rules.done')}
            action={p('rules_not_downloaded') > 0 && <Button size="sm" onClick={() => void api.publish.refreshRules({}).then(() => toast(t('publish:rules.started'))).catch((err) => toast(errorText(err, t), 'err'))}>{t('start:rules.action')}</Button>} />
          <Step testId="step-photos" done={s.products > 0 && p('images_missing') === 0} icon={Images} title={t('start:photos.title')}
            detail={p('images_missing') ? t('start:photos.todo', { count: p('images_missing') }) : t('start:photos.done')}
            action={p('images_missing') > 0 && <Go to={['photos']}>{t('start:photos.action')}</Go>} />
          <Step testId="step-translations" done={s.products > 0 && missingTranslations === 0} icon={Languages} title={t('start:translations.title')}
            detail={missingTranslations ? t('start:translations.todo', { count: missingTranslations }) : t('start:translations.done')}
            action={missingTranslations > 0 && <Go to={['translate']}>{t('start:translations.action')}</Go>} />
          <Step testId="step-fixes" done={s.products > 0 && s.blocked === 0} icon={CircleCheck} title={t('start:fixes.title')}
            detail={s.blocked ? t('start:fixes.todo', { count: s.blocked, ready: s.ready }) : s.products ? t('start:fixes.done', { count: s.ready, published: s.published }) : t('start:fixes.none')}
            action={s.products > 0 && <Go to={['publish']} primary={s.blocked === 0 && s.products > 0}>{s.blocked ? t('start:fixes.action') : t('start:fixes.publish')}</Go>} />
        </ol>
      </Card>
      {s.products === 0 && catalogue && !catalogue.demo && <SampleOffer />}
    </div>
  )
}
