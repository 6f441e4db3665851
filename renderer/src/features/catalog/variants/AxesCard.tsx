// The axes a parent's variants differ by (up to 3) and the values of each: values in use come from
// the variants; values typed here wait until a combination with them is created.
import { Rows3 } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import type { Product } from '../../../../../shared/domain/product.ts'
import { axisValueKey } from '../../../../../shared/domain/variants.ts'
import { Card } from '../../../ui/Card.tsx'
import { ChipsInput, Field } from '../../../ui/components.tsx'
import { toast } from '../../../ui/toasts.ts'
import { useEditor } from '../editor-context.tsx'

/** The values of an axis: those its variants use, then those typed and not yet used. */
export function axisValues(axis: string, variants: Product[], pending: Record<string, string[]>): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (const v of [...variants.map((x) => x.axes[axis]), ...(pending[axis] ?? [])]) {
    if (!v || seen.has(axisValueKey(v))) continue
    seen.add(axisValueKey(v))
    out.push(v)
  }
  return out
}

export function AxesCard(props: { variants: Product[]; pending: Record<string, string[]>; setPending(p: Record<string, string[]>): void; label(axis: string): string; code(typed: string): string }) {
  const { t } = useTranslation()
  const { product, save, errors, readOnly } = useEditor()
  const used = (axis: string) => new Set(props.variants.map((v) => v.axes[axis]).filter(Boolean).map((v) => axisValueKey(v!)))
  const changeValues = (axis: string, next: string[]) => {
    const inUse = used(axis)
    const removed = axisValues(axis, props.variants, props.pending).filter((v) => !next.some((n) => axisValueKey(n) === axisValueKey(v)))
    const blocked = removed.filter((v) => inUse.has(axisValueKey(v)))
    if (blocked.length) toast(t('catalog:variantsTab.axes.inUse', { value: blocked[0], count: props.variants.filter((v) => axisValueKey(v.axes[axis] ?? '') === axisValueKey(blocked[0])).length }), 'err')
    props.setPending({ ...props.pending, [axis]: next.filter((v) => !inUse.has(axisValueKey(v))) })
  }
  return (
    <Card title={t('catalog:variantsTab.axes.title')} icon={Rows3} testId="variant-axes">
      <Field label={t('catalog:variants.axes')} error={errors.variantAxes} hint={t('catalog:variants.axesHint')}>
        {(id) => <ChipsInput id={id} value={product.variantAxes} max={3} readOnly={readOnly} label={props.label}
          onChange={(v) => void save('variantAxes', [...new Set(v.map((x) => props.code(x)).filter(Boolean))])} />}
      </Field>
      {product.variantAxes.map((axis) => (
        <Field key={axis} label={t('catalog:variantsTab.axes.values', { axis: props.label(axis) })} hint={t('catalog:variantsTab.axes.valuesHint')}>
          {(id) => <ChipsInput id={id} commaAdds={false} value={axisValues(axis, props.variants, props.pending)} readOnly={readOnly} onChange={(next) => changeValues(axis, next)} />}
        </Field>
      ))}
    </Card>
  )
}
