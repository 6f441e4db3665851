// A card groups one task on a page (title, optional actions at the right); a notice is a
// coloured sentence inside a page or card (info, success, warning, danger).
import { CircleAlert, CircleCheck, Info, TriangleAlert } from 'lucide-react'
import type { ReactNode } from 'react'
import { Icon, type LucideIcon } from './Icon.tsx'
import type { Tone } from './Badge.tsx'

export function Card(props: { title?: ReactNode; icon?: LucideIcon; subtitle?: ReactNode; actions?: ReactNode; children?: ReactNode; testId?: string; className?: string }) {
  return (
    <section className={`card${props.className ? ` ${props.className}` : ''}`} data-testid={props.testId}>
      {(props.title || props.actions) && (
        <div className="card-header">
          {props.title && <h2>{props.icon && <Icon icon={props.icon} size="lg" />}{props.title}</h2>}
          {props.subtitle && <span className="card-subtitle">{props.subtitle}</span>}
          <span className="spacer" />
          {props.actions}
        </div>
      )}
      {props.children}
    </section>
  )
}

const NOTICE_ICON: Record<Exclude<Tone, 'neutral' | 'accent'>, LucideIcon> = { info: Info, success: CircleCheck, warning: TriangleAlert, danger: CircleAlert }

export function Notice(props: { tone?: 'info' | 'success' | 'warning' | 'danger'; icon?: LucideIcon; children: ReactNode; testId?: string; role?: 'alert' | 'status' }) {
  const tone = props.tone ?? 'info'
  return (
    <div className={`notice ${tone}`} data-testid={props.testId} role={props.role}>
      <Icon icon={props.icon ?? NOTICE_ICON[tone]} size="md" />
      <div>{props.children}</div>
    </div>
  )
}
