// Human names for product field paths ("trade.ladder.2.minQty" → "Scaglione 3: quantità minima"),
// shared with the core's validation messages (shared/messages/field-path.ts). A path it does not
// know reads as "field", never as the internal path.
import type { TFunction } from 'i18next'
import { fieldLabel as sharedFieldLabel, type FieldNames } from '../../../../shared/messages/field-path.ts'

export function fieldLabel(path: string, t: TFunction, names?: FieldNames): string {
  return sharedFieldLabel(path, t, names) ?? String(t('errors:field.other'))
}
