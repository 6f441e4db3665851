// Readiness and pavilion problems in the user's language, each with a link to the field to fix.
import type { TFunction } from 'i18next'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { WARNING_CODES, type PhotoWarning } from '../../../../shared/domain/photo-quality.ts'
import type { ReadinessProblem } from '../../../../shared/domain/publish.ts'
import { navigate } from '../../app/router.ts'
import i18n from 'i18next'
import { localized, useCatalog } from '../catalog/store.ts'
import { warningText } from '../photos/Warnings.tsx'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'

/** The product editor's tab that holds a field path ("trade.moq" → trade). */
export function editorTab(field: string): string {
  if (field.startsWith('trade.')) return 'trade'
  if (field.startsWith('attributes')) return 'attributes'
  if (field.startsWith('origin.') || field.startsWith('logistics.')) return 'logistics'
  if (field === 'parentId' || field === 'variants' || field.startsWith('variantOptions')) return 'variants'
  return 'general'
}

export function problemText(p: ReadinessProblem, t: TFunction): string {
  if (p.code.startsWith('pavilion_') && p.code !== 'pavilion_audit_rejected') return t('publish:problem.pavilion', { message: p.message.replace(/^Alibaba\.com refused the listing: /, ''), code: p.params.pavilionCode ?? p.code })
  // A photo's quality warning in the photos area's own sentence ("the photo is 700×500 px …"), never its code.
  if (p.code === 'image_quality' && typeof p.params.warning === 'string') {
    const { index, warning, ...params } = p.params
    const sentence = (WARNING_CODES as readonly string[]).includes(warning)
      ? warningText({ code: warning as PhotoWarning['code'], params }, t)
      : t(`publish:imageWarning.${warning}`)
    return t('publish:problem.image_quality', { index, warning: sentence })
  }
  // A variant axis is named as its family names it in the UI language ("Colore"), not by its code.
  const axis = typeof p.params.axis === 'string' ? axisName(p.params.axis) : undefined
  const other = typeof p.params.other === 'string' && p.code === 'variant_axis_twice' ? axisName(p.params.other) : p.params.other
  return t([`publish:problem.${p.code}`, `publish:variants.problem.${p.code}`], { ...p.params, ...(axis ? { axis } : {}), other, defaultValue: p.message })
}

/** Families loaded (and a re-render when they arrive), for the names of variant axes. */
export function useFamilies(): void {
  const families = useCatalog((s) => s.families)
  useEffect(() => {
    if (families.length === 0) void useCatalog.getState().loadStructure().catch(() => {})
  }, [families.length])
}

function axisName(code: string): string {
  for (const f of useCatalog.getState().families) {
    const def = f.attributes.find((a) => a.code === code)
    if (def) return localized(def.label, i18n.language) || code
  }
  return code
}

export function ProblemList(props: { productId: string; problems: ReadinessProblem[] }) {
  const { t } = useTranslation()
  useFamilies()
  return (
    <ul className="problem-list">
      {props.problems.map((p, i) => (
        <li key={i} className={p.severity === 'error' ? '' : 'muted'}>
          <Badge tone={p.severity === 'error' ? 'danger' : p.severity === 'warning' ? 'warning' : 'neutral'}>{t(`publish:severity.${p.severity}`)}</Badge>
          <span>{problemText(p, t)}</span>
          <Button variant="link" onClick={() => navigate('catalog', typeof p.params.variantId === 'string' ? p.params.variantId : props.productId, editorTab(p.field))} testId="fix-link">{t('publish:fix')}</Button>
        </li>
      ))}
    </ul>
  )
}
