// Labels for import targets in the user's language ("trade/ladder/2/price" → "Scaglione 2 – prezzo").
import type { TFunction } from 'i18next'
import { parseTarget } from '../../../../shared/domain/spreadsheet/targets.ts'
import { languageOf } from '../../i18n/language-names.ts'

export interface TargetOption {
  code: string
  group: string
  label?: Record<string, string>
  type?: string
  units?: string[]
  /** Families that define this attribute (codes). */
  families?: string[]
}

export function targetLabel(code: string, t: TFunction, lang: string, options: TargetOption[]): string {
  const target = parseTarget(code)
  if (!target) return code
  const attrName = (c: string) => {
    const label = options.find((o) => o.code.startsWith(`attribute/${c}`) || o.code === `axis/${c}`)?.label
    return label?.[lang] ?? label?.it ?? label?.en ?? c
  }
  const inLanguage = (field: string, l: string) => t('errors:field.inLanguage', { field, language: languageOf(l, { inSentence: true }) })
  switch (target.kind) {
    case 'text': return inLanguage(t(`import:target.text.${target.field}`), target.locale)
    case 'attribute':
      if (target.part === 'unit') return t('import:target.unitOf', { name: attrName(target.code) })
      return target.locale ? inLanguage(attrName(target.code), target.locale) : attrName(target.code)
    case 'axis': return t('import:target.axisOf', { name: attrName(target.code) })
    case 'axisName': case 'axisValue': return t(`import:variants.target.${target.kind}`, { n: target.pair })
    case 'group': case 'rowType': case 'variantsSpec': return t(`import:variants.target.${target.kind}`)
    case 'trade': return target.key === 'stock' ? t('import:variants.target.stock') : t(`import:target.trade.${target.key}`)
    case 'ladder': return t(`import:target.ladder.${target.key}`, { n: target.tier })
    case 'leadTime': return t(`import:target.leadTime.${target.key}`, { n: target.band })
    case 'supply': return t(`import:target.supply.${target.key}`)
    case 'logistics': return t(`import:target.logistics.${target.key}${'part' in target && target.part ? `_${target.part}` : ''}`)
    case 'origin': return t(`import:target.origin.${target.key}`)
    default: return t(`import:target.${target.kind}`)
  }
}

export const GROUP_ORDER = ['ignore', 'product', 'text', 'attribute', 'axis', 'trade', 'logistics', 'origin', 'images']
