// The shell: top bar (online status, jobs, language), navigation, the current section, and the
// jobs drawer beside it (its own column: the work shrinks, it is never covered).
import { CircleAlert, Cloud, CloudOff, Globe, HardDrive, ListChecks, LoaderCircle, Store } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/domain/locales.ts'
import { api } from '../api/client.ts'
import { rememberLanguage } from '../i18n/index.ts'
import { DesktopShell } from '../features/desktop/DesktopShell.tsx'
import { JobsDrawer } from '../features/jobs/JobsDrawer.tsx'
import { Button } from '../ui/Button.tsx'
import { ConfirmHost } from '../ui/confirm.tsx'
import { Icon } from '../ui/Icon.tsx'
import { Select } from '../ui/Select.tsx'
import { Toaster } from '../ui/Toaster.tsx'
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
    <div className={`shell${app.jobsOpen ? ' drawer-open' : ''}`}>
      <header className="topbar">
        <span className="brand"><span className="brand-mark"><Icon icon={Store} size="md" /></span>Vetrina</span>
        {!app.connected && <span className="badge err"><Icon icon={CircleAlert} size="sm" />{t('common:status.disconnected')}</span>}
        <OnlineBadge />
        <Button
          variant={app.jobsOpen ? 'secondary' : 'ghost'}
          icon={activeJobs > 0 ? LoaderCircle : ListChecks}
          className={activeJobs > 0 ? 'jobs-busy' : undefined}
          onClick={() => app.setJobsOpen(!app.jobsOpen)}
          aria-expanded={app.jobsOpen}
          aria-controls="jobs-drawer"
          testId="jobs-button"
        >
          {t('common:jobs.button', { count: activeJobs })}
        </Button>
        <Select<UiLanguage>
          inline
          icon={Globe}
          aria-label={t('common:language')}
          value={i18n.language as UiLanguage}
          onChange={changeLanguage}
          options={UI_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_LABELS[l] }))}
          testId="language"
        />
      </header>
      <nav className="sidebar" aria-label={t('common:nav.label')}>
        {features.map((f) => (
          <a key={f.id} href={`#/${f.id}`} className={f.id === current.id ? 'active' : ''} aria-current={f.id === current.id ? 'page' : undefined} title={t(f.labelKey)}>
            <Icon icon={f.icon} size="lg" />
            <span className="nav-label">{t(f.labelKey)}</span>
          </a>
        ))}
        <div className="spacer" />
        <div className="sidebar-foot">{t(`common:role.${app.role}`)} · v{app.version}</div>
      </nav>
      <main className="main">
        <current.Page params={route.feature === current.id ? route.params : []} />
      </main>
      {app.jobsOpen && <JobsDrawer onClose={() => app.setJobsOpen(false)} />}
      {window.vetrina && <DesktopShell />}
      <ConfirmHost />
      <Toaster />
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
  const icon = !online.target ? HardDrive : online.online === false ? CloudOff : Cloud
  return (
    <button
      type="button"
      className={`badge ${cls}`}
      title={online.target ? t('common:status.probing', { target: online.target }) : t('common:status.noTarget')}
      onClick={() => void api.system.checkOnline({}).then((s) => useApp.setState({ online: s }))}
      data-testid="online-status"
    >
      <Icon icon={icon} size="sm" />
      {label}
      {online.pending > 0 && <span>· {t('common:status.pending', { count: online.pending })}</span>}
    </button>
  )
}
