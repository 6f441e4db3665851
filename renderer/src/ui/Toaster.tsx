// The toast region (Radix Toast): polite for notices, assertive for errors, timers paused while
// hovered or focused, F8 jumps to the region, swipe right to dismiss.
import * as RT from '@radix-ui/react-toast'
import { CircleAlert, CircleCheck, Info, X } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { buttonClass } from './Button.tsx'
import { Icon } from './Icon.tsx'
import { useToasts } from './toasts.ts'

export function Toaster() {
  const { t } = useTranslation()
  const toasts = useToasts((s) => s.toasts)
  const dismiss = useToasts((s) => s.dismiss)
  return (
    <RT.Provider swipeDirection="right" label={t('ui:toast.one')}>
      {toasts.map((item) => (
        <RT.Root
          key={item.id}
          className={`toast ${item.kind}`}
          duration={item.duration}
          type={item.kind === 'err' ? 'foreground' : 'background'}
          onOpenChange={(open) => !open && dismiss(item.id)}
          data-testid="toast"
        >
          <Icon icon={item.kind === 'err' ? CircleAlert : item.kind === 'success' ? CircleCheck : Info} size="md" />
          <RT.Description className="toast-text">{item.text}</RT.Description>
          {item.action && (
            <RT.Action altText={item.action.label} className={buttonClass('secondary', 'sm', 'toast-action')} onClick={() => void item.action!.run()}>
              {item.action.label}
            </RT.Action>
          )}
          <RT.Close className={buttonClass('ghost', 'sm', 'icon-only toast-close')} aria-label={t('ui:toast.dismiss')} title={t('ui:toast.dismiss')}>
            <Icon icon={X} size="sm" />
          </RT.Close>
        </RT.Root>
      ))}
      <RT.Viewport className="toast-viewport" label={t('ui:toast.region')} />
    </RT.Provider>
  )
}
