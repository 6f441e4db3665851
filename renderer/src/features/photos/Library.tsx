// The photo library: counts, filters, and a virtualized grid of thumbnails (only the visible
// rows are in the DOM; more pages load as you scroll) with warning badges.
import { useVirtualizer } from '@tanstack/react-virtual'
import { FilterX, ImageOff, ImagePlus, SearchX } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PhotoSummary } from '../../../../shared/contract/photos.ts'
import { WARNING_CODES, type WarningCode } from '../../../../shared/domain/photo-quality.ts'
import { Button } from '../../ui/Button.tsx'
import { Notice } from '../../ui/Card.tsx'
import { EmptyState } from '../../ui/EmptyState.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { SearchInput } from '../../ui/SearchInput.tsx'
import { Select } from '../../ui/Select.tsx'
import { errorText } from '../../ui/errors.ts'
import { mediaUrl } from './media.ts'
import { useLibrary } from './store.ts'
import { WarningBadges } from './Warnings.tsx'

const TILE = 176
const ROW = 222

export function Library(props: { onOpen(photo: PhotoSummary): void; selectable?: { selected: Set<string>; toggle(id: string): void } }) {
  const { t } = useTranslation()
  const s = useLibrary()
  const [search, setSearch] = useState(s.filters.search)
  const scrollRef = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(800)

  useEffect(() => {
    void s.reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  useEffect(() => {
    if (search === s.filters.search) return
    const h = setTimeout(() => s.setFilters({ search }), 200)
    return () => clearTimeout(h)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search])
  useEffect(() => {
    const el = scrollRef.current
    if (!el) return
    const ro = new ResizeObserver(() => setWidth(el.clientWidth))
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  const columns = Math.max(1, Math.floor((width - 16) / TILE))
  const rows = Math.ceil(s.items.length / columns) + (s.items.length < s.total ? 1 : 0)
  const virtualizer = useVirtualizer({ count: rows, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 3 })
  const virtualRows = virtualizer.getVirtualItems()
  const lastRow = virtualRows[virtualRows.length - 1]
  useEffect(() => {
    if (lastRow && (lastRow.index + 1) * columns >= s.items.length && s.items.length < s.total && !s.loading) void s.loadMore()
  }, [lastRow, columns, s])

  return (
    <div className="photo-library">
      <div className="toolbar">
        <SearchInput value={search} onChange={setSearch} placeholder={t('photos:library.search')} aria-label={t('photos:library.search')} />
        <Select<WarningCode | ''> inline aria-label={t('photos:library.warningFilter')} value={s.filters.warning} onChange={(v) => s.setFilters({ warning: v })}
          options={[{ value: '', label: t('photos:library.anyWarning') }, ...WARNING_CODES.map((c) => ({ value: c, label: `${t(`photos:warning.${c}.short`)}${s.stats ? ` (${s.stats.byWarning[c]})` : ''}` }))]} />
        <label className="check small">
          <input type="checkbox" checked={s.filters.unattached} onChange={(e) => s.setFilters({ unattached: e.target.checked })} />
          {t('photos:library.unattached')}
        </label>
        <Select<'newest' | 'oldest' | 'name'> inline aria-label={t('photos:library.sort')} value={s.filters.sort} onChange={(v) => s.setFilters({ sort: v })}
          options={[{ value: 'newest', label: t('photos:library.sortNewest') }, { value: 'oldest', label: t('photos:library.sortOldest') }, { value: 'name', label: t('photos:library.sortName') }]} />
      </div>
      {s.error ? <Notice tone="danger" role="alert">{errorText(s.error, t)}</Notice> : null}
      <div className="vlist photo-grid" ref={scrollRef} data-testid="photo-grid">
        {s.items.length === 0 && !s.loading ? (
          s.filters.search || s.filters.warning || s.filters.unattached ? (
            <EmptyState icon={SearchX} title={t('photos:library.noMatch')}
              actions={<Button icon={FilterX} onClick={() => { setSearch(''); s.setFilters({ search: '', warning: '', unattached: false }) }}>{t('ui:list.clearFilters')}</Button>} />
          ) : (
            <EmptyState icon={ImagePlus} title={t('ui:empty.photosTitle')} body={props.selectable ? t('ui:empty.photosPicker') : t('ui:empty.photosBody')} />
          )
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualRows.map((row) => (
              <div key={row.index} className="photo-row" style={{ transform: `translateY(${row.start}px)`, height: ROW }}>
                {s.items.slice(row.index * columns, row.index * columns + columns).map((p) => (
                  <PhotoTile key={p.id} photo={p} onOpen={() => props.onOpen(p)} selectable={props.selectable} />
                ))}
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  )
}

export function PhotoTile(props: { photo: PhotoSummary; onOpen(): void; selectable?: { selected: Set<string>; toggle(id: string): void } }) {
  const { t } = useTranslation()
  const p = props.photo
  const selected = props.selectable?.selected.has(p.id)
  return (
    <div className={`photo-tile${selected ? ' selected' : ''}`} data-testid="photo-tile" data-name={p.name}>
      <button className="photo-thumb" onClick={props.selectable ? () => props.selectable!.toggle(p.id) : props.onOpen} aria-pressed={props.selectable ? selected : undefined} title={p.name}>
        {p.thumb ? <img src={mediaUrl(p.thumb.relPath)} alt={p.name} loading="lazy" width={p.thumb.width} height={p.thumb.height} /> : <span className="muted stack" style={{ alignItems: 'center' }}><Icon icon={ImageOff} size="lg" />{t('photos:library.noThumb')}</span>}
      </button>
      <div className="photo-caption">
        <span className="photo-name" title={p.name}>{p.name.split('/').pop()}</span>
        <span className="muted">{p.width}×{p.height}{p.productCount > 0 ? ` · ${t('photos:library.inProducts', { count: p.productCount })}` : ''}</span>
        <WarningBadges warnings={p.warnings} max={2} />
      </div>
    </div>
  )
}
