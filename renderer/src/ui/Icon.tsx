// One icon set (lucide-react) and one size convention: sm 14 px (inside small buttons and
// badges), md 16 px (buttons, menus, the default), lg 20 px (navigation, headers), xl 32 px
// (empty states). Icons are decorative (aria-hidden) unless given a label.
import type { LucideIcon } from 'lucide-react'

export type { LucideIcon }
export type IconSize = 'sm' | 'md' | 'lg' | 'xl'

export const ICON_PX: Record<IconSize, number> = { sm: 14, md: 16, lg: 20, xl: 32 }

export function Icon(props: { icon: LucideIcon; size?: IconSize; label?: string; className?: string }) {
  const { icon: Glyph, size = 'md', label } = props
  const px = ICON_PX[size]
  return (
    <Glyph
      width={px}
      height={px}
      strokeWidth={size === 'xl' ? 1.5 : 2}
      className={props.className}
      aria-hidden={label ? undefined : true}
      aria-label={label}
      role={label ? 'img' : undefined}
      focusable="false"
    />
  )
}
