// Readiness at a glance: one stacked bar (ready / need fixing / not fully checked) and the most
// frequent problems as horizontal bars.
import { useTranslation } from 'react-i18next'
import type { Summary } from './store.ts'
import { problemShortText } from '../../../../shared/messages/publish.ts'

export function ReadinessChart(props: { summary: Summary }) {
  const { t } = useTranslation()
  const { ready, blocked, pending } = props.summary
  const total = ready + blocked
  const pct = (n: number) => (total ? (100 * n) / total : 0)
  const readyChecked = Math.max(0, ready - pending)
  const top = Object.entries(props.summary.byProblem).sort((a, b) => b[1] - a[1]).slice(0, 8)
  const max = top[0]?.[1] ?? 1
  return (
    <div data-testid="readiness-chart">
      <div className="row" style={{ gap: 16, marginBottom: 6, flexWrap: 'wrap' }}>
        <span><span className="dot" style={{ color: 'var(--accent)' }} /> {t('publish:readiness.readyCount', { count: readyChecked })}</span>
        <span><span className="dot" style={{ color: 'var(--warn)' }} /> {t('publish:readiness.pendingCount', { count: pending })}</span>
        <span><span className="dot" style={{ color: 'var(--danger)' }} /> {t('publish:readiness.blockedCount', { count: blocked })}</span>
      </div>
      <svg role="img" aria-label={t('publish:readiness.chartLabel', { ready, blocked })} width="100%" height="18" viewBox="0 0 100 4" preserveAspectRatio="none">
        <rect x="0" y="0" width={pct(readyChecked)} height="4" fill="var(--accent)" />
        <rect x={pct(readyChecked)} y="0" width={pct(Math.min(pending, ready))} height="4" fill="var(--warn)" />
        <rect x={pct(ready)} y="0" width={pct(blocked)} height="4" fill="var(--danger)" />
        {total === 0 && <rect x="0" y="0" width="100" height="4" fill="var(--line)" />}
      </svg>
      {top.length > 0 && (
        <div style={{ marginTop: 12, display: 'grid', gridTemplateColumns: 'minmax(160px, 40%) 1fr auto', gap: '4px 10px', alignItems: 'center', fontSize: 13 }}>
          {top.map(([code, n]) => (
            <div key={code} style={{ display: 'contents' }}>
              <span>{problemShortText(code, t)}</span>
              <div style={{ background: 'var(--bg)', height: 10, borderRadius: 3 }}>
                <div style={{ width: `${(100 * n) / max}%`, height: '100%', background: 'var(--danger)', opacity: 0.7, borderRadius: 3 }} />
              </div>
              <span className="muted">{n}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  )
}
