// Wraps decoded 8-bit RGB(A) pixels and their ICC profile in a minimal uncompressed TIFF, so
// sharp receives a HEIC's pixels *with* its colour profile and converts them to sRGB like any
// other input (sharp's raw-pixel input has no way to say which profile the pixels are in).
const TYPE_SHORT = 3
const TYPE_LONG = 4
const TYPE_UNDEFINED = 7

export function rawToTiff(pixels: Uint8Array, width: number, height: number, channels: 3 | 4, icc: Uint8Array | null): Buffer {
  const entries: Array<[tag: number, type: number, values: number[] | Uint8Array]> = [
    [256, TYPE_LONG, [width]], // ImageWidth
    [257, TYPE_LONG, [height]], // ImageLength
    [258, TYPE_SHORT, new Array(channels).fill(8)], // BitsPerSample
    [259, TYPE_SHORT, [1]], // Compression: none
    [262, TYPE_SHORT, [2]], // PhotometricInterpretation: RGB
    [273, TYPE_LONG, [0]], // StripOffsets (patched below)
    [277, TYPE_SHORT, [channels]], // SamplesPerPixel
    [278, TYPE_LONG, [height]], // RowsPerStrip: one strip
    [279, TYPE_LONG, [pixels.length]], // StripByteCounts
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
  // Not allocUnsafe: small unsafe buffers share a pool, and this one is transferred between threads.
  const buf = Buffer.alloc(dataOffset + pixels.length)
  buf.write('II', 0, 'latin1')
  buf.writeUInt16LE(42, 2)
  buf.writeUInt32LE(ifdOffset, 4)
  buf.writeUInt16LE(entries.length, ifdOffset)
  let p = ifdOffset + 2
  for (const [tag, type, rawValues] of entries) {
    const values = tag === 273 ? [dataOffset] : rawValues
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
  buf.set(pixels, dataOffset)
  return buf
}
