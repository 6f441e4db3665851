// Measures a photo for the quality warnings, on the small upright sRGB picture made while
// rendering (≤ 512 px, so this costs a few milliseconds), the way product photography is judged:
// the backdrop is found along the border (a white seamless sweep, another plain colour, or none:
// a scene), the product is what the backdrop does not reach from the border, and exposure, edge
// contact and sharpness are measured on the product, not on the frame.
import type { PhotoAnalysis } from '../../../../shared/domain/photo-quality.ts'
import { perceptualHash } from './phash.ts'
import type { AnalysisImage } from './render.ts'

/** Studio white: light and nearly colourless (luma ≥ 0.86, channel spread ≤ 0.08). */
const WHITE_LUMA = 219
const WHITE_SPREAD = 20
/** The backdrop reached from the border may be a little darker (soft shadows on the sweep). */
const SWEEP_LUMA = 200
const SWEEP_SPREAD = 26
/** Share of the border that must be studio white for a white backdrop. */
const WHITE_BORDER_SHARE = 0.15
/** A plain backdrop of another colour: this share of the border within this distance of its median. */
const PLAIN_SHARE = 0.5
const PLAIN_TOLERANCE = 24
const PLAIN_REACH = 32

// Work buffers, kept from one photo to the next (the analysis runs synchronously, one photo at a
// time): allocating them for every photo would cost the engine more garbage collection than the
// measuring itself.
const buffers = new Map<string, Uint8Array | Int32Array>()
function scratch<T extends Uint8Array | Int32Array>(key: string, make: (n: number) => T, size: number, clear = false): T {
  let b = buffers.get(key) as T | undefined
  if (!b || b.length < size) {
    b = make(size)
    buffers.set(key, b)
  } else if (clear) b.fill(0, 0, size)
  return b.subarray(0, size) as T
}
const bytes = (n: number) => new Uint8Array(n)
const ints = (n: number) => new Int32Array(n)

// The pixel loops are small functions of their own that return numbers ("kernels"). V8 compiles
// a loop that runs long inside a function called once per photo while that call is still
// running (on-stack replacement) and, when the code after the loop has not run yet, throws the
// compiled code away at the loop's end — again for every photo, while the engine is new. A
// kernel has no code after its loop worth speaking of, and one called once per row soon gets
// compiled the ordinary way.

export function analysePhoto(img: AnalysisImage): PhotoAnalysis {
  const { width, height } = img
  const n = width * height
  const c = img.channels
  const d = img.data
  // One pass: luma, and which pixels could be a white sweep (light, nearly colourless).
  const luma = scratch('luma', bytes, n)
  const sweep = scratch('sweep', bytes, n, true)
  const hist = new Uint32Array(256)
  const sum = lumaPass(d, c, n, luma, sweep, hist)
  const stats = lumaStats(hist, n, sum)
  const backdrop = findBackdrop(img, luma, sweep)
  // The product is found on a grid of 2×2 cells: a quarter of the work, and as exact as the
  // statistics and border shares need.
  const grid = halfGrid(width, height, backdrop?.mask ?? null)
  const outside = backdrop ? reachFromBorder(grid.width, grid.height, grid.mask) : scratch('seen', bytes, grid.width * grid.height, true)
  const subject = subjectStats(img, luma, grid, outside)
  const edges = backdrop ? contact(img, grid, outside) : { top: 0, right: 0, bottom: 0, left: 0 }
  // Relative to the picture's tonal range, so a dark or washed-out photo is not also "blurry".
  const range = Math.max(0.1, stats.p95 - stats.p05)
  const focus = sharpness(luma, width, height)
  return {
    sharpness: focus.laplacian / range,
    edgeSharpness: focus.edge,
    luma: stats,
    plainBackground: backdrop !== null,
    backdrop: backdrop?.kind ?? 'none',
    edges,
    subject,
    phash: perceptualHash(luma, width, height)
  }
}

