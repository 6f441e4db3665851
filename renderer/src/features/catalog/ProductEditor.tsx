// One product: header with save state and undo, and tabs for every part of a B2B listing.
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { navigate } from '../../app/router.ts'
import { Tabs } from '../../ui/components.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { EditorProvider, useEditor } from './editor-context.tsx'
import { AttributesTab } from './tabs/AttributesTab.tsx'
import { GeneralTab } from './tabs/GeneralTab.tsx'
import { HistoryTab } from './tabs/HistoryTab.tsx'
import { LogisticsTab } from './tabs/LogisticsTab.tsx'
import { TradeTab } from './tabs/TradeTab.tsx'
import { VariantsTab } from './tabs/VariantsTab.tsx'
import { ProductPhotosTab } from '../photos/ProductPhotosTab.tsx'

const TABS = ['general', 'trade', 'logistics', 'attributes', 'photos', 'variants', 'history'] as const
type TabId = (typeof TABS)[number]

export function ProductEditor(props: { id: string; tab?: string }) {
  const { t } = useTranslation()
  const role = useApp((s) => s.role)
  const tab: TabId = (TABS as readonly string[]).includes(props.tab ?? '') ? (props.tab as TabId) : 'general'
  return (
    <EditorProvider id={props.id} readOnly={role !== 'owner'}>
      {(product, error) =>
        error ? (
          <div className="page"><div className="error" role="alert">{errorText(error, t)}</div><button className="btn" onClick={() => navigate('catalog')}>{t('common:back')}</button></div>
        ) : !product ? (
          <div className="page muted">{t('common:loading')}</div>
        ) : (
          <EditorBody tab={tab} />
        )
      }
    </EditorProvider>
  )
}

function EditorBody(props: { tab: TabId }) {
  const { t } = useTranslation()
  const { product, saveState, undo, readOnly } = useEditor()
  const title = product.texts.it?.title ?? Object.values(product.texts).find((x) => x.title)?.title ?? ''
  const remove = async () => {
    if (!confirm(t('catalog:editor.confirmDelete', { sku: product.sku, count: product.variantCount }))) return
    try {
      await api.catalog.deleteProduct({ id: product.id })
      navigate('catalog')
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }
  return (
    <div className="page">
      <div className="page-header">
        <button className="btn small" onClick={() => navigate('catalog', ...(product.parentId ? [product.parentId, 'variants'] : []))}>← {t('common:back')}</button>
        <h1 data-testid="editor-title">
          <span className="muted" style={{ fontFamily: 'monospace' }}>{product.sku}</span> {title}
        </h1>
        <span className={`badge ${saveState === 'error' ? 'err' : saveState === 'saved' ? 'ok' : ''}`} data-testid="save-state" aria-live="polite" hidden={saveState === 'idle'}>
          {saveState === 'idle' ? '' : t(`catalog:editor.save.${saveState}`)}
        </span>
        {!readOnly && (
          <>
            <button className="btn" onClick={() => void undo()} title={t('catalog:editor.undoHint')}>{t('catalog:editor.undo')}</button>
            <button className="btn danger" onClick={() => void remove()}>{t('common:delete')}</button>
          </>
        )}
      </div>
      <Tabs
        tabs={TABS.map((id) => ({ id, label: id === 'photos' ? t('photos:tab') : t(`catalog:tabs.${id}`) }))}
        active={props.tab}
        onChange={(id) => navigate('catalog', product.id, id)}
      />
      {props.tab === 'general' && <GeneralTab />}
      {props.tab === 'trade' && <TradeTab />}
      {props.tab === 'logistics' && <LogisticsTab />}
      {props.tab === 'attributes' && <AttributesTab />}
      {props.tab === 'photos' && <ProductPhotosTab productId={product.id} readOnly={readOnly} />}
      {props.tab === 'variants' && <VariantsTab />}
      {props.tab === 'history' && <HistoryTab />}
    </div>
  )
}
