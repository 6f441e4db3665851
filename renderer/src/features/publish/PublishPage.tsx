// Publish screen (#/publish, #/publish/queue, #/publish/settings): readiness summary as a chart,
// the publish action with progress and time left, the queue with each listing's state and the
// pavilion's errors explained, retry and fix links, and the target / credentials / rate settings.
import { CloudDownload, Pause, Play, Send, ShieldAlert, Wrench } from 'lucide-react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { readinessStateOf, type ReadinessState } from '../../../../shared/domain/publish.ts'
import { api } from '../../api/client.ts'
import { navigate } from '../../app/router.ts'
import { useApp } from '../../app/store.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { Card, Notice } from '../../ui/Card.tsx'
import { ProgressBar } from '../../ui/components.tsx'
import { confirm } from '../../ui/confirm.tsx'
import { PageHeader } from '../../ui/PageHeader.tsx'
import { Tabs } from '../../ui/Tabs.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { formatEta } from '../jobs/JobsDrawer.tsx'
import { QueueTable } from './QueueTable.tsx'
import { ReadinessChart } from './ReadinessChart.tsx'
import { PublishSettingsCard } from './PublishSettingsCard.tsx'
import { usePublish, watchPublish } from './store.ts'
import { ProblemList } from './problems.tsx'
import { languageOf } from '../../i18n/language-names.ts'

type TabId = 'overview' | 'queue' | 'settings'

