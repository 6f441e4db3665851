// Quality warnings for product photos, computed from measurements taken once when a photo is
// added (so they follow preset changes without touching the photo again). The thresholds are
// heuristics tuned on real photos; each warning tells the user what to do, not just a number.
import { z } from 'zod'
import { PAVILION, type PhotoPresets } from './photo-presets.ts'

export const WARNING_CODES = ['too_small', 'blurry', 'too_dark', 'overexposed', 'near_duplicate', 'touches_edge', 'unusual_aspect'] as const
export const WarningCode = z.enum(WARNING_CODES)
export type WarningCode = z.infer<typeof WarningCode>

export const PhotoWarning = z.object({
  code: WarningCode,
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
})
export type PhotoWarning = z.infer<typeof PhotoWarning>

const Fraction = z.number().min(0).max(1)

/** What the analysis measured on the upright, sRGB, flattened picture. */
export const PhotoAnalysis = z.object({
  /**
   * Mean of the strongest 1 % of Laplacian responses at ~512 px (0–255 levels), divided by the
   * picture's tonal range (p95 − p05, at least 0.1). Low = soft.
   */
  sharpness: z.number().min(0),
  /** Relative luminance statistics, 0–1. */
  luma: z.object({ mean: Fraction, p05: Fraction, p95: Fraction }),
  /** A plain background was found along the borders (a product shot rather than a scene). */
  plainBackground: z.boolean(),
  /** Per side, the share of the border the subject covers (0 when no plain background). */
  edges: z.object({ top: Fraction, right: Fraction, bottom: Fraction, left: Fraction }),
  /** 64-bit perceptual hash (DCT), 16 hex digits. */
  phash: z.string().regex(/^[0-9a-f]{16}$/)
})
export type PhotoAnalysis = z.infer<typeof PhotoAnalysis>

export const QUALITY_LIMITS = {
  /**
   * Below this the picture looks soft at the main image's size: a sharp photo scores 180–350,
   * the same photo blurred by ~1.6 px at 1000 px scores about 100.
   */
  blurrySharpness: 100,
  /** Even the brightest 5 % of the picture is this dark or darker. */
  darkP95: 0.3,
  darkMean: 0.12,
  /** Even the darkest 5 % of the picture is this light: washed out. */
  overexposedP05: 0.6,
  overexposedMean: 0.8,
  /** A subject covering more than this share of a side is cut by the frame. */
  edgeShare: 0.04,
  /** Perceptual hashes this close (of 64 bits) show the same picture. */
  nearDuplicateDistance: 8,
  /**
   * Longest over shortest side beyond which the product looks small in the square main image.
   * (The pavilion's guidance is 3:4 … 4:3; ordinary 3:2 camera photos are padded and look fine.)
   */
  maxAspect: 16 / 9 + 0.01
} as const

export interface NearDuplicate {
  photoId: string
  name: string
  distance: number
}

/** Warnings for a photo of `width`×`height` (upright) under the current presets. */
export function photoWarnings(
  photo: { width: number; height: number; analysis: PhotoAnalysis },
  presets: PhotoPresets,
  nearDuplicates: NearDuplicate[] = []
): PhotoWarning[] {
  const out: PhotoWarning[] = []
  const { width, height, analysis: a } = photo
  const L = QUALITY_LIMITS
  // Renditions are never enlarged, so the main image is as large as the photo's longer side:
  // too small only when that is below the pavilion's minimum (which blocks publishing).
  if (Math.max(width, height) < PAVILION.mainMinSide) out.push({ code: 'too_small', params: { width, height, needed: PAVILION.mainMinSide } })
  if (a.sharpness < L.blurrySharpness) out.push({ code: 'blurry', params: { sharpness: round(a.sharpness) } })
  if (a.luma.p95 <= L.darkP95 || a.luma.mean <= L.darkMean) out.push({ code: 'too_dark', params: { brightness: round(a.luma.mean * 100) } })
  else if (a.luma.p05 >= L.overexposedP05 && a.luma.mean >= L.overexposedMean) {
    out.push({ code: 'overexposed', params: { brightness: round(a.luma.mean * 100) } })
  }
  const sides = (['top', 'right', 'bottom', 'left'] as const).filter((s) => a.edges[s] > L.edgeShare)
  if (a.plainBackground && sides.length > 0) out.push({ code: 'touches_edge', params: { sides: sides.join(',') } })
  const aspect = Math.max(width, height) / Math.max(1, Math.min(width, height))
  if (aspect > L.maxAspect) out.push({ code: 'unusual_aspect', params: { width, height } })
  const closest = [...nearDuplicates].sort((x, y) => x.distance - y.distance)[0]
  if (closest) out.push({ code: 'near_duplicate', params: { of: closest.photoId, name: closest.name, distance: closest.distance } })
  return out
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}

/** Hamming distance between two 16-hex-digit hashes. */
export function hashDistance(a: string, b: string): number {
  let d = 0
  for (let i = 0; i < 16; i += 4) {
    let x = parseInt(a.slice(i, i + 4), 16) ^ parseInt(b.slice(i, i + 4), 16)
    while (x) {
      x &= x - 1
      d++
    }
  }
  return d
}
