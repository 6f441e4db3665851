// Import problems as sentences, the same in the app's report, the downloaded report and rejected
// rows files and the CLI: "Peso netto: «Bottiglia» non è un numero con unità di misura".
import type { TFunction } from 'i18next'
import type { RowIssue } from '../contract/spreadsheet.ts'
import { parseTarget } from '../domain/spreadsheet/targets.ts'
import { errorKey, fieldLabel, issueKey } from './errors.ts'
import { languageName } from './field-path.ts'

const exists = (t: TFunction, key: string) => !!t(key, { defaultValue: '' })

/** The key of an import problem's sentence: the import's own, a validation rule's, or an error's. */
export function rowIssueKey(code: string, t: TFunction): string {
  for (const key of [`import:issue.${code}`, issueKey(code), errorKey(code)]) if (exists(t, key)) return key
  return 'errors:issue.invalid'
}

/** The problem alone, without the column. */
export function rowIssueSentence(issue: Pick<RowIssue, 'code' | 'params'>, t: TFunction): string {
  const params = issue.params ?? {}
  return String(t(rowIssueKey(issue.code, t), { ...params, context: typeof params.origin === 'string' ? params.origin : undefined }))
}

/** Where the problem is: the file's column header, else the product field's name. */
export function rowIssuePlace(issue: Pick<RowIssue, 'column' | 'field'>, t: TFunction): string {
  if (issue.column) return issue.column
  return issueFieldName(issue.field, t)
}

export function rowIssueText(issue: Pick<RowIssue, 'column' | 'field' | 'code' | 'params'>, t: TFunction): string {
  const place = rowIssuePlace(issue, t)
  const text = rowIssueSentence(issue, t)
  return place ? String(t('import:issueAt', { place, text })) : text
}

/** A catalogue's name for an attribute or axis code, per language (from its family). */
export type AttributeNames = (code: string) => Record<string, string> | undefined

/** The label of an import target in the user's language ("trade/ladder/2/price" → "Scaglione 2 – prezzo"). */
export function targetLabel(code: string, t: TFunction, names: AttributeNames = () => undefined): string {
  const target = parseTarget(code)
  if (!target) return ''
  const lng = (t as { lng?: string }).lng ?? 'en'
  const attrName = (c: string) => {
    const label = names(c)
    return label?.[lng] ?? label?.it ?? label?.en ?? c
  }
  switch (target.kind) {
    case 'text': return String(t('errors:field.inLanguage', { field: t(`import:target.text.${target.field}`), language: languageName(target.locale, lng) }))
    case 'attribute':
      if (target.part === 'unit') return String(t('import:target.unitOf', { name: attrName(target.code) }))
      return target.locale ? String(t('errors:field.inLanguage', { field: attrName(target.code), language: languageName(target.locale, lng) })) : attrName(target.code)
    case 'axis': return String(t('import:target.axisOf', { name: attrName(target.code) }))
    case 'trade': return String(t(`import:target.trade.${target.key}`))
    case 'ladder': return String(t(`import:target.ladder.${target.key}`, { n: target.tier }))
    case 'leadTime': return String(t(`import:target.leadTime.${target.key}`, { n: target.band }))
    case 'supply': return String(t(`import:target.supply.${target.key}`))
    case 'logistics': return String(t(`import:target.logistics.${target.key}${'part' in target && target.part ? `_${target.part}` : ''}`))
    case 'origin': return String(t(`import:target.origin.${target.key}`))
    default: return String(t(`import:target.${target.kind}`))
  }
}

/** The field a problem is about: an import target ("logistics/netWeight") or a product field path. */
export function issueFieldName(field: string, t: TFunction, names?: AttributeNames): string {
  if (!field) return ''
  if (field.includes('/') || parseTarget(field)) return targetLabel(field, t, names)
  return fieldLabel(field, t, names ? { attribute: (c) => { const l = names(c); const lng = (t as { lng?: string }).lng ?? 'en'; return l?.[lng] ?? l?.it } } : {}) ?? ''
}

/** A note about the whole file (encoding guessed, hidden rows …). */
export function warningText(w: { code: string; params?: Record<string, string | number> }, t: TFunction): string {
  const key = `import:warning.${w.code}`
  return String(t(exists(t, key) ? key : 'import:warning.other', { ...(w.params ?? {}) }))
}
