// YCbCr 4:2:0 pictures (as HEVC decoders make them) to RGB, shrunk by a whole factor on the way:
// each output pixel is the mean of a k×k block, so no full-size RGB picture is ever made.
import type { PixelRows } from '../raw-tiff.ts'

/** Kr and Kb of the YCbCr matrices (ITU-T H.273 matrix_coefficients) libheif itself converts with. */
export function matrixKrKb(code: number): [number, number] | null {
  if (code === 1) return [0.2126, 0.0722] // BT.709
  if (code === 2 || code === 5 || code === 6) return [0.299, 0.114] // BT.601 (libheif's default for "unspecified")
  if (code === 9 || code === 10) return [0.2627, 0.0593] // BT.2020
  return null
}

export interface Planes420 {
  Y: { at: number; stride: number }
  Cb: { at: number; stride: number }
  Cr: { at: number; stride: number }
  width: number
  height: number
}

/**
 * Block means of Y, Cb and Cr (each pixel with the chroma sample of its 2×2 cell), converted to
 * RGB, into `out` when given (at least width/k × height/k × 3 bytes).
 */
export function ycbcrToRgbShrunk(heap: Uint8Array, p: Planes420, k: number, kr: number, kb: number, fullRange: boolean, out?: Uint8Array): PixelRows {
  const outW = Math.max(1, Math.floor(p.width / k))
  const outH = Math.max(1, Math.floor(p.height / k))
  out ??= new Uint8Array(outW * outH * 3)
  const sums = new Uint32Array(outW * 3)
  const area = k * k
  // R = Y + rCr·Cr', G = Y + gCb·Cb' + gCr·Cr', B = Y + bCb·Cb' (H.273; as libheif computes them).
  const rCr = 2 * (1 - kr)
  const bCb = 2 * (1 - kb)
  const gCb = (2 * kb * (1 - kb)) / (kb + kr - 1)
  const gCr = (2 * kr * (1 - kr)) / (kb + kr - 1)
  const yScale = fullRange ? 1 : 255 / 219
  const cScale = fullRange ? 1 : 255 / 224
  const yOffset = fullRange ? 0 : 16
  const clamp = (v: number) => (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v))
  for (let oy = 0; oy < outH; oy++) {
    sums.fill(0)
    for (let dy = 0; dy < k; dy++) {
      const y = oy * k + dy
      const yRow = p.Y.at + y * p.Y.stride
      const cbRow = p.Cb.at + (y >> 1) * p.Cb.stride
      const crRow = p.Cr.at + (y >> 1) * p.Cr.stride
      for (let ox = 0, o = 0, x = 0; ox < outW; ox++, o += 3) {
        let sy = 0
        let scb = 0
        let scr = 0
        for (let dx = 0; dx < k; dx++, x++) {
          sy += heap[yRow + x]
          scb += heap[cbRow + (x >> 1)]
          scr += heap[crRow + (x >> 1)]
        }
        sums[o] += sy
        sums[o + 1] += scb
        sums[o + 2] += scr
      }
    }
    for (let ox = 0, o = 0, q = oy * outW * 3; ox < outW; ox++, o += 3, q += 3) {
      const Yv = (sums[o] / area - yOffset) * yScale
      const cb = (sums[o + 1] / area - 128) * cScale
      const cr = (sums[o + 2] / area - 128) * cScale
      out[q] = clamp(Yv + rCr * cr)
      out[q + 1] = clamp(Yv + gCb * cb + gCr * cr)
      out[q + 2] = clamp(Yv + bCb * cb)
    }
  }
  return { data: out, width: outW, height: outH, channels: 3, stride: outW * 3 }
}