/** Fills `luma`, `hist` and the white-sweep candidates of `sweep`; returns the sum of the luma. */
function lumaPass(d: Uint8Array, c: number, n: number, luma: Uint8Array, sweep: Uint8Array, hist: Uint32Array): number {
  let sum = 0
  for (let i = 0, p = 0; i < n; i++, p += c) {
    const r = d[p]
    const g = c < 3 ? r : d[p + 1]
    const b = c < 3 ? r : d[p + 2]
    // Rec. 709 luma of the gamma-encoded values, integer weights (×256).
    const v = (54 * r + 183 * g + 19 * b + 128) >> 8
    luma[i] = v
    hist[v]++
    sum += v
    if (v >= SWEEP_LUMA) {
      const max = r > g ? (r > b ? r : b) : g > b ? g : b
      const min = r < g ? (r < b ? r : b) : g < b ? g : b
      if (max - min <= SWEEP_SPREAD) sweep[i] = 1
    }
  }
  return sum
}

function lumaStats(hist: Uint32Array, n: number, sum: number): PhotoAnalysis['luma'] {
  return { mean: sum / n / 255, p05: quantile(hist, n, 0.05) / 255, p95: quantile(hist, n, 0.95) / 255 }
}

function quantile(hist: Uint32Array, n: number, q: number): number {
  const target = q * n
  let seen = 0
  for (let v = 0; v < hist.length; v++) {
    seen += hist[v]
    if (seen >= target && seen > 0) return v
  }
  return hist.length - 1
}

/** Offsets (pixel indices) of the border ring. */
function ring(width: number, height: number): Int32Array {
  const out = new Int32Array(2 * width + 2 * Math.max(0, height - 2))
  let k = 0
  for (let x = 0; x < width; x++) {
    out[k++] = x
    out[k++] = (height - 1) * width + x
  }
  for (let y = 1; y < height - 1; y++) {
    out[k++] = y * width
    out[k++] = y * width + width - 1
  }
  return out
}

/**
 * The backdrop: studio white when enough of the border is white (even if a close-up covers most
 * of it), else the border's median colour when most of the border is near it, else none (a
 * scene). `mask` marks the pixels that look like it.
 */
function findBackdrop(img: AnalysisImage, luma: Uint8Array, sweep: Uint8Array): { kind: 'white' | 'plain'; mask: Uint8Array } | null {
  const { width, height, data, channels: c } = img
  if (width < 8 || height < 8) return null
  const border = ring(width, height)
  const k = Math.min(c, 3)
  const spread = (i: number) => {
    let max = 0
    let min = 255
    for (let ch = 0; ch < k; ch++) {
      const v = data[i * c + ch]
      if (v > max) max = v
      if (v < min) min = v
    }
    return max - min
  }
  let white = 0
  for (const i of border) if (luma[i] >= WHITE_LUMA && spread(i) <= WHITE_SPREAD) white++
  if (white / border.length >= WHITE_BORDER_SHARE) return { kind: 'white', mask: sweep }
  const bg = [0, 0, 0]
  for (let ch = 0; ch < k; ch++) {
    const h = new Uint32Array(256)
    for (const i of border) h[data[i * c + ch]]++
    bg[ch] = quantile(h, border.length, 0.5)
  }
  const distance = (i: number) => {
    let dd = 0
    for (let ch = 0; ch < k; ch++) dd = Math.max(dd, Math.abs(data[i * c + ch] - bg[ch]))
    return dd
  }
  let plain = 0
  for (const i of border) if (distance(i) <= PLAIN_TOLERANCE) plain++
  if (plain / border.length < PLAIN_SHARE) return null
  const mask = scratch('plain', bytes, width * height)
  for (let i = 0; i < mask.length; i++) mask[i] = distance(i) <= PLAIN_REACH ? 1 : 0
  return { kind: 'plain', mask }
}

interface Grid {
  width: number
  height: number
  /** Cells whose four pixels all look like the backdrop. */
  mask: Uint8Array
}

