// Buttons: primary (the one main action of a view), secondary (default), danger (destroys
// something; usually inside a confirmation), ghost (quiet, in toolbars and rows), link. Sizes md
// (34 px) and sm (28 px). An icon goes before the label; an icon-only button needs `label`
// (it becomes the accessible name and the tooltip).
import { LoaderCircle } from 'lucide-react'
import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react'
import { Icon, type LucideIcon } from './Icon.tsx'

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost' | 'link'

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  variant?: ButtonVariant
  size?: 'sm' | 'md'
  icon?: LucideIcon
  iconEnd?: LucideIcon
  /** Shows a spinner and disables the button while an action runs. */
  busy?: boolean
  /** Red text on a quiet button (secondary or ghost) for row-level "remove" actions. */
  tone?: 'danger'
  /** Accessible name and tooltip; required when there is no visible text. */
  label?: string
  testId?: string
  ref?: Ref<HTMLButtonElement>
  children?: ReactNode
}

export function buttonClass(variant: ButtonVariant = 'secondary', size: 'sm' | 'md' = 'md', extra = ''): string {
  return ['btn', variant === 'secondary' ? '' : variant, size === 'sm' ? 'small' : '', extra].filter(Boolean).join(' ')
}

export function Button(props: ButtonProps) {
  const { variant, size = 'md', icon, iconEnd, busy, tone, label, testId, className, children, disabled, type, ...rest } = props
  const iconOnly = !children && !!(icon || busy)
  const cls = buttonClass(variant, size, [iconOnly ? 'icon-only' : '', tone === 'danger' ? 'tone-danger' : '', className ?? ''].filter(Boolean).join(' '))
  const iconSize = size === 'sm' ? 'sm' : 'md'
  return (
    <button
      {...rest}
      type={type ?? 'button'}
      className={cls}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      aria-label={label && iconOnly ? label : rest['aria-label']}
      title={rest.title ?? (iconOnly ? label : undefined)}
      data-testid={testId ?? (rest as Record<string, unknown>)['data-testid'] as string | undefined}
    >
      {busy ? <Icon icon={LoaderCircle} size={iconSize} className="btn-busy" /> : icon ? <Icon icon={icon} size={iconSize} /> : null}
      {children}
      {iconEnd && <Icon icon={iconEnd} size={iconSize} />}
    </button>
  )
}
