// Measures a photo for the quality warnings, on the small upright sRGB picture made while
// rendering (≤ 512 px, so this costs a few milliseconds): sharpness, exposure, whether the
// product stands on a plain background and touches the frame, and a perceptual hash.
import type { PhotoAnalysis } from '../../../shared/domain/photo-quality.ts'
import { perceptualHash } from './phash.ts'
import type { AnalysisImage } from './render.ts'

/** Border pixels this close to the background colour (max channel difference) are background. */
const BACKGROUND_TOLERANCE = 24
/** A border pixel this far from the background belongs to the subject. */
const SUBJECT_DISTANCE = 48
/** Share of the border that must match one colour for the picture to count as a product shot. */
const PLAIN_SHARE = 0.5

export function analysePhoto(img: AnalysisImage): PhotoAnalysis {
  const luma = lumaPlane(img)
  const stats = lumaStats(luma)
  // Relative to the picture's tonal range, so a dark or washed-out photo is not also "blurry".
  const range = Math.max(0.1, stats.p95 - stats.p05)
  return {
    sharpness: sharpness(luma, img.width, img.height) / range,
    luma: stats,
    ...edges(img),
    phash: perceptualHash(luma, img.width, img.height)
  }
}

/** Rec. 709 luma of the (gamma-encoded) sRGB values, 0–255. */
function lumaPlane({ data, width, height, channels }: AnalysisImage): Uint8Array {
  const out = new Uint8Array(width * height)
  if (channels < 3) {
    for (let i = 0; i < out.length; i++) out[i] = data[i * channels]
    return out
  }
  for (let i = 0, p = 0; i < out.length; i++, p += channels) {
    out[i] = (0.2126 * data[p] + 0.7152 * data[p + 1] + 0.0722 * data[p + 2] + 0.5) | 0
  }
  return out
}

function lumaStats(luma: Uint8Array): PhotoAnalysis['luma'] {
  const hist = new Uint32Array(256)
  let sum = 0
  for (const v of luma) {
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
  return { mean: sum / luma.length / 255, p05: quantile(0.05), p95: quantile(0.95) }
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
  const px = (x: number, y: number) => (y * width + x) * channels
  const sides = {
    top: Array.from({ length: width }, (_, x) => px(x, 0)),
    bottom: Array.from({ length: width }, (_, x) => px(x, height - 1)),
    left: Array.from({ length: height }, (_, y) => px(0, y)),
    right: Array.from({ length: height }, (_, y) => px(width - 1, y))
  }
  const ring = [...sides.top, ...sides.bottom, ...sides.left, ...sides.right]
  const background = [0, 1, 2].slice(0, c).map((k) => median(ring.map((p) => data[p + k])))
  const distance = (p: number) => {
    let d = 0
    for (let k = 0; k < c; k++) d = Math.max(d, Math.abs(data[p + k] - background[k]))
    return d
  }
  const plainShare = ring.filter((p) => distance(p) <= BACKGROUND_TOLERANCE).length / ring.length
  if (plainShare < PLAIN_SHARE) return none
  const share = (side: number[]) => side.filter((p) => distance(p) > SUBJECT_DISTANCE).length / side.length
  return { plainBackground: true, edges: { top: share(sides.top), right: share(sides.right), bottom: share(sides.bottom), left: share(sides.left) } }
}

function median(values: number[]): number {
  const hist = new Uint32Array(256)
  for (const v of values) hist[v]++
  let seen = 0
  for (let v = 0; v < 256; v++) {
    seen += hist[v]
    if (seen * 2 >= values.length) return v
  }
  return 255
}
