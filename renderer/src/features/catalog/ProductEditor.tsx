// One product: a header with save state, undo and delete, and tabs for every part of a B2B
// listing. The header and the tabs stay in view while the form scrolls.
import { ArrowLeft, CircleAlert, CircleCheck, LoaderCircle, Trash2, Undo2 } from 'lucide-react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { useApp } from '../../app/store.ts'
import { navigate } from '../../app/router.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { Notice } from '../../ui/Card.tsx'
import { confirm } from '../../ui/confirm.tsx'
import { TabList, TabPanel, TabsRoot } from '../../ui/Tabs.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { EditorProvider, useEditor } from './editor-context.tsx'
import { useCatalog } from './store.ts'
import { AttributesTab } from './tabs/AttributesTab.tsx'
import { GeneralTab } from './tabs/GeneralTab.tsx'
import { HistoryTab } from './tabs/HistoryTab.tsx'
import { LogisticsTab } from './tabs/LogisticsTab.tsx'
import { TradeTab } from './tabs/TradeTab.tsx'
import { VariantsTab } from './tabs/VariantsTab.tsx'
import { ProductPhotosTab } from '../photos/ProductPhotosTab.tsx'
import { EditorPublishState } from './bulk/RowCells.tsx'

const TABS = ['general', 'trade', 'logistics', 'attributes', 'photos', 'variants', 'history'] as const
type TabId = (typeof TABS)[number]

export function ProductEditor(props: { id: string; tab?: string }) {
  const { t } = useTranslation()
  const role = useApp((s) => s.role)
  const tab: TabId = (TABS as readonly string[]).includes(props.tab ?? '') ? (props.tab as TabId) : 'general'
  // Categories and families for the selects, also when the editor is opened by a link.
  useEffect(() => {
    void useCatalog.getState().loadStructure()
  }, [])
  return (
    <EditorProvider id={props.id} readOnly={role !== 'owner'}>
      {(product, error) =>
        error ? (
          <div className="page">
            <Notice tone="danger" role="alert">{errorText(error, t)}</Notice>
            <Button icon={ArrowLeft} onClick={() => navigate('catalog')}>{t('common:back')}</Button>
          </div>
        ) : !product ? (
          <div className="page muted">{t('common:loading')}</div>
        ) : (
          <EditorBody tab={tab} />
        )
      }
    </EditorProvider>
  )
}

function SaveState() {
  const { t } = useTranslation()
  const { saveState } = useEditor()
  if (saveState === 'idle') return <span data-testid="save-state" aria-live="polite" hidden />
  const tone = saveState === 'error' ? 'danger' : saveState === 'saved' ? 'success' : 'neutral'
  const icon = saveState === 'error' ? CircleAlert : saveState === 'saved' ? CircleCheck : LoaderCircle
  return (
    <span aria-live="polite">
      <Badge tone={tone} icon={icon} testId="save-state">{t(`catalog:editor.save.${saveState}`)}</Badge>
    </span>
  )
}

function EditorBody(props: { tab: TabId }) {
  const { t } = useTranslation()
  const { product, undo, readOnly } = useEditor()
  const title = product.texts.it?.title ?? Object.values(product.texts).find((x) => x.title)?.title ?? ''
  const remove = async () => {
    const ok = await confirm({
      title: t('ui:editor.deleteTitle', { sku: product.sku }),
      body: product.variantCount > 0 ? t('ui:editor.deleteBodyVariants', { count: product.variantCount }) : t('ui:editor.deleteBody'),
      confirmLabel: t('common:delete'),
      danger: true
    })
    if (!ok) return
    try {
      await api.catalog.deleteProduct({ id: product.id })
      toast(t('ui:editor.deleted', { sku: product.sku }), 'success')
      navigate('catalog')
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }
  const tabs = TABS.map((id) => ({ id, label: id === 'photos' ? t('photos:tab') : t(`catalog:tabs.${id}`) }))
  return (
    <div className="page" data-testid="product-editor">
      <TabsRoot active={props.tab} onChange={(id) => navigate('catalog', product.id, id)}>
        <div className="editor-head" data-testid="editor-head">
          <div className="page-header">
            <Button variant="ghost" size="sm" icon={ArrowLeft} onClick={() => navigate('catalog', ...(product.parentId ? [product.parentId, 'variants'] : []))}>{t('common:back')}</Button>
            <h1 data-testid="editor-title" title={`${product.sku} ${title}`}>
              <span className="sku">{product.sku}</span>{title}
            </h1>
            <div className="editor-actions">
              <EditorPublishState productId={product.id} />
              <SaveState />
              {!readOnly && (
                <>
                  <Button icon={Undo2} onClick={() => void undo()} title={t('catalog:editor.undoHint')} testId="editor-undo">{t('catalog:editor.undo')}</Button>
                  <Button variant="ghost" tone="danger" icon={Trash2} onClick={() => void remove()} testId="editor-delete">{t('common:delete')}</Button>
                </>
              )}
            </div>
          </div>
          <TabList tabs={tabs} aria-label={t('ui:editor.sections')} />
        </div>
        <TabPanel value={props.tab}>
          {props.tab === 'general' && <GeneralTab />}
          {props.tab === 'trade' && <TradeTab />}
          {props.tab === 'logistics' && <LogisticsTab />}
          {props.tab === 'attributes' && <AttributesTab />}
          {props.tab === 'photos' && <ProductPhotosTab productId={product.id} readOnly={readOnly} />}
          {props.tab === 'variants' && <VariantsTab />}
          {props.tab === 'history' && <HistoryTab />}
        </TabPanel>
      </TabsRoot>
    </div>
  )
}
