// Dialogs on Radix Dialog: focus moves in and is trapped, Esc and a click outside close, focus
// returns to what opened the dialog, the page behind does not scroll. Popups opened inside a
// dialog (Combobox) render into it through PortalContainer so they stay clickable and scrollable.
import * as RD from '@radix-ui/react-dialog'
import { X } from 'lucide-react'
import { createContext, useContext, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from './Button.tsx'

const PortalTarget = createContext<HTMLElement | null>(null)

/** Where floating popups should render: the open dialog, else the document body. */
export function usePortalContainer(): HTMLElement | null {
  return useContext(PortalTarget)
}

export interface DialogProps {
  title: ReactNode
  onClose(): void
  children: ReactNode
  /** Buttons at the bottom right; the primary action last. */
  actions?: ReactNode
  /** One sentence under the title, read by screen readers when the dialog opens. */
  description?: ReactNode
  size?: 'narrow' | 'default' | 'wide'
  testId?: string
}

export function Dialog(props: DialogProps) {
  const { t } = useTranslation()
  const [content, setContent] = useState<HTMLDivElement | null>(null)
  // No Radix trigger here (dialogs open from state): remember what had the focus to give it back.
  const opener = useRef<HTMLElement | null>(document.activeElement instanceof HTMLElement ? document.activeElement : null)
  return (
    <RD.Root open onOpenChange={(open) => !open && props.onClose()}>
      <RD.Portal>
        <RD.Overlay className="dialog-overlay">
          <RD.Content
            ref={setContent}
            className={`dialog${props.size && props.size !== 'default' ? ` ${props.size}` : ''}`}
            data-testid={props.testId}
            onCloseAutoFocus={(e) => {
              e.preventDefault()
              if (opener.current?.isConnected) opener.current.focus()
            }}
            {...(props.description ? {} : { 'aria-describedby': undefined })}
          >
            <div className="dialog-header">
              <RD.Title asChild><h2>{props.title}</h2></RD.Title>
              <RD.Close asChild><Button variant="ghost" size="sm" icon={X} label={t('ui:dialog.close')} /></RD.Close>
            </div>
            <div className="dialog-body">
              {props.description && <RD.Description className="dialog-description">{props.description}</RD.Description>}
              <PortalTarget.Provider value={content}>{props.children}</PortalTarget.Provider>
            </div>
            {props.actions && <div className="dialog-actions">{props.actions}</div>}
          </RD.Content>
        </RD.Overlay>
      </RD.Portal>
    </RD.Root>
  )
}
