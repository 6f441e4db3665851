// Per-file errors of the photo pipeline: a stable code the UI translates, and an English message
// that says what is wrong and what to do. A failing file never stops the rest of a batch.
import { AppError } from '../../../shared/contract/errors.ts'

export const PhotoErrorCodes = {
  unreadable: 'photo_unreadable',
  empty: 'photo_empty',
  fileTooLarge: 'photo_file_too_large',
  notImage: 'photo_not_image',
  unsupportedFormat: 'photo_unsupported_format',
  unsupportedVariant: 'photo_unsupported_variant',
  tooManyPixels: 'photo_too_many_pixels',
  badDimensions: 'photo_bad_dimensions',
  damaged: 'photo_damaged',
  timeout: 'photo_timeout',
  notFound: 'photo_not_found',
  /** Not the file's fault: Vetrina is closing (the file stays to do). */
  engineClosed: 'photo_engine_closed',
  tooManyMain: 'photo_too_many_main',
  renditionTooLarge: 'photo_rendition_too_large'
} as const

type Params = Record<string, string | number | boolean | null>

export function photoError(code: string, message: string, params: Params = {}): AppError {
  // codes: passed on
  return new AppError(code, message, { params })
}

const MB = 1024 * 1024

export const FORMAT_LABEL: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', avif: 'AVIF', tiff: 'TIFF', gif: 'GIF', heic: 'HEIC' }

/**
 * Turns a libvips/sharp failure into a per-file error. The decoder's own words go into the
 * message (they help support), but the code says what kind of problem it is.
 */
export function explainDecodeError(err: unknown, format: string, limits: { maxPixels: number; timeoutSeconds: number }): AppError {
  if (err instanceof AppError) return err
  const raw = String((err as Error)?.message ?? err)
  const first = raw.split('\n')[0].trim()
  const detail = first.replace(/^Input (file|buffer) (has corrupt header|contains unsupported image format):?\s*/i, '').replace(/^(VipsJpeg|vipspng|webp2vips|webp|tiff2vips|heifload):\s*/i, '')
  const label = FORMAT_LABEL[format] ?? format.toUpperCase()
  if (/exceeds pixel limit/i.test(raw)) {
    return photoError(PhotoErrorCodes.tooManyPixels, `The image has more than ${Math.round(limits.maxPixels / 1e6)} megapixels, which Vetrina does not accept (it could exhaust memory). Reduce it before adding it.`, { maxMegapixels: Math.round(limits.maxPixels / 1e6) })
  }
  if (/timeout/i.test(raw)) {
    return photoError(PhotoErrorCodes.timeout, `Processing the image took longer than ${limits.timeoutSeconds} s and was stopped. Re-export it as a standard JPEG.`, { seconds: limits.timeoutSeconds })
  }
  if (/data precision (\d+)/i.test(raw)) {
    const bits = Number(/data precision (\d+)/i.exec(raw)![1])
    return photoError(PhotoErrorCodes.unsupportedVariant, `This JPEG stores ${bits}-bit samples, which Vetrina does not support. Re-export it as a standard 8-bit JPEG.`, { variant: `jpeg-${bits}bit`, reexportAs: 'JPEG' })
  }
  if (/Unsupported JPEG process|arithmetic/i.test(raw)) {
    return photoError(PhotoErrorCodes.unsupportedVariant, `This JPEG uses a coding method Vetrina does not support (${detail}). Re-export it as a standard baseline or progressive JPEG.`, { variant: 'jpeg-process', reexportAs: 'JPEG', detail })
  }
  return photoError(
    PhotoErrorCodes.damaged,
    `The ${label} file is damaged or incomplete${detail && !/unknown error/i.test(detail) ? ` (${detail})` : ''}. Copy or export it again from the original.`,
    { format, detail: detail || null }
  )
}

/** Megabytes with one decimal, for sentences ("12,4 MB"). */
export function megabytes(bytes: number): number {
  return Math.round((bytes / MB) * 10) / 10
}

export function describeBytes(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}
