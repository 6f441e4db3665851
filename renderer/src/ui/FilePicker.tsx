// Picking files and folders with our own button and label (the browser's "Choose File / No file
// chosen" never shows), the chosen name shown whole or shortened in the middle so the extension
// stays visible. Every file choice in the app goes through this module (pickers here, drops in
// DropZone), so a change of how files are obtained (native dialogs in the desktop app) is local.
import { FileUp, FolderOpen } from 'lucide-react'
import { useRef, useState, type DragEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, type ButtonVariant } from './Button.tsx'
import { Icon, type LucideIcon } from './Icon.tsx'

/** A file together with its path inside a picked or dropped folder ("Chianti/fronte.jpg"). */
export interface PickedFile {
  file: File
  name: string
}

export function pickedFromList(list: FileList | null): PickedFile[] {
  return Array.from(list ?? []).map((file) => ({ file, name: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name }))
}

export interface FilePickerProps {
  onPick(files: PickedFile[]): void
  /** File types, as for <input accept>: ".csv,.xlsx". */
  accept?: string
  multiple?: boolean
  /** Pick a whole folder (its files, with their paths inside it). */
  folder?: boolean
  /** Button text; defaults to "Scegli file…" / "Scegli cartella…". */
  label?: string
  icon?: LucideIcon
  variant?: ButtonVariant
  size?: 'sm' | 'md'
  disabled?: boolean
  busy?: boolean
  /** Show the chosen name beside the button (default for single files). */
  showName?: boolean
  /** The name to show when the parent knows better (e.g. a file chosen earlier). */
  fileName?: string | null
  /** id of the button (a <label htmlFor> would replace its visible name: prefer a heading). */
  id?: string
  /** data-testid of the hidden input (tests call setInputFiles on it). */
  testId?: string
}

export function FilePicker(props: FilePickerProps) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const showName = props.showName ?? (!props.multiple && !props.folder)
  const name = props.fileName !== undefined && props.fileName !== null ? props.fileName : chosen
  const label = props.label ?? (props.folder ? t('ui:file.chooseFolder') : props.multiple ? t('ui:file.chooseMany') : t('ui:file.choose'))
  const folderProps = props.folder ? { webkitdirectory: '', directory: '' } : {}
  return (
    <span className="file-picker">
      <Button
        id={props.id}
        variant={props.variant}
        size={props.size}
        icon={props.icon ?? (props.folder ? FolderOpen : FileUp)}
        disabled={props.disabled}
        busy={props.busy}
        onClick={() => input.current?.click()}
      >
        {label}
      </Button>
      {showName && (
        <span className={`file-name${name ? '' : ' none'}`} data-testid={props.testId ? `${props.testId}-name` : undefined} aria-live="polite">
          {name ? <MiddleEllipsis text={name} /> : t('ui:file.none')}
        </span>
      )}
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        accept={props.accept}
        multiple={props.multiple}
        data-testid={props.testId}
        {...folderProps}
        onChange={(e) => {
          const picked = pickedFromList(e.target.files)
          e.target.value = ''
          if (!picked.length) return
          setChosen(picked.length === 1 ? picked[0].name : t('ui:file.many', { count: picked.length }))
          props.onPick(picked)
        }}
      />
    </span>
  )
}

/**
 * A long name shortened in the middle ("Listino prezzi…2026.xlsx"): the end, with the extension,
 * always shows; the whole name is in the tooltip and in the text (for copy and screen readers).
 */
export function MiddleEllipsis(props: { text: string; tail?: number }) {
  const keep = Math.min(props.tail ?? 12, Math.floor(props.text.length / 2))
  const head = props.text.slice(0, props.text.length - keep)
  const tail = props.text.slice(props.text.length - keep)
  return (
    <span className="middle-ellipsis" title={props.text}>
      <span className="head">{head}</span>
      <span className="tail">{tail}</span>
    </span>
  )
}

/**
 * A drop area for files and folders with its own pickers inside (children). `onDrop` gets the
 * DataTransfer items so a feature can walk dropped folders; pickers inside call their own onPick.
 */
export function DropZone(props: { onDrop(items: DataTransferItemList): void; text: ReactNode; icon?: LucideIcon; compact?: boolean; testId?: string; className?: string; children?: ReactNode }) {
  const [over, setOver] = useState(false)
  const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files')
  return (
    <div
      className={['drop-zone', over ? 'over' : '', props.compact ? 'compact' : '', props.className ?? ''].filter(Boolean).join(' ')}
      data-testid={props.testId}
      onDragOver={(e) => {
        if (!hasFiles(e)) return
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!hasFiles(e)) return
        e.preventDefault()
        setOver(false)
        props.onDrop(e.dataTransfer.items)
      }}
    >
      <span className="drop-text">{props.icon && <Icon icon={props.icon} size="lg" />}<span>{props.text}</span></span>
      {props.children}
    </div>
  )
}
