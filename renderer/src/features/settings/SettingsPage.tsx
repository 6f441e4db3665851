// Settings: languages, backups and restore, office-network access, categories, attribute families.
import { Archive, ArchiveRestore, DatabaseBackup, FolderOpen, Globe, HardDriveDownload, Network } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, transport } from '../../api/client.ts'
import { useEvent } from '../../api/events.ts'
import { useApp } from '../../app/store.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { Card } from '../../ui/Card.tsx'
import { ChipsInput, Field } from '../../ui/components.tsx'
import { confirm } from '../../ui/confirm.tsx'
import { EmptyState } from '../../ui/EmptyState.tsx'
import { FilePicker } from '../../ui/FilePicker.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { PageHeader } from '../../ui/PageHeader.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { UpdatesCard } from '../desktop/UpdatesCard.tsx'
import { CategoriesCard } from './CategoriesCard.tsx'
import { FamiliesCard } from './FamiliesCard.tsx'
import { languageOf } from '../../i18n/language-names.ts'
import { LinksCard } from './LinksCard.tsx'

interface BackupRow { fileName: string; path: string; size: number; createdAt: string; automatic: boolean; verified: boolean; products: number | null }

function GeneralCard() {
  const { t } = useTranslation()
  const { settings, setSettings, dataDir } = useApp()
  if (!settings) return null
  const update = (patch: Parameters<typeof api.system.updateSettings>[0]) =>
    api.system.updateSettings(patch).then((s) => { setSettings(s); toast(t('settings:saved')) }).catch((err) => toast(errorText(err, t), 'err'))
  return (
    <>
      <Card title={t('settings:general.title')} icon={Globe}>
        <Field label={t('settings:general.targetLocales')} hint={t('settings:general.targetLocalesHint', { names: settings.targetLocales.map((l) => languageOf(l, { inSentence: true })).join(', ') })}>
          {(id) => <ChipsInput id={id} value={settings.targetLocales} max={10} onChange={(v) => v.length && void update({ targetLocales: v })} />}
        </Field>
        <p className="muted row" style={{ margin: 0 }}><span className="row"><Icon icon={FolderOpen} size="sm" />{t('settings:general.dataDir')}:</span> <code>{dataDir}</code></p>
      </Card>
      <section id="office-network">
        <Card title={t('ui:settings.officeNetwork')} icon={Network}
          actions={<Badge tone={settings.lanAccess ? 'success' : 'neutral'}>{settings.lanAccess ? t('ui:settings.on') : t('ui:settings.off')}</Badge>}>
          <p className="muted" style={{ marginTop: 0 }}>{t('ui:settings.officeNetworkWhat')}</p>
          <label className="check" style={{ marginBottom: 'var(--space-2)' }}>
            <input type="checkbox" checked={settings.lanAccess} onChange={(e) => void update({ lanAccess: e.target.checked })} />
            {t('settings:general.lanAccess')}
          </label>
          <p className="muted small" style={{ margin: 0 }}>{t('settings:general.lanHint')}</p>
        </Card>
      </section>
    </>
  )
}

