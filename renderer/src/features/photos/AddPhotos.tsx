// Adding photos: drop files or whole folders here (desktop and browser), or pick them. Starts a
// batch job; the report below follows it.
import { FolderOpen, ImagePlus, Images } from 'lucide-react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { DropZone, FilePicker, type PickedFile } from '../../ui/FilePicker.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { droppedFiles, toSources } from './add-sources.ts'

const ACCEPT = 'image/*,.heic,.heif,.tif,.tiff'

export function AddPhotos(props: { productId?: string; onStarted(jobId: string): void; compact?: boolean; children?: ReactNode }) {
  const { t } = useTranslation()
  const [uploading, setUploading] = useState<{ done: number; total: number } | null>(null)

  const start = async (picked: PickedFile[], folders: File[]) => {
    if (picked.length === 0 && folders.length === 0) return
    try {
      setUploading({ done: 0, total: picked.length })
      const sources = await toSources(picked, folders, (done, total) => setUploading({ done, total }))
      const { jobId } = await api.photos.add({ sources, productId: props.productId, as: 'main' })
      props.onStarted(jobId)
    } catch (err) {
      toast(errorText(err, t), 'err')
    } finally {
      setUploading(null)
    }
  }

  return (
    <DropZone
      className={`photo-drop${props.compact ? ' compact' : ''}`}
      testId="photo-drop"
      icon={ImagePlus}
      text={uploading ? t('photos:add.uploading', { done: uploading.done, total: uploading.total }) : t('photos:add.drop')}
      onDrop={(items) => void droppedFiles(items).then(({ picked, folders }) => start(picked, folders))}
    >
      <FilePicker multiple accept={ACCEPT} variant="primary" icon={Images} label={t('photos:add.files')} busy={!!uploading} testId="photo-files" onPick={(files) => void start(files, [])} />
      <FilePicker folder icon={FolderOpen} label={t('photos:add.folder')} disabled={!!uploading} testId="photo-folder" onPick={(files) => void start(files, [])} />
      {props.children}
    </DropZone>
  )
}
