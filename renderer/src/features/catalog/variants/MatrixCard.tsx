// The variant matrix: every combination of the axes' values, the variants that exist (SKU, price,
// stock, status) and the ones still missing, which one click creates. Price and stock are typed in
// the cells, or set on the checked rows at once (one step, undoable).
import { Grid3x3, Plus } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDecimal, parseDecimal } from '../../../../../shared/domain/numbers.ts'
import type { Product } from '../../../../../shared/domain/product.ts'
import { combinationKey, missingCombinations } from '../../../../../shared/domain/variants.ts'
import { api } from '../../../api/client.ts'
import { navigate } from '../../../app/router.ts'
import { Badge } from '../../../ui/Badge.tsx'
import { Button } from '../../../ui/Button.tsx'
import { Card } from '../../../ui/Card.tsx'
import { confirm } from '../../../ui/confirm.tsx'
import { EmptyState } from '../../../ui/EmptyState.tsx'
import { errorText } from '../../../ui/errors.ts'
import { toast, toastUndo } from '../../../ui/toasts.ts'
import { useEditor } from '../editor-context.tsx'
import { axisValues } from './AxesCard.tsx'

type Cell = { id: string; price?: number | null; stock?: number | null }

/** A number typed in a cell, saved when the field is left; an empty cell clears the value. */
function NumberCell(props: { value: number | undefined; placeholder?: string; integer?: boolean; label: string; disabled: boolean; onCommit(v: number | null): void; testId: string }) {
  const { t, i18n } = useTranslation()
  const shown = formatDecimal(props.value, i18n.language)
  const [draft, setDraft] = useState<string | null>(null)
  const [bad, setBad] = useState(false)
  const commit = () => {
    if (draft === null) return
    const text = draft.trim()
    setDraft(null)
    if (text === shown) return
    if (text === '') return props.onCommit(null)
    const n = parseDecimal(text, i18n.language)
    if (n === null || (props.integer && !Number.isInteger(n)) || n < 0) {
      setBad(true)
      toast(props.integer ? t('catalog:editor.notWholeNumber') : t('catalog:editor.notNumber'), 'err')
      return
    }
    setBad(false)
    props.onCommit(n)
  }
  return (
    <input className={`input num${bad ? ' invalid' : ''}`} inputMode="decimal" aria-label={props.label} data-testid={props.testId} disabled={props.disabled}
      value={draft ?? shown} placeholder={props.placeholder} onChange={(e) => setDraft(e.target.value)} onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()} style={{ width: '7.5em' }} />
  )
}

