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
import { DemoBanner } from '../features/start/DemoCatalogue.tsx'
import { RescuePage } from '../features/settings/RescuePage.tsx'
import { Button } from '../ui/Button.tsx'
import { ConfirmHost } from '../ui/confirm.tsx'
import { Icon } from '../ui/Icon.tsx'
import { Select } from '../ui/Select.tsx'
import { Toaster } from '../ui/Toaster.tsx'
import { errorText } from '../ui/errors.ts'
import { FEATURES } from './features.tsx'
import { navigate, useRoute } from './router.ts'
import { useApp } from './store.ts'

const LANGUAGE_LABELS: Record<UiLanguage, string> = { it: 'Italiano', en: 'English', 'zh-CN': '中文' }

export function App() {
  const { t, i18n } = useTranslation()
  const route = useRoute()
  // Selectors, not the whole store: job progress arrives many times a second while publishing and
  // must not re-render the page being worked on.
  const role = useApp((s) => s.role)
  const connected = useApp((s) => s.connected)
  const jobsOpen = useApp((s) => s.jobsOpen)
  const version = useApp((s) => s.version)
  const ready = useApp((s) => s.ready)
  // A catalogue that cannot be used shows only the way out (restore, recover), never the sections.
  const usable = useApp((s) => s.health === 'ok')
  const activeJobs = useApp((s) => Object.values(s.jobs).filter((j) => j.state === 'running' || j.state === 'queued').length)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    useApp.getState().load().catch((err) => setError(errorText(err, t)))
    // A first run opens on the start page: the checklist from a price list to live listings.
    if (!location.hash) void api.catalog.stats({}).then((st) => st.total === 0 && !location.hash && useApp.getState().role === 'owner' && navigate('start')).catch(() => undefined)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const features = ready && usable ? FEATURES.filter((f) => f.roles.includes(role)) : []
  const current = features.find((f) => f.id === route.feature) ?? features[0]

  const changeLanguage = (lng: UiLanguage) => {
    rememberLanguage(lng)
    if (role === 'owner') void api.system.updateSettings({ uiLanguage: lng }).then(useApp.getState().setSettings).catch(() => undefined)
  }

  if (error) return <div className="empty" role="alert">{error}</div>

  return (
    <div className={`shell${jobsOpen ? ' drawer-open' : ''}`}>
      <header className="topbar">
        <span className="brand"><span className="brand-mark"><Icon icon={Store} size="md" /></span>Vetrina</span>
        {!connected && <span className="badge err"><Icon icon={CircleAlert} size="sm" />{t('common:status.disconnected')}</span>}
        <OnlineBadge />
        <Button
          variant={jobsOpen ? 'secondary' : 'ghost'}
          icon={activeJobs > 0 ? LoaderCircle : ListChecks}
          className={activeJobs > 0 ? 'jobs-busy' : undefined}
          onClick={() => useApp.getState().setJobsOpen(!jobsOpen)}
          aria-expanded={jobsOpen}
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
          options={UI_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_LABELS[l], lang: l }))}
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
        {ready && <div className="sidebar-foot">{t(`common:role.${role}`)} · v{version}</div>}
      </nav>
      <main className="main">
        <DemoBanner />
        {ready && !usable && <RescuePage />}
        {current && <current.Page params={route.feature === current.id ? route.params : []} />}
      </main>
      {jobsOpen && <JobsDrawer onClose={() => useApp.getState().setJobsOpen(false)} />}
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
  // target "" is the sandbox built into Vetrina (named in words); null: nothing to publish to.
  const label = online.target === null
    ? t('common:status.local')
    : online.online === true ? t('common:status.online') : online.online === false ? t('common:status.offline') : t('common:status.unknown')
  const icon = online.target === null ? HardDrive : online.online === false ? CloudOff : Cloud
  return (
    <button
      type="button"
      className={`badge ${cls}`}
      title={online.target !== null ? t('common:status.probing', { target: online.target || t('publish:target.builtinGateway') }) : t('common:status.noTarget')}
      onClick={() => void api.system.checkOnline({}).then((s) => useApp.setState({ online: s }))}
      data-testid="online-status"
    >
      <Icon icon={icon} size="sm" />
      {label}
      {online.pending > 0 && <span>· {t('common:status.pending', { count: online.pending })}</span>}
    </button>
  )
}
