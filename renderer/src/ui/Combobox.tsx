// Searchable select for long lists (categories, import columns' destinations): type to filter
// (accents and case ignored), arrows, Home/End, Enter picks, Esc restores, ARIA 1.2 combobox
// (downshift). The list floats (floating-ui) into the open dialog or the page, never clipped.
// The input carries data-value (the selected value) for tests.
import { autoUpdate, flip, offset, size, useFloating } from '@floating-ui/react-dom'
import { useCombobox } from 'downshift'
import { Check, ChevronDown } from 'lucide-react'
import { useEffect, useMemo, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { usePortalContainer } from './Dialog.tsx'
import { Icon } from './Icon.tsx'
import type { SelectOption } from './Select.tsx'

export interface ComboboxOption<V extends string = string> extends SelectOption<V> {
  /** Heading the option is listed under. Options of a group must be next to each other. */
  group?: string
  /** Extra words that find this option (codes, synonyms). */
  keywords?: string
}

export interface ComboboxProps<V extends string> {
  value: V
  onChange(value: V): void
  options: Array<ComboboxOption<V>>
  id?: string
  'aria-label'?: string
  placeholder?: string
  disabled?: boolean
  size?: 'sm' | 'md'
  invalid?: boolean
  className?: string
  testId?: string
}

/** More than this many matches: show the first ones and ask to type more. */
const MAX_SHOWN = 300

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

export function filterOptions<T extends ComboboxOption>(options: T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (!words.length) return options
  return options.filter((o) => {
    const hay = fold(`${o.label} ${o.group ?? ''} ${o.keywords ?? ''} ${o.value}`)
    return words.every((w) => hay.includes(w))
  })
}

export function Combobox<V extends string>(props: ComboboxProps<V>) {
  const { t } = useTranslation()
  const container = usePortalContainer()
  const selected = props.options.find((o) => o.value === props.value) ?? null
  const [inputValue, setInputValue] = useState(selected?.label ?? '')
  const [filtering, setFiltering] = useState(false)
  const matches = useMemo(() => (filtering ? filterOptions(props.options, inputValue) : props.options), [filtering, inputValue, props.options])
  const items = matches.slice(0, MAX_SHOWN)

  const { refs, floatingStyles } = useFloating({
    strategy: 'fixed',
    placement: 'bottom-start',
    whileElementsMounted: autoUpdate,
    middleware: [
      offset(4),
      flip({ padding: 8 }),
      size({
        padding: 8,
        apply({ availableHeight, rects, elements }) {
          Object.assign(elements.floating.style, { maxHeight: `${Math.max(120, Math.min(360, availableHeight))}px`, minWidth: `${rects.reference.width}px` })
        }
      })
    ]
  })

  const cb = useCombobox<ComboboxOption<V>>({
    items,
    inputId: props.id,
    selectedItem: selected,
    inputValue,
    itemToString: (item) => item?.label ?? '',
    itemToKey: (item) => item?.value,
    isItemDisabled: (item) => !!item.disabled,
    onInputValueChange: ({ type, inputValue: v }) => {
      if (type === useCombobox.stateChangeTypes.InputChange) {
        setInputValue(v)
        setFiltering(true)
      }
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem && selectedItem.value !== props.value) props.onChange(selectedItem.value)
    },
    onIsOpenChange: ({ isOpen }) => {
      if (!isOpen) {
        setFiltering(false)
        setInputValue(selected?.label ?? '')
      }
    }
  })

  // The value changed from outside (or the labels' language): show it.
  useEffect(() => {
    if (!cb.isOpen) setInputValue(selected?.label ?? '')
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected?.label])

  const menu = (
    <ul
      {...cb.getMenuProps({ ref: refs.setFloating, 'aria-labelledby': undefined }, { suppressRefError: true })}
      className="combobox-menu"
      style={{ ...floatingStyles, display: cb.isOpen ? undefined : 'none' }}
    >
      {cb.isOpen && items.map((item, index) => {
        const header = item.group && item.group !== items[index - 1]?.group
        return [
          header ? <li key={`g-${item.group}`} role="presentation" className="combobox-group">{item.group}</li> : null,
          <li
            key={item.value}
            {...cb.getItemProps({ item, index })}
            className={`combobox-item${cb.highlightedIndex === index ? ' highlighted' : ''}${item.disabled ? ' disabled' : ''}`}
            style={item.depth ? { paddingLeft: `calc(var(--space-6) + ${item.depth} * var(--space-4))` } : undefined}
          >
            {item.value === props.value && <span className="select-check"><Icon icon={Check} size="sm" /></span>}
            {item.label}
          </li>
        ]
      })}
      {cb.isOpen && matches.length === 0 && <li role="presentation" className="combobox-empty">{t('ui:select.noResults', { query: inputValue })}</li>}
      {cb.isOpen && matches.length > items.length && <li role="presentation" className="combobox-empty">{t('ui:select.more', { count: matches.length - items.length })}</li>}
    </ul>
  )

  return (
    <div ref={refs.setReference} className={['combobox', props.size === 'sm' ? 'sm' : '', cb.isOpen ? 'open' : '', props.invalid ? 'invalid' : '', props.className ?? ''].filter(Boolean).join(' ')}>
      <input
        {...cb.getInputProps({
          'aria-labelledby': undefined,
          'aria-label': props['aria-label'],
          disabled: props.disabled,
          placeholder: props.placeholder ?? t('ui:select.search'),
          onFocus: (e) => e.currentTarget.select()
        })}
        aria-invalid={props.invalid || undefined}
        data-value={props.value}
        data-testid={props.testId}
      />
      <button type="button" className="combobox-toggle" {...cb.getToggleButtonProps({ tabIndex: -1, 'aria-label': t('ui:select.toggle'), disabled: props.disabled })}>
        <Icon icon={ChevronDown} size="md" />
      </button>
      {createPortal(menu, container ?? document.body)}
    </div>
  )
}