function halfGrid(width: number, height: number, mask: Uint8Array | null): Grid {
  const w = Math.max(1, width >> 1)
  const h = Math.max(1, height >> 1)
  const out = scratch('grid', bytes, w * h, true)
  if (mask && width >= 2 && height >= 2) for (let y = 0; y < h; y++) gridRow(mask, 2 * y * width, width, out, y * w, w)
  return { width: w, height: h, mask: out }
}

/** One row of cells: each 1 when all four of its pixels (rows at `a` and `a + width`) are. */
function gridRow(mask: Uint8Array, a: number, width: number, out: Uint8Array, at: number, w: number): void {
  const b = a + width
  for (let x = 0; x < w; x++) {
    const i = a + 2 * x
    const j = b + 2 * x
    out[at + x] = mask[i] & mask[i + 1] & mask[j] & mask[j + 1]
  }
}

/** The backdrop region: backdrop cells connected to the border (4-connected flood fill). */
function reachFromBorder(width: number, height: number, mask: Uint8Array): Uint8Array {
  const seen = scratch('seen', bytes, width * height, true)
  const queue = scratch('queue', ints, width * height)
  let tail = 0
  for (const i of ring(width, height)) {
    if (!seen[i] && mask[i]) {
      seen[i] = 1
      queue[tail++] = i
    }
  }
  const last = width * (height - 1)
  for (let head = 0; head < tail; head++) {
    const i = queue[head]
    const x = i % width
    let j = i - 1
    if (x > 0 && !seen[j] && mask[j]) {
      seen[j] = 1
      queue[tail++] = j
    }
    j = i + 1
    if (x < width - 1 && !seen[j] && mask[j]) {
      seen[j] = 1
      queue[tail++] = j
    }
    j = i - width
    if (i >= width && !seen[j] && mask[j]) {
      seen[j] = 1
      queue[tail++] = j
    }
    j = i + width
    if (i < last && !seen[j] && mask[j]) {
      seen[j] = 1
      queue[tail++] = j
    }
  }
  return seen
}

/** Exposure of the product: what the backdrop does not reach (the whole picture for a scene). */
function subjectStats(img: AnalysisImage, luma: Uint8Array, grid: Grid, outside: Uint8Array): NonNullable<PhotoAnalysis['subject']> {
  const hist = new Uint32Array(256)
  // count, clipped, sum of luma, sums of red, green and blue.
  const sums = new Float64Array(6)
  for (let y = 0; y < grid.height; y++) subjectRow(img.data, img.channels, 2 * y * img.width, luma, outside, y * grid.width, grid.width, hist, sums)
  const [count, clipped, sum] = sums
  const colour = [sums[3], sums[4], sums[5]]
  if (count === 0) return { share: 0, mean: 0, p05: 0, p50: 0, p95: 0, clipped: 0, crushed: 0, colour: [255, 255, 255] }
  const crushedBelow = 10
  let crushed = 0
  for (let v = 0; v <= crushedBelow; v++) crushed += hist[v]
  return {
    share: count / outside.length,
    mean: sum / count / 255,
    p05: quantile(hist, count, 0.05) / 255,
    p50: quantile(hist, count, 0.5) / 255,
    p95: quantile(hist, count, 0.95) / 255,
    clipped: clipped / count,
    crushed: crushed / count,
    colour: colour.map((x) => Math.round(x / count)) as [number, number, number]
  }
}

/** One row of cells of the product: one pixel per cell (its top-left), added to `hist` and `sums`. */
function subjectRow(data: Uint8Array, c: number, row: number, luma: Uint8Array, outside: Uint8Array, at: number, w: number, hist: Uint32Array, sums: Float64Array): void {
  let count = 0
  let clipped = 0
  let sum = 0
  let red = 0
  let green = 0
  let blue = 0
  for (let x = 0; x < w; x++) {
    if (outside[at + x]) continue
    const i = row + 2 * x
    const v = luma[i]
    hist[v]++
    sum += v
    count++
    const p = i * c
    const r = data[p]
    const g = c < 3 ? r : data[p + 1]
    const b = c < 3 ? r : data[p + 2]
    red += r
    green += g
    blue += b
    // Blown: every channel at the top of its range.
    if (r >= 250 && g >= 250 && b >= 250) clipped++
  }
  sums[0] += count
  sums[1] += clipped
  sums[2] += sum
  sums[3] += red
  sums[4] += green
  sums[5] += blue
}

