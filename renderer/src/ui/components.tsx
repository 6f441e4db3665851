// Small building blocks shared by every feature: form fields, progress, chips. The rest of the
// kit lives in its own files (see README.md); the re-exports keep older imports working.
import { X } from 'lucide-react'
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Icon } from './Icon.tsx'

export { Dialog } from './Dialog.tsx'
export { Tabs } from './Tabs.tsx'
export { Toaster as Toasts } from './Toaster.tsx'

export function Field(props: { label: ReactNode; error?: string; hint?: ReactNode; children: (id: string) => ReactNode; counter?: { value: number; max: number } }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children(id)}
      {props.counter && (
        <div className={`counter${props.counter.value > props.counter.max ? ' over' : ''}`}>
          {props.counter.value} / {props.counter.max}
        </div>
      )}
      {props.error ? <div className="error" role="alert">{props.error}</div> : props.hint ? <div className="hint">{props.hint}</div> : null}
    </div>
  )
}

/** A progress bar; without a total it moves to show that work goes on. */
export function ProgressBar(props: { done: number; total: number | null; label?: string }) {
  const pct = props.total ? Math.min(100, (100 * props.done) / props.total) : 0
  return (
    <div className={`progress${props.total ? '' : ' indeterminate'}`} role="progressbar" aria-label={props.label} aria-valuenow={props.total ? Math.round(pct) : undefined} aria-valuemin={0} aria-valuemax={100}>
      <div style={props.total ? { width: `${pct}%` } : undefined} />
    </div>
  )
}

/** Keywords and certifications: type and press Enter or comma (`commaAdds: false` where values hold commas, e.g. "0,75 L"). */
export function ChipsInput(props: { id?: string; value: string[]; onChange(v: string[]): void; placeholder?: string; max?: number; readOnly?: boolean; commaAdds?: boolean; label?: (v: string) => string }) {
  const shown = props.label ?? ((v: string) => v)
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')
  const add = () => {
    const v = draft.trim()
    if (v && !props.value.includes(v) && (props.max === undefined || props.value.length < props.max)) props.onChange([...props.value, v])
    setDraft('')
  }
  return (
    <div className="chips">
      {props.value.map((v) => (
        <span className="chip" key={v}>
          {shown(v)}
          {!props.readOnly && (
            <button type="button" aria-label={t('ui:chips.remove', { value: shown(v) })} title={t('ui:chips.remove', { value: shown(v) })} onClick={() => props.onChange(props.value.filter((x) => x !== v))}>
              <Icon icon={X} size="sm" />
            </button>
          )}
        </span>
      ))}
      <input
        id={props.id}
        value={draft}
        readOnly={props.readOnly}
        placeholder={props.placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || (e.key === ',' && props.commaAdds !== false)) {
            e.preventDefault()
            add()
          } else if (e.key === 'Backspace' && !draft && props.value.length) props.onChange(props.value.slice(0, -1))
        }}
        onBlur={add}
      />
    </div>
  )
}

/** Runs a value through a debounce before calling back (autosave of text fields). */
export function useDebounced<T>(value: T, ms: number, onSettle: (v: T) => void): void {
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const h = setTimeout(() => onSettle(value), ms)
    return () => clearTimeout(h)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, ms])
}

/** A plain sentence for an empty place; prefer EmptyState, which also says what to do next. */
export function Empty(props: { children: ReactNode }) {
  return <div className="empty">{props.children}</div>
}

export function useT() {
  return useTranslation().t
}
