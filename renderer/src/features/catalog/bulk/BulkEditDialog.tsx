// Set fields on every selected product at once. Only the fields filled in change. While the form
// is edited the core checks the change on the whole selection (a dry run): how many products
// change, and which would become invalid and why. Applying is one history batch, undone from the
// toast in one step.
import { PencilLine } from 'lucide-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BulkChange, BulkSelection } from '../../../../../shared/contract/catalog-bulk.ts'
import { PRODUCT_STATUSES } from '../../../../../shared/domain/product.ts'
import { CURRENCIES, SELLING_UNITS } from '../../../../../shared/domain/units.ts'
import { api } from '../../../api/client.ts'
import { DEFAULT_TARGETS, useApp } from '../../../app/store.ts'
import { Button } from '../../../ui/Button.tsx'
import { Notice } from '../../../ui/Card.tsx'
import { Combobox } from '../../../ui/Combobox.tsx'
import { ChipsInput, Field } from '../../../ui/components.tsx'
import { Dialog } from '../../../ui/Dialog.tsx'
import { errorText, issueWithField } from '../../../ui/errors.ts'
import { Select } from '../../../ui/Select.tsx'
import { toast, toastUndo } from '../../../ui/toasts.ts'
import { PavilionField } from '../../publish/categories/PavilionLink.tsx'
import { flattenCategories, useCatalog } from '../store.ts'
import { parseDecimal } from '../../../../../shared/domain/numbers.ts'
import { currentLanguage } from '../../../i18n/index.ts'

type DryRun = Awaited<ReturnType<typeof api.catalog.bulkEdit>>

const KEEP = ''
const NONE = '__none'

interface Form {
  categoryId: string
  pavilionCategoryId: string
  familyId: string
  status: string
  currency: string
  sellingUnit: string
  moq: string
  leadTimeDays: string
  keywordLocale: string
  keywordsAdd: string[]
  keywordsRemove: string[]
  originCountry: string
  originRegion: string
  brand: string
}

const EMPTY: Form = {
  categoryId: KEEP, pavilionCategoryId: '', familyId: KEEP, status: KEEP, currency: KEEP, sellingUnit: KEEP, moq: '', leadTimeDays: '',
  keywordLocale: 'en', keywordsAdd: [], keywordsRemove: [], originCountry: '', originRegion: '', brand: ''
}

/** A whole number typed in the UI language ("1.000" in Italian, "1,000" in English); NaN when it is not one. */
const int = (v: string): number | undefined => {
  if (v.trim() === '') return undefined
  const n = parseDecimal(v, currentLanguage())
  return n !== null && Number.isInteger(n) ? n : Number.NaN
}

/** The form as the core's change: only what was filled in. */
export function changeOf(f: Form): BulkChange | null {
  const c: BulkChange = {}
  if (f.categoryId) c.categoryId = f.categoryId === NONE ? null : f.categoryId
  if (f.pavilionCategoryId) c.pavilionCategoryId = f.pavilionCategoryId
  if (f.familyId) c.familyId = f.familyId === NONE ? null : f.familyId
  if (f.status) c.status = f.status as BulkChange['status']
  if (f.currency) c.currency = f.currency as BulkChange['currency']
  if (f.sellingUnit) c.sellingUnit = f.sellingUnit as BulkChange['sellingUnit']
  if (int(f.moq) !== undefined) c.moq = int(f.moq)
  if (int(f.leadTimeDays) !== undefined) c.leadTimeDays = int(f.leadTimeDays)
  if (f.keywordsAdd.length || f.keywordsRemove.length) c.keywords = { locale: f.keywordLocale, add: f.keywordsAdd, remove: f.keywordsRemove }
  if (f.originCountry.trim()) c.originCountry = f.originCountry.trim().toUpperCase()
  if (f.originRegion.trim()) c.originRegion = f.originRegion.trim()
  if (f.brand.trim()) c.brand = f.brand.trim()
  return Object.keys(c).length ? c : null
}

