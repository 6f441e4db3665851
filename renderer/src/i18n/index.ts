// i18next with one JSON file per area and language: locales/<lng>/<namespace>.json.
// A feature adds its namespace by adding files; they are picked up here automatically.
// Keys are always written fully qualified in code: t('catalog:list.title').
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/domain/locales.ts'

const files = import.meta.glob('./locales/*/*.json', { eager: true, import: 'default' }) as Record<string, Record<string, unknown>>

const resources: Record<string, Record<string, Record<string, unknown>>> = {}
for (const [path, json] of Object.entries(files)) {
  const m = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
  if (!m) continue
  const [, lng, ns] = m
  ;(resources[lng] ??= {})[ns] = json
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

export function rememberLanguage(lng: UiLanguage): void {
  localStorage.setItem(STORAGE_KEY, lng)
  document.documentElement.lang = lng
  void i18n.changeLanguage(lng)
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  ns: Object.keys(resources.en ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false
})
document.documentElement.lang = i18n.language

export default i18n