export function MatrixCard(props: { variants: Product[]; pending: Record<string, string[]>; label(axis: string): string; onCreated(): void }) {
  const { t, i18n } = useTranslation()
  const { product, readOnly } = useEditor()
  const axes = product.variantAxes
  const [checked, setChecked] = useState<Set<string>>(new Set())
  const [bulkPrice, setBulkPrice] = useState('')
  const [bulkStock, setBulkStock] = useState('')
  const [busy, setBusy] = useState(false)
  const values = Object.fromEntries(axes.map((a) => [a, axisValues(a, props.variants, props.pending)]))
  const missing = missingCombinations(axes, values, props.variants)
  const parentPrice = product.trade.ladder?.[0]?.price
  const money = (n: number | undefined) => (n === undefined ? '' : formatDecimal(n, i18n.language))

  const setCells = async (cells: Cell[], undoable: boolean) => {
    try {
      const r = await api.catalog.setVariantCells({ parentId: product.id, cells })
      if (undoable && r.batchId) {
        const batchId = r.batchId
        toastUndo(t('catalog:variantsTab.matrix.changed', { count: r.changed }), t('ui:toast.undo'), () => void api.catalog.undoBulk({ batchId }).catch((err) => toast(errorText(err, t), 'err')))
      }
    } catch (err) {
      toast(errorText(err, t), 'err')
    }
  }

  const createMissing = async () => {
    if (missing.length > 1) {
      const ok = await confirm({
        title: t('catalog:variantsTab.matrix.createAsk', { count: missing.length }),
        body: t('catalog:variantsTab.matrix.createBody', { sku: product.sku }),
        confirmLabel: t('catalog:variantsTab.matrix.create', { count: missing.length })
      })
      if (!ok) return
    }
    setBusy(true)
    try {
      const { created } = await api.catalog.generateVariants({ parentId: product.id, combinations: missing })
      toast(t('catalog:variantsTab.matrix.created', { count: created.length }), 'success')
      props.onCreated()
    } catch (err) {
      toast(errorText(err, t), 'err')
    } finally {
      setBusy(false)
    }
  }

  const applyBulk = (kind: 'price' | 'stock' | 'inherit') => {
    const ids = [...checked]
    if (kind === 'inherit') return void setCells(ids.map((id) => ({ id, price: null })), true)
    const text = kind === 'price' ? bulkPrice : bulkStock
    const n = parseDecimal(text, i18n.language)
    if (n === null || n < 0 || (kind === 'stock' && !Number.isInteger(n))) return toast(kind === 'stock' ? t('catalog:editor.notWholeNumber') : t('catalog:editor.notNumber'), 'err')
    void setCells(ids.map((id) => (kind === 'price' ? { id, price: n } : { id, stock: n })), true)
  }

  const toggle = (id: string) => setChecked((c) => {
    const next = new Set(c)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    return next
  })
  const allChecked = props.variants.length > 0 && props.variants.every((v) => checked.has(v.id))

  if (axes.length === 0) {
    return <Card title={t('catalog:variantsTab.matrix.title')} icon={Grid3x3}><EmptyState compact icon={Grid3x3} title={t('catalog:variants.needAxes')} body={t('catalog:variantsTab.matrix.needAxesBody')} /></Card>
  }
  const rows: Array<{ combo: Record<string, string>; v?: Product }> = [
    ...props.variants.map((v) => ({ combo: v.axes, v })),
    ...missing.map((combo) => ({ combo }))
  ]
  const order = (r: { combo: Record<string, string> }) => axes.map((a) => values[a].findIndex((x) => combinationKey({ [a]: x }, [a]) === combinationKey({ [a]: r.combo[a] ?? '' }, [a])))
  rows.sort((a, b) => {
    const x = order(a)
    const y = order(b)
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i]
    return 0
  })
  return (
    <Card title={t('catalog:variantsTab.matrix.title')} icon={Grid3x3} testId="variant-matrix"
      subtitle={t('catalog:variantsTab.matrix.summary', { count: props.variants.length, missing: missing.length })}
      actions={!readOnly && (
        <Button variant="primary" icon={Plus} disabled={missing.length === 0} busy={busy} onClick={() => void createMissing()} data-testid="create-missing">
          {t('catalog:variantsTab.matrix.create', { count: missing.length })}
        </Button>
      )}>
      {!readOnly && checked.size > 0 && (
        <div className="toolbar" data-testid="variant-bulk">
          <strong>{t('catalog:variantsTab.matrix.checked', { count: checked.size })}</strong>
          <input className="input num" inputMode="decimal" aria-label={t('catalog:variantsTab.matrix.bulkPrice')} placeholder={t('catalog:variantsTab.matrix.price')}
            value={bulkPrice} onChange={(e) => setBulkPrice(e.target.value)} style={{ width: '8em' }} data-testid="bulk-price" />
          <Button size="sm" onClick={() => applyBulk('price')} data-testid="bulk-price-apply">{t('catalog:variantsTab.matrix.setPrice')}</Button>
          <input className="input num" inputMode="numeric" aria-label={t('catalog:variantsTab.matrix.bulkStock')} placeholder={t('catalog:variantsTab.matrix.stock')}
            value={bulkStock} onChange={(e) => setBulkStock(e.target.value)} style={{ width: '7em' }} data-testid="bulk-stock" />
          <Button size="sm" onClick={() => applyBulk('stock')} data-testid="bulk-stock-apply">{t('catalog:variantsTab.matrix.setStock')}</Button>
          <Button size="sm" variant="ghost" onClick={() => applyBulk('inherit')}>{t('catalog:variantsTab.matrix.inheritPrice')}</Button>
        </div>
      )}
      <div className="table-wrap">
        <table className="table" data-testid="variant-matrix-table">
          <thead>
            <tr>
              <th style={{ width: 32 }}>
                <input type="checkbox" aria-label={t('catalog:variantsTab.matrix.checkAll')} checked={allChecked} disabled={readOnly || props.variants.length === 0}
                  onChange={() => setChecked(allChecked ? new Set() : new Set(props.variants.map((v) => v.id)))} />
              </th>
              {axes.map((a) => <th key={a}>{props.label(a)}</th>)}
              <th>{t('catalog:fields.sku')}</th>
              <th className="num">{t('catalog:variantsTab.matrix.price')}</th>
              <th className="num">{t('catalog:variantsTab.matrix.stock')}</th>
              <th>{t('catalog:fields.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ combo, v }) => (
              <tr key={v?.id ?? JSON.stringify(combo)} className={v ? '' : 'muted'} data-testid={v ? 'variant-row' : 'missing-row'}>
                <td>{v && <input type="checkbox" aria-label={t('catalog:variantsTab.matrix.check', { sku: v.sku })} checked={checked.has(v.id)} disabled={readOnly} onChange={() => toggle(v.id)} />}</td>
                {axes.map((a) => <td key={a}>{combo[a] ?? '—'}</td>)}
                <td>
                  {v ? <Button variant="link" size="sm" onClick={() => navigate('catalog', v.id)}>{v.sku}</Button> : <span>{t('catalog:variantsTab.matrix.missing')}</span>}
                </td>
                <td className="num">
                  {v && <NumberCell value={v.trade.ladder?.[0]?.price} placeholder={money(parentPrice)} label={t('catalog:variantsTab.matrix.priceOf', { sku: v.sku })}
                    disabled={readOnly} onCommit={(n) => void setCells([{ id: v.id, price: n }], false)} testId={`price-${v.sku}`} />}
                </td>
                <td className="num">
                  {v && <NumberCell integer value={v.trade.stock} label={t('catalog:variantsTab.matrix.stockOf', { sku: v.sku })}
                    disabled={readOnly} onCommit={(n) => void setCells([{ id: v.id, stock: n }], false)} testId={`stock-${v.sku}`} />}
                </td>
                <td>{v ? <Badge tone={v.status === 'ready' ? 'success' : v.status === 'archived' ? 'neutral' : 'warning'}>{t(`catalog:status.${v.status}`)}</Badge> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {parentPrice !== undefined && <p className="muted small">{t('catalog:variantsTab.matrix.inheritHint', { price: money(parentPrice), currency: product.trade.currency ?? '' })}</p>}
    </Card>
  )
}
