// Catalogue locales. Italian is the source language of every listing; the targets are a setting
// (English and Simplified Chinese by default, as the pavilion needs them).
import { z } from 'zod'

export const SOURCE_LOCALE = 'it'
export const DEFAULT_TARGET_LOCALES = ['en', 'zh-CN'] as const

/** BCP-47 subset used for catalogue content: "it", "en", "zh-CN", "pt-BR", "zh-Hans". */
export const LocaleCode = z
  .string()
  .regex(/^[a-z]{2,3}(-([A-Z]{2}|[A-Z][a-z]{3}))?$/, 'must be a language code such as "it", "en" or "zh-CN"')
export type LocaleCode = z.infer<typeof LocaleCode>

/** Languages of the user interface (not of the catalogue content). */
export const UI_LANGUAGES = ['it', 'en', 'zh-CN'] as const
export const UiLanguage = z.enum(UI_LANGUAGES)
export type UiLanguage = z.infer<typeof UiLanguage>

/** Human names of the catalogue locales we know, in their own language. */
export const LOCALE_NAMES: Record<string, string> = {
  it: 'Italiano',
  en: 'English',
  'zh-CN': '中文（简体）',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español'
}
