// One photo: the original (upright, as the preview) beside the pavilion's main image, its
// warnings explained, facts, the products using it, near-duplicates; delete.
import { Trash2 } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PhotoDetail as Detail, Rendition } from '../../../../shared/contract/photos.ts'
import { api } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { navigate } from '../../app/router.ts'
import { Button } from '../../ui/Button.tsx'
import { Notice } from '../../ui/Card.tsx'
import { confirm } from '../../ui/confirm.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { mediaUrl } from './media.ts'
import { WarningList } from './Warnings.tsx'

export function PhotoDetail(props: { id: string; onClose(): void }) {
  const { t } = useTranslation()
  const role = useApp((s) => s.role)
  const [photo, setPhoto] = useState<Detail | null>(null)
  const [preview, setPreview] = useState<Rendition | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    let stale = false
    setPhoto(null)
    setPreview(null)
    api.photos.get({ id: props.id }).then((p) => !stale && setPhoto(p), (e) => !stale && setError(e))
    // The preview is made on first request (a HEIC original cannot be shown by the browser as is).
    api.photos.rendition({ id: props.id, preset: 'preview' }).then((r) => !stale && setPreview(r), () => undefined)
    return () => {
      stale = true
    }
  }, [props.id])

  const main = photo?.renditions.find((r) => r.preset === 'main')
  const remove = async () => {
    if (!photo) return
    const ok = await confirm({
      title: t('ui:photos.deleteTitle', { name: photo.name }),
      body: photo.products.length ? t('photos:detail.confirmDelete', { name: photo.name, count: photo.products.length }) : t('ui:photos.deleteBody'),
      confirmLabel: t('common:delete'),
      danger: true
    })
    if (!ok) return
    try {
      await api.photos.delete({ ids: [photo.id] })
      props.onClose()
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }

  return (
    <Dialog title={photo?.name ?? t('common:loading')} onClose={props.onClose} size="wide"
      actions={
        <>
          {role === 'owner' && photo && <Button variant="ghost" tone="danger" icon={Trash2} onClick={() => void remove()} style={{ marginRight: 'auto' }}>{t('common:delete')}</Button>}
          <Button onClick={props.onClose}>{t('common:close')}</Button>
        </>
      }>
      {error ? <Notice tone="danger" role="alert">{errorText(error, t)}</Notice> : null}
      {photo && (
        <div className="photo-detail" data-testid="photo-detail">
          <div className="photo-compare">
            <figure>
              {preview ? <img src={mediaUrl(preview.relPath)} alt={t('photos:detail.original')} data-testid="photo-preview" /> : <div className="photo-placeholder muted">{t('common:loading')}</div>}
              <figcaption>{t('photos:detail.original')} · {photo.format.toUpperCase()} {photo.width}×{photo.height} · {Math.max(1, Math.round(photo.bytes / 1024))} KB</figcaption>
            </figure>
            <figure>
              {main ? <img src={mediaUrl(main.relPath)} alt={t('photos:detail.main')} data-testid="photo-main" /> : <div className="photo-placeholder muted">{t('photos:detail.noMain')}</div>}
              <figcaption>{t('photos:detail.main')}{main ? ` · JPEG ${main.width}×${main.height} · ${Math.round(main.bytes / 1024)} KB` : ''}{main && !main.current ? ` · ${t('photos:detail.outdated')}` : ''}</figcaption>
            </figure>
          </div>
          <h3>{t('photos:detail.warnings')}</h3>
          <WarningList warnings={photo.warnings} />
          <h3>{t('photos:detail.facts')}</h3>
          <p className="muted" style={{ fontSize: 12 }}>
            {t('photos:detail.factsLine', { space: photo.source.colourSpace, depth: photo.source.bitDepth, orientation: photo.source.orientation })}
            {photo.source.hasProfile ? ` · ${t('photos:detail.profile')}` : ''}
            {photo.source.hasAlpha ? ` · ${t('photos:detail.alpha')}` : ''}
          </p>
          <h3>{t('photos:detail.products')}</h3>
          {photo.products.length === 0 ? (
            <p className="muted">{t('photos:detail.noProducts')}</p>
          ) : (
            <div className="row" style={{ flexWrap: 'wrap' }}>
              {photo.products.map((p) => (
                <Button key={p.id} size="sm" onClick={() => { props.onClose(); navigate('catalog', p.id, 'photos') }}>
                  {p.sku} · {t(`photos:role.${p.role}`)}
                </Button>
              ))}
            </div>
          )}
          {photo.nearDuplicates.length > 0 && (
            <>
              <h3>{t('photos:detail.similar')}</h3>
              <div className="row" style={{ flexWrap: 'wrap' }}>
                {photo.nearDuplicates.map((n) => (
                  <figure key={n.id} className="photo-mini" title={n.name}>
                    {n.thumb && <img src={mediaUrl(n.thumb.relPath)} alt={n.name} />}
                    <figcaption>{n.name.split('/').pop()}</figcaption>
                  </figure>
                ))}
              </div>
            </>
          )}
        </div>
      )}
    </Dialog>
  )
}
