// The DCT perceptual hash (as in pHash and the imagehash library): the luma shrunk to 32×32,
// its 2-D DCT, and one bit per low-frequency coefficient of the top-left 8×8 block telling
// whether it is above their median. Re-encoding, resizing and mild edits change few bits.
// Written here (~40 lines) because the packaged versions decode the file again with their own
// sharp pipeline, which would cost a second decode of every photo.
const N = 32
const LOW = 8

const COS: Float64Array = (() => {
  const t = new Float64Array(N * N)
  for (let k = 0; k < N; k++) for (let n = 0; n < N; n++) t[k * N + n] = Math.cos((Math.PI / N) * (n + 0.5) * k)
  return t
})()

/** Area-averages the luma plane down to 32×32 (aspect ignored, as pHash does). */
function shrink(luma: Uint8Array, width: number, height: number): Float64Array {
  const out = new Float64Array(N * N)
  for (let y = 0; y < N; y++) {
    const y0 = Math.floor((y * height) / N)
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * height) / N))
    for (let x = 0; x < N; x++) {
      const x0 = Math.floor((x * width) / N)
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * width) / N))
      out[y * N + x] = blockMean(luma, width, x0, x1, y0, y1)
    }
  }
  return out
}

/** Mean of a block of the luma plane (its own function: called 1,024 times a photo, V8 soon compiles it). */
function blockMean(luma: Uint8Array, width: number, x0: number, x1: number, y0: number, y1: number): number {
  let sum = 0
  for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) sum += luma[yy * width + xx]
  return sum / ((y1 - y0) * (x1 - x0))
}

export function perceptualHash(luma: Uint8Array, width: number, height: number): string {
  const px = shrink(luma, width, height)
  // Rows first, then the 8 lowest frequencies of each column.
  const rows = new Float64Array(N * LOW)
  for (let y = 0; y < N; y++) {
    for (let k = 0; k < LOW; k++) {
      let s = 0
      for (let n = 0; n < N; n++) s += px[y * N + n] * COS[k * N + n]
      rows[y * LOW + k] = s
    }
  }
  const low = new Float64Array(LOW * LOW)
  for (let k = 0; k < LOW; k++) {
    for (let x = 0; x < LOW; x++) {
      let s = 0
      for (let n = 0; n < N; n++) s += rows[n * LOW + x] * COS[k * N + n]
      low[k * LOW + x] = s
    }
  }
  const sorted = [...low].sort((a, b) => a - b)
  const median = (sorted[31] + sorted[32]) / 2
  let hex = ''
  for (let i = 0; i < 64; i += 4) {
    let nibble = 0
    for (let b = 0; b < 4; b++) nibble = (nibble << 1) | (low[i + b] > median ? 1 : 0)
    hex += nibble.toString(16)
  }
  return hex
}
