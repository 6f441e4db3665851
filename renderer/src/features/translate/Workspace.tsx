// The translator's workspace: filters, the list of units, bulk actions, and the unit editor.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TEXT_FIELDS, type TextField } from '../../../../shared/domain/product.ts'
import { UNIT_STATUSES, type UnitStatus } from '../../../../shared/domain/translation/units.ts'
import { api } from '../../api/client.ts'
import { useEvent } from '../../api/events.ts'
import { DEFAULT_TARGETS, useApp } from '../../app/store.ts'
import { flattenCategories } from '../catalog/store.ts'
import type { Category } from '../../../../shared/domain/catalog-structure.ts'
import { toast } from '../../ui/toasts.ts'
import { keyOf, useWorkspace } from './store.ts'
import { trError, UnitEditor } from './UnitEditor.tsx'

/** List preview: tag markers become spaces. */
const plain = (text: string) => text.replace(/<\/?\d+\/?>/g, ' ').replace(/\s+/g, ' ').trim()

export function Workspace() {
  const { t, i18n } = useTranslation()
  const ws = useWorkspace()
  const targets = useApp((a) => a.settings?.targetLocales ?? DEFAULT_TARGETS)
  const [query, setQuery] = useState(ws.filters.query)
  const [categories, setCategories] = useState<Array<Category & { productCount: number }>>([])
  const [provider, setProvider] = useState<'deepl' | 'libretranslate' | 'alibaba'>('deepl')

  useEffect(() => {
    void ws.reload()
    void api.catalog.listCategories({}).then((r) => setCategories(r.items))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  useEffect(() => {
    if (query === ws.filters.query) return
    const h = setTimeout(() => ws.setFilters({ query }), 250)
    return () => clearTimeout(h)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query])
  // Machine translation and imports change units behind our back: refresh what is shown.
  useEvent('data.changed', (e) => {
    if (e.entity === 'translation' || e.entity === 'product' || e.entity === 'glossary') {
      void ws.reload(true)
      if (!useWorkspace.getState().dirty) void ws.refreshDetail().catch(() => undefined)
    }
  })

  const bulk = async (fn: () => Promise<string>) => {
    try {
      toast(await fn())
      await ws.reload(true)
      await ws.refreshDetail()
    } catch (err) {
      toast(trError(err, t), 'err')
    }
  }
  const count = ws.checked.size || ws.total
  const cats = flattenCategories(categories, i18n.language)
  const toggleStatus = (st: UnitStatus) => ws.setFilters({ statuses: ws.filters.statuses.includes(st) ? ws.filters.statuses.filter((x) => x !== st) : [...ws.filters.statuses, st] })

  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <div className="toolbar">
        <input className="input search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('translate:filters.search')} aria-label={t('translate:filters.search')} />
        <select className="input" aria-label={t('translate:filters.locale')} value={ws.filters.locales[0] ?? ''} onChange={(e) => ws.setFilters({ locales: e.target.value ? [e.target.value] : [] })}>
          <option value="">{t('translate:filters.allLocales')}</option>
          {targets.map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
        <select className="input" aria-label={t('translate:filters.field')} value={ws.filters.fields[0] ?? ''} onChange={(e) => ws.setFilters({ fields: e.target.value ? [e.target.value as TextField] : [] })}>
          <option value="">{t('translate:filters.allFields')}</option>
          {TEXT_FIELDS.map((f) => <option key={f} value={f}>{t(`translate:field.${f}`)}</option>)}
        </select>
        <select className="input" aria-label={t('translate:filters.category')} value={ws.filters.categoryId} onChange={(e) => ws.setFilters({ categoryId: e.target.value })}>
          <option value="">{t('translate:filters.allCategories')}</option>
          {cats.map((c) => <option key={c.id} value={c.id}>{'\u00a0\u00a0'.repeat(c.depth) + c.label}</option>)}
        </select>
        <select className="input" aria-label={t('translate:filters.qa')} value={ws.filters.qa} onChange={(e) => ws.setFilters({ qa: e.target.value as '' | 'errors' | 'any' })}>
          <option value="">{t('translate:filters.qaAll')}</option>
          <option value="errors">{t('translate:filters.qaErrors')}</option>
          <option value="any">{t('translate:filters.qaAny')}</option>
        </select>
        <label className="row"><input type="checkbox" checked={ws.filters.stale} onChange={(e) => ws.setFilters({ stale: e.target.checked })} data-testid="filter-stale" />{t('translate:filters.stale')}</label>
      </div>
      <div className="toolbar" role="group" aria-label={t('translate:filters.status')}>
        {UNIT_STATUSES.map((st) => (
          <label key={st} className="row" style={{ fontSize: 13 }}>
            <input type="checkbox" checked={ws.filters.statuses.includes(st)} onChange={() => toggleStatus(st)} />
            <span className={`status-${st}`}>{t(`translate:status.${st}`)}</span>
          </label>
        ))}
        <span className="spacer" />
        <span className="muted" data-testid="unit-total">{t('translate:list.count', { count: ws.total })}</span>
      </div>
      <div className="tr-bulk" data-testid="bulk">
        <span className="muted">{ws.checked.size ? t('translate:bulk.checked', { count: ws.checked.size }) : t('translate:bulk.filtered', { count: ws.total })}</span>
        <button className="btn small" disabled={!count} onClick={() => void bulk(async () => t('translate:bulk.done', { count: (await api.translation.setStatus({ selection: ws.bulkSelection(), status: 'translated' })).changed }))}>{t('translate:bulk.confirm')}</button>
        <button className="btn small" disabled={!count} onClick={() => void bulk(async () => t('translate:bulk.done', { count: (await api.translation.setStatus({ selection: ws.bulkSelection(), status: 'reviewed' })).changed }))}>{t('translate:bulk.review')}</button>
        <button className="btn small" disabled={!count} onClick={() => void bulk(async () => t('translate:bulk.done', { count: (await api.translation.setStatus({ selection: ws.bulkSelection(), status: 'approved' })).changed }))}>{t('translate:bulk.approve')}</button>
        <button className="btn small" disabled={!count} onClick={() => void bulk(async () => t('translate:bulk.pretranslated', { count: (await api.translation.pretranslate({ selection: ws.bulkSelection() })).filled }))}>{t('translate:bulk.pretranslate')}</button>
        <select className="input" style={{ width: 'auto', padding: '2px 6px' }} aria-label={t('translate:bulk.provider')} value={provider} onChange={(e) => setProvider(e.target.value as typeof provider)}>
          <option value="deepl">DeepL</option><option value="libretranslate">LibreTranslate</option><option value="alibaba">Alibaba Cloud</option>
        </select>
        <button className="btn small" disabled={!count} onClick={() => void bulk(async () => {
          const r = await api.translation.machineTranslate({ selection: { ...ws.bulkSelection(), statuses: ws.checked.size ? undefined : ['new', 'machine'] }, provider })
          useApp.getState().setJobsOpen(true)
          return t('translate:bulk.mtQueued', { count: r.units })
        })}>{t('translate:bulk.mt')}</button>
      </div>
      <div className="tr-layout">
        <div className="tr-list" data-testid="unit-list">
          <div className="tr-row" style={{ cursor: 'default', fontSize: 12 }}>
            <input type="checkbox" aria-label={t('translate:list.checkAll')} checked={ws.items.length > 0 && ws.checked.size === ws.items.length} onChange={() => ws.toggleAll()} />
            <span className="muted">{t('translate:list.unit')}</span>
            <span />
          </div>
          {ws.items.map((u, i) => (
            <div key={keyOf(u)} className={`tr-row${i === ws.current ? ' current' : ''}`} onClick={() => void ws.open(i)} data-testid="unit-row">
              <input type="checkbox" checked={ws.checked.has(keyOf(u))} onClick={(e) => e.stopPropagation()} onChange={() => ws.toggle(keyOf(u))} aria-label={keyOf(u)} />
              <div style={{ minWidth: 0 }}>
                <div className="meta"><b>{u.sku}</b><span>{t(`translate:field.${u.field}`)}</span><span>{u.locale}</span></div>
                <div className="src">{plain(u.source)}</div>
                <div className="tgt">{plain(u.target) || '—'}</div>
              </div>
              <div className="meta" style={{ flexDirection: 'column', alignItems: 'flex-end' }}>
                <span className={`status-${u.status}`}>{t(`translate:status.${u.status}`)}</span>
                {u.stale && <span className="badge warn">{t('translate:stale')}</span>}
                {u.qaErrors > 0 && <span className="badge err">QA {u.qaErrors}</span>}
                {u.qaErrors === 0 && u.qaWarnings > 0 && <span className="badge">QA {u.qaWarnings}</span>}
              </div>
            </div>
          ))}
          {ws.items.length < ws.total && <button className="btn link" style={{ margin: 10 }} onClick={() => void ws.loadMore()}>{t('translate:list.more')}</button>}
          {!ws.loading && ws.items.length === 0 && <div className="empty">{t('translate:list.empty')}</div>}
        </div>
        <UnitEditor />
      </div>
    </div>
  )
}
