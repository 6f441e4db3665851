// Decodes a plain (untiled) HEVC-coded HEIF picture with libde265 itself (the decoder inside
// libheif's WebAssembly build) and shrinks it while converting to RGB. libheif would copy the
// decoded picture into an image of its own before handing it over: 18 MB more for a 12 MP photo,
// at the decoder's peak. Read straight from libde265's planes, that copy is never made.
// Only 8-bit 4:2:0 pictures turned by irot/imir are taken; anything else (tiled "grid" pictures,
// cropping, other bit depths, a decoding error) gives null and libheif decodes the file instead.
import type { PixelRows } from '../raw-tiff.ts'
import { hevcConfig } from './hevc-config.ts'
import { matrixKrKb, ycbcrToRgbShrunk } from './ycbcr.ts'

/** The parts of libheif's WebAssembly module used here (Emscripten exports; pointers are numbers). */
export interface HevcLib {
  HEAPU8: Uint8Array
  HEAP32: Int32Array
  _malloc(n: number): number
  _free(p: number): void
  _heif_item_get_item_type(ctx: number, id: number): number
  _heif_item_get_item_data(sret: number, ctx: number, id: number, compression: number, outData: number, outSize: number): void
  _heif_release_item_data(ctx: number, data: number): void
  _heif_item_get_transformation_properties(ctx: number, id: number, out: number, count: number): number
  _heif_item_get_property_type(ctx: number, id: number, property: number): number
  _heif_item_get_property_transform_rotation_ccw(ctx: number, id: number, property: number): number
  _heif_item_get_property_transform_mirror(ctx: number, id: number, property: number): number
  _heif_image_handle_get_item_id(h: number): number
  _heif_image_handle_get_ispe_width(h: number): number
  _heif_image_handle_get_ispe_height(h: number): number
  _heif_image_handle_get_nclx_color_profile(sret: number, h: number, out: number): void
  _heif_nclx_color_profile_free(p: number): void
  _de265_new_decoder(): number
  _de265_free_decoder(dec: number): number
  _de265_push_NAL(dec: number, data: number, length: number, ptsLow: number, ptsHigh: number, userData: number): number
  _de265_flush_data(dec: number): number
  _de265_decode(dec: number, more: number): number
  _de265_get_next_picture(dec: number): number
  _de265_release_next_picture(dec: number): void
  _de265_get_chroma_format(img: number): number
  _de265_get_bits_per_pixel(img: number, channel: number): number
  _de265_get_image_width(img: number, channel: number): number
  _de265_get_image_height(img: number, channel: number): number
  _de265_get_image_plane(img: number, channel: number, stride: number): number
  _de265_get_image_matrix_coefficients(img: number): number
  _de265_get_image_full_range_flag(img: number): number
}

const fourcc = (s: string) => ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0
const HVC1 = fourcc('hvc1')
const IROT = fourcc('irot')
const IMIR = fourcc('imir')
const CHROMA_420 = 1
/** A decoding step that needs more than this many rounds is not a single picture. */
const MAX_ROUNDS = 10_000

export type Turn = { rotateCcw: 90 | 180 | 270 } | { mirror: 'vertical' | 'horizontal' }

/** The item's irot/imir in the order they apply; null when it has other transformations (clap). */
function turns(m: HevcLib, ctx: number, item: number, scratch: number): Turn[] | null {
  const n = m._heif_item_get_transformation_properties(ctx, item, scratch, 8)
  if (n < 0 || n > 8) return null
  const out: Turn[] = []
  for (let i = 0; i < n; i++) {
    const property = m.HEAP32[(scratch >> 2) + i]
    const type = m._heif_item_get_property_type(ctx, item, property) >>> 0
    if (type === IROT) {
      const ccw = m._heif_item_get_property_transform_rotation_ccw(ctx, item, property)
      if (ccw === 90 || ccw === 180 || ccw === 270) out.push({ rotateCcw: ccw })
      else if (ccw !== 0) return null
    } else if (type === IMIR) {
      // heif_transform_mirror_direction: 0 = vertical (top and bottom swap), 1 = horizontal.
      const direction = m._heif_item_get_property_transform_mirror(ctx, item, property)
      if (direction !== 0 && direction !== 1) return null
      out.push({ mirror: direction === 0 ? 'vertical' : 'horizontal' })
    } else return null
  }
  return out
}

