// The app's own translations (renderer/src/i18n/locales), loaded into an i18next instance, so
// tests can check the sentences a person reads.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import i18next, { type Resource, type TFunction } from 'i18next'

const LOCALES = join(import.meta.dirname, '../../renderer/src/i18n/locales')

export async function uiText(lng: 'it' | 'en' | 'zh-CN'): Promise<TFunction> {
  const resources: Resource = {}
  for (const l of readdirSync(LOCALES)) {
    resources[l] = {}
    for (const f of readdirSync(join(LOCALES, l))) resources[l][f.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(LOCALES, l, f), 'utf8'))
  }
  const i18n = i18next.createInstance()
  await i18n.init({ resources, lng, fallbackLng: false, ns: Object.keys(resources.en), defaultNS: 'common', interpolation: { escapeValue: false } })
  return i18n.t
}
