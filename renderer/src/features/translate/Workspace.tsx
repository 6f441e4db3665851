// The translator's workspace: filters, the list of units, bulk actions, and the unit editor.
import { Bot, Check, CheckCheck, DatabaseZap, Eye, FilterX, Languages, SearchX } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TEXT_FIELDS, type TextField } from '../../../../shared/domain/product.ts'
import { UNIT_STATUSES, type UnitStatus } from '../../../../shared/domain/translation/units.ts'
import { api } from '../../api/client.ts'
import { useEvent } from '../../api/events.ts'
import { DEFAULT_TARGETS, useApp } from '../../app/store.ts'
import { flattenCategories } from '../catalog/store.ts'
import type { Category } from '../../../../shared/domain/catalog-structure.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { Combobox } from '../../ui/Combobox.tsx'
import { confirm } from '../../ui/confirm.tsx'
import { EmptyState } from '../../ui/EmptyState.tsx'
import { SearchInput } from '../../ui/SearchInput.tsx'
import { Select } from '../../ui/Select.tsx'
import { toast } from '../../ui/toasts.ts'
import { keyOf, useWorkspace } from './store.ts'
import { trError, UnitEditor } from './UnitEditor.tsx'
import { languageOf } from '../../i18n/language-names.ts'

type BulkAction = 'confirm' | 'review' | 'approve' | 'memory' | 'mt'
const BULK_ICON = { confirm: Check, review: Eye, approve: CheckCheck, memory: DatabaseZap, mt: Bot }

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

  const count = ws.checked.size || ws.total
  // A bulk action names how many units it touches and asks once, in the app's own dialog.
  const bulk = async (action: BulkAction, fn: () => Promise<string>) => {
    const scope = ws.checked.size ? 'checked' : 'filtered'
    const ok = await confirm({
      title: t(`ui:translate.bulk.${action}.${scope}`, { count }),
      body: `${t(`ui:translate.bulk.${action}.what`)} ${t(`ui:translate.bulk.scope.${scope}`, { count })}`,
      confirmLabel: t(`ui:translate.bulk.${action}.verb`),
      icon: BULK_ICON[action]
    })
    if (!ok) return
    try {
      toast(await fn(), 'success')
      await ws.reload(true)
      await ws.refreshDetail()
    } catch (err) {
      toast(trError(err, t), 'err')
    }
  }
  const setStatus = (status: 'translated' | 'reviewed' | 'approved') => async () =>
    t('translate:bulk.done', { count: (await api.translation.setStatus({ selection: ws.bulkSelection(), status })).changed })
  const filtered = !!(ws.filters.query || ws.filters.locales.length || ws.filters.fields.length || ws.filters.categoryId || ws.filters.qa || ws.filters.stale || ws.filters.statuses.length)
  const clearFilters = () => {
    setQuery('')
    ws.setFilters({ query: '', locales: [], fields: [], categoryId: '', qa: '', stale: false, statuses: [] })
  }
  const cats = flattenCategories(categories, i18n.language)
  const toggleStatus = (st: UnitStatus) => ws.setFilters({ statuses: ws.filters.statuses.includes(st) ? ws.filters.statuses.filter((x) => x !== st) : [...ws.filters.statuses, st] })

  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <div className="toolbar">
        <SearchInput value={query} onChange={setQuery} placeholder={t('translate:filters.search')} aria-label={t('translate:filters.search')} />
        <Select inline aria-label={t('translate:filters.locale')} value={ws.filters.locales[0] ?? ''} onChange={(v) => ws.setFilters({ locales: v ? [v] : [] })}
          options={[{ value: '', label: t('translate:filters.allLocales') }, ...targets.map((l) => ({ value: l, label: languageOf(l) }))]} />
        <Select<TextField | ''> inline aria-label={t('translate:filters.field')} value={ws.filters.fields[0] ?? ''} onChange={(v) => ws.setFilters({ fields: v ? [v] : [] })}
          options={[{ value: '', label: t('translate:filters.allFields') }, ...TEXT_FIELDS.map((f) => ({ value: f, label: t(`translate:field.${f}`) }))]} />
        <Combobox aria-label={t('translate:filters.category')} value={ws.filters.categoryId} onChange={(v) => ws.setFilters({ categoryId: v })}
          options={[{ value: '', label: t('translate:filters.allCategories') }, ...cats.map((c) => ({ value: c.id, label: c.label, depth: c.depth }))]} />
        <Select<'' | 'errors' | 'any'> inline aria-label={t('translate:filters.qa')} value={ws.filters.qa} onChange={(v) => ws.setFilters({ qa: v })}
          options={[{ value: '', label: t('translate:filters.qaAll') }, { value: 'errors', label: t('translate:filters.qaErrors') }, { value: 'any', label: t('translate:filters.qaAny') }]} />
        <label className="check small"><input type="checkbox" checked={ws.filters.stale} onChange={(e) => ws.setFilters({ stale: e.target.checked })} data-testid="filter-stale" />{t('translate:filters.stale')}</label>
      </div>
      <div className="toolbar" role="group" aria-label={t('translate:filters.status')}>
        {UNIT_STATUSES.map((st) => (
          <label key={st} className="check small status-filter">
            <input type="checkbox" checked={ws.filters.statuses.includes(st)} onChange={() => toggleStatus(st)} />
            <span className={`status-${st}`}>{t(`translate:status.${st}`)}</span>
          </label>
        ))}
        {filtered && <Button size="sm" variant="ghost" icon={FilterX} onClick={clearFilters}>{t('ui:list.clearFilters')}</Button>}
        <span className="muted tabular" data-testid="unit-total">{t('translate:list.count', { count: ws.total })}</span>
        <span className="spacer" />
      <div className="tr-bulk" data-testid="bulk">
        <span className="muted">{ws.checked.size ? t('translate:bulk.checked', { count: ws.checked.size }) : t('translate:bulk.filtered', { count: ws.total })}</span>
        <Button size="sm" icon={Check} disabled={!count} onClick={() => void bulk('confirm', setStatus('translated'))} testId="bulk-confirm">{t('translate:bulk.confirm')}</Button>
        <Button size="sm" icon={Eye} disabled={!count} onClick={() => void bulk('review', setStatus('reviewed'))} testId="bulk-review">{t('translate:bulk.review')}</Button>
        <Button size="sm" icon={CheckCheck} disabled={!count} onClick={() => void bulk('approve', setStatus('approved'))} testId="bulk-approve">{t('translate:bulk.approve')}</Button>
        <Button size="sm" icon={DatabaseZap} disabled={!count} testId="bulk-memory"
          onClick={() => void bulk('memory', async () => t('translate:bulk.pretranslated', { count: (await api.translation.pretranslate({ selection: ws.bulkSelection() })).filled }))}>
          {t('translate:bulk.pretranslate')}
        </Button>
        <span className="bulk-mt">
          <Select<typeof provider> inline size="sm" aria-label={t('translate:bulk.provider')} value={provider} onChange={setProvider}
            options={[{ value: 'deepl', label: 'DeepL' }, { value: 'libretranslate', label: 'LibreTranslate' }, { value: 'alibaba', label: 'Alibaba Cloud' }]} />
          <Button size="sm" icon={Bot} disabled={!count} testId="bulk-mt" onClick={() => void bulk('mt', async () => {
            const r = await api.translation.machineTranslate({ selection: { ...ws.bulkSelection(), statuses: ws.checked.size ? undefined : ['new', 'machine'] }, provider })
            useApp.getState().setJobsOpen(true)
            return t('translate:bulk.mtQueued', { count: r.units })
          })}>{t('translate:bulk.mt')}</Button>
        </span>
      </div>
      </div>
      <div className="tr-layout">
        <div className="tr-list" data-testid="unit-list">
          <div className="tr-row" style={{ cursor: 'default', fontSize: 12 }}>
            <input type="checkbox" aria-label={t('translate:list.checkAll')} checked={ws.items.length > 0 && ws.checked.size === ws.items.length} onChange={() => ws.toggleAll()} />
            <span className="muted">{t('translate:list.unit')}</span>
            <span />
          </div>
          {ws.items.map((u, i) => (
            <div key={keyOf(u)} className={`tr-row${i === ws.current ? ' current' : ''}`} onClick={() => void ws.open(i)} data-testid="unit-row" aria-current={i === ws.current || undefined}
              tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && e.target === e.currentTarget && void ws.open(i)}>
              <input type="checkbox" checked={ws.checked.has(keyOf(u))} onClick={(e) => e.stopPropagation()} onChange={() => ws.toggle(keyOf(u))} aria-label={t('ui:translate.checkUnit', { sku: u.sku, field: t(`translate:field.${u.field}`), locale: languageOf(u.locale) })} />
              <div style={{ minWidth: 0 }}>
                <div className="meta"><b>{u.sku}</b><span>{t(`translate:field.${u.field}`)}</span><span>{u.locale}</span></div>
                <div className="src">{plain(u.source)}</div>
                <div className="tgt">{plain(u.target) || '—'}</div>
              </div>
              <div className="meta" style={{ flexDirection: 'column', alignItems: 'flex-end' }}>
                <span className={`status-${u.status}`}>{t(`translate:status.${u.status}`)}</span>
                {u.stale && <Badge tone="warning">{t('translate:stale')}</Badge>}
                {u.qaErrors > 0 && <Badge tone="danger" title={t('translate:editor.qa')}>{t('ui:translate.qaErrors', { count: u.qaErrors })}</Badge>}
                {u.qaErrors === 0 && u.qaWarnings > 0 && <Badge title={t('translate:editor.qa')}>{t('ui:translate.qaWarnings', { count: u.qaWarnings })}</Badge>}
              </div>
            </div>
          ))}
          {ws.items.length < ws.total && <Button variant="link" style={{ margin: 'var(--space-3)' }} onClick={() => void ws.loadMore()}>{t('translate:list.more')}</Button>}
          {!ws.loading && ws.items.length === 0 && (filtered
            ? <EmptyState compact icon={SearchX} title={t('translate:list.empty')} actions={<Button icon={FilterX} onClick={clearFilters}>{t('ui:list.clearFilters')}</Button>} />
            : <EmptyState compact icon={Languages} title={t('ui:empty.translateTitle')} body={t('ui:empty.translateBody')} />)}
        </div>
        <UnitEditor />
      </div>
    </div>
  )
}
