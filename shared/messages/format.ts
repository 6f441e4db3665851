// How values inside sentences are written: every number through Intl.NumberFormat for the
// sentence's language ("3.599" in Italian, "3,599" in English), dates through Intl.DateTimeFormat,
// lists through Intl.ListFormat. Plugged into i18next as its formatter, with `alwaysFormat`, so a
// plain {{count}} is written the local way too; {{x, date}}, {{x, datetime}}, {{x, list}},
// {{x, percent}}, {{x, units}} (unit codes such as "months, days" as the language says them) and
// {{x, raw}} (identifiers such as years or ports) choose another way.
import { MESSAGE_CATALOGUES, type Catalogue } from './catalogues.ts'

type Options = Record<string, unknown>

function asDate(value: unknown): Date | null {
  if (value instanceof Date) return value
  if (typeof value === 'string' || typeof value === 'number') {
    const d = new Date(value)
    return Number.isNaN(d.getTime()) ? null : d
  }
  return null
}

/** Writes one value for a sentence in `lng`; `format` is the name after the comma in {{x, name}}. */
export function formatValue(value: unknown, format: string | undefined, lng: string): unknown {
  const name = (format ?? '').trim().toLowerCase()
  if (value === null || value === undefined || name === 'raw') return value
  switch (name) {
    case '':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? new Intl.NumberFormat(lng, { maximumFractionDigits: 3 }).format(value) : value
    case 'percent':
      return typeof value === 'number' ? new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 }).format(value) : value
    case 'date': {
      const d = asDate(value)
      return d ? new Intl.DateTimeFormat(lng, { dateStyle: 'medium' }).format(d) : value
    }
    case 'datetime': {
      const d = asDate(value)
      return d ? new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(d) : value
    }
    case 'list':
      return Array.isArray(value) ? new Intl.ListFormat(lng, { type: 'conjunction' }).format(value.map(String)) : value
    case 'units': {
      const codes = Array.isArray(value) ? value.map(String) : String(value).split(/\s*,\s*/).filter(Boolean)
      const names = ((MESSAGE_CATALOGUES as Record<string, Record<string, Catalogue>>)[lng] ?? MESSAGE_CATALOGUES.en).common.unit as Record<string, string> | undefined
      return new Intl.ListFormat(lng, { type: 'disjunction' }).format(codes.map((c) => names?.[c] ?? c))
    }
    default:
      return value
  }
}

/** i18next formatter module (`i18n.use(localeFormatter)`), the same in the core and the UI. */
export const localeFormatter = {
  type: 'formatter' as const,
  init(): void {},
  add(): void {},
  addCached(): void {},
  format(value: unknown, format: string | undefined, lng: string | undefined, _options?: Options): unknown {
    return formatValue(value, format, lng ?? 'en')
  }
}
