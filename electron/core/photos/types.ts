// Types shared by the photo pipeline's modules.
import type { PHOTO_FORMATS } from '../../../shared/contract/photos.ts'

export type PhotoFormat = (typeof PHOTO_FORMATS)[number]

/** Limits that keep one file from exhausting time or memory. */
export interface PipelineLimits {
  /** Largest picture accepted, in pixels (a decompression bomb is refused before decoding). */
  maxPixels: number
  /** Largest file accepted, in bytes. */
  maxFileBytes: number
  /** Longest over shortest side beyond which a picture is refused as absurd. */
  maxAspect: number
  /** Per-file processing time limit. */
  timeoutSeconds: number
}

export const DEFAULT_LIMITS: PipelineLimits = {
  // Enough for 100-megapixel cameras; the 268 MP default of libvips is more than a laptop should decode.
  maxPixels: 120_000_000,
  maxFileBytes: 200 * 1024 * 1024,
  maxAspect: 50,
  timeoutSeconds: 60
}

/** Facts about the original, as stored with the photo. */
export interface SourceFacts {
  format: PhotoFormat
  /** Upright size. */
  width: number
  height: number
  orientation: number
  colourSpace: string
  bitDepth: number
  hasAlpha: boolean
  hasProfile: boolean
  pages: number
}
