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
  /**
   * Per side, the share of the border the product covers: what the backdrop does not reach from
   * the border, skin tones left out (0 when there is no backdrop).
   */
  edges: z.object({ top: Fraction, right: Fraction, bottom: Fraction, left: Fraction }),
  /** 64-bit perceptual hash (DCT), 16 hex digits. */
  phash: z.string().regex(/^[0-9a-f]{16}$/),
  // Measured since the warnings were calibrated on labelled product photos (absent on photos
  // analysed before; their warnings then use the fields above).
  /** The backdrop found along the border: studio white, another plain colour, or none (a scene). */
  backdrop: z.enum(['white', 'plain', 'none']).optional(),
  /** Mean of the strongest 1 % of Laplacian responses over that of the gradients (≈ 1/σ of the edges' blur). */
  edgeSharpness: z.number().min(0).optional(),
  /** The product (what the backdrop does not reach; the whole picture for a scene): its share and luma statistics, 0–1. */
  subject: z.object({
    share: Fraction, mean: Fraction, p05: Fraction, p50: Fraction, p95: Fraction,
    /** Share of its pixels blown to white in every channel. */
    clipped: Fraction,
    /** Share of its pixels crushed to black. */
    crushed: Fraction,
    /** Its mean colour (sRGB, 0–255): colour variants of one shot are not duplicates. */
    colour: z.tuple([z.number(), z.number(), z.number()])
  }).optional()
})
export type PhotoAnalysis = z.infer<typeof PhotoAnalysis>

/**
 * Thresholds, calibrated on labelled product photos (test/fixtures/photos/product-photos and
 * positives made from them; `npm run bench:quality`), looking at one half of the products only.
 */
export const QUALITY_LIMITS = {
  /**
   * Edges softer than this look blurred at the main image's size: on the analysis picture (about
   * half the main image) sharp product shots score 0.57–1.2 whatever their texture, the same shots
   * blurred by σ 2 px at 1000 px 0.27–0.45.
   */
  blurryEdges: 0.5,
  /** (Photos measured before the calibration.) Strongest Laplacian responses over the tonal range. */
  blurrySharpness: 100,
  /** Even the brightest 5 % of the picture is this dark: the white sweep came out grey, the product darker. */
  darkP95: 0.62,
  darkMean: 0.12,
  /** Washed out: even the darkest 5 % of the product is this light, and half of it lighter than p50. */
  overexposedSubjectP05: 0.58,
  overexposedSubjectP50: 0.7,
  /** (Photos measured before the calibration.) The same, on the whole picture. */
  overexposedP05: 0.6,
  overexposedMean: 0.8,
  /** The product covers more than this share of a side of the frame: it touches it. */
  edgeShare: 0.03,
  /**
   * … and it is cut by the frame only where it runs off over at least this share of a side
   * (a corner or a band grazing the frame is not a cut product; cut products cover 23 % or more).
   */
  cutShare: 0.2,
  /**
   * Touching only the top or only the bottom is a model's legs or body reaching the frame (the
   * garment is whole), unless the product covers this much of that side.
   */
  singleEdgeShare: 0.7,
  /** Perceptual hashes this close (of 64 bits) show the same picture … */
  nearDuplicateDistance: 8,
  /** … if the product's mean colour is this close too (else it is a colour variant of the shot). */
  nearDuplicateColour: 16,
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

const SIDES = ['top', 'right', 'bottom', 'left'] as const

/** Warnings for a photo of `width`×`height` (upright). */
export function photoWarnings(
  photo: { width: number; height: number; analysis: PhotoAnalysis },
  _presets: PhotoPresets,
  nearDuplicates: NearDuplicate[] = []
): PhotoWarning[] {
  const out: PhotoWarning[] = []
  const { width, height, analysis: a } = photo
  const L = QUALITY_LIMITS
  // Renditions are never enlarged, so the main image is as large as the photo's longer side:
  // too small only when that is below the pavilion's minimum (which blocks publishing).
  if (Math.max(width, height) < PAVILION.mainMinSide) out.push({ code: 'too_small', params: { width, height, needed: PAVILION.mainMinSide } })
  const blurry = a.edgeSharpness !== undefined ? a.edgeSharpness < L.blurryEdges : a.sharpness < L.blurrySharpness
  if (blurry) out.push({ code: 'blurry', params: { sharpness: round(a.edgeSharpness !== undefined ? a.edgeSharpness * 100 : a.sharpness) } })
  if (a.luma.p95 <= L.darkP95 || a.luma.mean <= L.darkMean) out.push({ code: 'too_dark', params: { brightness: round(a.luma.mean * 100) } })
  else if (a.subject ? a.subject.p05 >= L.overexposedSubjectP05 && a.subject.p50 >= L.overexposedSubjectP50 : a.luma.p05 >= L.overexposedP05 && a.luma.mean >= L.overexposedMean) {
    out.push({ code: 'overexposed', params: { brightness: round((a.subject?.mean ?? a.luma.mean) * 100) } })
  }
  const sides = touchedSides(a)
  if (sides.length) out.push({ code: 'touches_edge', params: { sides: sides.join(',') } })
  const aspect = Math.max(width, height) / Math.max(1, Math.min(width, height))
  if (aspect > L.maxAspect) out.push({ code: 'unusual_aspect', params: { width, height } })
  const closest = [...nearDuplicates].sort((x, y) => x.distance - y.distance)[0]
  if (closest) out.push({ code: 'near_duplicate', params: { of: closest.photoId, name: closest.name, distance: closest.distance } })
  return out
}

/** The sides where the product is cut by the frame (none without a backdrop to tell it from). */
function touchedSides(a: PhotoAnalysis): Array<(typeof SIDES)[number]> {
  if (!a.plainBackground) return []
  const L = QUALITY_LIMITS
  const sides = SIDES.filter((s) => a.edges[s] > L.edgeShare)
  // Photos measured before the calibration: any side.
  if (!a.backdrop) return sides
  if (!sides.some((s) => a.edges[s] >= L.cutShare)) return []
  if (sides.length !== 1) return sides
  const only = sides[0]
  return only === 'left' || only === 'right' || a.edges[only] >= L.singleEdgeShare ? sides : []
}

/** Whether two measured photos show the same picture (not another colour of the same shot). */
export function sameShot(a: PhotoAnalysis, b: PhotoAnalysis): { same: boolean; distance: number } {
  const distance = hashDistance(a.phash, b.phash)
  if (distance > QUALITY_LIMITS.nearDuplicateDistance) return { same: false, distance }
  return { same: coloursClose(a.subject?.colour ?? null, b.subject?.colour ?? null), distance }
}

/** Whether two products' mean colours are close enough for one shot (either unmeasured: yes); another colour of the product is not a duplicate. */
export function coloursClose(a: readonly number[] | null, b: readonly number[] | null): boolean {
  return !a || !b || Math.max(...a.map((v, i) => Math.abs(v - b[i]))) <= QUALITY_LIMITS.nearDuplicateColour
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
