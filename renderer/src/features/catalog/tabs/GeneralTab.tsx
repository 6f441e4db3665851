// Identity (SKU, status, category, family) and the copy in every catalogue language.
import { DEFAULT_TARGETS } from '../../../app/store.ts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SOURCE_LOCALE } from '../../../../../shared/domain/locales.ts'
import { PRODUCT_STATUSES } from '../../../../../shared/domain/product.ts'
import { useApp } from '../../../app/store.ts'
import { Tabs } from '../../../ui/Tabs.tsx'
import { useEditor } from '../editor-context.tsx'
import { ChipsField, RichTextField, SelectField, TextField } from '../fields.tsx'
import { flattenCategories, localized, useCatalog } from '../store.ts'
import { languageOf } from '../../../i18n/language-names.ts'

/** The pavilion's English title limit; other languages use the catalogue's own limit. */
const PAVILION_TITLE_MAX = 128

export function GeneralTab() {
  const { t, i18n } = useTranslation()
  const { product } = useEditor()
  const { categories, families } = useCatalog()
  const targets = useApp((s) => s.settings?.targetLocales ?? DEFAULT_TARGETS)
  const locales = [SOURCE_LOCALE, ...targets]
  const [locale, setLocale] = useState(SOURCE_LOCALE)
  return (
    <>
      <div className="card">
        <div className="grid2">
          <TextField path="sku" label={t('catalog:fields.sku')} hint={t('catalog:hints.sku')} />
          <SelectField path="status" label={t('catalog:fields.status')} options={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`catalog:status.${s}`) }))} />
          <SelectField
            path="categoryId"
            label={t('catalog:fields.category')}
            empty={t('catalog:list.noCategory')}
            searchable
            options={flattenCategories(categories, i18n.language).map((c) => ({ value: c.id, label: c.label, depth: c.depth }))}
          />
          <SelectField
            path="familyId"
            label={t('catalog:fields.family')}
            empty={t('catalog:fields.noFamily')}
            options={families.map((f) => ({ value: f.id, label: localized(f.label, i18n.language) }))}
          />
        </div>
      </div>
      <div className="card">
        <h2 className="card-title">{t('catalog:editor.copy')}</h2>
        <Tabs
          variant="segmented"
          className="locale-tabs"
          aria-label={t('catalog:editor.copy')}
          active={locale}
          onChange={setLocale}
          tabs={locales.map((l) => ({
            id: l,
            label: languageOf(l),
            badge: !product.texts[l]?.title && l !== SOURCE_LOCALE ? <span className="dot" style={{ color: 'var(--color-warning)' }} title={t('ui:editor.noTitleYet')} aria-hidden="true" /> : undefined
          }))}
        />
        <div key={locale}>
          <TextField
            path={`texts.${locale}.title`}
            label={t('catalog:fields.titleIn', { locale: languageOf(locale, { inSentence: true }) })}
            max={locale === 'en' ? PAVILION_TITLE_MAX : undefined}
            hint={locale === 'en' ? t('catalog:hints.englishTitle') : undefined}
          />
          <TextField path={`texts.${locale}.shortDescription`} label={t('catalog:fields.shortDescription')} multiline />
          <RichTextField path={`texts.${locale}.description`} label={t('catalog:fields.description')} />
          <ChipsField path={`texts.${locale}.keywords`} label={t('catalog:fields.keywords')} max={20} hint={t('catalog:hints.keywords')} />
        </div>
      </div>
    </>
  )
}
