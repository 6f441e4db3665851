// Readiness and pavilion problems in the user's language, each with a link to the field to fix.
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { ReadinessProblem } from '../../../../shared/domain/publish.ts'
import { navigate } from '../../app/router.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'

/** The product editor's tab that holds a field path ("trade.moq" → trade). */
export function editorTab(field: string): string {
  if (field.startsWith('trade.')) return 'trade'
  if (field.startsWith('attributes')) return 'attributes'
  if (field.startsWith('origin.') || field.startsWith('logistics.')) return 'logistics'
  if (field === 'parentId') return 'variants'
  return 'general'
}

export function problemText(p: ReadinessProblem, t: TFunction): string {
  if (p.code.startsWith('pavilion_') && p.code !== 'pavilion_audit_rejected') return t('publish:problem.pavilion', { message: p.message.replace(/^Alibaba\.com refused the listing: /, ''), code: p.params.pavilionCode ?? p.code })
  return t(`publish:problem.${p.code}`, { ...p.params, defaultValue: p.message })
}

export function ProblemList(props: { productId: string; problems: ReadinessProblem[] }) {
  const { t } = useTranslation()
  return (
    <ul className="problem-list">
      {props.problems.map((p, i) => (
        <li key={i} className={p.severity === 'error' ? '' : 'muted'}>
          <Badge tone={p.severity === 'error' ? 'danger' : p.severity === 'warning' ? 'warning' : 'neutral'}>{t(`publish:severity.${p.severity}`)}</Badge>
          <span>{problemText(p, t)}</span>
          <Button variant="link" onClick={() => navigate('catalog', props.productId, editorTab(p.field))} testId="fix-link">{t('publish:fix')}</Button>
        </li>
      ))}
    </ul>
  )
}
