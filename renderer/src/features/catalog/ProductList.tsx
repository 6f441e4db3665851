// The product list: search box, filters, sort, and a virtualized table that keeps only the
// visible rows in the DOM (100k products scroll smoothly) and fetches more pages as you scroll.
import { useVirtualizer } from '@tanstack/react-virtual'
import { CornerDownRight, FilterX, FileSpreadsheet, PackageOpen, Plus, SearchX, Trash2 } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PRODUCT_STATUSES, type ProductStatus } from '../../../../shared/domain/product.ts'
import { DEFAULT_TARGETS, useApp } from '../../app/store.ts'
import { navigate } from '../../app/router.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { Combobox } from '../../ui/Combobox.tsx'
import { EmptyState } from '../../ui/EmptyState.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { Notice } from '../../ui/Card.tsx'
import { PageHeader } from '../../ui/PageHeader.tsx'
import { SearchInput } from '../../ui/SearchInput.tsx'
import { Select } from '../../ui/Select.tsx'
import { languageOf } from '../../i18n/language-names.ts'
import { errorText } from '../../ui/errors.ts'
import { NewProductDialog } from './NewProductDialog.tsx'
import { BulkBar } from './bulk/BulkBar.tsx'
import { PriceCell, PublishCell, ReadinessCell, Thumb } from './bulk/RowCells.tsx'
import { useRowExtras } from './bulk/row-extras.ts'
import { isSelected, selectedCount, useSelection } from './bulk/selection.ts'
import { TrashDialog, useTrashCount } from './bulk/TrashDialog.tsx'
import './bulk/list.css'
import { flattenCategories, useCatalog, type SortKey } from './store.ts'

const ROW_HEIGHT = 40
const NO_CATEGORY = '__none'

