// A product's Photos tab: the pavilion main images (up to 6; the first is the primary) and the
// other photos, reordered by dragging (or with the buttons, from the keyboard); photos added by
// dropping files or picked from the library; the selected photo's main image beside its original.
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PhotoRole, ProductPhoto, ProductPhotos, Rendition } from '../../../../shared/contract/photos.ts'
import { PAVILION } from '../../../../shared/domain/photo-sizes.ts'
import { api, transport } from '../../api/client.ts'
import { Dialog } from '../../ui/components.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
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
              {x.primary && <span className="badge ok" data-testid="primary">{t('photos:product.primary')}</span>}
              <span className="photo-name" title={x.photo.name}>{x.photo.name.split('/').pop()}</span>
              <WarningBadges warnings={x.photo.warnings} max={2} />
            </div>
            {!props.readOnly && (
              <div className="photo-actions">
                <button className="btn small" aria-label={t('photos:product.left')} disabled={i === 0} onClick={() => void arrange(moveTo(a, x.photo.id, role, i - 1))}>◀</button>
                <button className="btn small" aria-label={t('photos:product.right')} disabled={i === items.length - 1} onClick={() => void arrange(moveTo(a, x.photo.id, role, i + 1))}>▶</button>
                {!x.primary && <button className="btn small" onClick={() => void act(() => api.photos.setPrimary({ productId: props.productId, photoId: x.photo.id }))}>{t('photos:product.makePrimary')}</button>}
                {role === 'extra'
                  ? <button className="btn small" onClick={() => void arrange(moveTo(a, x.photo.id, 'main'))}>{t('photos:product.toMain')}</button>
                  : <button className="btn small" onClick={() => void arrange(moveTo(a, x.photo.id, 'extra', 0))}>{t('photos:product.toExtra')}</button>}
                <button className="btn small danger" onClick={() => void act(() => api.photos.detach({ productId: props.productId, photoIds: [x.photo.id] }))}>{t('photos:product.remove')}</button>
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
          <button className="btn" onClick={() => setPicking(true)}>{t('photos:product.fromLibrary')}</button>
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
    <Dialog title={t('photos:product.fromLibrary')} onClose={props.onClose}
      actions={
        <>
          <button className="btn" onClick={props.onClose}>{t('common:cancel')}</button>
          <button className="btn primary" disabled={selected.size === 0} onClick={() => void attach()}>{t('photos:product.attach', { count: selected.size })}</button>
        </>
      }>
      <div className="photo-picker">
        <Library onOpen={() => undefined} selectable={{ selected, toggle }} />
      </div>
    </Dialog>
  )
}
