// Variants: on a parent, the axes and their values, the matrix of combinations (create the missing
// ones, price and stock per cell or on many at once) and how each value shows on Alibaba.com; on a
// variant, its values and the way back to its parent.
import { ArrowUpLeft } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { navigate } from '../../../app/router.ts'
import { Button } from '../../../ui/Button.tsx'
import { Card } from '../../../ui/Card.tsx'
import { useFamilies } from '../../publish/problems.tsx'
import { useEditor } from '../editor-context.tsx'
import { AxesCard } from '../variants/AxesCard.tsx'
import { MatrixCard } from '../variants/MatrixCard.tsx'
import { PavilionCard } from '../variants/PavilionCard.tsx'
import { useAxisCode, useAxisLabel, useVariants } from '../variants/use-variants.ts'

export function VariantsTab() {
  const { product } = useEditor()
  return product.parentId ? <VariantOfParent /> : <ParentVariants />
}

function VariantOfParent() {
  const { t, i18n } = useTranslation()
  const { product } = useEditor()
  const label = useAxisLabel(product.familyId, i18n.language)
  return (
    <Card title={t('catalog:variants.isVariant')} actions={<Button icon={ArrowUpLeft} onClick={() => navigate('catalog', product.parentId!, 'variants')}>{t('catalog:variants.openParent')}</Button>}>
      <table className="table">
        <caption className="sr-only">{t('catalog:variants.axisValues')}</caption>
        <tbody>{Object.entries(product.axes).map(([k, v]) => <tr key={k}><th>{label(k)}</th><td>{v}</td></tr>)}</tbody>
      </table>
    </Card>
  )
}

function ParentVariants() {
  const { i18n } = useTranslation()
  const { product } = useEditor()
  const { variants, reload } = useVariants(product)
  useFamilies()
  const [pending, setPending] = useState<Record<string, string[]>>({})
  const label = useAxisLabel(product.familyId, i18n.language)
  const code = useAxisCode(product.familyId)
  return (
    <div className="stack" data-testid="variants-tab">
      <AxesCard variants={variants} pending={pending} setPending={setPending} label={label} code={code} />
      <MatrixCard variants={variants} pending={pending} label={label} onCreated={() => { setPending({}); void reload() }} />
      {variants.length > 0 && <PavilionCard variants={variants} label={label} />}
    </div>
  )
}