export function ProductList() {
  const { t, i18n } = useTranslation()
  const s = useCatalog()
  const role = useApp((a) => a.role)
  const targets = useApp((a) => a.settings?.targetLocales ?? DEFAULT_TARGETS)
  const [query, setQuery] = useState(s.filters.query)
  const [creating, setCreating] = useState(false)
  const [trashOpen, setTrashOpen] = useState(false)
  const trashCount = useTrashCount()
  const sel = useSelection()
  const extras = useRowExtras()
  const scrollRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    void s.reload()
    void s.loadStructure()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // Search as you type, without a request per keystroke.
  useEffect(() => {
    if (query === s.filters.query) return
    const h = setTimeout(() => s.setFilters({ query }), 200)
    return () => clearTimeout(h)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query])

  const hasMore = s.cursor !== null
  const virtualizer = useVirtualizer({
    count: s.items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12
  })
  const virtualItems = virtualizer.getVirtualItems()
  const last = virtualItems[virtualItems.length - 1]
  useEffect(() => {
    if (last && last.index >= s.items.length - 1 && hasMore && !s.loading) void s.loadMore()
  }, [last, hasMore, s])

  // Thumbnails, readiness and listing states for the rows on screen (refetched when they change).
  const visibleIds = virtualItems.map((v) => s.items[v.index]?.id).filter((id): id is string => !!id)
  useEffect(() => {
    extras.want(visibleIds)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visibleIds.join(','), extras.version])
  // A new filter is a new selection.
  useEffect(() => sel.clear(), [s.filters]) // eslint-disable-line react-hooks/exhaustive-deps
  const order = s.items.map((p) => p.id)
  const loadedSelected = sel.all ? s.items.length > 0 : s.items.length > 0 && s.items.every((p) => sel.ids.has(p.id))
  const someSelected = selectedCount(sel, s.total) > 0
  const toggleAllLoaded = () => (loadedSelected ? sel.clear() : sel.setMany(order, true))

  const categories = flattenCategories(s.categories, i18n.language)
  const categoryName = new Map(categories.map((c) => [c.id, c.label]))

  const filtered = !!(s.filters.query || s.filters.status.length || s.filters.categoryId !== undefined || s.filters.missingLocale)
  const clearFilters = () => {
    setQuery('')
    s.setFilters({ query: '', status: [], categoryId: undefined, missingLocale: '' })
  }

  return (
    <div className="page fill">
      <PageHeader
        title={t('catalog:list.title')}
        meta={
          <span className="muted" data-testid="product-total">
            {s.totalExact ? t('catalog:list.count', { count: s.total }) : t('catalog:list.countAtLeast', { count: s.total - 1 })}
          </span>
        }
        actions={role === 'owner' && (
          <>
            <Button variant="ghost" icon={Trash2} onClick={() => setTrashOpen(true)} testId="open-trash">{t('bulk:trash.open', { count: trashCount })}</Button>
            <Button variant="primary" icon={Plus} testId="new-product" onClick={() => setCreating(true)}>{t('catalog:list.new')}</Button>
          </>
        )}
      />
      <div className="toolbar">
        <SearchInput value={query} onChange={setQuery} placeholder={t('catalog:list.searchPlaceholder')} aria-label={t('catalog:list.search')} />
        <Select
          aria-label={t('catalog:list.status')}
          value={s.filters.status[0] ?? ''}
          onChange={(v) => s.setFilters({ status: v ? [v as ProductStatus] : [] })}
          options={[{ value: '', label: t('catalog:list.allStatuses') }, ...PRODUCT_STATUSES.map((st) => ({ value: st, label: t(`catalog:status.${st}`) }))]}
          inline
        />
        <Combobox
          aria-label={t('catalog:list.category')}
          className="toolbar-combobox"
          value={s.filters.categoryId === undefined ? '' : s.filters.categoryId === null ? NO_CATEGORY : s.filters.categoryId}
          onChange={(v) => s.setFilters({ categoryId: v === '' ? undefined : v === NO_CATEGORY ? null : v })}
          options={[
            { value: '', label: t('catalog:list.allCategories') },
            { value: NO_CATEGORY, label: t('catalog:list.noCategory') },
            ...categories.map((c) => ({ value: c.id, label: c.label, depth: c.depth }))
          ]}
        />
        <Select
          aria-label={t('catalog:list.missing')}
          value={s.filters.missingLocale}
          onChange={(v) => s.setFilters({ missingLocale: v })}
          options={[{ value: '', label: t('catalog:list.anyTranslation') }, ...targets.map((l) => ({ value: l, label: t('catalog:list.missingIn', { locale: languageOf(l, { inSentence: true }) }) }))]}
          inline
        />
        <Select
          aria-label={t('catalog:list.sort')}
          value={`${s.filters.sort}:${s.filters.direction}`}
          onChange={(v) => {
            const [sort, direction] = v.split(':') as [SortKey, 'asc' | 'desc']
            s.setFilters({ sort, direction })
          }}
          options={[
            { value: 'updated:desc', label: t('catalog:sort.updatedDesc') },
            { value: 'created:desc', label: t('catalog:sort.createdDesc') },
            { value: 'sku:asc', label: t('catalog:sort.skuAsc') },
            { value: 'title:asc', label: t('catalog:sort.titleAsc') }
          ]}
          inline
        />
        {filtered && <Button variant="ghost" icon={FilterX} onClick={clearFilters}>{t('ui:list.clearFilters')}</Button>}
      </div>
      {s.error ? <Notice tone="danger" role="alert">{errorText(s.error, t)}</Notice> : null}
      {role === 'owner' && <BulkBar loaded={s.items.length} />}
      <div className={`vlist plist${role === 'owner' ? ' selectable' : ''}`} ref={scrollRef} data-testid="product-list">
        <div className="vlist-head" role="row">
          {role === 'owner' && (
            <span><input type="checkbox" checked={loadedSelected} ref={(el) => { if (el) el.indeterminate = someSelected && !loadedSelected }}
              onChange={toggleAllLoaded} aria-label={t('bulk:list.selectLoaded')} data-testid="select-loaded" /></span>
          )}
          <span aria-label={t('bulk:list.photo')} />
          <span>{t('catalog:fields.sku')}</span>
          <span>{t('catalog:fields.title')}</span>
          <span className="num">{t('bulk:list.price')}</span>
          <span>{t('catalog:fields.status')}</span>
          <span>{t('bulk:list.readiness')}</span>
          <span>{t('bulk:list.publish')}</span>
          <span>{t('catalog:fields.category')}</span>
          <span>{t('catalog:list.translations')}</span>
        </div>
        {s.items.length === 0 && !s.loading ? (
          filtered ? (
            <EmptyState icon={SearchX} title={t('catalog:list.noMatch')} body={t('ui:empty.catalogNoMatch')}
              actions={<Button icon={FilterX} onClick={clearFilters}>{t('ui:list.clearFilters')}</Button>} />
          ) : (
            <EmptyState icon={PackageOpen} title={t('ui:empty.catalogTitle')} body={role === 'owner' ? t('ui:empty.catalogBody') : t('ui:empty.catalogBodyTranslator')}
              actions={role === 'owner' && (
                <>
                  <Button variant="primary" icon={FileSpreadsheet} onClick={() => navigate('import')}>{t('ui:empty.importPriceList')}</Button>
                  <Button icon={Plus} onClick={() => setCreating(true)}>{t('ui:empty.createFirst')}</Button>
                </>
              )} />
          )
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualItems.map((v) => {
              const p = s.items[v.index]
              if (!p) return <div key="more" className="vrow muted" style={{ transform: `translateY(${v.start}px)` }}>{t('common:loading')}</div>
              return (
                <div
                  key={p.id}
                  className="vrow"
                  role="row"
                  data-testid="product-row"
                  data-sku={p.sku}
                  aria-selected={role === 'owner' ? isSelected(sel, p.id) : undefined}
                  style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                  onClick={(e) => {
                    if (role === 'owner' && (e.shiftKey || e.ctrlKey || e.metaKey)) {
                      if (e.shiftKey) sel.range(p.id, order)
                      else sel.toggle(p.id)
                      return
                    }
                    navigate('catalog', p.id)
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') navigate('catalog', p.id)
                    if (e.key === ' ' && role === 'owner' && e.target === e.currentTarget) {
                      e.preventDefault()
                      sel.toggle(p.id)
                    }
                  }}
                  tabIndex={0}
                >
                  {role === 'owner' && (
                    <span onClick={(e) => e.stopPropagation()}>
                      <input type="checkbox" checked={isSelected(sel, p.id)} aria-label={t('bulk:list.selectOne', { sku: p.sku })} data-testid="row-select"
                        onChange={() => undefined}
                        onClick={(e) => (e.shiftKey ? sel.range(p.id, order) : sel.toggle(p.id))} />
                    </span>
                  )}
                  <Thumb extras={extras.byId[p.id]} alt={p.title} />
                  <span className="sku">{p.parentId && <Icon icon={CornerDownRight} size="sm" label={t('ui:list.variantOf')} />}<span className="ellipsis">{p.sku}</span></span>
                  <span className="title" title={p.title}>{p.title || <span className="muted">{t('catalog:list.untitled')}</span>}</span>
                  <PriceCell price={p.price} />
                  <span><Badge tone={p.status === 'ready' ? 'success' : p.status === 'archived' ? 'neutral' : 'info'} dot>{t(`catalog:status.${p.status}`)}</Badge></span>
                  <span><ReadinessCell state={extras.byId[p.id]?.publish} /></span>
                  <span><PublishCell state={extras.byId[p.id]?.publish} /></span>
                  <span className="muted" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{p.categoryId ? categoryName.get(p.categoryId) : ''}</span>
                  <span>
                    {p.missingLocales.length === 0 ? (
                      <Badge tone="success">{t('catalog:list.allTranslated')}</Badge>
                    ) : (
                      <Badge tone="warning">{t('catalog:list.missingShort', { locales: p.missingLocales.map((l) => t(`common:languageName.${l}`, { defaultValue: l })).join(', ') })}</Badge>
                    )}
                  </span>
                </div>
              )
            })}
          </div>
        )}
      </div>
      {creating && <NewProductDialog onClose={() => setCreating(false)} />}
      {trashOpen && <TrashDialog onClose={() => setTrashOpen(false)} />}
    </div>
  )
}
