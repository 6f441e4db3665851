// i18next with one JSON file per area and language: locales/<lng>/<namespace>.json.
// A feature adds its namespace by adding files; they are picked up here automatically.
// Sentences the core produces too (errors, import problems, job titles, statuses …) live in
// shared/messages/locales/<lng>/<namespace>.json and are merged into the namespace of the same name,
// so keys stay the same wherever their sentence lives (test/i18n.test.ts checks no key is in both).
// Keys are always written fully qualified in code: t('catalog:list.title').
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/domain/locales.ts'
import { MESSAGE_CATALOGUES, type Catalogue } from '../../../shared/messages/catalogues.ts'
import { localeFormatter } from '../../../shared/messages/format.ts'
import { I18N_OPTIONS } from '../../../shared/messages/translator.ts'

const files = import.meta.glob('./locales/*/*.json', { eager: true, import: 'default' }) as Record<string, Catalogue>

function merge(into: Catalogue, from: Catalogue): Catalogue {
  const out: Catalogue = { ...into }
  for (const [k, v] of Object.entries(from)) {
    const cur = out[k]
    out[k] = typeof v === 'object' && typeof cur === 'object' ? merge(cur, v) : v
  }
  return out
}

const resources: Record<string, Record<string, Catalogue>> = {}
for (const [path, json] of Object.entries(files)) {
  const m = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
  if (!m) continue
  const [, lng, ns] = m
  ;(resources[lng] ??= {})[ns] = json
}
for (const [lng, byNs] of Object.entries(MESSAGE_CATALOGUES)) {
  for (const [ns, json] of Object.entries(byNs)) (resources[lng] ??= {})[ns] = merge(resources[lng][ns] ?? {}, json)
}

const STORAGE_KEY = 'vetrina.uiLanguage'

export function initialLanguage(): UiLanguage {
  const stored = localStorage.getItem(STORAGE_KEY)
  if (stored && (UI_LANGUAGES as readonly string[]).includes(stored)) return stored as UiLanguage
  const nav = navigator.language
  if (nav.startsWith('zh')) return 'zh-CN'
  if (nav.startsWith('en')) return 'en'
  return 'it'
}

/** The UI language now (files the core writes for the user are written in it). */
export function currentLanguage(): UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as UiLanguage) : 'it'
}

export function rememberLanguage(lng: UiLanguage): void {
  localStorage.setItem(STORAGE_KEY, lng)
  document.documentElement.lang = lng
  void i18n.changeLanguage(lng)
}

void i18n.use(initReactI18next).use(localeFormatter).init({
  ...I18N_OPTIONS,
  resources,
  lng: initialLanguage(),
  ns: Object.keys(resources.en ?? {})
})
document.documentElement.lang = i18n.language

export default i18n
