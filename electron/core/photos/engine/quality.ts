// Measures a photo for the quality warnings, on the small upright sRGB picture made while
// rendering (≤ 512 px, so this costs a few milliseconds): sharpness, exposure, whether the
// product stands on a plain background and touches the frame, and a perceptual hash.
import type { PhotoAnalysis } from '../../../../shared/domain/photo-quality.ts'
import { perceptualHash } from './phash.ts'
import type { AnalysisImage } from './render.ts'

/** Border pixels this close to the background colour (max channel difference) are background. */
const BACKGROUND_TOLERANCE = 24
/** A border pixel this far from the background belongs to the subject. */
const SUBJECT_DISTANCE = 48
/** Share of the border that must match one colour for the picture to count as a product shot. */
const PLAIN_SHARE = 0.5

export function analysePhoto(img: AnalysisImage): PhotoAnalysis {
  const { luma, stats } = lumaPlane(img)
  // Relative to the picture's tonal range, so a dark or washed-out photo is not also "blurry".
  const range = Math.max(0.1, stats.p95 - stats.p05)
  return {
    sharpness: sharpness(luma, img.width, img.height) / range,
    luma: stats,
    ...edges(img),
    phash: perceptualHash(luma, img.width, img.height)
  }
}

/** Rec. 709 luma of the (gamma-encoded) sRGB values, 0–255, and its statistics, in one pass. */
function lumaPlane({ data, width, height, channels }: AnalysisImage): { luma: Uint8Array; stats: PhotoAnalysis['luma'] } {
  const luma = new Uint8Array(width * height)
  const hist = new Uint32Array(256)
  let sum = 0
  for (let i = 0, p = 0; i < luma.length; i++, p += channels) {
    // Integer weights (×256) of 0.2126, 0.7152, 0.0722; grey pictures use their one channel.
    const v = channels < 3 ? data[p] : (54 * data[p] + 183 * data[p + 1] + 19 * data[p + 2] + 128) >> 8
    luma[i] = v
    hist[v]++
    sum += v
  }
  const quantile = (q: number) => {
    const target = q * luma.length
    let seen = 0
    for (let v = 0; v < 256; v++) {
      seen += hist[v]
      if (seen >= target) return v / 255
    }
    return 1
  }
  return { luma, stats: { mean: sum / luma.length / 255, p05: quantile(0.05), p95: quantile(0.95) } }
}

/**
 * Mean of the strongest 1 % of Laplacian responses. Unlike the usual variance of the Laplacian,
 * it does not fall when a sharp product sits on a large plain background.
 */
function sharpness(luma: Uint8Array, width: number, height: number): number {
  if (width < 3 || height < 3) return 0
  const hist = new Uint32Array(4 * 255 + 1)
  let n = 0
  for (let y = 1; y < height - 1; y++) {
    const row = y * width
    for (let x = 1; x < width - 1; x++) {
      const i = row + x
      const lap = Math.abs(4 * luma[i] - luma[i - 1] - luma[i + 1] - luma[i - width] - luma[i + width])
      hist[lap]++
      n++
    }
  }
  let want = Math.max(1, Math.round(n * 0.01))
  let total = 0
  let taken = 0
  for (let v = hist.length - 1; v >= 0 && want > 0; v--) {
    const k = Math.min(hist[v], want)
    total += k * v
    taken += k
    want -= k
  }
  return taken ? total / taken : 0
}

/** Finds a plain background along the border and how much of each side the subject covers. */
function edges({ data, width, height, channels }: AnalysisImage): Pick<PhotoAnalysis, 'plainBackground' | 'edges'> {
  const none = { plainBackground: false, edges: { top: 0, right: 0, bottom: 0, left: 0 } }
  if (width < 8 || height < 8) return none
  const c = Math.min(channels, 3)
  // Offsets of the border pixels, side by side.
  const sides: Record<'top' | 'right' | 'bottom' | 'left', Int32Array> = {
    top: new Int32Array(width), bottom: new Int32Array(width), left: new Int32Array(height), right: new Int32Array(height)
  }
  for (let x = 0; x < width; x++) {
    sides.top[x] = x * channels
    sides.bottom[x] = ((height - 1) * width + x) * channels
  }
  for (let y = 0; y < height; y++) {
    sides.left[y] = y * width * channels
    sides.right[y] = (y * width + width - 1) * channels
  }
  const ring = [sides.top, sides.bottom, sides.left, sides.right]
  const ringSize = 2 * (width + height)
  const background = [0, 0, 0]
  for (let k = 0; k < c; k++) {
    const hist = new Uint32Array(256)
    for (const side of ring) for (const p of side) hist[data[p + k]]++
    background[k] = median(hist, ringSize)
  }
  const distance = (p: number) => {
    let d = 0
    for (let k = 0; k < c; k++) d = Math.max(d, Math.abs(data[p + k] - background[k]))
    return d
  }
  let plain = 0
  for (const side of ring) for (const p of side) if (distance(p) <= BACKGROUND_TOLERANCE) plain++
  if (plain / ringSize < PLAIN_SHARE) return none
  const share = (side: Int32Array) => {
    let n = 0
    for (const p of side) if (distance(p) > SUBJECT_DISTANCE) n++
    return n / side.length
  }
  return { plainBackground: true, edges: { top: share(sides.top), right: share(sides.right), bottom: share(sides.bottom), left: share(sides.left) } }
}

function median(hist: Uint32Array, count: number): number {
  let seen = 0
  for (let v = 0; v < 256; v++) {
    seen += hist[v]
    if (seen * 2 >= count) return v
  }
  return 255
}
