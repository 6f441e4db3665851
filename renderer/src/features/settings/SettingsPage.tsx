// Settings: languages, backups and restore, office-network access, categories, attribute families.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LOCALE_NAMES } from '../../../../shared/domain/locales.ts'
import { api, transport } from '../../api/client.ts'
import { useEvent } from '../../api/events.ts'
import { useApp } from '../../app/store.ts'
import { ChipsInput, Field } from '../../ui/components.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { UpdatesCard } from '../desktop/UpdatesCard.tsx'
import { CategoriesCard } from './CategoriesCard.tsx'
import { FamiliesCard } from './FamiliesCard.tsx'

interface BackupRow { fileName: string; path: string; size: number; createdAt: string; automatic: boolean }

function GeneralCard() {
  const { t } = useTranslation()
  const { settings, setSettings, dataDir } = useApp()
  if (!settings) return null
  const update = (patch: Parameters<typeof api.system.updateSettings>[0]) =>
    api.system.updateSettings(patch).then((s) => { setSettings(s); toast(t('settings:saved')) }).catch((err) => toast(errorText(err, t), 'err'))
  return (
    <div className="card">
      <h2>{t('settings:general.title')}</h2>
      <Field label={t('settings:general.targetLocales')} hint={t('settings:general.targetLocalesHint', { names: settings.targetLocales.map((l) => LOCALE_NAMES[l] ?? l).join(', ') })}>
        {(id) => <ChipsInput id={id} value={settings.targetLocales} max={10} onChange={(v) => v.length && void update({ targetLocales: v })} />}
      </Field>
      <label className="row" style={{ marginBottom: 8 }}>
        <input type="checkbox" checked={settings.lanAccess} onChange={(e) => void update({ lanAccess: e.target.checked })} />
        {t('settings:general.lanAccess')}
      </label>
      <p className="muted" style={{ marginTop: 0 }}>{t('settings:general.lanHint')}</p>
      <p className="muted">{t('settings:general.dataDir')}: <code>{dataDir}</code></p>
    </div>
  )
}

function BackupsCard() {
  const { t, i18n } = useTranslation()
  const { settings, setSettings } = useApp()
  const [backups, setBackups] = useState<BackupRow[]>([])
  const [busy, setBusy] = useState(false)
  const fileRef = useRef<HTMLInputElement>(null)
  const load = () => void api.system.listBackups({}).then((r) => setBackups(r.items))
  useEffect(load, [])
  useEvent('job.progress', (job) => {
    if ((job.kind === 'system.backup' || job.kind === 'system.restore') && (job.state === 'done' || job.state === 'failed')) {
      load()
      if (job.state === 'failed') toast(job.error?.message ?? t('settings:backups.failed'), 'err')
      else toast(job.kind === 'system.restore' ? t('settings:backups.restored') : t('settings:backups.done'))
    }
  })
  if (!settings) return null
  const backupNow = () => api.system.backup({}).then(() => useApp.getState().setJobsOpen(true)).catch((err) => toast(errorText(err, t), 'err'))
  const restore = async (file: File) => {
    if (!confirm(t('settings:backups.confirmRestore', { name: file.name }))) return
    setBusy(true)
    try {
      const ref = await transport.upload(file)
      await api.system.restore({ file: ref })
      useApp.getState().setJobsOpen(true)
    } catch (err) {
      toast(errorText(err, t), 'err')
    } finally {
      setBusy(false)
    }
  }
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <div className="card">
      <h2>{t('settings:backups.title')}</h2>
      <div className="row" style={{ marginBottom: 10 }}>
        <button className="btn primary" onClick={() => void backupNow()}>{t('settings:backups.now')}</button>
        <button className="btn" disabled={busy} onClick={() => fileRef.current?.click()}>{t('settings:backups.restore')}</button>
        <input ref={fileRef} type="file" accept=".vetrina-backup,.gz,.tgz,application/gzip" hidden onChange={(e) => e.target.files?.[0] && void restore(e.target.files[0])} />
      </div>
      <label className="row">
        <input type="checkbox" checked={settings.autoBackup.enabled} onChange={(e) => void api.system.updateSettings({ autoBackup: { ...settings.autoBackup, enabled: e.target.checked } }).then(setSettings)} />
        {t('settings:backups.auto', { keep: settings.autoBackup.keep })}
      </label>
      <table className="table" style={{ marginTop: 10 }}>
        <thead><tr><th>{t('settings:backups.file')}</th><th>{t('settings:backups.date')}</th><th>{t('settings:backups.size')}</th></tr></thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.fileName}>
              <td title={b.path}>{b.fileName} {b.automatic && <span className="badge">{t('settings:backups.automatic')}</span>}</td>
              <td>{fmt.format(new Date(b.createdAt))}</td>
              <td>{(b.size / 1024 / 1024).toFixed(1)} MB</td>
            </tr>
          ))}
          {backups.length === 0 && <tr><td colSpan={3} className="muted">{t('settings:backups.none')}</td></tr>}
        </tbody>
      </table>
    </div>
  )
}

export function SettingsPage() {
  const { t } = useTranslation()
  return (
    <div className="page">
      <div className="page-header"><h1>{t('settings:title')}</h1></div>
      <GeneralCard />
      <BackupsCard />
      {transport.kind === 'ipc' && <UpdatesCard />}
      <CategoriesCard />
      <FamiliesCard />
    </div>
  )
}
