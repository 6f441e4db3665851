// Why a file of a photo batch was refused or skipped, in the user's language, for the app's batch
// report and `vetrina photos add` alike: built from the code and parameters the core gives (the
// decoder's own words, which may name internal files, are never shown).
import type { TFunction } from 'i18next'
import type { PhotoWarning } from '../domain/photo-quality.ts'
import { SKIP_REASONS } from '../domain/photo-skips.ts'
import { errorText } from './errors.ts'

const IMAGE_FORMATS: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', avif: 'AVIF', tiff: 'TIFF', gif: 'GIF', heic: 'HEIC' }

/** A refused or skipped file's reason (sizes in megabytes also for items stored before the core sent them). */
export function fileErrorText(error: { code: string; message: string; params: Record<string, unknown> }, t: TFunction): string {
  const p = error.params
  const has = (key: string) => !!t(key, { defaultValue: '' })
  if ((SKIP_REASONS as readonly string[]).includes(error.code)) return String(t(`photos:skipReason.${error.code}`))
  const format = typeof p.format === 'string' ? p.format : ''
  if (error.code === 'photo_damaged') {
    const reason = String(t(`photos:damage.${typeof p.reason === 'string' && has(`photos:damage.${p.reason}`) ? p.reason : 'unknown'}`))
    return IMAGE_FORMATS[format]
      ? String(t('photos:error.photo_damaged', { format: IMAGE_FORMATS[format], reason }))
      : String(t('photos:error.photo_damaged_any', { reason }))
  }
  if (error.code === 'photo_unsupported_format') {
    const hint = typeof p.hint === 'string' ? p.hint : has(`photos:formatHint.${format}`) ? format : 'default'
    return String(t('photos:error.photo_unsupported_format', { format, hint }))
  }
  const mb = (n: unknown) => (typeof n === 'number' ? Math.round((n / 1048576) * 10) / 10 : '')
  const params = { ...(p as Record<string, string | number | boolean | null>), megabytes: (p.megabytes as number | undefined) ?? mb(p.bytes), maxMegabytes: (p.maxMegabytes as number | undefined) ?? mb(p.maxBytes) }
  return errorText({ code: error.code, message: error.message, params }, t)
}

/** A photo's quality warning in full, with its numbers and what to do ("The photo is 700×525 px …"). */
export function photoWarningText(w: Pick<PhotoWarning, 'code' | 'params'>, t: TFunction): string {
  const p = w.params as Record<string, string | number>
  const sides = typeof p.sides === 'string' ? p.sides.split(',').map((s) => String(t(`photos:side.${s}`, { defaultValue: s }))).join(', ') : ''
  return String(t(`photos:warning.${w.code}.long`, { ...p, sides }))
}
