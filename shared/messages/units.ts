// A unit code as the language says it ("months" → "mesi"); symbols such as kg or % vol stay as they are.
import type { TFunction } from 'i18next'

export function unitName(code: string, t: TFunction): string {
  return String(t(`common:unit.${code}`, { defaultValue: code }))
}
