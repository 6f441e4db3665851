// A problem of a TMX, glossary or XLIFF import as a sentence (shared with the CLI).
export { problemText } from '../../../../shared/messages/translate.ts'
