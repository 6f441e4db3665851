// A product field path as the person knows the field: "trade.ladder.2.minQty" → "Tier 3: minimum
// quantity", "texts.en.title" → "Title (English)", "attributes.alcohol" → the attribute's name.
// Rows count from 1 as people count. A path this does not know gives null (the caller then shows
// the problem without a field name rather than an internal path).
import type { TFunction } from 'i18next'

/** Names the caller knows (attribute and axis labels come from the families, not the catalogues). */
export interface FieldNames {
  attribute?(code: string): string | undefined
}

const has = (t: TFunction, key: string) => !!t(key, { defaultValue: '' })

/**
 * Name of a catalogue language in the UI language as it reads inside a sentence: "inglese",
 * "cinese semplificato" (Italian writes language names lowercase mid-sentence), "English", "英语".
 */
export function languageName(locale: string, lng: string): string {
  try {
    return new Intl.DisplayNames([lng], { type: 'language' }).of(locale === 'zh-CN' ? 'zh-Hans' : locale) ?? locale
  } catch {
    return locale
  }
}

/** The same as a standalone label or heading, starting with a capital where the language has them: "Inglese". */
export function languageLabel(locale: string, lng: string): string {
  const name = languageName(locale, lng)
  return name.charAt(0).toLocaleUpperCase(lng) + name.slice(1)
}

export function fieldLabel(path: string, t: TFunction, names: FieldNames = {}): string | null {
  const p = path.split('.').filter((s) => s !== '')
  const lng = (t as { lng?: string }).lng ?? 'en'
  const idx = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) + 1 : null)
  const field = (key: string) => (has(t, `errors:field.${key}`) ? String(t(`errors:field.${key}`)) : null)
  const [head, a, b, c] = p
  switch (head) {
    case undefined:
      return null
    case 'texts': {
      if (!a) return field('texts')
      const name = b && has(t, `translate:field.${b}`) ? String(t(`translate:field.${b}`)) : String(t('errors:field.texts'))
      return String(t('errors:field.inLanguage', { field: name, language: languageName(a, lng) }))
    }
    case 'attributes':
    case 'axes': {
      if (!a) return field(head)
      const name = names.attribute?.(a)
      return name ? String(t(head === 'axes' ? 'errors:field.axisNamed' : 'errors:field.attributeNamed', { name })) : field(head)
    }
    case 'trade': {
      if ((a === 'ladder' || a === 'leadTimes') && idx(b) !== null) {
        const part = c ? field(`${a}Part.${c}`) : null
        const row = String(t(`errors:field.${a}Row`, { n: idx(b) }))
        return part ? `${row}: ${part}` : row
      }
      if (a === 'supplyAbility' && b) return field(`supplyAbility.${b}`)
      return a ? field(`trade.${a}`) : null
    }
    case 'logistics': {
      if (a === 'dimensions' && b && b !== 'unit') return field(`logistics.dimensions_${b}`)
      return a ? field(`logistics.${a}`) : null
    }
    case 'origin':
      return a ? field(`origin.${a}`) : null
    case 'variantAxes':
      return field('variantAxes')
    default:
      return field(head)
  }
}
