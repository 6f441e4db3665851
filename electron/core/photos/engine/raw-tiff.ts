// Writes decoded 8-bit RGB(A) pixels and their ICC profile as a minimal uncompressed TIFF file,
// so sharp receives a HEIC's pixels *with* its colour profile and converts them to sRGB like any
// other input (sharp's raw-pixel input has no way to say which profile the pixels are in).
//
// The pixels go from the decoder's memory straight to the file, a strip at a time: no copy of
// the picture is made in JavaScript, and the file is split into small strips so libvips reads
// it a few rows at a time instead of holding the whole picture.
import { closeSync, openSync, writeSync } from 'node:fs'

const TYPE_SHORT = 3
const TYPE_LONG = 4
const TYPE_UNDEFINED = 7
/** Rows per strip: about 100 KB for a 12-megapixel photo. */
export const ROWS_PER_STRIP = 8

/** Pixels as the decoder holds them: `height` rows of `width * channels` bytes, `stride` apart. */
export interface PixelRows {
  data: Uint8Array
  width: number
  height: number
  channels: 3 | 4
  stride: number
}

/** The TIFF header (IFD and out-of-line values) for pixels stored right after it, in order. */
export function tiffHeader(width: number, height: number, channels: 3 | 4, icc: Uint8Array | null, rowsPerStrip = ROWS_PER_STRIP): Buffer {
  const row = width * channels
  const strips = Math.ceil(height / rowsPerStrip)
  const stripBytes = Array.from({ length: strips }, (_, i) => Math.min(rowsPerStrip, height - i * rowsPerStrip) * row)
  const entries: Array<[tag: number, type: number, values: number[] | Uint8Array]> = [
    [256, TYPE_LONG, [width]], // ImageWidth
    [257, TYPE_LONG, [height]], // ImageLength
    [258, TYPE_SHORT, new Array(channels).fill(8)], // BitsPerSample
    [259, TYPE_SHORT, [1]], // Compression: none
    [262, TYPE_SHORT, [2]], // PhotometricInterpretation: RGB
    [273, TYPE_LONG, new Array(strips).fill(0)], // StripOffsets (filled in below)
    [277, TYPE_SHORT, [channels]], // SamplesPerPixel
    [278, TYPE_LONG, [rowsPerStrip]], // RowsPerStrip
    [279, TYPE_LONG, stripBytes], // StripByteCounts
    [284, TYPE_SHORT, [1]] // PlanarConfiguration: chunky
  ]
  if (channels === 4) entries.push([338, TYPE_SHORT, [2]]) // ExtraSamples: unassociated alpha
  if (icc) entries.push([34675, TYPE_UNDEFINED, icc]) // ICCProfile
  entries.sort((a, b) => a[0] - b[0])

  const size = (type: number) => (type === TYPE_SHORT ? 2 : type === TYPE_LONG ? 4 : 1)
  const ifdOffset = 8
  const ifdSize = 2 + entries.length * 12 + 4
  // Values that do not fit in the 4-byte entry go after the IFD, word-aligned.
  let extra = ifdOffset + ifdSize
  const outOfLine = new Map<number, number>()
  for (const [tag, type, values] of entries) {
    const bytes = values.length * size(type)
    if (bytes > 4) {
      outOfLine.set(tag, extra)
      extra += bytes + (bytes % 2)
    }
  }
  const dataOffset = extra
  const offsets: number[] = []
  for (let i = 0, at = dataOffset; i < strips; at += stripBytes[i], i++) offsets.push(at)
  const buf = Buffer.alloc(dataOffset)
  buf.write('II', 0, 'latin1')
  buf.writeUInt16LE(42, 2)
  buf.writeUInt32LE(ifdOffset, 4)
  buf.writeUInt16LE(entries.length, ifdOffset)
  let p = ifdOffset + 2
  for (const [tag, type, rawValues] of entries) {
    const values = tag === 273 ? offsets : rawValues
    buf.writeUInt16LE(tag, p)
    buf.writeUInt16LE(type, p + 2)
    buf.writeUInt32LE(values.length, p + 4)
    const at = outOfLine.get(tag) ?? p + 8
    if (outOfLine.has(tag)) buf.writeUInt32LE(at, p + 8)
    if (values instanceof Uint8Array) buf.set(values, at)
    else values.forEach((v, i) => (type === TYPE_SHORT ? buf.writeUInt16LE(v, at + i * 2) : buf.writeUInt32LE(v, at + i * 4)))
    p += 12
  }
  buf.writeUInt32LE(0, p) // no next IFD
  return buf
}

