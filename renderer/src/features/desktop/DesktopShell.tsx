// What the desktop shell adds to every screen: a one-time notice when a new version is ready
// (never anything while offline or when updates fail), and the question whether to restore a
// backup the user opened from the file manager.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { Button, Notice, confirm, errorText, toast } from '../../ui/index.ts'
import { notesFor, useDesktop } from './store.ts'
import './desktop.css'

const SEEN_KEY = 'vetrina.updateNoticeSeen'

export function DesktopShell() {
  return (
    <>
      <UpdateNotice />
      <OpenedBackup />
    </>
  )
}

function UpdateNotice() {
  const { t, i18n } = useTranslation()
  const update = useDesktop((s) => s.update)
  const [seen, setSeen] = useState(() => localStorage.getItem(SEEN_KEY))
  const [showNotes, setShowNotes] = useState(false)
  if (!update || !update.enabled || update.phase !== 'ready' || !update.version || seen === update.version) return null
  const dismiss = () => {
    localStorage.setItem(SEEN_KEY, update.version!)
    setSeen(update.version)
  }
  const notes = notesFor(update, i18n.language)
  return (
    <div className="update-notice" data-testid="update-notice">
      <Notice tone="info" role="status">
        <p>{t('desktop:notice.ready', { version: update.version })}</p>
        {showNotes && notes && <p className="release-notes">{notes}</p>}
        <div className="row">
          {notes && !showNotes && <Button size="sm" onClick={() => setShowNotes(true)}>{t('desktop:notice.whatsNew')}</Button>}
          <Button size="sm" onClick={dismiss}>{t('desktop:notice.dismiss')}</Button>
        </div>
      </Notice>
    </div>
  )
}

/** Asks, once per opened file, whether to restore it; opening a file never restores by itself. */
function OpenedBackup() {
  const { t } = useTranslation()
  const file = useDesktop((s) => s.openedBackup)
  const role = useApp((s) => s.role)
  useEffect(() => {
    if (!file || role !== 'owner') return
    useDesktop.getState().setOpenedBackup(null)
    void confirm({
      title: t('desktop:openedBackup.title'),
      body: t('desktop:openedBackup.body', { name: file.name }),
      confirmLabel: t('desktop:openedBackup.confirm'),
      danger: true
    }).then((ok) => {
      if (!ok) return
      api.system.restore({ file: { kind: 'path', path: file.handle } })
        .then(() => useApp.getState().setJobsOpen(true))
        .catch((err) => toast(errorText(err, t), 'err'))
    })
  }, [file, role, t])
  return null
}
