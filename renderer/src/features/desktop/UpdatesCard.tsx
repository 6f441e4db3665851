// Settings → Updates (desktop app only): the switch, what Vetrina is doing about updates, the
// notes of a downloaded version and "restart now" (refused while a job runs).
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { notesFor, restartNow, useDesktop } from './store.ts'

export function UpdatesCard() {
  const { t, i18n } = useTranslation()
  const { settings, setSettings } = useApp()
  const update = useDesktop((s) => s.update)
  if (!settings || !update) return null
  const enabled = settings.updates.enabled
  const toggle = (on: boolean) =>
    api.system.updateSettings({ updates: { enabled: on } }).then((s) => { setSettings(s); toast(t('settings:saved')) }).catch((err) => toast(errorText(err, t), 'err'))
  const restart = () => void restartNow().then((ok) => !ok && toast(t('desktop:updates.restartRefused'), 'err'))
  const when = update.checkedAt ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(update.checkedAt)) : null
  const percent = update.percent === null ? '' : new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(update.percent / 100)
  const notes = notesFor(update, i18n.language)
  return (
    <div className="card">
      <h2>{t('desktop:updates.title')}</h2>
      <p className="muted" style={{ marginTop: 0 }}>{t('desktop:updates.current', { version: update.current })}</p>
      {!update.supported ? (
        <p className="muted">{t('desktop:updates.unsupported')}</p>
      ) : (
        <>
          <label className="row" style={{ marginBottom: 8 }}>
            <input type="checkbox" checked={enabled} onChange={(e) => void toggle(e.target.checked)} />
            {t('desktop:updates.enabled')}
          </label>
          <p className="muted" style={{ marginTop: 0 }}>{enabled ? t('desktop:updates.hint') : t('desktop:updates.off')}</p>
          {enabled && (
            <p role="status">
              {update.phase === 'checking' && t('desktop:updates.checking')}
              {update.phase === 'downloading' && update.version && (useApp.getState().online.online === false
                ? t('desktop:updates.downloadingPaused', { version: update.version })
                : t('desktop:updates.downloading', { version: update.version, percent }))}
              {update.phase === 'ready' && update.version && t('desktop:updates.ready', { version: update.version })}
              {update.phase === 'idle' && (when ? t('desktop:updates.checkedAt', { when }) : t('desktop:updates.neverChecked'))}
            </p>
          )}
          {update.phase === 'ready' && update.waitingForJobs && <p className="muted">{t('desktop:updates.waitingForJobs')}</p>}
          {update.phase === 'ready' && (
            <button className="btn primary" disabled={update.waitingForJobs} onClick={restart}>{t('desktop:updates.restartNow')}</button>
          )}
          {update.version && notes && (
            <details style={{ marginTop: 10 }}>
              <summary>{t('desktop:updates.notesTitle', { version: update.version })}</summary>
              <p style={{ whiteSpace: 'pre-wrap' }}>{notes}</p>
            </details>
          )}
        </>
      )}
    </div>
  )
}
