// What the desktop shell adds to every screen: a one-time notice when a new version is ready
// (never anything while offline or when updates fail), and the question whether to restore a
// backup the user opened from the file manager.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { Dialog } from '../../ui/components.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { notesFor, useDesktop } from './store.ts'

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
    <div className="card" role="status" style={{ position: 'fixed', right: 16, bottom: 16, maxWidth: 420, zIndex: 20 }}>
      <p style={{ marginTop: 0 }}>{t('desktop:notice.ready', { version: update.version })}</p>
      {showNotes && notes && <p style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>{notes}</p>}
      <div className="row">
        {notes && !showNotes && <button className="btn" onClick={() => setShowNotes(true)}>{t('desktop:notice.whatsNew')}</button>}
        <button className="btn" onClick={dismiss}>{t('desktop:notice.dismiss')}</button>
      </div>
    </div>
  )
}

function OpenedBackup() {
  const { t } = useTranslation()
  const file = useDesktop((s) => s.openedBackup)
  const role = useApp((s) => s.role)
  if (!file || role !== 'owner') return null
  const close = () => useDesktop.getState().setOpenedBackup(null)
  const restore = () => {
    close()
    api.system.restore({ file: { kind: 'path', path: file.handle } })
      .then(() => useApp.getState().setJobsOpen(true))
      .catch((err) => toast(errorText(err, t), 'err'))
  }
  return (
    <Dialog
      title={t('desktop:openedBackup.title')}
      onClose={close}
      actions={
        <>
          <button className="btn" onClick={close}>{t('desktop:openedBackup.cancel')}</button>
          <button className="btn primary" onClick={restore}>{t('desktop:openedBackup.confirm')}</button>
        </>
      }
    >
      <p>{t('desktop:openedBackup.body', { name: file.name })}</p>
    </Dialog>
  )
}
