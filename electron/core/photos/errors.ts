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
  renditionTooLarge: 'photo_rendition_too_large',
  /** The chosen folders hold nothing that could be a picture. */
  noFiles: 'photo_no_files'
} as const

type Params = Record<string, string | number | boolean | null>

export function photoError(code: string, message: string, params: Params = {}): AppError {
  // codes: passed on
  return new AppError(code, message, { params })
}

const MB = 1024 * 1024

export const FORMAT_LABEL: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', avif: 'AVIF', tiff: 'TIFF', gif: 'GIF', heic: 'HEIC' }

/** What is wrong with a damaged file, in words a user can act on (the UI translates the code). */
export type DamageReason = 'truncated' | 'corrupt_data' | 'bad_structure' | 'decoder_stopped' | 'unknown'

const REASON_TEXT: Record<DamageReason, string> = {
  truncated: 'it is incomplete, probably because a copy was interrupted',
  corrupt_data: 'part of its picture data is corrupt',
  bad_structure: 'its structure is invalid',
  decoder_stopped: 'it stopped the image decoder',
  unknown: 'it cannot be decoded'
}

/** Sorts a decoder's message into a reason. */
export function damageReason(raw: string): DamageReason {
  if (/premature end|truncated|unexpected end|end of file|not enough data|short \d+ bytes|outside of file bounds|bad seek|read error|IO error/i.test(raw)) return 'truncated'
  if (/corrupt|extraneous bytes|invalid SOS|huffman|bad (arithmetic|huffman) code|crc|zlib|decompress|data probably corrupted|wrong length of decoded|incorrect|decoding/i.test(raw)) return 'corrupt_data'
  if (/header|marker|directory|bogus|invalid|tag|field|strip|tile|table|sampling|component|required|unsupported marker|structure|dimensions/i.test(raw)) return 'bad_structure'
  return 'unknown'
}

/**
 * Absolute paths (the store's temporary copies, libvips' temporary files) removed from a decoder's
 * message: they mean nothing to the user and reveal the inside of the data folder.
 */
export function withoutPaths(text: string): string {
  return text
    .replace(/"(?:[A-Za-z]:)?[\\/][^"]*"/g, '')
    .replace(/(?:[A-Za-z]:)?(?:[\\/][^\s\\/:'",()]+){2,}[\\/]?/g, '')
    .replace(/^[\s:,]+|[\s:,]+$/g, '')
    .replace(/\s{2,}/g, ' ')
}

/** A damaged file's error; `detail` (the decoder's own words, without paths) is kept for support, not shown. */
export function damagedError(format: string, reason: DamageReason, detail: string | null): AppError {
  const label = FORMAT_LABEL[format] ?? format.toUpperCase()
  return photoError(
    PhotoErrorCodes.damaged,
    `The ${label} file is damaged: ${REASON_TEXT[reason]}. Copy or export it again from the original.`,
    { format, reason, detail: detail ? withoutPaths(detail) || null : null }
  )
}

/**
 * Turns a libvips/sharp failure into a per-file error. The code and a reason say what kind of
 * problem it is; the decoder's own words go only into `detail` (for support).
 */
export function explainDecodeError(err: unknown, format: string, limits: { maxPixels: number; timeoutSeconds: number }): AppError {
  if (err instanceof AppError) return err
  const raw = withoutPaths(String((err as Error)?.message ?? err))
  const first = raw.split('\n')[0].trim()
  const detail = first.replace(/^Input (file|buffer) (has corrupt header|contains unsupported image format):?\s*/i, '').replace(/^(VipsJpeg|vipspng|webp2vips|webp|tiff2vips|heifload|source input):\s*/gi, '').replace(/^(VipsJpeg|vipspng|webp2vips|webp|tiff2vips|heifload|source input):\s*/gi, '')
  if (/exceeds pixel limit/i.test(raw)) {
    return photoError(PhotoErrorCodes.tooManyPixels, `The image has more than ${Math.round(limits.maxPixels / 1e6)} megapixels, which Vetrina does not accept (it could exhaust memory). Reduce it before adding it.`, { maxMegapixels: Math.round(limits.maxPixels / 1e6) })
  }
  if (/timeout/i.test(raw)) {
    return photoError(PhotoErrorCodes.timeout, `Processing the image took longer than ${limits.timeoutSeconds} s and was stopped. Re-export it as a standard JPEG.`, { seconds: limits.timeoutSeconds })
  }
  if (/data precision (\d+)/i.test(raw)) {
    const bits = Number(/data precision (\d+)/i.exec(raw)![1])
    return photoError(PhotoErrorCodes.unsupportedVariant, `This JPEG stores ${bits}-bit samples, which Vetrina does not support. Re-export it as a standard 8-bit JPEG.`, { variant: 'jpeg_12bit', bits, reexportAs: 'JPEG' })
  }
  if (/Unsupported JPEG process|arithmetic/i.test(raw)) {
    return photoError(PhotoErrorCodes.unsupportedVariant, 'This JPEG uses a coding method Vetrina does not support. Re-export it as a standard baseline or progressive JPEG.', { variant: 'jpeg_process', reexportAs: 'JPEG', detail })
  }
  return damagedError(format, damageReason(raw), detail && !/unknown error|unsupported image format/i.test(detail) ? detail : null)
}

/**
 * Decoder warnings about corrupt data in a JPEG: its picture cannot be trusted (blocks of
 * another picture, grey areas). All but one: bytes after the last scan, just before the end
 * marker, leave every pixel intact (some cameras write them).
 */
export function isHarmlessJpegWarning(err: unknown): boolean {
  const text = String((err as Error)?.message ?? err)
  return /extraneous bytes before marker 0xd9/i.test(text) && !/premature|huffman|invalid|bogus/i.test(text.replace(/extraneous bytes before marker 0xd9/gi, ''))
}

/** Megabytes with one decimal, for sentences ("12,4 MB"). */
export function megabytes(bytes: number): number {
  return Math.round((bytes / MB) * 10) / 10
}

export function describeBytes(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}
