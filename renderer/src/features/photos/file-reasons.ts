// Why a file of a batch was refused or skipped, and the batch's skip line, in the user's
// language: built from the code and parameters the core gives (its English message only as a
// fallback; the decoder's own words, which may name internal files, are never shown).
import type { TFunction } from 'i18next'
import { SKIP_REASONS } from '../../../../shared/domain/photo-skips.ts'

export { skippedText } from '../../../../shared/domain/photo-skips.ts'

const IMAGE_FORMATS: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', avif: 'AVIF', tiff: 'TIFF', gif: 'GIF', heic: 'HEIC' }

/** A refused or skipped file's reason. */
export function fileErrorText(error: { code: string; message: string; params: Record<string, unknown> }, t: TFunction): string {
  const p = error.params
  if ((SKIP_REASONS as readonly string[]).includes(error.code)) return t(`photos:skipReason.${error.code}`, { defaultValue: error.message })
  const mb = (n: unknown) => (typeof n === 'number' ? Math.max(1, Math.round(n / 1048576)) : '')
  const format = typeof p.format === 'string' ? p.format : ''
  if (error.code === 'photo_damaged') {
    const reason = t(`photos:damage.${typeof p.reason === 'string' ? p.reason : 'unknown'}`)
    return IMAGE_FORMATS[format]
      ? t('photos:error.photo_damaged', { format: IMAGE_FORMATS[format], reason })
      : t('photos:error.photo_damaged_any', { reason })
  }
  if (error.code === 'photo_unsupported_format') {
    const hint = t(`photos:formatHint.${format}`, { defaultValue: t('photos:formatHint.default') })
    return t('photos:error.photo_unsupported_format', { format: t(`photos:format.${format}`, { defaultValue: format }), hint })
  }
  return t(`photos:error.${error.code}`, { ...p, megabytes: mb(p.bytes), maxMegabytes: mb(p.maxBytes), detail: p.detail ?? '', defaultValue: error.message })
}
