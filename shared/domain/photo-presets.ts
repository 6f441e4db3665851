// Rendition presets: how a photo is turned into the pavilion's main image, a detail image, a
// thumbnail for the library and a preview for the Photos tab. A rendition remembers the spec
// it was made from, so changing a preset makes exactly its renditions stale.
import { z } from 'zod'
import { PAVILION, PRESET_IDS } from './photo-sizes.ts'

export { PAVILION, PRESET_IDS, renditionSize, type PresetShape } from './photo-sizes.ts'

export const PresetId = z.enum(PRESET_IDS)
export type PresetId = z.infer<typeof PresetId>

const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #ffffff')

export const RenditionPreset = z.object({
  /** square: padded to a square canvas; inside: fits a box; width: a given width, any height. */
  fit: z.enum(['square', 'inside', 'width']),
  /** Canvas side (square), longest side (inside) or width (width), in pixels. Never upscaled. */
  size: z.number().int().min(64).max(4000),
  format: z.enum(['jpeg', 'webp']),
  quality: z.number().int().min(40).max(100),
  /** Padding and the colour transparent parts are flattened onto. */
  background: HexColour,
  /** Lower the quality until the file fits (null: no limit). */
  maxBytes: z.number().int().min(50_000).max(50 * 1024 * 1024).nullable(),
  /** Made when a photo is added (the others are made when first needed). */
  eager: z.boolean()
})
export type RenditionPreset = z.infer<typeof RenditionPreset>

export const PhotoPresets = z
  .object({ main: RenditionPreset, detail: RenditionPreset, thumb: RenditionPreset, preview: RenditionPreset })
  .superRefine((p, ctx) => {
    // The main image is what the pavilion shows first: keep it within the pavilion's rules.
    if (p.main.fit !== 'square') ctx.addIssue({ code: 'custom', path: ['main', 'fit'], message: 'the main image must be square' })
    if (p.main.size < PAVILION.mainMinSide) ctx.addIssue({ code: 'custom', path: ['main', 'size'], message: `the main image must be at least ${PAVILION.mainMinSide} px` })
    if (p.main.maxBytes === null || p.main.maxBytes > PAVILION.mainMaxBytes) {
      ctx.addIssue({ code: 'custom', path: ['main', 'maxBytes'], message: 'the pavilion accepts main images up to 5 MB' })
    }
    if (!p.main.eager) ctx.addIssue({ code: 'custom', path: ['main', 'eager'], message: 'main images are always made when a photo is added' })
    if (p.detail.fit === 'width' && p.detail.size < PAVILION.detailMinWidth) {
      ctx.addIssue({ code: 'custom', path: ['detail', 'size'], message: `detail images must be at least ${PAVILION.detailMinWidth} px wide` })
    }
    if (p.detail.maxBytes === null || p.detail.maxBytes > PAVILION.detailMaxBytes) {
      ctx.addIssue({ code: 'custom', path: ['detail', 'maxBytes'], message: 'the pavilion accepts detail images up to 3 MB' })
    }
  })
export type PhotoPresets = z.infer<typeof PhotoPresets>

export const DEFAULT_PRESETS: PhotoPresets = {
  main: { fit: 'square', size: 1000, format: 'jpeg', quality: 85, background: '#ffffff', maxBytes: PAVILION.mainMaxBytes, eager: true },
  detail: { fit: 'width', size: 1200, format: 'jpeg', quality: 85, background: '#ffffff', maxBytes: PAVILION.detailMaxBytes, eager: false },
  thumb: { fit: 'inside', size: 320, format: 'webp', quality: 75, background: '#ffffff', maxBytes: null, eager: true },
  preview: { fit: 'inside', size: 1600, format: 'webp', quality: 82, background: '#ffffff', maxBytes: null, eager: false }
}

/** A partial change to the presets (each preset field by field). */
export const PresetsPatch = z.object({
  main: RenditionPreset.partial().optional(),
  detail: RenditionPreset.partial().optional(),
  thumb: RenditionPreset.partial().optional(),
  preview: RenditionPreset.partial().optional()
})
export type PresetsPatch = z.infer<typeof PresetsPatch>

export function mergePresets(current: PhotoPresets, patch: PresetsPatch): PhotoPresets {
  const next = { ...current }
  for (const id of PRESET_IDS) if (patch[id]) next[id] = { ...current[id], ...patch[id] }
  return next
}