/** `src` turned as the file says, into `dst` (same number of pixels). Returns the new size. */
export function turn(src: Uint8Array, w: number, h: number, t: Turn, dst: Uint8Array): { w: number; h: number } {
  const quarter = 'rotateCcw' in t && t.rotateCcw !== 180
  const dw = quarter ? h : w
  const dh = quarter ? w : h
  // The source pixel of output pixel (dx, dy) is (x0 + dx·xdx + dy·xdy, y0 + dx·ydx + dy·ydy).
  const [x0, xdx, xdy, y0, ydx, ydy] =
    'mirror' in t
      ? t.mirror === 'horizontal' ? [w - 1, -1, 0, 0, 0, 1] : [0, 1, 0, h - 1, 0, -1]
      : t.rotateCcw === 90 ? [w - 1, 0, -1, 0, 1, 0]
        : t.rotateCcw === 180 ? [w - 1, -1, 0, h - 1, 0, -1]
          : [0, 0, 1, h - 1, -1, 0]
  // In bytes: one step of dx moves this far in the source.
  const stepX = (ydx * w + xdx) * 3
  for (let dy = 0, d = 0; dy < dh; dy++) {
    for (let dx = 0, s = ((y0 + dy * ydy) * w + x0 + dy * xdy) * 3; dx < dw; dx++, d += 3, s += stepX) {
      dst[d] = src[s]
      dst[d + 1] = src[s + 1]
      dst[d + 2] = src[s + 2]
    }
  }
  return { w: dw, h: dh }
}

/** Pushes the item's NAL units (parameter sets first) into a new libde265 decoder. */
function feed(m: HevcLib, ctx: number, item: number, file: () => Uint8Array, scratch: number): number | null {
  const config = hevcConfig(file(), item)
  if (!config) return null
  // Copied out: allocating in the decoder's memory may grow it, which leaves views of it empty.
  const nals = config.nals.map((nal) => nal.slice())
  const dec = m._de265_new_decoder()
  if (!dec) return null
  let ok = true
  // The parameter sets, each copied in (libde265 keeps its own copy of every NAL unit).
  for (const nal of nals) {
    const at = m._malloc(nal.length)
    if (!at) ok = false
    else {
      m.HEAPU8.set(nal, at)
      ok = m._de265_push_NAL(dec, at, nal.length, 0, 0, 0) === 0 && ok
      m._free(at)
    }
  }
  // The picture data, length-prefixed NAL units as libheif reads them from the file.
  m.HEAP32[scratch >> 2] = 0
  m._heif_item_get_item_data(scratch + 8, ctx, item, 0, scratch, scratch + 4)
  const data = m.HEAP32[scratch >> 2]
  const size = m.HEAP32[(scratch + 4) >> 2]
  if (m.HEAP32[(scratch + 8) >> 2] !== 0 || !data) ok = false
  for (let at = data, end = data + size; ok && at < end; ) {
    let length = 0
    for (let i = 0; i < config.lengthSize; i++) length = length * 256 + m.HEAPU8[at + i]
    at += config.lengthSize
    if (length === 0 || at + length > end) ok = false
    else ok = m._de265_push_NAL(dec, at, length, 0, 0, 0) === 0
    at += length
  }
  if (data) m._heif_release_item_data(ctx, scratch)
  if (ok && m._de265_flush_data(dec) === 0) return dec
  m._de265_free_decoder(dec)
  return null
}

/** The YCbCr matrix and range: the file's nclx colour box if it has one, else the bitstream's. */
function matrixOf(m: HevcLib, handle: number, img: number, scratch: number): { kr: number; kb: number; fullRange: boolean } | null {
  m.HEAP32[scratch >> 2] = 0
  m._heif_image_handle_get_nclx_color_profile(scratch + 8, handle, scratch)
  const nclx = m.HEAP32[scratch >> 2]
  let code = m._de265_get_image_matrix_coefficients(img)
  let fullRange = m._de265_get_image_full_range_flag(img) !== 0
  if (m.HEAP32[(scratch + 8) >> 2] === 0 && nclx) {
    // struct heif_color_profile_nclx { uint8 version; primaries; transfer; matrix; uint8 full_range_flag; … }
    code = m.HEAP32[(nclx + 12) >> 2]
    fullRange = m.HEAPU8[nclx + 16] !== 0
    m._heif_nclx_color_profile_free(nclx)
  }
  const matrix = matrixKrKb(code)
  return matrix ? { kr: matrix[0], kb: matrix[1], fullRange } : null
}