function BackupsCard() {
  const { t, i18n } = useTranslation()
  const { settings, setSettings } = useApp()
  const [backups, setBackups] = useState<BackupRow[]>([])
  const [busy, setBusy] = useState(false)
  const load = () => void api.system.listBackups({}).then((r) => setBackups(r.items))
  useEffect(load, [])
  useEvent('job.progress', (job) => {
    if ((job.kind === 'system.backup' || job.kind === 'system.restore') && (job.state === 'done' || job.state === 'failed')) {
      load()
      if (job.state === 'failed') toast(job.error ? errorText(job.error, t) : t('settings:backups.failed'), 'err')
      else if (job.kind === 'system.restore') {
        const r = job.result as { products?: number; kept?: { settingsKept?: number } } | null
        const kept = r?.kept?.settingsKept ?? 0
        toast(kept > 0 ? t('settings:backups.restoredKept', { count: kept, products: r?.products ?? 0 }) : t('settings:backups.restored'), 'success')
      } else toast(t('settings:backups.done'))
    }
  })
  if (!settings) return null
  const backupNow = () => api.system.backup({}).then(() => useApp.getState().setJobsOpen(true)).catch((err) => toast(errorText(err, t), 'err'))
  // A backup may come from another computer: the confirmation says what of it is not taken.
  const askRestore = (name: string) => confirm({
    title: t('ui:settings.restoreTitle', { name }),
    body: `${t('ui:settings.restoreBody')} ${t('settings:backups.keptHere')}`,
    confirmLabel: t('ui:settings.restoreVerb'),
    danger: true
  })
  const start = async (work: () => Promise<unknown>) => {
    setBusy(true)
    try {
      await work()
      useApp.getState().setJobsOpen(true)
    } catch (err) {
      toast(errorText(err, t), 'err')
    } finally {
      setBusy(false)
    }
  }
  const restore = async (file: File) => {
    if (await askRestore(file.name)) await start(async () => api.system.restore({ file: await transport.upload(file) }))
  }
  const restoreListed = async (b: BackupRow) => {
    if (await askRestore(b.fileName)) await start(() => api.system.restoreListed({ name: b.fileName }))
  }
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  const mb = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  return (
    <Card title={t('settings:backups.title')} icon={DatabaseBackup}>
      <div className="row wrap" style={{ marginBottom: 'var(--space-3)' }}>
        <Button variant="primary" icon={HardDriveDownload} onClick={() => void backupNow()}>{t('settings:backups.now')}</Button>
        <FilePicker accept=".vetrina-backup,.gz,.tgz,application/gzip" icon={Archive} label={t('settings:backups.restore')} busy={busy} showName={false} testId="restore-file" onPick={([f]) => f && void restore(f.file)} />
      </div>
      <label className="check">
        <input type="checkbox" checked={settings.autoBackup.enabled} onChange={(e) => void api.system.updateSettings({ autoBackup: { ...settings.autoBackup, enabled: e.target.checked } }).then(setSettings)} />
        {t('settings:backups.auto', { keep: settings.autoBackup.keep })}
      </label>
      <p className="muted small" style={{ margin: 'var(--space-1) 0 0' }}>{t('settings:backups.retention', { days: settings.autoBackup.keep, weeks: settings.autoBackup.weeks, months: settings.autoBackup.months })}</p>
      {backups.length === 0 ? (
        <EmptyState compact icon={DatabaseBackup} title={t('settings:backups.none')} body={t('ui:empty.backupsBody')} />
      ) : (
        <div className="table-wrap" style={{ marginTop: 'var(--space-3)', maxHeight: 320 }}>
          <table className="table">
            <thead><tr><th>{t('settings:backups.file')}</th><th>{t('settings:backups.date')}</th><th>{t('settings:backups.check')}</th><th className="num">{t('settings:backups.size')}</th><th /></tr></thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.fileName} data-testid="backup-row">
                  <td title={b.path} style={{ wordBreak: 'break-all' }}>{b.fileName} {b.automatic && <Badge>{t('settings:backups.automatic')}</Badge>}</td>
                  <td>{fmt.format(new Date(b.createdAt))}</td>
                  <td>{b.verified
                    ? <Badge tone="success" title={b.products !== null ? t('settings:backups.products', { count: b.products }) : undefined}>{t('settings:backups.verified')}</Badge>
                    : <Badge tone="warning" title={t('settings:backups.unverifiedHint')}>{t('settings:backups.unverified')}</Badge>}</td>
                  <td className="num">{mb.format(b.size / 1024 / 1024)} MB</td>
                  <td><Button size="sm" variant="ghost" icon={ArchiveRestore} busy={busy} onClick={() => void restoreListed(b)} testId="backup-restore">{t('ui:settings.restoreVerb')}</Button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  )
}

export function SettingsPage() {
  const { t } = useTranslation()
  return (
    <div className="page">
      <PageHeader title={t('settings:title')} />
      <GeneralCard />
      <BackupsCard />
      <LinksCard />
      {transport.kind === 'ipc' && <UpdatesCard />}
      <CategoriesCard />
      <FamiliesCard />
    </div>
  )
}
