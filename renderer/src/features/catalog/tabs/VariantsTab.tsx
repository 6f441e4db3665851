// Variants: the axes a parent's variants differ by (colour, size, capacity…) and its child SKUs.
import { Layers, Plus } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProductSummary } from '../../../../../shared/domain/product.ts'
import { api } from '../../../api/client.ts'
import { useEvent } from '../../../api/events.ts'
import { navigate } from '../../../app/router.ts'
import { Button } from '../../../ui/Button.tsx'
import { ChipsInput, Field } from '../../../ui/components.tsx'
import { EmptyState } from '../../../ui/EmptyState.tsx'
import { useEditor } from '../editor-context.tsx'
import { NewProductDialog } from '../NewProductDialog.tsx'

export function VariantsTab() {
  const { t } = useTranslation()
  const { product, save, errors, readOnly } = useEditor()
  const [variants, setVariants] = useState<ProductSummary[]>([])
  const [adding, setAdding] = useState(false)
  const load = () => void api.catalog.listProducts({ parent: product.id, sort: 'sku', direction: 'asc', limit: 500 }).then((r) => setVariants(r.items))
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [product.id, product.variantCount])
  useEvent('data.changed', (e) => e.entity === 'product' && load())

  if (product.parentId) {
    return (
      <div className="card">
        <p>{t('catalog:variants.isVariant')}</p>
        <Button icon={Layers} onClick={() => navigate('catalog', product.parentId!, 'variants')}>{t('catalog:variants.openParent')}</Button>
        <h2 style={{ marginTop: 16 }}>{t('catalog:variants.axisValues')}</h2>
        <table className="table"><tbody>
          {Object.entries(product.axes).map(([k, v]) => <tr key={k}><th>{k}</th><td>{v}</td></tr>)}
        </tbody></table>
      </div>
    )
  }
  return (
    <>
      <div className="card">
        <Field label={t('catalog:variants.axes')} error={errors.variantAxes} hint={t('catalog:variants.axesHint')}>
          {(id) => <ChipsInput id={id} value={product.variantAxes} max={3} onChange={(v) => void save('variantAxes', v.map((x) => x.toLowerCase().replace(/[^a-z0-9_]/g, '_')))} />}
        </Field>
      </div>
      <div className="card">
        <div className="row" style={{ marginBottom: 10 }}>
          <h2 style={{ margin: 0 }}>{t('catalog:variants.title', { count: variants.length })}</h2>
          <span className="spacer" />
          {!readOnly && (
            <Button variant="primary" icon={Plus} disabled={product.variantAxes.length === 0} onClick={() => setAdding(true)} title={product.variantAxes.length === 0 ? t('catalog:variants.needAxes') : ''}>
              {t('catalog:variants.new')}
            </Button>
          )}
        </div>
        {variants.length === 0 ? (
          <EmptyState compact icon={Layers} title={t('catalog:variants.none')} body={product.variantAxes.length === 0 ? t('catalog:variants.needAxes') : undefined} />
        ) : (
          <table className="table">
            <thead><tr><th>{t('catalog:fields.sku')}</th>{product.variantAxes.map((a) => <th key={a}>{a}</th>)}<th>{t('catalog:fields.status')}</th></tr></thead>
            <tbody>
              {variants.map((v) => (
                <tr key={v.id} className="clickable" tabIndex={0} onClick={() => navigate('catalog', v.id)} onKeyDown={(e) => e.key === 'Enter' && navigate('catalog', v.id)}>
                  <td className="tabular"><strong>{v.sku}</strong></td>
                  {product.variantAxes.map((a) => <td key={a}>{v.axes[a] ?? ''}</td>)}
                  <td>{t(`catalog:status.${v.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {adding && <NewProductDialog onClose={() => setAdding(false)} parent={{ id: product.id, familyId: product.familyId, axes: product.variantAxes }} />}
    </>
  )
}
