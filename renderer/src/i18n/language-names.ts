// Catalogue languages named in the UI's language ("Inglese" in the Italian UI, "英语" in Chinese):
// for the languages of the content (titles, listings, translations). The UI language switcher
// names each language in itself instead (marked with lang="…" for that reason).
import { languageLabel } from '../../../shared/messages/field-path.ts'
import i18n from './index.ts'

export function languageOf(locale: string): string {
  return languageLabel(locale, i18n.language)
}
