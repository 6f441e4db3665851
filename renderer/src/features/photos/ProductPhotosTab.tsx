// A product's Photos tab: the pavilion main images (up to 6; the first is the primary) and the
// other photos, reordered by dragging (or with the buttons, from the keyboard); photos added by
// dropping files or picked from the library; the selected photo's main image beside its original.
import { ArrowDownToLine, ArrowUpToLine, ChevronLeft, ChevronRight, Library as LibraryIcon, Star, X } from 'lucide-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PhotoRole, ProductPhoto, ProductPhotos, Rendition } from '../../../../shared/contract/photos.ts'
import { PAVILION } from '../../../../shared/domain/photo-sizes.ts'
import { api, transport } from '../../api/client.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast, toastUndo } from '../../ui/toasts.ts'
import { AddPhotos } from './AddPhotos.tsx'
import { BatchReport } from './BatchReport.tsx'
import { Library } from './Library.tsx'
import { mediaUrl } from './media.ts'
import { WarningBadges, WarningList } from './Warnings.tsx'
import './photos.css'

interface Arrangement { main: string[]; extra: string[] }

const arrangementOf = (p: ProductPhotos): Arrangement => ({ main: p.main.map((x) => x.photo.id), extra: p.extra.map((x) => x.photo.id) })

/** Moves `id` to `role` at `index` (the end when undefined), keeping at most 6 main images. */
export function moveTo(a: Arrangement, id: string, role: PhotoRole, index?: number): Arrangement {
  const main = a.main.filter((x) => x !== id)
  const extra = a.extra.filter((x) => x !== id)
  const list = role === 'main' ? main : extra
  list.splice(index === undefined ? list.length : Math.min(index, list.length), 0, id)
  // A main image pushed past the sixth becomes the first of the other photos.
  while (main.length > PAVILION.maxMainImages) extra.unshift(main.pop()!)
  return { main, extra }
}

