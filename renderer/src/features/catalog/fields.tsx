// Editor fields bound to a product path. Text keeps what the user types locally and saves on
// pause or blur; a rejected value stays visible with its error until fixed.
import DOMPurify from 'dompurify'
import { Bold, Heading3, Italic, List, Pilcrow, type LucideIcon } from 'lucide-react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDecimal, parseDecimal } from '../../../../shared/domain/numbers.ts'
import { ChipsInput, Field } from '../../ui/components.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { Combobox } from '../../ui/Combobox.tsx'
import { Select } from '../../ui/Select.tsx'
import { useEditor } from './editor-context.tsx'
import { getPath } from './patch.ts'

const AUTOSAVE_MS = 700

function useStoredValue<T>(path: string): T | undefined {
  const { product } = useEditor()
  return getPath(product, path) as T | undefined
}

/** Local draft synced from the store unless the user is typing in it. */
function useDraft(stored: string, onCommit: (v: string) => void) {
  const [draft, setDraft] = useState(stored)
  const focused = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const committed = useRef(stored)
  useEffect(() => {
    if (!focused.current) {
      setDraft(stored)
      committed.current = stored
    }
  }, [stored])
  const commit = (v: string) => {
    if (timer.current) clearTimeout(timer.current)
    if (v !== committed.current) {
      committed.current = v
      onCommit(v)
    }
  }
  return {
    value: draft,
    onChange(v: string) {
      setDraft(v)
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(() => commit(v), AUTOSAVE_MS)
    },
    onFocus() {
      focused.current = true
    },
    onBlur() {
      focused.current = false
      commit(draft)
    }
  }
}

export function TextField(props: { path: string; label: ReactNode; multiline?: boolean; max?: number; hint?: ReactNode; placeholder?: string; dir?: string }) {
  const { save, errors, readOnly } = useEditor()
  const stored = useStoredValue<string>(props.path) ?? ''
  const d = useDraft(stored, (v) => void save(props.path, v.trim() === '' ? null : v))
  const error = errors[props.path]
  return (
    <Field label={props.label} error={error} hint={props.hint} counter={props.max ? { value: [...d.value].length, max: props.max } : undefined}>
      {(id) =>
        props.multiline ? (
          <textarea id={id} className={`input${error ? ' invalid' : ''}`} value={d.value} readOnly={readOnly} placeholder={props.placeholder}
            onChange={(e) => d.onChange(e.target.value)} onFocus={d.onFocus} onBlur={d.onBlur} />
        ) : (
          <input id={id} className={`input${error ? ' invalid' : ''}`} value={d.value} readOnly={readOnly} placeholder={props.placeholder}
            onChange={(e) => d.onChange(e.target.value)} onFocus={d.onFocus} onBlur={d.onBlur} />
        )
      }
    </Field>
  )
}

export function NumberField(props: { path: string; label: ReactNode; integer?: boolean; hint?: ReactNode }) {
  const { t, i18n } = useTranslation()
  const { save, errors, readOnly } = useEditor()
  const stored = useStoredValue<number>(props.path)
  const [localError, setLocalError] = useState<string | null>(null)
  const d = useDraft(formatDecimal(stored, i18n.language), (v) => {
    if (v.trim() === '') {
      setLocalError(null)
      void save(props.path, null)
      return
    }
    const n = parseDecimal(v, i18n.language)
    if (n === null || (props.integer && !Number.isInteger(n))) {
      setLocalError(props.integer ? t('catalog:editor.notWholeNumber') : t('catalog:editor.notNumber'))
      return
    }
    setLocalError(null)
    void save(props.path, n)
  })
  const error = localError ?? errors[props.path]
  return (
    <Field label={props.label} error={error} hint={props.hint}>
      {(id) => (
        <input id={id} inputMode="decimal" className={`input${error ? ' invalid' : ''}`} value={d.value} readOnly={readOnly}
          onChange={(e) => d.onChange(e.target.value)} onFocus={d.onFocus} onBlur={d.onBlur} />
      )}
    </Field>
  )
}

