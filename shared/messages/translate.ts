// A problem of a TMX, glossary or XLIFF import as a sentence in the user's language (the app's
// exchange panel and the CLI): the exchange problem's own sentence, else the error sentence for its
// code (a unit refused by a product rule).
import type { TFunction } from 'i18next'
import type { ImportProblem } from '../contract/translation.ts'
import { errorText } from './errors.ts'

export function problemText(p: Pick<ImportProblem, 'code' | 'message' | 'params'>, t: TFunction): string {
  const key = `translate:exchangeProblem.${p.code}`
  if (t(key, { defaultValue: '' })) return String(t(key, { ...(p.params ?? {}) }))
  return errorText({ code: p.code, message: p.message, params: p.params }, t)
}