export function ProductPhotosTab(props: { productId: string; readOnly: boolean }) {
  const { t } = useTranslation()
  const [photos, setPhotos] = useState<ProductPhotos | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [picking, setPicking] = useState(false)
  const [batch, setBatch] = useState<string | null>(null)
  const [dragging, setDragging] = useState<string | null>(null)

  const load = useCallback(() => api.photos.productPhotos({ productId: props.productId }).then(setPhotos, (err) => toast(errorText(err, t), 'err')), [props.productId, t])
  useEffect(() => {
    void load()
    return transport.subscribe((name, payload) => {
      const p = payload as { entity?: string; ids?: string[]; all?: boolean }
      if (name === 'data.changed' && ((p.entity === 'productPhotos' && p.ids?.includes(props.productId)) || p.entity === 'photo' || p.all)) void load()
    })
  }, [load, props.productId])

  const arrange = async (next: Arrangement) => {
    try {
      setPhotos(await api.photos.arrange({ productId: props.productId, ...next }))
    } catch (err) {
      toast(errorText(err, t), 'err')
      void load()
    }
  }
  const act = async (fn: () => Promise<ProductPhotos>) => {
    try {
      setPhotos(await fn())
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }

  // Taking a photo off the product can be undone: put it back where it was.
  const detach = async (photoId: string, name: string) => {
    const before = arrangementOf(photos!)
    try {
      setPhotos(await api.photos.detach({ productId: props.productId, photoIds: [photoId] }))
      toastUndo(t('ui:photos.detached', { name }), t('ui:toast.undo'), async () => {
        try {
          await api.photos.attach({ productId: props.productId, photoIds: [photoId], as: before.main.includes(photoId) ? 'main' : 'extra' })
          setPhotos(await api.photos.arrange({ productId: props.productId, ...before }))
        } catch (err) {
          toast(errorText(err, t), 'err')
        }
      })
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }

  if (!photos) return <div className="muted">{t('common:loading')}</div>
  const a = arrangementOf(photos)
  const all = [...photos.main, ...photos.extra]
  const current = all.find((x) => x.photo.id === selected) ?? all[0] ?? null

  const zone = (role: PhotoRole, items: ProductPhoto[]) => (
    <section
      className={`photo-zone${dragging ? ' droppable' : ''}`}
      data-testid={`zone-${role}`}
      aria-label={t(`photos:product.${role}`)}
      onDragOver={(e) => dragging && e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault()
        if (dragging) void arrange(moveTo(a, dragging, role))
        setDragging(null)
      }}
    >
      <h3>
        {t(`photos:product.${role}`)}
        {role === 'main' && <span className="muted"> ({items.length}/{PAVILION.maxMainImages})</span>}
      </h3>
      {items.length === 0 && <p className="muted">{t(`photos:product.${role}Empty`)}</p>}
      <ol className="photo-strip">
        {items.map((x, i) => (
          <li
            key={x.photo.id}
            className={`photo-card${current?.photo.id === x.photo.id ? ' selected' : ''}`}
            data-testid={`card-${role}`}
            data-name={x.photo.name}
            draggable={!props.readOnly}
            onDragStart={(e) => {
              setDragging(x.photo.id)
              e.dataTransfer.effectAllowed = 'move'
            }}
            onDragEnd={() => setDragging(null)}
            onDragOver={(e) => dragging && e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault()
              e.stopPropagation()
              if (dragging && dragging !== x.photo.id) void arrange(moveTo(a, dragging, role, i))
              setDragging(null)
            }}
          >
            <button className="photo-thumb" onClick={() => setSelected(x.photo.id)} title={x.photo.name}>
              {x.photo.thumb ? <img src={mediaUrl(x.photo.thumb.relPath)} alt={x.photo.name} draggable={false} /> : null}
            </button>
            <div className="photo-caption">
              {x.primary && <Badge tone="success" icon={Star} testId="primary">{t('photos:product.primary')}</Badge>}
              <span className="photo-name" title={x.photo.name}>{x.photo.name.split('/').pop()}</span>
              <WarningBadges warnings={x.photo.warnings} max={2} />
            </div>
            {!props.readOnly && (
              <div className="photo-actions">
                <Button size="sm" icon={ChevronLeft} label={t('photos:product.left')} disabled={i === 0} onClick={() => void arrange(moveTo(a, x.photo.id, role, i - 1))} />
                <Button size="sm" icon={ChevronRight} label={t('photos:product.right')} disabled={i === items.length - 1} onClick={() => void arrange(moveTo(a, x.photo.id, role, i + 1))} />
                {!x.primary && <Button size="sm" icon={Star} onClick={() => void act(() => api.photos.setPrimary({ productId: props.productId, photoId: x.photo.id }))}>{t('photos:product.makePrimary')}</Button>}
                {role === 'extra'
                  ? <Button size="sm" icon={ArrowUpToLine} onClick={() => void arrange(moveTo(a, x.photo.id, 'main'))}>{t('photos:product.toMain')}</Button>
                  : <Button size="sm" icon={ArrowDownToLine} onClick={() => void arrange(moveTo(a, x.photo.id, 'extra', 0))}>{t('photos:product.toExtra')}</Button>}
                <Button size="sm" variant="ghost" tone="danger" icon={X} onClick={() => void detach(x.photo.id, x.photo.name.split('/').pop() ?? x.photo.name)}>{t('photos:product.remove')}</Button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  )

  return (
    <div className="product-photos" data-testid="product-photos">
      {!props.readOnly && (
        <AddPhotos productId={props.productId} onStarted={setBatch} compact>
          <Button icon={LibraryIcon} onClick={() => setPicking(true)}>{t('photos:product.fromLibrary')}</Button>
        </AddPhotos>
      )}
      {batch && <BatchReport jobId={batch} onClose={() => setBatch(null)} />}
      {zone('main', photos.main)}
      {zone('extra', photos.extra)}
      {current && <Compare item={current} />}
      {picking && <LibraryPicker productId={props.productId} onClose={() => setPicking(false)} onAttached={setPhotos} />}
    </div>
  )
}

/** The pavilion-ready main image beside the original (its upright preview). */
function Compare(props: { item: ProductPhoto }) {
  const { t } = useTranslation()
  const [preview, setPreview] = useState<Rendition | null>(null)
  const id = props.item.photo.id
  useEffect(() => {
    let stale = false
    setPreview(null)
    api.photos.rendition({ id, preset: 'preview' }).then((r) => !stale && setPreview(r), () => undefined)
    return () => {
      stale = true
    }
  }, [id])
  const main = props.item.main
  return (
    <div className="card" data-testid="photo-compare">
      <h2>{props.item.photo.name}</h2>
      <div className="photo-compare">
        <figure>
          {preview ? <img src={mediaUrl(preview.relPath)} alt={t('photos:detail.original')} /> : <div className="photo-placeholder muted">{t('common:loading')}</div>}
          <figcaption>{t('photos:detail.original')} · {props.item.photo.width}×{props.item.photo.height}</figcaption>
        </figure>
        <figure>
          {main ? <img src={mediaUrl(main.relPath)} alt={t('photos:detail.main')} data-testid="compare-main" /> : <div className="photo-placeholder muted">{t('photos:detail.noMain')}</div>}
          <figcaption>{t('photos:detail.main')}{main ? ` · ${main.width}×${main.height} · ${Math.round(main.bytes / 1024)} KB` : ''}</figcaption>
        </figure>
      </div>
      <WarningList warnings={props.item.photo.warnings} />
    </div>
  )
}

function LibraryPicker(props: { productId: string; onClose(): void; onAttached(p: ProductPhotos): void }) {
  const { t } = useTranslation()
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    return next
  })
  const attach = async () => {
    try {
      props.onAttached(await api.photos.attach({ productId: props.productId, photoIds: [...selected] }))
      props.onClose()
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }
  return (
    <Dialog title={t('photos:product.fromLibrary')} onClose={props.onClose} size="wide"
      actions={
        <>
          <Button onClick={props.onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" disabled={selected.size === 0} onClick={() => void attach()}>{t('photos:product.attach', { count: selected.size })}</Button>
        </>
      }>
      <div className="photo-picker">
        <Library onOpen={() => undefined} selectable={{ selected, toggle }} />
      </div>
    </Dialog>
  )
}
