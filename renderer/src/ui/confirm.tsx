// Confirmations as a promise, never the browser's confirm box:
//   if (!(await confirm({ title: t('…', { count }), body, confirmLabel, danger: true }))) return
// Rendered by <ConfirmHost/> (once, in the shell) with Radix AlertDialog: focus starts on Cancel
// for dangerous actions, Esc cancels, focus returns to where it was.
import * as RA from '@radix-ui/react-alert-dialog'
import { CircleAlert, CircleHelp, TriangleAlert } from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { create } from 'zustand'
import { buttonClass } from './Button.tsx'
import { Icon, type LucideIcon } from './Icon.tsx'

export interface ConfirmOptions {
  /** The question, with the count when there is one ("Eliminare 12 prodotti?"). */
  title: string
  /** What will happen, in a sentence or two. */
  body?: ReactNode
  /** The action's verb ("Elimina", "Approva"); default "Conferma". */
  confirmLabel?: string
  cancelLabel?: string
  /** Destroys or overwrites something: red button, focus on Cancel. */
  danger?: boolean
  icon?: LucideIcon
}

interface Pending extends ConfirmOptions {
  id: number
  resolve(ok: boolean): void
  /** Where the focus was when the question was asked: it goes back there. */
  returnFocus: HTMLElement | null
}

const useConfirms = create<{ queue: Pending[] }>(() => ({ queue: [] }))
let nextId = 1

export function confirm(options: ConfirmOptions): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null
    useConfirms.setState((s) => ({ queue: [...s.queue, { ...options, id: nextId++, resolve, returnFocus }] }))
  })
}

function settle(id: number, ok: boolean) {
  const item = useConfirms.getState().queue.find((p) => p.id === id)
  if (!item) return
  useConfirms.setState((s) => ({ queue: s.queue.filter((p) => p.id !== id) }))
  item.resolve(ok)
}

export function ConfirmHost() {
  const { t } = useTranslation()
  const current = useConfirms((s) => s.queue[0])
  if (!current) return null
  const icon = current.icon ?? (current.danger ? TriangleAlert : current.body ? CircleAlert : CircleHelp)
  return (
    <RA.Root key={current.id} open onOpenChange={(open) => !open && settle(current.id, false)}>
      <RA.Portal>
        <RA.Overlay className="dialog-overlay">
          <RA.Content
            className="dialog narrow"
            data-testid="confirm-dialog"
            onOpenAutoFocus={(e) => {
              if (current.danger) return
              // Not dangerous: Enter confirms straight away.
              e.preventDefault()
              ;(e.currentTarget as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="confirm-ok"]')?.focus()
            }}
            onCloseAutoFocus={(e) => {
              e.preventDefault()
              if (current.returnFocus?.isConnected) current.returnFocus.focus()
            }}
            {...(current.body ? {} : { 'aria-describedby': undefined })}
          >
            <div className="dialog-header">
              <span className={`confirm-icon${current.danger ? ' danger' : ''}`}><Icon icon={icon} size="lg" /></span>
              <RA.Title asChild><h2 style={{ alignSelf: 'center' }}>{current.title}</h2></RA.Title>
            </div>
            {current.body && (
              <div className="dialog-body">
                <RA.Description asChild><div className="confirm-body">{current.body}</div></RA.Description>
              </div>
            )}
            <div className="dialog-actions">
              <RA.Cancel className={buttonClass('secondary')} data-testid="confirm-cancel">{current.cancelLabel ?? t('ui:confirm.cancel')}</RA.Cancel>
              <RA.Action className={buttonClass(current.danger ? 'danger' : 'primary')} data-testid="confirm-ok" onClick={() => settle(current.id, true)}>
                {current.confirmLabel ?? t('ui:confirm.ok')}
              </RA.Action>
            </div>
          </RA.Content>
        </RA.Overlay>
      </RA.Portal>
    </RA.Root>
  )
}
