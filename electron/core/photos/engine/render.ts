// Makes renditions with sharp. When a photo is added, the original is decoded once (JPEG
// shrink-on-load does most of the downscaling) into an upright, sRGB, 8-bit, flattened working
// image just large enough for the eager presets; the renditions and the small picture the
// quality checks measure are all derived from it. Other presets are made from the original on
// demand. Output never carries metadata (no EXIF, GPS or profile): sharp strips it by default.
import sharp, { type OutputInfo, type Sharp } from 'sharp'
import type { PhotoPresets, RenditionPreset } from '../../../../shared/domain/photo-presets.ts'
import { PRESET_IDS, renditionSize, type PresetId } from '../../../../shared/domain/photo-sizes.ts'
import { PhotoErrorCodes, describeBytes, explainDecodeError, isHarmlessJpegWarning, megabytes, photoError } from '../errors.ts'
import type { OpenedSource } from './open-source.ts'
import { release } from './release.ts'
import type { PipelineLimits } from '../types.ts'

export interface EncodedRendition {
  preset: PresetId
  data: Buffer
  width: number
  height: number
  format: 'jpeg' | 'webp'
  mime: string
}

/** The picture the quality checks measure: upright sRGB, at most 512 px, 8-bit interleaved. */
export interface AnalysisImage {
  data: Buffer
  width: number
  height: number
  channels: number
}

export const ANALYSIS_SIZE = 512
const MIN_QUALITY = 40

export async function renderEager(src: OpenedSource, presets: PhotoPresets, limits: PipelineLimits): Promise<{ renditions: EncodedRendition[]; analysis: AnalysisImage }> {
  const { width, height } = src.facts
  const eager = PRESET_IDS.filter((id) => presets[id].eager)
  // The working image: as large as the biggest eager rendition (never larger than the original).
  let long = ANALYSIS_SIZE
  for (const id of eager) {
    const size = renditionSize(presets[id], width, height)
    long = Math.max(long, size.width, size.height)
  }
  let working: { data: Buffer; info: OutputInfo }
  try {
    working = await decoding(src, (pipeline) => pipeline
      .resize(long, long, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: presets.main.background })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true }))
  } catch (err) {
    throw explainDecodeError(err, src.facts.format, limits)
  }
  const raw = { raw: { width: working.info.width, height: working.info.height, channels: working.info.channels } }
  const fromWorking = () => sharp(working.data, raw)
  // The working image is freed as soon as the last rendition is made from it (every pipeline on
  // it has finished by then, failed or not).
  try {
    return await fromWorkingImage(fromWorking, presets, eager, width, height)
  } finally {
    release(working.data)
  }
}

async function fromWorkingImage(fromWorking: () => Sharp, presets: PhotoPresets, eager: PresetId[], width: number, height: number): Promise<{ renditions: EncodedRendition[]; analysis: AnalysisImage }> {
  const analysis = await fromWorking()
    .resize(ANALYSIS_SIZE, ANALYSIS_SIZE, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true })
    .then(({ data, info }) => ({ data, width: info.width, height: info.height, channels: info.channels }))
  const fromAnalysis = () => sharp(analysis.data, { raw: { width: analysis.width, height: analysis.height, channels: analysis.channels as 3 } })
  // One after the other: with a few photos in flight the cores are busy anyway, and fewer
  // pipelines at once hold less memory. A rendition no larger than the analysis picture (the
  // thumbnail) is made from it: a smaller picture to resample, and as sharp at that size.
  const renditions: EncodedRendition[] = []
  try {
    for (const id of eager) {
      // Sizes follow the original's, whichever picture they are made from.
      const size = renditionSize(presets[id], width, height)
      const small = Math.max(size.width, size.height) <= Math.max(analysis.width, analysis.height) && presets[id].fit !== 'square'
      renditions.push(await shapeAndEncode(small ? fromAnalysis : fromWorking, id, presets[id], width, height))
    }
  } catch (err) {
    release(analysis.data, ...renditions.map((r) => r.data))
    throw err
  }
  return { renditions, analysis }
}

/** One rendition straight from the original (on demand, or after its preset changed). */
export async function renderOne(src: OpenedSource, id: PresetId, preset: RenditionPreset, limits: PipelineLimits): Promise<EncodedRendition> {
  try {
    // sharp applies one resize per pipeline: shaping does it, straight from the original.
    return await decoding(src, (pipeline, lenient) => {
      const base = () => src.pipeline(lenient).flatten({ background: preset.background }).toColourspace('srgb')
      return shapeAndEncode(base, id, preset, src.facts.width, src.facts.height)
    })
  } catch (err) {
    throw explainDecodeError(err, src.facts.format, limits)
  }
}

/**
 * Runs a decoding pipeline; a JPEG whose only decoder warning is harmless (bytes after the last
 * scan) is decoded again leniently, so a picture with every pixel intact is not refused.
 */
async function decoding<T>(src: OpenedSource, run: (pipeline: Sharp, lenient: boolean) => Promise<T>): Promise<T> {
  try {
    return await run(src.pipeline(), false)
  } catch (err) {
    if (src.facts.format !== 'jpeg' || !isHarmlessJpegWarning(err)) throw err
    return run(src.pipeline(true), true)
  }
}

function shape(img: Sharp, preset: RenditionPreset, width: number, height: number): Sharp {
  const t = renditionSize(preset, width, height)
  // Square: letterboxed on the background colour, as the pavilion shows main images.
  return preset.fit === 'square'
    ? img.resize(t.width, t.height, { fit: 'contain', background: preset.background })
    : img.resize(t.width, t.height, { fit: 'fill' })
}

/**
 * `input` makes a fresh pipeline each time: sharp's clone() would deep-copy the input buffer
 * (the working image) for every rendition.
 */
async function shapeAndEncode(input: () => Sharp, id: PresetId, preset: RenditionPreset, width: number, height: number): Promise<EncodedRendition> {
  const shaped = () => shape(input(), preset, width, height)
  let source = shaped
  let px: Buffer | null = null
  try {
    for (let quality = preset.quality; ; quality = Math.max(MIN_QUALITY, quality - 10)) {
      const enc = preset.format === 'jpeg'
        ? source().jpeg({ quality, mozjpeg: false, chromaSubsampling: quality >= 90 ? '4:4:4' : '4:2:0' })
        : source().webp({ quality, effort: 2 })
      const { data, info } = await enc.toBuffer({ resolveWithObject: true })
      if (preset.maxBytes === null || data.length <= preset.maxBytes) {
        return { preset: id, data, width: info.width, height: info.height, format: preset.format, mime: `image/${preset.format}` }
      }
      release(data)
      if (quality === MIN_QUALITY) {
        throw photoError(PhotoErrorCodes.renditionTooLarge, `The ${id} image stays above ${describeBytes(preset.maxBytes)} even at low quality; lower the preset's size.`, { preset: id, maxBytes: preset.maxBytes, maxMegabytes: megabytes(preset.maxBytes) })
      }
      if (quality === preset.quality) {
        // Too big (rare): keep the shaped pixels so lower qualities only re-encode.
        const shapedPx = await shaped().raw().toBuffer({ resolveWithObject: true })
        px = shapedPx.data
        source = () => sharp(shapedPx.data, { raw: { width: shapedPx.info.width, height: shapedPx.info.height, channels: shapedPx.info.channels } })
      }
    }
  } finally {
    release(px)
  }
}
