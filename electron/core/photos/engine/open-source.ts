// Opens an original for rendering: reads its header (size, orientation, colour space …) and
// refuses absurd pictures before anything is decoded. HEIC is decoded by libheif in a worker
// thread and continues through sharp like every other format.
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp'
import { PhotoErrorCodes, damageReason, damagedError, explainDecodeError, photoError, withoutPaths } from '../errors.ts'
import type { HeicDecoder } from './heic/heic-decoder.ts'
import { tempName } from './temp-names.ts'
import type { PhotoFormat, PipelineLimits, SourceFacts } from '../types.ts'

export interface OpenedSource {
  facts: SourceFacts
  /**
   * A new sharp pipeline reading the original, already turned upright. A JPEG is read strictly:
   * a warning of its decoder (corrupt data) fails it; `lenient` reads it anyway.
   */
  pipeline(lenient?: boolean): Sharp
  /** Removes what opening made (the decoded pixels of a HEIC file). */
  dispose(): Promise<void>
}

export interface OpenContext {
  heic: HeicDecoder
  limits: PipelineLimits
  /** Where decoded pixels may be written (same file system as the media folder). */
  tmpDir: string
  /**
   * The largest picture the work needs (a decoder that can shrink while decoding, as libheif's
   * output written here can, need not make more): width for fixed-width renditions, longer side for the others.
   */
  need?: { width: number; long: number }
}

/** Opens `path`, runs `fn` on it and always cleans up after it. */
export async function withSource<T>(path: string, format: PhotoFormat, ctx: OpenContext, fn: (src: OpenedSource) => Promise<T>): Promise<T> {
  const src = await openSource(path, format, ctx)
  try {
    return await fn(src)
  } finally {
    await src.dispose()
  }
}

const nothing = () => Promise.resolve()

const BIT_DEPTH: Record<string, number> = { uchar: 8, char: 8, ushort: 16, short: 16, uint: 32, int: 32, float: 32, double: 64 }

export async function openSource(path: string, format: PhotoFormat, ctx: OpenContext): Promise<OpenedSource> {
  const { limits } = ctx
  if (format === 'heic') return openHeic(path, ctx)
  // libjpeg goes on past corrupt data with a warning and garbled pixels: for JPEG a warning fails.
  // (Only for JPEG: libpng warns about harmless things, such as a known-incorrect sRGB profile.)
  const options = (lenient?: boolean): SharpOptions => ({ failOn: format === 'jpeg' && !lenient ? 'warning' : 'error', limitInputPixels: limits.maxPixels, autoOrient: true })
  let meta: Metadata
  try {
    meta = await sharp(path, { limitInputPixels: limits.maxPixels }).metadata()
  } catch (err) {
    throw explainDecodeError(err, format, limits)
  }
  // Orientation 0 and values above 8 are invalid: treated as "no change", as readers should.
  const orientation = meta.orientation && meta.orientation >= 1 && meta.orientation <= 8 ? meta.orientation : 1
  const swap = orientation >= 5
  const storedW = meta.width ?? 0
  const storedH = meta.height ?? 0
  const facts: SourceFacts = {
    format,
    width: swap ? storedH : storedW,
    height: swap ? storedW : storedH,
    orientation,
    colourSpace: meta.space ?? 'unknown',
    bitDepth: meta.bitsPerSample ?? BIT_DEPTH[meta.depth ?? 'uchar'] ?? 8,
    hasAlpha: !!meta.hasAlpha,
    hasProfile: !!meta.icc,
    pages: meta.pages ?? 1
  }
  checkDimensions(facts.width, facts.height, limits)
  return { facts, pipeline: (lenient) => sharp(path, options(lenient)).timeout({ seconds: limits.timeoutSeconds }), dispose: nothing }
}

async function openHeic(path: string, ctx: OpenContext): Promise<OpenedSource> {
  const { limits } = ctx
  const out = join(ctx.tmpDir, tempName('.tif'))
  const dispose = () => rm(out, { force: true })
  const r = await ctx.heic.decode(path, { maxPixels: limits.maxPixels, timeoutMs: limits.timeoutSeconds * 1000, out, need: ctx.need })
  if (!r.ok) await dispose()
  if (!r.ok) {
    // Writing the pixels failed (a full disk): not the photo's fault.
    if (r.kind === 'io') throw Object.assign(new Error(r.message), { code: r.code })
    if (r.kind === 'too_many_pixels') throw explainDecodeError(new Error('exceeds pixel limit'), 'heic', limits)
    if (r.kind === 'timeout') throw explainDecodeError(new Error('timeout'), 'heic', limits)
    const detail = withoutPaths(r.message.trim().replace(/\s+/g, ' '))
    if (r.kind === 'unreadable') throw photoError(PhotoErrorCodes.unreadable, 'The file cannot be read.', { reason: r.code ?? null, detail })
    throw damagedError('heic', damageReason(detail), detail)
  }
  const facts: SourceFacts = {
    format: 'heic', width: r.width, height: r.height, orientation: 1, colourSpace: 'srgb', bitDepth: 8,
    hasAlpha: r.hasAlpha, hasProfile: r.hasProfile, pages: 1
  }
  try {
    checkDimensions(facts.width, facts.height, limits)
  } catch (err) {
    await dispose()
    throw err
  }
  // libheif already applied the file's rotation; the EXIF orientation phones also write is not read.
  return { facts, pipeline: () => sharp(r.tiff, { failOn: 'error', limitInputPixels: limits.maxPixels }).timeout({ seconds: limits.timeoutSeconds }), dispose }
}

function checkDimensions(width: number, height: number, limits: PipelineLimits): void {
  if (!(width >= 1 && height >= 1)) {
    throw photoError(PhotoErrorCodes.badDimensions, 'The image declares no size; it is damaged.', { width, height })
  }
  const aspect = Math.max(width, height) / Math.min(width, height)
  if (aspect > limits.maxAspect) {
    throw photoError(
      PhotoErrorCodes.badDimensions,
      `The image is ${width}×${height} pixels: a strip this thin cannot be a product photo (it is probably damaged).`,
      { width, height }
    )
  }
}
