// Publish screen (#/publish, #/publish/queue, #/publish/settings): readiness summary as a chart,
// the publish action with progress and time left, the queue with each listing's state and the
// pavilion's errors explained, retry and fix links, and the target / credentials / rate settings.
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { navigate } from '../../app/router.ts'
import { useApp } from '../../app/store.ts'
import { ProgressBar, Tabs } from '../../ui/components.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { formatEta } from '../jobs/JobsDrawer.tsx'
import { QueueTable } from './QueueTable.tsx'
import { ReadinessChart } from './ReadinessChart.tsx'
import { PublishSettingsCard } from './PublishSettingsCard.tsx'
import { usePublish, watchPublish } from './store.ts'
import { ProblemList } from './problems.tsx'

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
      <div className="page-header">
        <h1>{t('publish:title')}</h1>
        <TargetBadge />
      </div>
      <AuthBanner />
      <Tabs tabs={tabs} active={tab} onChange={(id) => navigate('publish', ...(id === 'overview' ? [] : [id]))} />
      {tab === 'overview' && <Overview />}
      {tab === 'queue' && <QueueTable />}
      {tab === 'settings' && <PublishSettingsCard />}
    </div>
  )
}

function TargetBadge() {
  const { t } = useTranslation()
  const status = usePublish((s) => s.status)
  if (!status) return null
  return (
    <span className={`badge ${status.target === 'alibaba' ? 'ok' : 'warn'}`} data-testid="publish-target" title={status.gateway}>
      {t(`publish:target.${status.target}`)}
    </span>
  )
}

function AuthBanner() {
  const { t } = useTranslation()
  const problem = usePublish((s) => s.status?.authProblem ?? null)
  if (!problem) return null
  return (
    <div className="card" role="alert" style={{ borderColor: 'var(--danger)', background: 'var(--danger-soft)' }}>
      <strong>{t('publish:auth.stopped')}</strong> {errorText(problem, t)}{' '}
      <button className="btn small" onClick={() => navigate('publish', 'settings')}>{t('publish:auth.signIn')}</button>
    </div>
  )
}

function Overview() {
  const { t } = useTranslation()
  const { status, summary, problems, runTotal } = usePublish()
  const role = useApp((s) => s.role)
  const online = useApp((s) => s.online)
  const publishAll = async () => {
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
      <div className="card">
        <div className="row" style={{ flexWrap: 'wrap' }}>
          <h2 style={{ margin: 0 }}>{t('publish:run.title')}</h2>
          <span className="spacer" />
          {role === 'owner' && <button className="btn" onClick={() => void downloadRules()}>{t('publish:rules.download')}</button>}
          {role === 'owner' && status && (
            <button className="btn" onClick={() => void togglePause()} data-testid="pause-queue">{status.paused ? t('publish:run.resume') : t('publish:run.pause')}</button>
          )}
          {role === 'owner' && <button className="btn primary" onClick={() => void publishAll()} data-testid="publish-all">{t('publish:run.publishAll')}</button>}
        </div>
        {status && (
          <>
            {total > 0 && <ProgressBar done={total - active} total={total} />}
            <div className="row muted" data-testid="publish-progress" style={{ fontSize: 13, flexWrap: 'wrap' }}>
              <span>{t('publish:run.counts', { published: status.counts.published ?? 0, audit: status.inAudit, waiting: status.pending, fix: status.counts.needs_fixing ?? 0, failed: status.counts.failed ?? 0 })}</span>
              <span className="spacer" />
              {active > 0 && <span>{formatEta(status.etaSeconds, t)}</span>}
              {status.paused && <span className="badge warn">{t('publish:run.paused')}</span>}
              {online.online === false && active > 0 && <span className="badge err">{t('publish:run.offlineWaiting')}</span>}
            </div>
          </>
        )}
      </div>
      <div className="card">
        <h2>{t('publish:readiness.title')}</h2>
        {summary ? <ReadinessChart summary={summary} /> : <div className="muted">{t('common:loading')}</div>}
      </div>
      {problems.length > 0 && (
        <div className="card">
          <h2>{t('publish:readiness.toFix')}</h2>
          <table className="table" data-testid="readiness-problems">
            <thead><tr><th>{t('publish:col.product')}</th><th>{t('publish:col.language')}</th><th>{t('publish:col.problems')}</th></tr></thead>
            <tbody>
              {problems.map((p) => (
                <tr key={`${p.productId}-${p.language}`}>
                  <td><strong>{p.sku}</strong><div className="muted" style={{ fontSize: 12 }}>{p.title}</div></td>
                  <td>{p.language === 'en' ? 'English' : '中文'}{p.ready ? <span className="badge ok" style={{ marginLeft: 6 }}>{t('publish:readiness.ready')}</span> : null}</td>
                  <td><ProblemList productId={p.productId} problems={p.problems} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