export function BulkEditDialog(props: { selection: BulkSelection; count: number; onClose(): void; onApplied(): void }) {
  const { t, i18n } = useTranslation()
  const { categories, families } = useCatalog()
  const targets = useApp((a) => a.settings?.targetLocales ?? DEFAULT_TARGETS)
  const [form, setForm] = useState<Form>(EMPTY)
  const [dry, setDry] = useState<DryRun | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [checking, setChecking] = useState(false)
  const [busy, setBusy] = useState(false)
  const change = useMemo(() => changeOf(form), [form])
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }))

  // The dry run follows the form (debounced): the summary is always for what is on screen.
  useEffect(() => {
    setDry(null)
    setError(null)
    if (!change) return
    let live = true
    setChecking(true)
    const h = setTimeout(() => {
      api.catalog.bulkEdit({ selection: props.selection, change, dryRun: true })
        .then((r) => live && setDry(r))
        .catch((err) => live && setError(err))
        .finally(() => live && setChecking(false))
    }, 350)
    return () => {
      live = false
      clearTimeout(h)
    }
  }, [change, props.selection])

  const apply = async () => {
    if (!change || !dry) return
    setBusy(true)
    try {
      const r = await api.catalog.bulkEdit({ selection: props.selection, change, skipInvalid: dry.invalid.length > 0 })
      props.onApplied()
      if (r.batchId) {
        const batchId = r.batchId
        toastUndo(t('bulk:edit.applied', { count: r.changed }), t('ui:toast.undo'), async () => {
          const u = await api.catalog.undoBulk({ batchId })
          toast(t('bulk:edit.undone', { count: u.reverted }))
        })
      } else toast(t('bulk:edit.nothingChanged'))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const cats = flattenCategories(categories, i18n.language)
  const valid = dry ? dry.matched - dry.invalid.length : 0
  const keep = { value: KEEP, label: t('bulk:edit.keep') }
  return (
    <Dialog
      title={t('bulk:edit.title', { count: props.count })}
      size="wide"
      onClose={props.onClose}
      testId="bulk-edit"
      description={t('bulk:edit.description')}
      actions={
        <>
          <Button onClick={props.onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" icon={PencilLine} busy={busy} disabled={!dry || checking || valid === 0 || dry.changed === 0 && dry.invalid.length === 0} onClick={() => void apply()} testId="bulk-apply">
            {dry && dry.invalid.length > 0 ? t('bulk:edit.applyValid', { count: valid }) : t('bulk:edit.apply', { count: dry?.changed ?? 0 })}
          </Button>
        </>
      }
    >
      <div className="grid3">
        <Field label={t('catalog:fields.category')}>
          {(id) => <Combobox id={id} value={form.categoryId} onChange={(v) => set({ categoryId: v })} testId="bulk-category"
            options={[keep, { value: NONE, label: t('catalog:list.noCategory') }, ...cats.map((c) => ({ value: c.id, label: c.label, depth: c.depth }))]} />}
        </Field>
        <Field label={t('pavilion:link.field')} hint={t('bulk:edit.pavilionHint')}>
          {(id) => <PavilionField id={id} value={form.pavilionCategoryId} onChange={(v) => set({ pavilionCategoryId: v })} title={t('bulk:edit.pavilionTitle', { count: props.count })} />}
        </Field>
        <Field label={t('bulk:edit.family')}>
          {(id) => <Select id={id} value={form.familyId} onChange={(v) => set({ familyId: v })}
            options={[keep, { value: NONE, label: t('bulk:edit.noFamily') }, ...families.map((f) => ({ value: f.id, label: f.label[i18n.language] ?? f.label.it ?? f.code }))]} />}
        </Field>
        <Field label={t('catalog:fields.status')}>
          {(id) => <Select id={id} value={form.status} onChange={(v) => set({ status: v })} options={[keep, ...PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`catalog:status.${s}`) }))]} />}
        </Field>
        <Field label={t('bulk:edit.currency')}>
          {(id) => <Select id={id} value={form.currency} onChange={(v) => set({ currency: v })} options={[keep, ...CURRENCIES.map((c) => ({ value: c, label: c }))]} />}
        </Field>
        <Field label={t('catalog:fields.sellingUnit')}>
          {(id) => <Select id={id} value={form.sellingUnit} onChange={(v) => set({ sellingUnit: v })} options={[keep, ...SELLING_UNITS.map((u) => ({ value: u, label: t(`catalog:units.${u}`) }))]} />}
        </Field>
        <Field label={t('bulk:edit.moq')} hint={t('bulk:edit.moqHint')}>
          {(id) => <input id={id} className="input" inputMode="numeric" value={form.moq} placeholder={t('bulk:edit.keep')} onChange={(e) => set({ moq: e.target.value })} data-testid="bulk-moq" />}
        </Field>
        <Field label={t('bulk:edit.leadTime')} hint={t('bulk:edit.leadTimeHint')}>
          {(id) => <input id={id} className="input" inputMode="numeric" value={form.leadTimeDays} placeholder={t('bulk:edit.keep')} onChange={(e) => set({ leadTimeDays: e.target.value })} data-testid="bulk-lead-time" />}
        </Field>
        <Field label={t('bulk:edit.brand')}>
          {(id) => <input id={id} className="input" value={form.brand} placeholder={t('bulk:edit.keep')} onChange={(e) => set({ brand: e.target.value })} data-testid="bulk-brand" />}
        </Field>
        <Field label={t('bulk:edit.originCountry')} hint={t('bulk:edit.originCountryHint')}>
          {(id) => <input id={id} className="input" maxLength={2} value={form.originCountry} placeholder={t('bulk:edit.keep')} onChange={(e) => set({ originCountry: e.target.value })} data-testid="bulk-origin" />}
        </Field>
        <Field label={t('bulk:edit.originRegion')}>
          {(id) => <input id={id} className="input" value={form.originRegion} placeholder={t('bulk:edit.keep')} onChange={(e) => set({ originRegion: e.target.value })} />}
        </Field>
      </div>
      <fieldset className="bulk-keywords">
        <legend>{t('bulk:edit.keywords')}</legend>
        <div className="grid3">
          <Field label={t('bulk:edit.keywordLanguage')}>
            {(id) => <Select id={id} value={form.keywordLocale} onChange={(v) => set({ keywordLocale: v })} options={['it', ...targets].map((l) => ({ value: l, label: t(`bulk:edit.language.${l}`, { defaultValue: l }) }))} />}
          </Field>
          <Field label={t('bulk:edit.keywordsAdd')} hint={t('bulk:edit.keywordsHint')}>
            {(id) => <ChipsInput id={id} value={form.keywordsAdd} max={20} onChange={(v) => set({ keywordsAdd: v })} />}
          </Field>
          <Field label={t('bulk:edit.keywordsRemove')}>
            {(id) => <ChipsInput id={id} value={form.keywordsRemove} max={20} onChange={(v) => set({ keywordsRemove: v })} />}
          </Field>
        </div>
      </fieldset>
      <div className="bulk-summary" aria-live="polite" data-testid="bulk-summary">
        {!change && <p className="muted">{t('bulk:edit.fillSomething')}</p>}
        {change && checking && <p className="muted">{t('bulk:edit.checking', { count: props.count })}</p>}
        {error ? <Notice tone="danger" role="alert">{errorText(error, t)}</Notice> : null}
        {dry && !checking && (
          <>
            <p data-testid="bulk-dry-line"><strong>{t('bulk:edit.summary', { changed: dry.changed, unchanged: dry.unchanged, matched: dry.matched })}</strong></p>
            {dry.categoriesLinked > 0 && <p className="muted">{t('bulk:edit.linksCategories', { count: dry.categoriesLinked, others: dry.otherProductsInLinkedCategories })}</p>}
            {dry.invalid.length > 0 && (
              <Notice tone="warning" testId="bulk-invalid">
                <p style={{ marginTop: 0 }}>{t('bulk:edit.invalid', { count: dry.invalid.length })}</p>
                <ul className="bulk-invalid-list">
                  {dry.invalid.slice(0, 50).map((p) => (
                    <li key={p.id}><strong>{p.sku}</strong>: {p.issues.map((i) => issueWithField(i as Parameters<typeof issueWithField>[0], t)).join('; ')}</li>
                  ))}
                  {dry.invalid.length > 50 && <li className="muted">{t('bulk:edit.moreInvalid', { count: dry.invalid.length - 50 })}</li>}
                </ul>
              </Notice>
            )}
          </>
        )}
      </div>
    </Dialog>
  )
}
