// Typed attributes of the product's family, grouped as the family defines them.
import { DEFAULT_TARGETS } from '../../../app/store.ts'
import { Shapes } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import type { AttributeDef } from '../../../../../shared/domain/catalog-structure.ts'
import { SOURCE_LOCALE } from '../../../../../shared/domain/locales.ts'
import { formatDecimal, parseDecimal } from '../../../../../shared/domain/numbers.ts'
import { unitName } from '../../../../../shared/messages/units.ts'
import type { AttributeValue } from '../../../../../shared/domain/product.ts'
import { useApp } from '../../../app/store.ts'
import { Field } from '../../../ui/components.tsx'
import { EmptyState } from '../../../ui/EmptyState.tsx'
import { Select } from '../../../ui/Select.tsx'
import { useEditor } from '../editor-context.tsx'
import { localized, useCatalog } from '../store.ts'
import { languageOf } from '../../../i18n/language-names.ts'

function AttributeInput(props: { def: AttributeDef }) {
  const { t, i18n } = useTranslation()
  const { product, save, errors, readOnly } = useEditor()
  const targets = useApp((s) => s.settings?.targetLocales ?? DEFAULT_TARGETS)
  const { def } = props
  const path = `attributes.${def.code}`
  const value = product.attributes[def.code] as AttributeValue | undefined
  const label = localized(def.label, i18n.language) + (def.required ? ' *' : '')
  const optLabel = (code: string) => localized(def.options.find((o) => o.code === code)?.label ?? {}, i18n.language) || code
  const error = errors[path]
  switch (def.type) {
    case 'boolean':
      return (
        <Field label={label} error={error}>
          {(id) => (
            <Select id={id} disabled={readOnly} value={value === true ? 'yes' : value === false ? 'no' : ''} onChange={(v) => void save(path, v === '' ? null : v === 'yes')}
              options={[{ value: '', label: t('ui:select.notSet') }, { value: 'yes', label: t('common:yes') }, { value: 'no', label: t('common:no') }]} />
          )}
        </Field>
      )
    case 'select':
      return (
        <Field label={label} error={error}>
          {(id) => (
            <Select id={id} disabled={readOnly} value={typeof value === 'string' ? value : ''} onChange={(v) => void save(path, v || null)}
              options={[{ value: '', label: t('ui:select.notSet') }, ...def.options.map((o) => ({ value: o.code, label: optLabel(o.code) }))]} />
          )}
        </Field>
      )
    case 'multiselect': {
      const selected = Array.isArray(value) ? value : []
      return (
        <Field label={label} error={error}>
          {() => (
            <div className="chips">
              {def.options.map((o) => (
                <label key={o.code} className="check">
                  <input type="checkbox" disabled={readOnly} checked={selected.includes(o.code)}
                    onChange={(e) => void save(path, e.target.checked ? [...selected, o.code] : selected.filter((x) => x !== o.code))} />
                  {optLabel(o.code)}
                </label>
              ))}
            </div>
          )}
        </Field>
      )
    }
    case 'number': {
      const num = typeof value === 'number' ? value : value && typeof value === 'object' && 'value' in value ? (value.value as number) : undefined
      const unit = value && typeof value === 'object' && 'unit' in value ? String(value.unit) : def.units[0]
      const commit = (input: HTMLInputElement, u: string | undefined) => {
        const raw = input.value
        if (!raw.trim()) return void save(path, null)
        const n = parseDecimal(raw, i18n.language)
        // Not a number: say so next to the field instead of dropping what was typed.
        input.setCustomValidity(n === null ? t('catalog:editor.notNumber') : '')
        if (n === null) return void input.reportValidity()
        void save(path, u ? { value: n, unit: u } : n)
      }
      return (
        <Field label={label} error={error}>
          {(id) => (
            <div className="row">
              <input id={id} key={`${num}-${i18n.language}`} className="input" inputMode="decimal" defaultValue={formatDecimal(num, i18n.language)} readOnly={readOnly} onBlur={(e) => commit(e.target, unit)} />
              {def.units.length > 0 && (
                <Select inline aria-label={t('catalog:fields.unit')} disabled={readOnly || num === undefined} value={unit ?? ''} onChange={(v) => num !== undefined && void save(path, { value: num, unit: v })}
                  options={def.units.map((u) => ({ value: u, label: unitName(u, t) }))} />
              )}
            </div>
          )}
        </Field>
      )
    }
    case 'text': {
      if (!def.localizable) {
        return (
          <Field label={label} error={error}>
            {(id) => <input id={id} key={String(value ?? '')} className="input" defaultValue={typeof value === 'string' ? value : ''} readOnly={readOnly} onBlur={(e) => e.target.value !== (value ?? '') && void save(path, e.target.value.trim() || null)} />}
          </Field>
        )
      }
      const perLocale = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : typeof value === 'string' ? { [SOURCE_LOCALE]: value } : {}
      return (
        <Field label={label} error={error}>
          {() => (
            <div>
              {[SOURCE_LOCALE, ...targets].map((l) => (
                <div className="row" key={l} style={{ marginBottom: 4 }}>
                  <span className="badge" style={{ minWidth: 56, justifyContent: 'center' }} title={languageOf(l)}>{l}</span>
                  <input key={perLocale[l] ?? ''} className="input" aria-label={`${label} (${l})`} defaultValue={perLocale[l] ?? ''} readOnly={readOnly}
                    onBlur={(e) => {
                      const v = e.target.value.trim()
                      if (v === (perLocale[l] ?? '')) return
                      const next = { ...perLocale }
                      if (v) next[l] = v
                      else delete next[l]
                      void save(path, Object.keys(next).length ? next : null)
                    }} />
                </div>
              ))}
            </div>
          )}
        </Field>
      )
    }
  }
}

export function AttributesTab() {
  const { t, i18n } = useTranslation()
  const { product } = useEditor()
  const family = useCatalog((s) => s.families.find((f) => f.id === product.familyId))
  if (!family) return <EmptyState compact icon={Shapes} title={t('catalog:editor.chooseFamily')} body={t('ui:empty.attributesBody')} />
  const groups = new Map<string, AttributeDef[]>()
  for (const a of family.attributes) groups.set(a.group, [...(groups.get(a.group) ?? []), a])
  return (
    <>
      <p className="muted" style={{ marginTop: 0 }}>{t('catalog:editor.familyIs', { family: localized(family.label, i18n.language) })}</p>
      {[...groups].map(([group, defs]) => (
        <div className="card" key={group}>
          <h2>{t(`catalog:groups.${group}`, { defaultValue: group })}</h2>
          <div className="grid2">{defs.map((d) => <AttributeInput key={d.code} def={d} />)}</div>
        </div>
      ))}
    </>
  )
}
