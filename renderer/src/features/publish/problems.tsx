// Readiness and pavilion problems in the user's language, each with a link to the field to fix.
import { useTranslation } from 'react-i18next'
import type { ReadinessProblem } from '../../../../shared/domain/publish.ts'
import { navigate } from '../../app/router.ts'
import { problemText } from '../../../../shared/messages/publish.ts'

/** The product editor's tab that holds a field path ("trade.moq" → trade). */
export function editorTab(field: string): string {
  if (field.startsWith('trade.')) return 'trade'
  if (field.startsWith('attributes')) return 'attributes'
  if (field.startsWith('origin.') || field.startsWith('logistics.')) return 'logistics'
  if (field === 'parentId') return 'variants'
  return 'general'
}

export { problemText } from '../../../../shared/messages/publish.ts'

export function ProblemList(props: { productId: string; problems: ReadinessProblem[] }) {
  const { t } = useTranslation()
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {props.problems.map((p, i) => (
        <li key={i} className={p.severity === 'error' ? '' : 'muted'}>
          <span className={`badge ${p.severity === 'error' ? 'err' : p.severity === 'warning' ? 'warn' : ''}`} style={{ marginRight: 6 }}>
            {t(`publish:severity.${p.severity}`)}
          </span>
          {problemText(p, t)}{' '}
          <button className="btn link" onClick={() => navigate('catalog', props.productId, editorTab(p.field))} data-testid="fix-link">
            {t('publish:fix')}
          </button>
        </li>
      ))}
    </ul>
  )
}