/**
 * The upright picture `k` times smaller on each side, in the decoder's memory until `release`;
 * null when this picture is not one this path takes (libheif then decodes it). `file` gives a
 * view of the file's bytes in the decoder's memory.
 */
export function decodeHevcShrunk(m: HevcLib, ctx: number, handle: number, file: () => Uint8Array, k: number): { pixels: PixelRows; release(): void } | null {
  const item = m._heif_image_handle_get_item_id(handle)
  if (m._heif_item_get_item_type(ctx, item) >>> 0 !== HVC1) return null
  const scratch = m._malloc(64)
  if (!scratch) return null
  let dec = 0
  let small = 0
  try {
    const steps = turns(m, ctx, item, scratch)
    if (!steps) return null
    dec = feed(m, ctx, item, file, scratch) ?? 0
    if (!dec) return null
    let img = 0
    for (let round = 0; round < MAX_ROUNDS && !img; round++) {
      m.HEAP32[scratch >> 2] = 0
      const err = m._de265_decode(dec, scratch)
      // Any error or warning: libheif decodes the file and says what is wrong with it.
      if (err !== 0) return null
      img = m._de265_get_next_picture(dec)
      if (!img && m.HEAP32[scratch >> 2] === 0) break
    }
    if (!img || m._de265_get_chroma_format(img) !== CHROMA_420) return null
    if (m._de265_get_bits_per_pixel(img, 0) !== 8 || m._de265_get_bits_per_pixel(img, 1) !== 8) return null
    const colour = matrixOf(m, handle, img, scratch)
    if (!colour) return null
    // The picture as the file declares its size (ispe): the coded one may be padded.
    const width = Math.min(m._heif_image_handle_get_ispe_width(handle), m._de265_get_image_width(img, 0))
    const height = Math.min(m._heif_image_handle_get_ispe_height(handle), m._de265_get_image_height(img, 0))
    if (!(width > 0 && height > 0)) return null
    const plane = (c: number) => {
      const at = m._de265_get_image_plane(img, c, scratch)
      return { at, stride: m.HEAP32[scratch >> 2] }
    }
    const [Y, Cb, Cr] = [plane(0), plane(1), plane(2)]
    if (!Y.at || !Cb.at || !Cr.at) return null
    const w = Math.max(1, Math.floor(width / k))
    const h = Math.max(1, Math.floor(height / k))
    small = m._malloc(w * h * 3 * (steps.length > 0 ? 2 : 1))
    if (!small) return null
    // (Allocating may grow the memory, which replaces HEAPU8: views are taken afterwards.)
    ycbcrToRgbShrunk(m.HEAPU8, { Y, Cb, Cr, width, height }, k, colour.kr, colour.kb, colour.fullRange, m.HEAPU8.subarray(small, small + w * h * 3))
    m._de265_release_next_picture(dec)
    m._de265_free_decoder(dec)
    dec = 0
    // Turned between two halves of one allocation, ending in whichever half the last step wrote.
    const half = [small, small + w * h * 3]
    let size = { w, h }
    steps.forEach((t, i) => {
      const heap = m.HEAPU8
      size = turn(heap.subarray(half[i % 2], half[i % 2] + w * h * 3), size.w, size.h, t, heap.subarray(half[(i + 1) % 2], half[(i + 1) % 2] + w * h * 3))
    })
    const at = half[steps.length % 2]
    const done = small
    small = 0
    return {
      pixels: { data: m.HEAPU8.subarray(at, at + w * h * 3), width: size.w, height: size.h, channels: 3, stride: size.w * 3 },
      release: () => m._free(done)
    }
  } finally {
    if (dec) m._de265_free_decoder(dec)
    if (small) m._free(small)
    m._free(scratch)
  }
}
