// The sentences a person reads, from the app's own catalogues (shared/messages: what the core
// says, merged by the UI into its namespaces), so tests can check them word for word.
import type { TFunction } from 'i18next'
import type { UiLanguage } from '../../shared/domain/locales.ts'
import { translator } from '../../shared/messages/translator.ts'

export async function uiText(lng: UiLanguage): Promise<TFunction> {
  return translator(lng)
}
