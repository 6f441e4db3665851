// Translation units: one per product text field × target locale, with a status and a "stale"
// flag raised when the Italian source changes after the translation was made.
import { z } from 'zod'
import { TEXT_FIELDS, type TextField } from '../product.ts'

export const UNIT_STATUSES = ['new', 'machine', 'translated', 'reviewed', 'approved'] as const
export const UnitStatus = z.enum(UNIT_STATUSES)
export type UnitStatus = z.infer<typeof UnitStatus>

export const TranslationField = z.enum(TEXT_FIELDS)
export type TranslationField = TextField

/** Where the current target text came from. */
export const UNIT_ORIGINS = ['human', 'machine', 'tm', 'xliff', 'import'] as const
export type UnitOrigin = (typeof UNIT_ORIGINS)[number]

/** Statuses a person sets by confirming a unit (machine is only ever set by MT). */
export const HUMAN_STATUSES = ['translated', 'reviewed', 'approved'] as const

/** Stable XLIFF unit id: product + field ("p_01J….title"). Valid as an XML NMTOKEN. */
export function unitId(productId: string, field: TextField): string {
  return `${productId}.${field}`
}

export function parseUnitId(id: string): { productId: string; field: TextField } | null {
  const dot = id.lastIndexOf('.')
  if (dot <= 0) return null
  const field = id.slice(dot + 1)
  if (!(TEXT_FIELDS as readonly string[]).includes(field)) return null
  return { productId: id.slice(0, dot), field: field as TextField }
}

/**
 * A field's value as unit text. Keywords are a list: one keyword per line, so translators and
 * CAT tools see them as plain text and the list survives the round trip.
 */
export function fieldToText(field: TextField, value: unknown): string {
  if (value === undefined || value === null) return ''
  if (field === 'keywords') return Array.isArray(value) ? value.join('\n') : String(value)
  return String(value)
}

export function textToField(field: TextField, text: string): string | string[] | null {
  if (field === 'keywords') {
    const list = text.split(/\r?\n/).map((k) => k.trim()).filter(Boolean)
    return list.length ? list : null
  }
  const trimmed = field === 'description' ? text.trim() : text
  return trimmed === '' ? null : trimmed
}

/**
 * Pavilion limits for target copy (Alibaba.com: subject ≤ 128 characters, English titles ASCII,
 * keywords without "," or ";", description ≤ 60000). Settings can override them per locale.
 */
export interface FieldLimits {
  maxChars?: number
  /** Only ASCII characters allowed (English titles on the pavilion). */
  ascii?: boolean
  /** For keywords: the most keywords the channel accepts. */
  maxItems?: number
}
export type LocaleLimits = Partial<Record<TextField, FieldLimits>>

export const DEFAULT_LIMITS: Record<string, LocaleLimits> = {
  '*': { title: { maxChars: 128 }, description: { maxChars: 60000 }, keywords: { maxChars: 128, maxItems: 20 }, shortDescription: { maxChars: 2000 } },
  en: { title: { maxChars: 128, ascii: true } }
}

export function limitsFor(locale: string, field: TextField, overrides: Record<string, LocaleLimits> = {}): FieldLimits {
  return {
    ...(DEFAULT_LIMITS['*'][field] ?? {}),
    ...(DEFAULT_LIMITS[locale]?.[field] ?? {}),
    ...(overrides['*']?.[field] ?? {}),
    ...(overrides[locale]?.[field] ?? {})
  }
}