/** A choice from a list; `searchable` (long lists such as categories) types to filter. */
export function SelectField(props: { path: string; label: ReactNode; options: Array<{ value: string; label: string; depth?: number }>; empty?: string; searchable?: boolean }) {
  const { save, errors, readOnly } = useEditor()
  const stored = useStoredValue<string | null>(props.path) ?? ''
  const error = errors[props.path]
  return (
    <Field label={props.label} error={error}>
      {(id) => {
        const options = [...(props.empty !== undefined ? [{ value: '', label: props.empty }] : []), ...props.options]
        return props.searchable
          ? <Combobox id={id} invalid={!!error} value={stored} disabled={readOnly} onChange={(v) => void save(props.path, v || null)} options={options} />
          : <Select id={id} invalid={!!error} value={stored} disabled={readOnly} onChange={(v) => void save(props.path, v || null)} options={options} />
      }}
    </Field>
  )
}

export function ChipsField(props: { path: string; label: ReactNode; max?: number; hint?: ReactNode; placeholder?: string }) {
  const { save, errors, readOnly } = useEditor()
  const stored = useStoredValue<string[]>(props.path) ?? []
  return (
    <Field label={props.label} error={errors[props.path]} hint={props.hint}>
      {(id) => <ChipsInput id={id} value={stored} max={props.max} placeholder={props.placeholder} readOnly={readOnly} onChange={(v) => void save(props.path, v)} />}
    </Field>
  )
}

// A link or image in a description must be an absolute web address: a relative one ("/media/…")
// would lead the reader into Vetrina's own origin (the core drops them too; a restored catalogue
// may still hold old ones).
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  for (const attr of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
    const value = node.getAttribute(attr)
    if (value !== null && !/^(https?:\/\/|mailto:)/i.test(value.trim())) node.removeAttribute(attr)
  }
})
const RTE_COMMANDS: Array<[LucideIcon, string, string, string?]> = [
  [Bold, 'bold', 'bold'], [Italic, 'italic', 'italic'], [List, 'list', 'insertUnorderedList'], [Heading3, 'heading', 'formatBlock', 'h3'], [Pilcrow, 'paragraph', 'formatBlock', 'p']
]

/**
 * Rich description: a small editor for bold, italic, lists and headings. What users paste is
 * cleaned with DOMPurify before it is shown, and again by the core (sanitize-html) before storing.
 */
export function RichTextField(props: { path: string; label: ReactNode }) {
  const { t } = useTranslation()
  const { save, errors, readOnly } = useEditor()
  const stored = useStoredValue<string>(props.path) ?? ''
  const ref = useRef<HTMLDivElement>(null)
  const focused = useRef(false)
  useEffect(() => {
    if (ref.current && !focused.current) ref.current.innerHTML = DOMPurify.sanitize(stored, { FORBID_TAGS: ['style', 'form', 'input'], FORBID_ATTR: ['style'] })
  }, [stored])
  const commit = () => {
    focused.current = false
    const html = DOMPurify.sanitize(ref.current?.innerHTML ?? '', { FORBID_ATTR: ['style'] })
    const normalized = html === '<br>' ? '' : html
    if (normalized !== stored) void save(props.path, normalized || null)
  }
  const cmd = (command: string, value?: string) => {
    ref.current?.focus()
    document.execCommand(command, false, value)
  }
  return (
    <Field label={props.label} error={errors[props.path]}>
      {() => (
        <div className="rte">
          {!readOnly && (
            <div className="rte-toolbar" role="toolbar" aria-label={t('ui:rte.toolbar')}>
              {RTE_COMMANDS.map(([icon, key, command, value]) => (
                <button key={key} type="button" className="btn ghost small icon-only" onMouseDown={(e) => e.preventDefault()} onClick={() => cmd(command, value)}
                  title={t(`catalog:rte.${key}`)} aria-label={t(`catalog:rte.${key}`)}>
                  <Icon icon={icon} size="md" />
                </button>
              ))}
            </div>
          )}
          <div
            ref={ref}
            className="rte-body"
            contentEditable={!readOnly}
            suppressContentEditableWarning
            role="textbox"
            aria-multiline="true"
            aria-label={typeof props.label === 'string' ? props.label : undefined}
            onFocus={() => { focused.current = true }}
            onBlur={commit}
          />
        </div>
      )}
    </Field>
  )
}
