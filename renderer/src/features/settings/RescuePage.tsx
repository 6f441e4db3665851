// Shown instead of every section when the catalogue cannot be used (damaged, unreadable, missing,
// from a newer Vetrina): what happened in one sentence, and the ways out — restore the newest
// verified backup (or another backup), recover what is still readable, or start an empty
// catalogue when the old one is gone. Nothing else touches the catalogue meanwhile. SQLite's own
// (English) words for the damage stay in the log: the screen says it in the user's language.
import { Archive, DatabaseBackup, FilePlus2, LifeBuoy, ShieldAlert, Wrench } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CatalogHealth } from '../../../../shared/contract/system.ts'
import { AppError } from '../../../../shared/contract/errors.ts'
import { api, transport } from '../../api/client.ts'
import { useEvent } from '../../api/events.ts'
import { useApp } from '../../app/store.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { Card, Notice } from '../../ui/Card.tsx'
import { confirm } from '../../ui/confirm.tsx'
import { FilePicker } from '../../ui/FilePicker.tsx'
import { PageHeader } from '../../ui/PageHeader.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'

const STATE_ERROR: Record<Exclude<CatalogHealth['state'], 'ok'>, string> = {
  damaged: 'system_catalog_damaged',
  unreadable: 'system_catalog_unreadable',
  missing: 'system_catalog_missing',
  newer: 'system_catalog_newer'
}

export function RescuePage() {
  const { t, i18n } = useTranslation()
  const role = useApp((s) => s.role)
  const dataDir = useApp((s) => s.dataDir)
  const [health, setHealth] = useState<CatalogHealth | null>(null)
  const [busy, setBusy] = useState(false)
  const load = () => void api.system.health({}).then(setHealth).catch((err) => toast(errorText(err, t), 'err'))
  useEffect(load, [])
  useEvent('job.progress', (job) => {
    if ((job.kind === 'system.restore' || job.kind === 'system.recover') && job.state === 'failed') {
      setBusy(false)
      toast(errorText(job.error ? AppError.fromData(job.error) : null, t), 'err')
    }
  })
  if (!health || health.state === 'ok') return null
  const sentence = t(`settings:errors.${STATE_ERROR[health.state]}`, { dataDir })
  if (role !== 'owner') {
    return (
      <div className="page">
        <PageHeader title={t('settings:rescue.title')} />
        <Notice tone="danger" role="alert">{t('settings:rescue.askOwner')}</Notice>
      </div>
    )
  }
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true)
    try {
      await work()
      useApp.getState().setJobsOpen(true)
    } catch (err) {
      setBusy(false)
      toast(errorText(err, t), 'err')
    }
  }
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'short' })
  const good = health.newestGoodBackup
  const restoreGood = async () => {
    if (!good) return
    const ok = await confirm({
      title: t('settings:rescue.restoreAsk', { date: fmt.format(new Date(good.createdAt)) }),
      body: t('settings:rescue.restoreBody'),
      confirmLabel: t('settings:rescue.restoreVerb')
    })
    if (ok) await run(() => api.system.restoreListed({ name: good.fileName }))
  }
  const restoreFile = async (file: File) => {
    const ok = await confirm({ title: t('ui:settings.restoreTitle', { name: file.name }), body: t('settings:rescue.restoreBody'), confirmLabel: t('settings:rescue.restoreVerb') })
    if (ok) await run(async () => api.system.restore({ file: await transport.upload(file) }))
  }
  const recover = async () => {
    const ok = await confirm({ title: t('settings:rescue.recoverAsk'), body: t('settings:rescue.recoverBody'), confirmLabel: t('settings:rescue.recoverVerb') })
    if (ok) await run(() => api.system.recover({}))
  }
  const startEmpty = async () => {
    const ok = await confirm({ title: t('settings:rescue.emptyAsk'), body: t('settings:rescue.emptyBody'), confirmLabel: t('settings:rescue.emptyVerb'), danger: true })
    if (ok) await run(async () => {
      await api.system.startEmpty({ confirm: true })
      await useApp.getState().load()
    })
  }
  return (
    <div className="page" data-testid="rescue-page">
      <PageHeader title={t('settings:rescue.title')} />
      <Notice tone="danger" icon={ShieldAlert} role="alert">{sentence}</Notice>
      <Card title={t('settings:rescue.goodBackup')} icon={LifeBuoy}>
        {good ? (
          <>
            <p style={{ marginTop: 0 }}>
              {t('settings:rescue.goodBackupIs', { date: fmt.format(new Date(good.createdAt)), count: good.products ?? 0 })}{' '}
              <Badge tone="success">{t('settings:backups.verified')}</Badge>
            </p>
            <Button variant="primary" icon={DatabaseBackup} busy={busy} onClick={() => void restoreGood()} testId="rescue-restore">{t('settings:rescue.restoreVerb')}</Button>
          </>
        ) : (
          <p className="muted" style={{ marginTop: 0 }}>{t('settings:rescue.noGoodBackup')}</p>
        )}
        <div className="row" style={{ marginTop: 'var(--space-3)' }}>
          <FilePicker accept=".vetrina-backup,.gz,.tgz,application/gzip" icon={Archive} label={t('settings:rescue.otherBackup')} busy={busy} showName={false} testId="rescue-file" onPick={([f]) => f && void restoreFile(f.file)} />
        </div>
      </Card>
      {health.canRecover && (
        <Card title={t('settings:rescue.recoverTitle')} icon={Wrench}>
          <p className="muted" style={{ marginTop: 0 }}>{t('settings:rescue.recoverBody')}</p>
          <Button icon={Wrench} busy={busy} onClick={() => void recover()} testId="rescue-recover">{t('settings:rescue.recoverVerb')}</Button>
        </Card>
      )}
      {health.canStartEmpty && (
        <Card title={t('settings:rescue.emptyTitle')} icon={FilePlus2}>
          <p className="muted" style={{ marginTop: 0 }}>{t('settings:rescue.emptyBody')}</p>
          <Button variant="ghost" tone="danger" icon={FilePlus2} busy={busy} onClick={() => void startEmpty()} testId="rescue-empty">{t('settings:rescue.emptyVerb')}</Button>
        </Card>
      )}
    </div>
  )
}