export function PublishPage(props: { params: string[] }) {
  const { t } = useTranslation()
  const role = useApp((s) => s.role)
  const tab: TabId = props.params[0] === 'queue' || props.params[0] === 'settings' ? props.params[0] : 'overview'
  useEffect(() => {
    const stop = watchPublish()
    const s = usePublish.getState()
    Promise.all([s.loadStatus(), s.loadReadiness(), s.loadListings(), role === 'owner' ? s.loadSettings() : Promise.resolve()]).catch((err) => toast(errorText(err, t), 'err'))
    return stop
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const tabs: Array<{ id: TabId; label: string }> = [
    { id: 'overview', label: t('publish:tabs.overview') },
    { id: 'queue', label: t('publish:tabs.queue') },
    ...(role === 'owner' ? [{ id: 'settings' as const, label: t('publish:tabs.settings') }] : [])
  ]
  return (
    <div className="page">
      <PageHeader title={t('publish:title')} meta={<TargetBadge />} />
      <AuthBanner />
      <Tabs tabs={tabs} active={tab} onChange={(id) => navigate('publish', ...(id === 'overview' ? [] : [id]))} />
      {tab === 'overview' && <Overview />}
      {tab === 'queue' && <QueueTable />}
      {tab === 'settings' && <PublishSettingsCard />}
    </div>
  )
}

const STATE_TONE = { ready: 'success', unverified: 'warning', blocked: 'danger' } as const

/** Beside a language: ready, not fully checked, or to fix — in agreement with its problems. */
function ReadinessBadge(props: { state: ReadinessState }) {
  const { t } = useTranslation()
  return <span data-testid="readiness-state" data-state={props.state}><Badge tone={STATE_TONE[props.state]}>{t(`publish:readiness.${props.state}`)}</Badge></span>
}

function TargetBadge() {
  const { t } = useTranslation()
  const status = usePublish((s) => s.status)
  if (!status) return null
  return (
    <Badge tone={status.target === 'alibaba' ? 'success' : 'warning'} testId="publish-target" title={status.gateway || t('publish:target.builtinGateway')}>
      {t(`publish:target.${status.target}`)}
    </Badge>
  )
}

function AuthBanner() {
  const { t } = useTranslation()
  const problem = usePublish((s) => s.status?.authProblem ?? null)
  if (!problem) return null
  return (
    <Notice tone="danger" icon={ShieldAlert} role="alert">
      <strong>{t('publish:auth.stopped')}</strong> {errorText(problem, t)}{' '}
      <Button size="sm" onClick={() => navigate('publish', 'settings')}>{t('publish:auth.signIn')}</Button>
    </Notice>
  )
}

function Overview() {
  const { t } = useTranslation()
  const { status, summary, problems, runTotal } = usePublish()
  const role = useApp((s) => s.role)
  const online = useApp((s) => s.online)
  const publishAll = async () => {
    const ready = summary?.ready ?? 0
    // Listings not fully checked yet (category rules not downloaded) go too — checked against the
    // rules just before sending — but they are not called "ready": the same words as the chart.
    const unverified = summary?.pending ?? 0
    const where = t(`ui:publish.publishAllBody.${status?.target === 'alibaba' ? 'alibaba' : 'sandbox'}`)
    const ok = await confirm({
      title: unverified ? t('publish:publishAll.title', { count: ready }) : t('ui:publish.publishAllTitle', { count: ready }),
      body: unverified ? <>{where} {t('publish:publishAll.unverified', { count: unverified })}</> : where,
      confirmLabel: t('ui:publish.publishVerb'),
      icon: Send
    })
    if (!ok) return
    try {
      const r = await api.publish.enqueue({})
      usePublish.getState().startRun(r.queued)
      toast(t('publish:queuedToast', { queued: r.queued, unchanged: r.unchanged, needsFixing: r.needsFixing }))
      await usePublish.getState().loadStatus()
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }
  const togglePause = () =>
    (status?.paused ? api.publish.resume({}) : api.publish.pause({})).then(() => usePublish.getState().loadStatus()).catch((err) => toast(errorText(err, t), 'err'))
  const downloadRules = () => api.publish.refreshRules({}).then(() => toast(t('publish:rules.started'))).catch((err) => toast(errorText(err, t), 'err'))
  const active = status ? status.pending + status.inAudit : 0
  const total = Math.max(runTotal, active)
  return (
    <>
      <Card title={t('publish:run.title')} icon={Send}
        actions={role === 'owner' && (
          <div className="row wrap">
            <Button icon={CloudDownload} testId="download-rules" onClick={() => void downloadRules()}>{t('publish:rules.download')}</Button>
            {status && <Button icon={status.paused ? Play : Pause} onClick={() => void togglePause()} testId="pause-queue">{status.paused ? t('publish:run.resume') : t('publish:run.pause')}</Button>}
            <Button variant="primary" icon={Send} disabled={summary !== null && summary.ready === 0} onClick={() => void publishAll()} testId="publish-all">{t('publish:run.publishAll')}</Button>
          </div>
        )}>
        {status && (
          <>
            {total > 0 && <ProgressBar done={total - active} total={total} />}
            <div className="row wrap muted" data-testid="publish-progress">
              <span>{t('publish:run.counts', { published: status.counts.published ?? 0, audit: status.inAudit, waiting: status.pending, fix: status.counts.needs_fixing ?? 0, failed: status.counts.failed ?? 0 })}</span>
              <span className="spacer" />
              {active > 0 && <span>{formatEta(status.etaSeconds, t)}</span>}
              {status.paused && <Badge tone="warning">{t('publish:run.paused')}</Badge>}
              {online.online === false && active > 0 && <Badge tone="danger">{t('publish:run.offlineWaiting')}</Badge>}
            </div>
          </>
        )}
      </Card>
      <Card title={t('publish:readiness.title')}>
        {summary ? <ReadinessChart summary={summary} /> : <div className="muted">{t('common:loading')}</div>}
        {summary && summary.ready + summary.blocked === 0 && <Notice>{t('ui:empty.publishBody')} <Button variant="link" onClick={() => navigate('catalog')}>{t('ui:empty.openCatalog')}</Button></Notice>}
      </Card>
      {problems.length > 0 && (
        <Card title={t('publish:readiness.toFix')} icon={Wrench}>
          <div className="table-wrap" style={{ maxHeight: '70vh' }}>
          <table className="table" data-testid="readiness-problems">
            <thead><tr><th>{t('publish:col.product')}</th><th>{t('publish:col.language')}</th><th>{t('publish:col.problems')}</th></tr></thead>
            <tbody>
              {problems.map((p) => (
                <tr key={`${p.productId}-${p.language}`}>
                  <td><strong>{p.sku}</strong><div className="muted small">{p.title}</div></td>
                  <td><span className="row wrap">{languageOf(p.language)}<ReadinessBadge state={readinessStateOf(p.problems)} /></span></td>
                  <td><ProblemList productId={p.productId} problems={p.problems} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </Card>
      )}
    </>
  )
}
