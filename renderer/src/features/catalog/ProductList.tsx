// The product list: search box, filters, sort, and a virtualized table that keeps only the
// visible rows in the DOM (100k products scroll smoothly) and fetches more pages as you scroll.
import { DEFAULT_TARGETS } from '../../app/store.ts'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PRODUCT_STATUSES, type ProductStatus } from '../../../../shared/domain/product.ts'
import { useApp } from '../../app/store.ts'
import { navigate } from '../../app/router.ts'
import { Empty } from '../../ui/components.tsx'
import { errorText } from '../../ui/errors.ts'
import { NewProductDialog } from './NewProductDialog.tsx'
import { flattenCategories, useCatalog, type SortKey } from './store.ts'

const ROW_HEIGHT = 36

export function ProductList() {
  const { t, i18n } = useTranslation()
  const s = useCatalog()
  const role = useApp((a) => a.role)
  const targets = useApp((a) => a.settings?.targetLocales ?? DEFAULT_TARGETS)
  const [query, setQuery] = useState(s.filters.query)
  const [creating, setCreating] = useState(false)
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

  const categories = flattenCategories(s.categories, i18n.language)
  const categoryName = new Map(categories.map((c) => [c.id, c.label]))

  return (
    <div className="page" style={{ display: 'flex', flexDirection: 'column' }}>
      <div className="page-header">
        <h1>{t('catalog:list.title')}</h1>
        <span className="muted" data-testid="product-total">
          {s.totalExact ? t('catalog:list.count', { count: s.total }) : t('catalog:list.countAtLeast', { count: s.total - 1 })}
        </span>
        {role === 'owner' && <button className="btn primary" onClick={() => setCreating(true)}>{t('catalog:list.new')}</button>}
      </div>
      <div className="toolbar">
        <input
          className="input search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('catalog:list.searchPlaceholder')}
          aria-label={t('catalog:list.search')}
        />
        <select className="input" aria-label={t('catalog:list.status')} value={s.filters.status[0] ?? ''} onChange={(e) => s.setFilters({ status: e.target.value ? [e.target.value as ProductStatus] : [] })}>
          <option value="">{t('catalog:list.allStatuses')}</option>
          {PRODUCT_STATUSES.map((st) => <option key={st} value={st}>{t(`catalog:status.${st}`)}</option>)}
        </select>
        <select
          className="input"
          aria-label={t('catalog:list.category')}
          value={s.filters.categoryId === undefined ? '' : s.filters.categoryId === null ? '__none' : s.filters.categoryId}
          onChange={(e) => s.setFilters({ categoryId: e.target.value === '' ? undefined : e.target.value === '__none' ? null : e.target.value })}
        >
          <option value="">{t('catalog:list.allCategories')}</option>
          <option value="__none">{t('catalog:list.noCategory')}</option>
          {categories.map((c) => <option key={c.id} value={c.id}>{'\u00a0\u00a0'.repeat(c.depth) + c.label}</option>)}
        </select>
        <select className="input" aria-label={t('catalog:list.missing')} value={s.filters.missingLocale} onChange={(e) => s.setFilters({ missingLocale: e.target.value })}>
          <option value="">{t('catalog:list.anyTranslation')}</option>
          {targets.map((l) => <option key={l} value={l}>{t('catalog:list.missingIn', { locale: l })}</option>)}
        </select>
        <select
          className="input"
          aria-label={t('catalog:list.sort')}
          value={`${s.filters.sort}:${s.filters.direction}`}
          onChange={(e) => {
            const [sort, direction] = e.target.value.split(':') as [SortKey, 'asc' | 'desc']
            s.setFilters({ sort, direction })
          }}
        >
          <option value="updated:desc">{t('catalog:sort.updatedDesc')}</option>
          <option value="created:desc">{t('catalog:sort.createdDesc')}</option>
          <option value="sku:asc">{t('catalog:sort.skuAsc')}</option>
          <option value="title:asc">{t('catalog:sort.titleAsc')}</option>
        </select>
      </div>
      {s.error ? <div className="error" role="alert">{errorText(s.error, t)}</div> : null}
      <div className="vlist" ref={scrollRef} data-testid="product-list">
        <div className="vlist-head" role="row">
          <span>{t('catalog:fields.sku')}</span>
          <span>{t('catalog:fields.title')}</span>
          <span>{t('catalog:fields.status')}</span>
          <span>{t('catalog:fields.category')}</span>
          <span>{t('catalog:list.translations')}</span>
        </div>
        {s.items.length === 0 && !s.loading ? (
          <Empty>{s.filters.query ? t('catalog:list.noMatch') : t('catalog:list.empty')}</Empty>
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
                  style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => navigate('catalog', p.id)}
                  onKeyDown={(e) => e.key === 'Enter' && navigate('catalog', p.id)}
                  tabIndex={0}
                >
                  <span className="sku">{p.parentId ? '↳ ' : ''}{p.sku}</span>
                  <span className="title" title={p.title}>{p.title || <span className="muted">{t('catalog:list.untitled')}</span>}</span>
                  <span><span className={`badge ${p.status === 'ready' ? 'ok' : ''}`}>{t(`catalog:status.${p.status}`)}</span></span>
                  <span className="muted" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{p.categoryId ? categoryName.get(p.categoryId) : ''}</span>
                  <span>
                    {p.missingLocales.length === 0 ? (
                      <span className="badge ok">{t('catalog:list.allTranslated')}</span>
                    ) : (
                      <span className="badge warn">{t('catalog:list.missingShort', { locales: p.missingLocales.join(', ') })}</span>
                    )}
                  </span>
                </div>
              )
            })}
          </div>
        )}
      </div>
      {creating && <NewProductDialog onClose={() => setCreating(false)} />}
    </div>
  )
}
