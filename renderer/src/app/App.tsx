// The shell: top bar (online status, jobs, language), navigation, and the current section.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/domain/locales.ts'
import { api } from '../api/client.ts'
import { rememberLanguage } from '../i18n/index.ts'
import { DesktopShell } from '../features/desktop/DesktopShell.tsx'
import { JobsDrawer } from '../features/jobs/JobsDrawer.tsx'
import { Toasts } from '../ui/components.tsx'
import { errorText } from '../ui/errors.ts'
import { FEATURES } from './features.tsx'
import { useRoute } from './router.ts'
import { useApp } from './store.ts'

const LANGUAGE_LABELS: Record<UiLanguage, string> = { it: 'Italiano', en: 'English', 'zh-CN': '中文' }

export function App() {
  const { t, i18n } = useTranslation()
  const route = useRoute()
  const app = useApp()
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    app.load().catch((err) => setError(errorText(err, t)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const features = FEATURES.filter((f) => f.roles.includes(app.role))
  const current = features.find((f) => f.id === route.feature) ?? features[0]
  const activeJobs = Object.values(app.jobs).filter((j) => j.state === 'running' || j.state === 'queued').length

  const changeLanguage = (lng: UiLanguage) => {
    rememberLanguage(lng)
    if (app.role === 'owner') void api.system.updateSettings({ uiLanguage: lng }).then(app.setSettings).catch(() => undefined)
  }

  if (error) return <div className="empty" role="alert">{error}</div>

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Vetrina</span>
        {!app.connected && <span className="badge err">{t('common:status.disconnected')}</span>}
        <OnlineBadge />
        <button className="btn small" onClick={() => app.setJobsOpen(!app.jobsOpen)} aria-expanded={app.jobsOpen}>
          {t('common:jobs.button', { count: activeJobs })}
        </button>
        <select className="input" style={{ width: 'auto' }} aria-label={t('common:language')} value={i18n.language} onChange={(e) => changeLanguage(e.target.value as UiLanguage)}>
          {UI_LANGUAGES.map((l) => <option key={l} value={l}>{LANGUAGE_LABELS[l]}</option>)}
        </select>
      </header>
      <nav className="sidebar" aria-label={t('common:nav.label')}>
        {features.map((f) => (
          <a key={f.id} href={`#/${f.id}`} className={f.id === current.id ? 'active' : ''}>
            <span aria-hidden="true">{f.icon}</span>
            {t(f.labelKey)}
          </a>
        ))}
        <div className="spacer" />
        <div className="muted" style={{ fontSize: 11, padding: 8 }}>{t(`common:role.${app.role}`)} · v{app.version}</div>
      </nav>
      <main className="main">
        <current.Page params={route.feature === current.id ? route.params : []} />
      </main>
      {app.jobsOpen && <JobsDrawer onClose={() => app.setJobsOpen(false)} />}
      {window.vetrina && <DesktopShell />}
      <Toasts />
    </div>
  )
}

function OnlineBadge() {
  const { t } = useTranslation()
  const online = useApp((s) => s.online)
  const cls = online.online === true ? 'ok' : online.online === false ? 'err' : ''
  const label = !online.target
    ? t('common:status.local')
    : online.online === true ? t('common:status.online') : online.online === false ? t('common:status.offline') : t('common:status.unknown')
  return (
    <button
      className={`badge ${cls}`}
      title={online.target ? t('common:status.probing', { target: online.target }) : t('common:status.noTarget')}
      onClick={() => void api.system.checkOnline({}).then((s) => useApp.setState({ online: s }))}
      data-testid="online-status"
    >
      <span className="dot" aria-hidden="true" />
      {label}
      {online.pending > 0 && <span>· {t('common:status.pending', { count: online.pending })}</span>}
    </button>
  )
}
