// Rendition sizes and the pavilion's image limits, without the validation schemas (so the photo
// engine process can use them without loading zod). The schemas are in photo-presets.ts.

export const PRESET_IDS = ['main', 'detail', 'thumb', 'preview'] as const
export type PresetId = (typeof PRESET_IDS)[number]

/** The pavilion's limits (pavilion-api.md §3): main images ≤ 5 MB, detail images ≤ 3 MB and ≥ 1200 px wide. */
export const PAVILION = {
  mainMaxBytes: 5 * 1024 * 1024,
  mainMinSide: 640,
  detailMaxBytes: 3 * 1024 * 1024,
  detailMinWidth: 1200,
  maxMainImages: 6
} as const

/** The parts of a preset that decide a rendition's size. */
export interface PresetShape {
  /** square: padded to a square canvas; inside: fits a box; width: a given width, any height. */
  fit: 'square' | 'inside' | 'width'
  size: number
}

/**
 * The size a rendition of a `width`×`height` (upright) photo gets under `preset`, without
 * upscaling, and whether the preset would have needed a bigger source.
 */
export function renditionSize(preset: PresetShape, width: number, height: number): { width: number; height: number; wouldUpscale: boolean } {
  if (preset.fit === 'square') {
    const long = Math.max(width, height)
    const side = Math.min(preset.size, long)
    return { width: side, height: side, wouldUpscale: long < preset.size }
  }
  if (preset.fit === 'width') {
    const w = Math.min(preset.size, width)
    return { width: w, height: Math.max(1, Math.round((height * w) / width)), wouldUpscale: width < preset.size }
  }
  const scale = Math.min(1, preset.size / Math.max(width, height))
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
    wouldUpscale: Math.max(width, height) < preset.size
  }
}
