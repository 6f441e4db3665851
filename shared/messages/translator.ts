// Sentences in a given language for the core (CLI output, downloaded reports, anything written for
// a person outside the app's window). Uses i18next, like the UI, with the same catalogues and
// formatter, so a message reads the same in the app, in a report and in the terminal.
import i18next, { type InitOptions, type TFunction } from 'i18next'
import type { UiLanguage } from '../domain/locales.ts'
import { MESSAGE_CATALOGUES } from './catalogues.ts'
import { localeFormatter } from './format.ts'
import type { Message } from './message.ts'

export type { TFunction }

/** i18next options both the core and the UI use. */
export const I18N_OPTIONS = {
  fallbackLng: 'en',
  defaultNS: 'common',
  interpolation: { escapeValue: false, alwaysFormat: true },
  returnNull: false
} satisfies InitOptions

const cache = new Map<UiLanguage, TFunction>()

/** The translate function for `lng`, over the core's catalogues (made once per language). */
export function translator(lng: UiLanguage): TFunction {
  let t = cache.get(lng)
  if (!t) {
    const instance = i18next.createInstance().use(localeFormatter)
    void instance.init({
      ...I18N_OPTIONS,
      lng,
      resources: MESSAGE_CATALOGUES as unknown as Record<string, Record<string, object>>,
      ns: Object.keys(MESSAGE_CATALOGUES.en),
      initAsync: false
    })
    t = instance.getFixedT(lng) as TFunction
    cache.set(lng, t)
  }
  return t
}

/** The sentence for a message. */
export function messageText(m: Message, t: TFunction): string {
  return String(t(m.key, { ...(m.params ?? {}) }))
}
