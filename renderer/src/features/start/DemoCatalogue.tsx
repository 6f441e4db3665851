// The sample catalogue in the UI: the offer on the start page of an empty catalogue (it is made in
// a folder of its own, with progress, and opened when ready), and the banner that says, on every
// screen, that the catalogue open is the sample — with the way back to the firm's own catalogue.
// The core switches catalogues itself and announces it (data.changed "catalogue"); the store then
// starts the app again on the catalogue now open (app/store.ts).
import { ArrowLeft, CircleStop, FlaskConical, Sparkles } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { Button } from '../../ui/Button.tsx'
import { Card, Notice } from '../../ui/Card.tsx'
import { ProgressBar } from '../../ui/components.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import './start.css'

/** Follows a switching job: its progress while it runs, its error if it fails. */
function useSwitchJob() {
  const { t } = useTranslation()
  const [jobId, setJobId] = useState<string | null>(null)
  const job = useApp((s) => (jobId ? s.jobs[jobId] ?? null : null))
  const start = (call: () => Promise<{ jobId: string }>) =>
    call().then((r) => setJobId(r.jobId)).catch((err) => toast(errorText(err, t), 'err'))
  const failed = job && (job.state === 'failed' || job.state === 'cancelled')
  const cancelled = job?.state === 'cancelled'
  return { job: failed ? null : job, busy: !!jobId && !failed, error: failed && !cancelled ? job.error : null, cancelled, start, reset: () => setJobId(null) }
}

export function SampleOffer() {
  const { t } = useTranslation()
  const ready = useApp((s) => s.catalogue?.demoReady ?? false)
  const { job, busy, error, cancelled, start } = useSwitchJob()
  const step = job?.message ?? null
  // Only the sample's own folder is being made (the firm's catalogue is untouched): stop without asking.
  const cancel = () => job && void api.jobs.cancel({ id: job.id }).catch((err) => toast(errorText(err, t), 'err'))
  return (
    <Card title={t('start:demo.title')} icon={Sparkles}>
      <div className="start-demo" data-testid="start-demo-card">
        <p className="muted">{t('start:demo.body')}</p>
        {busy ? (
          <div className="start-demo-progress" data-testid="start-demo-progress">
            <ProgressBar done={job?.done ?? 0} total={job?.total ?? null} label={t('start:demo.making')} />
            <div className="row">
              <span className="muted small">{step ? t(step.key, step.params ?? {}) : t('start:demo.making')}</span>
              <span className="spacer" />
              <Button size="sm" icon={CircleStop} disabled={!job} onClick={cancel} testId="start-demo-cancel">{t('start:demo.cancel')}</Button>
            </div>
          </div>
        ) : (
          <Button icon={FlaskConical} onClick={() => void start(() => api.system.openDemo({}))} testId="start-demo">
            {ready ? t('start:demo.open') : t('start:demo.action')}
          </Button>
        )}
        {cancelled && !busy && <p className="muted small" role="status" data-testid="start-demo-cancelled">{t('start:demo.cancelled')}</p>}
        {error && <Notice tone="danger" role="alert">{errorText(error, t)}</Notice>}
      </div>
    </Card>
  )
}

export function DemoBanner() {
  const { t } = useTranslation()
  const catalogue = useApp((s) => s.catalogue)
  const { busy, error, start } = useSwitchJob()
  if (!catalogue?.demo) return null
  return (
    <div className="demo-banner" data-testid="demo-banner" role="status">
      <Notice tone="warning" icon={FlaskConical}>
        <div className="demo-banner-row">
          <span><strong>{t('start:demo.banner.title')}</strong> {t('start:demo.banner.body')}</span>
          {catalogue.canGoBack && (
            <Button size="sm" icon={ArrowLeft} busy={busy} onClick={() => void start(() => api.system.closeDemo({}))} testId="demo-back">
              {t('start:demo.banner.back')}
            </Button>
          )}
        </div>
        {error && <p role="alert">{errorText(error, t)}</p>}
      </Notice>
    </div>
  )
}
