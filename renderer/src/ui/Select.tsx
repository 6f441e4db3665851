// App-styled select for short lists (statuses, units, languages, sort orders) on Radix Select:
// keyboard (arrows, Home/End, type-ahead, Enter/Space, Esc), ARIA combobox/listbox roles, and a
// popup that is never clipped by a card or a dialog. Long or searchable lists use Combobox.
// The trigger carries data-value (the selected value) for tests and styling.
import * as RS from '@radix-ui/react-select'
import { Check, ChevronDown, ChevronUp } from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Icon, type LucideIcon } from './Icon.tsx'

export interface SelectOption<V extends string = string> {
  value: V
  label: string
  icon?: LucideIcon
  disabled?: boolean
  /** Indentation level in a tree (categories). */
  depth?: number
  /** The language the label is in, when not the UI's (a language named in itself: "English"). */
  lang?: string
}

export interface SelectGroup<V extends string = string> {
  label: string
  options: Array<SelectOption<V>>
}

export interface SelectProps<V extends string> {
  value: V
  onChange(value: V): void
  options?: Array<SelectOption<V>>
  groups?: Array<SelectGroup<V>>
  id?: string
  'aria-label'?: string
  placeholder?: string
  disabled?: boolean
  size?: 'sm' | 'md'
  /** Width follows the content instead of filling the field. */
  inline?: boolean
  invalid?: boolean
  className?: string
  testId?: string
  /** Shown in the trigger before the label (e.g. a globe for the language). */
  icon?: LucideIcon
}

// Radix reserves "" for "no value"; an option whose value is "" (e.g. "all statuses") is mapped.
const EMPTY = '__vetrina_empty__'
const toRadix = (v: string) => (v === '' ? EMPTY : v)
const fromRadix = (v: string) => (v === EMPTY ? '' : v)

export function Select<V extends string>(props: SelectProps<V>) {
  const { t } = useTranslation()
  const groups: Array<SelectGroup<V> & { plain?: boolean }> = props.groups ?? [{ label: '', options: props.options ?? [], plain: true }]
  const all = groups.flatMap((g) => g.options)
  const selected = all.find((o) => o.value === props.value)
  const cls = ['select-trigger', props.size === 'sm' ? 'sm' : '', props.inline ? 'select-inline' : '', props.invalid ? 'invalid' : '', props.className ?? '']
  return (
    <RS.Root value={selected ? toRadix(props.value) : ''} onValueChange={(v) => props.onChange(fromRadix(v) as V)} disabled={props.disabled}>
      <RS.Trigger
        id={props.id}
        className={cls.filter(Boolean).join(' ')}
        aria-label={props['aria-label']}
        aria-invalid={props.invalid || undefined}
        data-value={props.value}
        data-testid={props.testId}
      >
        {props.icon && <Icon icon={props.icon} size="md" />}
        <span className="select-value">
          <RS.Value placeholder={<span className="placeholder">{props.placeholder ?? t('ui:select.placeholder')}</span>}>
            {selected ? <span lang={selected.lang}>{selected.label}</span> : undefined}
          </RS.Value>
        </span>
        <RS.Icon asChild><Icon icon={ChevronDown} size="md" /></RS.Icon>
      </RS.Trigger>
      <RS.Portal>
        <RS.Content className="select-content" position="popper" sideOffset={4} collisionPadding={8}>
          <RS.ScrollUpButton className="select-scroll"><Icon icon={ChevronUp} size="sm" /></RS.ScrollUpButton>
          <RS.Viewport className="select-viewport">
            {groups.map((g, gi) => {
              const items = g.options.map((o) => <SelectItem key={o.value} option={o} />)
              return g.plain ? items : (
                <RS.Group key={`${gi}-${g.label}`}>
                  <RS.Label className="select-group-label">{g.label}</RS.Label>
                  {items}
                </RS.Group>
              )
            })}
          </RS.Viewport>
          <RS.ScrollDownButton className="select-scroll"><Icon icon={ChevronDown} size="sm" /></RS.ScrollDownButton>
        </RS.Content>
      </RS.Portal>
    </RS.Root>
  )
}

function SelectItem(props: { option: SelectOption }): ReactNode {
  const o = props.option
  return (
    <RS.Item value={toRadix(o.value)} disabled={o.disabled} lang={o.lang} className="select-item" style={o.depth ? { paddingLeft: `calc(var(--space-6) + ${o.depth} * var(--space-4))` } : undefined}>
      <RS.ItemIndicator className="select-check"><Icon icon={Check} size="sm" /></RS.ItemIndicator>
      {o.icon && <Icon icon={o.icon} size="md" />}
      <RS.ItemText>{o.label}</RS.ItemText>
    </RS.Item>
  )
}