/**
 * Writes `pixels` (with their profile) to a new TIFF file at `path`, `shrink` times smaller on
 * each side (each output pixel the mean of a shrink×shrink block, as JPEG's shrink-on-load does):
 * a 12 MP phone photo needed for a 1000 px main image is written at 1008×756, not at full size.
 * Returns the size written.
 */
export function writeRawTiff(path: string, pixels: PixelRows, icc: Uint8Array | null, shrink = 1): { width: number; height: number } {
  const { data, width, height, channels, stride } = pixels
  const row = width * channels
  if (stride < row || data.length < stride * (height - 1) + row) throw new Error('the pixel buffer is smaller than the picture')
  const k = Math.max(1, Math.min(Math.floor(shrink), width, height))
  if (k > 1) return writeShrunk(path, pixels, icc, k)
  const fd = openSync(path, 'wx')
  try {
    writeAll(fd, tiffHeader(width, height, channels, icc))
    if (stride === row) {
      // Rows are contiguous: straight from the decoder's memory, a few megabytes per call.
      const total = row * height
      for (let at = 0; at < total; at += 4 * 1024 * 1024) writeAll(fd, data.subarray(at, Math.min(total, at + 4 * 1024 * 1024)))
      return { width, height }
    }
    // Padded rows: gathered a strip at a time into one small buffer.
    const chunk = Buffer.allocUnsafe(row * ROWS_PER_STRIP)
    for (let y = 0; y < height; y += ROWS_PER_STRIP) {
      const rows = Math.min(ROWS_PER_STRIP, height - y)
      for (let k = 0; k < rows; k++) chunk.set(data.subarray((y + k) * stride, (y + k) * stride + row), k * row)
      writeAll(fd, chunk.subarray(0, rows * row))
    }
    return { width, height }
  } finally {
    closeSync(fd)
  }
}

function writeShrunk(path: string, pixels: PixelRows, icc: Uint8Array | null, k: number): { width: number; height: number } {
  const { data, channels, stride } = pixels
  const width = Math.floor(pixels.width / k)
  const height = Math.floor(pixels.height / k)
  const row = width * channels
  const area = k * k
  const half = area >> 1
  const sums = new Uint32Array(row)
  const chunk = Buffer.allocUnsafe(row * ROWS_PER_STRIP)
  const fd = openSync(path, 'wx')
  try {
    writeAll(fd, tiffHeader(width, height, channels, icc))
    let filled = 0
    for (let y = 0; y < height; y++) {
      sums.fill(0)
      for (let dy = 0; dy < k; dy++) {
        let p = (y * k + dy) * stride
        for (let x = 0, o = 0; x < width; x++, o += channels) {
          for (let dx = 0; dx < k; dx++) {
            for (let ch = 0; ch < channels; ch++) sums[o + ch] += data[p++]
          }
        }
      }
      const base = filled * row
      for (let i = 0; i < row; i++) chunk[base + i] = (sums[i] + half) / area
      if (++filled === ROWS_PER_STRIP || y === height - 1) {
        writeAll(fd, chunk.subarray(0, filled * row))
        filled = 0
      }
    }
    return { width, height }
  } finally {
    closeSync(fd)
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at)
}
