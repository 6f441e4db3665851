// Photos section (#/photos, #/photos/<photo id>): add files and folders, follow the batch, and
// browse the library with quality warnings.
import { useTranslation } from 'react-i18next'
import { navigate } from '../../app/router.ts'
import { useApp } from '../../app/store.ts'
import { PageHeader } from '../../ui/PageHeader.tsx'
import { AddPhotos } from './AddPhotos.tsx'
import { BatchReport } from './BatchReport.tsx'
import { Library } from './Library.tsx'
import { PhotoDetail } from './PhotoDetail.tsx'
import { PresetsCard } from './PresetsCard.tsx'
import { useLibrary } from './store.ts'
import './photos.css'

export function PhotosPage(props: { params: string[] }) {
  const { t } = useTranslation()
  const role = useApp((s) => s.role)
  const stats = useLibrary((s) => s.stats)
  const batchJobId = useLibrary((s) => s.batchJobId)
  const setBatch = useLibrary((s) => s.setBatch)
  const open = props.params[0]
  return (
    <div className="page fill">
      <PageHeader
        title={t('photos:title')}
        meta={stats && (
          <span className="muted" data-testid="photo-stats">
            {t('photos:library.count', { count: stats.total })}
            {stats.withWarnings > 0 ? ` · ${t('photos:library.withWarnings', { count: stats.withWarnings })}` : ''}
            {stats.unattached > 0 ? ` · ${t('photos:library.unattachedCount', { count: stats.unattached })}` : ''}
          </span>
        )}
      />
      {role === 'owner' && <AddPhotos onStarted={setBatch} />}
      {role === 'owner' && <PresetsCard />}
      {batchJobId && <BatchReport jobId={batchJobId} onClose={() => setBatch(null)} />}
      <Library onOpen={(p) => navigate('photos', p.id)} />
      {open && <PhotoDetail id={open} onClose={() => navigate('photos')} />}
    </div>
  )
}
