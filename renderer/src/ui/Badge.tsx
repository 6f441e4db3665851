// Status pills: neutral, success, accent, warning, danger, info; optional icon or dot.
import type { ReactNode } from 'react'
import { Icon, type LucideIcon } from './Icon.tsx'

export type Tone = 'neutral' | 'success' | 'accent' | 'warning' | 'danger' | 'info'

export function Badge(props: { tone?: Tone; icon?: LucideIcon; dot?: boolean; title?: string; testId?: string; className?: string; children: ReactNode }) {
  const tone = props.tone && props.tone !== 'neutral' ? ` ${props.tone}` : ''
  return (
    <span className={`badge${tone}${props.className ? ` ${props.className}` : ''}`} title={props.title} data-testid={props.testId}>
      {props.dot && <span className="dot" aria-hidden="true" />}
      {props.icon && <Icon icon={props.icon} size="sm" />}
      {props.children}
    </span>
  )
}
