// Small building blocks shared by every feature.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useToasts } from './toasts.ts'

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

export function Dialog(props: { title: ReactNode; onClose(): void; children: ReactNode; actions?: ReactNode }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [props])
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={typeof props.title === 'string' ? props.title : undefined}>
        <h2>{props.title}</h2>
        {props.children}
        {props.actions && <div className="actions">{props.actions}</div>}
      </div>
    </div>
  )
}

export function Tabs<T extends string>(props: { tabs: Array<{ id: T; label: ReactNode }>; active: T; onChange(id: T): void }) {
  return (
    <div className="tabs" role="tablist">
      {props.tabs.map((tab) => (
        <button key={tab.id} role="tab" aria-selected={tab.id === props.active} className={tab.id === props.active ? 'active' : ''} onClick={() => props.onChange(tab.id)}>
          {tab.label}
        </button>
      ))}
    </div>
  )
}

export function ProgressBar(props: { done: number; total: number | null }) {
  const pct = props.total ? Math.min(100, (100 * props.done) / props.total) : 0
  return (
    <div className="progress" role="progressbar" aria-valuenow={Math.round(pct)} aria-valuemin={0} aria-valuemax={100}>
      <div style={{ width: `${props.total ? pct : 30}%` }} />
    </div>
  )
}

/** Keywords and certifications: type and press Enter or comma. */
export function ChipsInput(props: { id?: string; value: string[]; onChange(v: string[]): void; placeholder?: string; max?: number }) {
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
          {v}
          <button aria-label={`× ${v}`} onClick={() => props.onChange(props.value.filter((x) => x !== v))}>×</button>
        </span>
      ))}
      <input
        id={props.id}
        value={draft}
        placeholder={props.placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault()
            add()
          } else if (e.key === 'Backspace' && !draft && props.value.length) props.onChange(props.value.slice(0, -1))
        }}
        onBlur={add}
      />
    </div>
  )
}

export function Toasts() {
  const toasts = useToasts((s) => s.toasts)
  const dismiss = useToasts((s) => s.dismiss)
  return (
    <div className="toast-stack" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.kind}`} onClick={() => dismiss(t.id)}>{t.text}</div>
      ))}
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

export function Empty(props: { children: ReactNode }) {
  return <div className="empty">{props.children}</div>
}

export function useT() {
  return useTranslation().t
}
