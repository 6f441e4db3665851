// Adding photos: drop files or whole folders here (desktop and browser), or pick them. Starts a
// batch job; the report below follows it.
import { useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { droppedFiles, toSources, type Picked } from './add-sources.ts'

export function AddPhotos(props: { productId?: string; onStarted(jobId: string): void; compact?: boolean; children?: ReactNode }) {
  const { t } = useTranslation()
  const [over, setOver] = useState(false)
  const [uploading, setUploading] = useState<{ done: number; total: number } | null>(null)
  const files = useRef<HTMLInputElement>(null)
  const folder = useRef<HTMLInputElement>(null)

  const start = async (picked: Picked[], folders: File[]) => {
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
  const fromInput = (list: FileList | null) => {
    const picked = Array.from(list ?? []).map((file) => ({ file, name: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name }))
    void start(picked, [])
  }

  return (
    <div
      className={`photo-drop${over ? ' over' : ''}${props.compact ? ' compact' : ''}`}
      data-testid="photo-drop"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return
        e.preventDefault()
        setOver(false)
        void droppedFiles(e.dataTransfer.items).then(({ picked, folders }) => start(picked, folders))
      }}
    >
      <span>{uploading ? t('photos:add.uploading', { done: uploading.done, total: uploading.total }) : t('photos:add.drop')}</span>
      <button className="btn primary" disabled={!!uploading} onClick={() => files.current?.click()}>{t('photos:add.files')}</button>
      <button className="btn" disabled={!!uploading} onClick={() => folder.current?.click()}>{t('photos:add.folder')}</button>
      <input ref={files} type="file" multiple hidden data-testid="photo-files" accept="image/*,.heic,.heif,.tif,.tiff" onChange={(e) => { fromInput(e.target.files); e.target.value = '' }} />
      <input ref={folder} type="file" hidden data-testid="photo-folder" {...{ webkitdirectory: '', directory: '' }} onChange={(e) => { fromInput(e.target.files); e.target.value = '' }} />
      {props.children}
    </div>
  )
}
