// Catalogue languages named in the UI's language ("Inglese" in the Italian UI, "英语" in Chinese):
// for the languages of the content (titles, listings, translations). The UI language switcher
// names each language in itself instead (marked with lang="…" for that reason).
// A standalone label (a tab, a table cell, a list option) takes the label form, "Inglese"; a name
// put inside a sentence or a parenthesis takes the in-sentence form, "Ora: inglese, cinese
// semplificato", "Nome (inglese)": Italian writes language names lowercase there.
import { languageLabel, languageName } from '../../../shared/messages/field-path.ts'
import i18n from './index.ts'

export function languageOf(locale: string, options: { inSentence?: boolean } = {}): string {
  return options.inSentence ? languageName(locale, i18n.language) : languageLabel(locale, i18n.language)
}
