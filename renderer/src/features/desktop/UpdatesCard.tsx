// Settings → Updates (desktop app only): the switch, what Vetrina is doing about updates, the
// notes of a downloaded version and "restart now" (refused while a job runs).
import { Download, RefreshCw } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { Button, Card, Notice, errorText, toast } from '../../ui/index.ts'
import { notesFor, restartNow, useDesktop } from './store.ts'

export function UpdatesCard() {
  const { t, i18n } = useTranslation()
  const { settings, setSettings } = useApp()
  const offline = useApp((s) => s.online.online === false)
  const update = useDesktop((s) => s.update)
  if (!settings || !update) return null
  const enabled = settings.updates.enabled
  const toggle = (on: boolean) =>
    api.system.updateSettings({ updates: { enabled: on } }).then((s) => { setSettings(s); toast(t('settings:saved')) }).catch((err) => toast(errorText(err, t), 'err'))
  const restart = () => void restartNow().then((ok) => !ok && toast(t('desktop:updates.restartRefused'), 'err'))
  const when = update.checkedAt ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(update.checkedAt)) : null
  const percent = update.percent === null ? '' : new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(update.percent / 100)
  const notes = notesFor(update, i18n.language)
  const state =
    update.phase === 'checking' ? t('desktop:updates.checking')
    : update.phase === 'downloading' && update.version ? (offline ? t('desktop:updates.downloadingPaused', { version: update.version }) : t('desktop:updates.downloading', { version: update.version, percent }))
    : update.phase === 'ready' && update.version ? t('desktop:updates.ready', { version: update.version })
    : when ? t('desktop:updates.checkedAt', { when }) : t('desktop:updates.neverChecked')
  return (
    <Card title={t('desktop:updates.title')} icon={RefreshCw} subtitle={t('desktop:updates.current', { version: update.current })} testId="updates-card">
      {!update.supported ? (
        <p className="muted">{t('desktop:updates.unsupported')}</p>
      ) : (
        <>
          <label className="row">
            <input type="checkbox" checked={enabled} onChange={(e) => void toggle(e.target.checked)} data-testid="updates-enabled" />
            {t('desktop:updates.enabled')}
          </label>
          <p className="muted">{enabled ? t('desktop:updates.hint') : t('desktop:updates.off')}</p>
          {enabled && <p role="status" data-testid="updates-state">{state}</p>}
          {enabled && update.phase === 'ready' && update.waitingForJobs && <Notice tone="warning">{t('desktop:updates.waitingForJobs')}</Notice>}
          {enabled && update.phase === 'ready' && (
            <Button variant="primary" icon={Download} disabled={update.waitingForJobs} onClick={restart}>{t('desktop:updates.restartNow')}</Button>
          )}
          {update.version && notes && (
            <details>
              <summary>{t('desktop:updates.notesTitle', { version: update.version })}</summary>
              <p className="release-notes">{notes}</p>
            </details>
          )}
        </>
      )}
    </Card>
  )
}
