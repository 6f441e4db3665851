// What an empty screen says: what is missing and what to do next, with the action at hand.
//   <EmptyState icon={PackageOpen} title="Il catalogo è vuoto" body="Importa un listino…"
//     actions={<Button variant="primary" icon={FileUp} onClick={…}>Importa un listino</Button>} />
import type { ReactNode } from 'react'
import { Icon, type LucideIcon } from './Icon.tsx'

export function EmptyState(props: { icon: LucideIcon; title: ReactNode; body?: ReactNode; actions?: ReactNode; compact?: boolean; testId?: string }) {
  return (
    <div className={`empty-state${props.compact ? ' compact' : ''}`} data-testid={props.testId ?? 'empty-state'}>
      <span className="empty-icon"><Icon icon={props.icon} size={props.compact ? 'lg' : 'xl'} /></span>
      <h3>{props.title}</h3>
      {props.body && <p>{props.body}</p>}
      {props.actions && <div className="empty-actions">{props.actions}</div>}
    </div>
  )
}