/**
 * Skin tones (Kovač et al.'s daylight rule, narrowed to skin's hues and saturations so that pink
 * and orange products are not taken for skin).
 */
function isSkin(r: number, g: number, b: number): boolean {
  const max = r > g ? (r > b ? r : b) : g > b ? g : b
  const min = r < g ? (r < b ? r : b) : g < b ? g : b
  return r > 95 && g > 40 && b > 20 && r - g > 15 && g > b && max - min > 15 && 10 * (max - min) <= 6 * max && 20 * (g - b) <= 17 * (r - b)
}

/**
 * Per side, the share of the border the product covers: what the backdrop does not reach, with
 * skin tones left out (a model's arms, legs and face reaching the frame are not the product).
 */
function contact(img: AnalysisImage, grid: Grid, outside: Uint8Array): PhotoAnalysis['edges'] {
  const { data, channels: c } = img
  const w = grid.width
  const h = grid.height
  // A cell of the grid's border; its colour is that of the image pixel on the frame's edge.
  const side = (cellAt: (k: number) => number, pixelAt: (k: number) => number, count: number) => {
    let n = 0
    for (let k = 0; k < count; k++) {
      if (outside[cellAt(k)]) continue
      const p = pixelAt(k) * c
      if (!(c >= 3 && isSkin(data[p], data[p + 1], data[p + 2]))) n++
    }
    return n / count
  }
  const iw = img.width
  const ih = img.height
  return {
    top: side((k) => k, (k) => 2 * k, w),
    bottom: side((k) => (h - 1) * w + k, (k) => (ih - 1) * iw + 2 * k, w),
    left: side((k) => k * w, (k) => 2 * k * iw, h),
    right: side((k) => k * w + w - 1, (k) => 2 * k * iw + iw - 1, h)
  }
}

/**
 * Two focus measures. `laplacian`: mean of the strongest 1 % of Laplacian responses (unlike the
 * variance of the Laplacian, it does not fall when a sharp product sits on a large plain
 * background). `edge`: that mean over the mean of the strongest 1 % of gradients, which for a
 * blurred step edge is about 1/σ whatever the edge's contrast: a smooth, textureless product with
 * crisp outlines still scores as sharp.
 */
function sharpness(luma: Uint8Array, width: number, height: number): { laplacian: number; edge: number } {
  if (width < 3 || height < 3) return { laplacian: 0, edge: 0 }
  const lapHist = new Uint32Array(4 * 255 + 1)
  const gradHist = new Uint32Array(2 * 255 + 1)
  let n = 0
  // Every other row: the strongest responses are as well sampled, at half the cost.
  for (let y = 1; y < height - 1; y += 2) {
    focusRow(luma, y * width, width, lapHist, gradHist)
    n += width - 2
  }
  const want = Math.max(1, Math.round(n * 0.01))
  const lap = topMean(lapHist, want)
  const grad = topMean(gradHist, want)
  return { laplacian: lap, edge: grad > 0 ? lap / grad : 0 }
}

/** The Laplacian and gradient of one row's inner pixels, counted in their histograms. */
function focusRow(luma: Uint8Array, row: number, width: number, lapHist: Uint32Array, gradHist: Uint32Array): void {
  for (let i = row + 1, end = row + width - 1; i < end; i++) {
    const l = luma[i - 1]
    const r = luma[i + 1]
    const u = luma[i - width]
    const dn = luma[i + width]
    lapHist[Math.abs(4 * luma[i] - l - r - u - dn)]++
    gradHist[Math.abs(r - l) + Math.abs(dn - u)]++
  }
}

function topMean(hist: Uint32Array, want: number): number {
  let total = 0
  let taken = 0
  for (let v = hist.length - 1; v >= 0 && taken < want; v--) {
    const k = Math.min(hist[v], want - taken)
    total += k * v
    taken += k
  }
  return taken ? total / taken : 0
}
