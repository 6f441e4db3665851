// Readiness and pavilion problems in the user's language, each with a link to the field to fix.
import type { TFunction } from 'i18next'
import i18n from 'i18next'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReadinessProblem } from '../../../../shared/domain/publish.ts'
import { problemText as sharedProblemText } from '../../../../shared/messages/publish.ts'
import { navigate } from '../../app/router.ts'
import { localized, useCatalog } from '../catalog/store.ts'
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

/** A problem as a sentence, with variant axes named as their family names them ("Colore"). */
export function problemText(p: Pick<ReadinessProblem, 'code' | 'params'>, t: TFunction): string {
  return sharedProblemText(p, t, axisName)
}

/** Families loaded (and a re-render when they arrive), for the names of variant axes. */
export function useFamilies(): void {
  const families = useCatalog((s) => s.families)
  useEffect(() => {
    if (families.length === 0) void useCatalog.getState().loadStructure().catch(() => {})
  }, [families.length])
}

function axisName(code: string): string | undefined {
  for (const f of useCatalog.getState().families) {
    const def = f.attributes.find((a) => a.code === code)
    if (def) return localized(def.label, i18n.language) || undefined
  }
  return undefined
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
