// Decodes the primary image of a HEIC/HEIF file with libheif (compiled to WebAssembly by the
// libheif-js package), because sharp's prebuilt libvips reads AVIF but not HEVC-coded HEIF.
// libheif applies the file's rotation/mirroring (irot/imir) itself, so the pixels come out
// upright; the EXIF orientation a phone also writes must then be ignored. The colour profile
// (ICC, or the primaries of an nclx box) is returned so sharp can convert to sRGB.
// A picture that may be shrunk is decoded by libde265 directly where it can (decode-hevc.ts:
// no copy of the full-size picture), else as YCbCr by libheif, and only if neither can, as RGB.
// Runs inside a worker thread: decoding is synchronous WebAssembly and would block the loop.
//
// The decoded pixels stay in the WebAssembly memory: `use` receives a view of them and must be
// done with them before it returns (they are freed right after). That memory never shrinks while
// the worker lives, so the worker reports its size and is stopped when it has grown large.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { PixelRows } from '../raw-tiff.ts'
import { matrixKrKb, ycbcrToRgbShrunk } from './ycbcr.ts'
import { decodeHevcShrunk, type HevcLib } from './decode-hevc.ts'
import { codedSizeMismatch } from './hevc-config.ts'

export interface DecodedHeic {
  /** The upright picture, `shrink` times larger on each side than it needs to be written. */
  pixels: PixelRows
  shrink: number
  /** The picture's own (upright) size. */
  width: number
  height: number
  /** Embedded ICC profile, if any. */
  icc: Uint8Array | null
  /** nclx colour primaries code (ITU-T H.273) when the file has no ICC profile, else null. */
  primaries: number | null
}

/** Failures the main thread turns into per-file errors. */
export class HeicDecodeError extends Error {
  readonly kind: 'damaged' | 'too_many_pixels'
  constructor(kind: 'damaged' | 'too_many_pixels', message: string) {
    super(message)
    this.kind = kind
  }
}

// The parts of the libheif-js module we use (it ships no types for its Emscripten bindings).
type HeifErrorLike = { code: unknown; message?: string }
interface Handle { $$: { ptr: number } }
interface LibHeif extends HevcLib {
  ready?: Promise<unknown>
  HEAPU8: Uint8Array
  HEAP32: Int32Array
  heif_error_code: { heif_error_Ok: unknown }
  heif_colorspace: { heif_colorspace_RGB: unknown }
  heif_chroma: { heif_chroma_interleaved_RGB: unknown; heif_chroma_interleaved_RGBA: unknown }
  heif_channel: { heif_channel_interleaved: unknown }
  heif_context_alloc(): unknown
  heif_context_free(ctx: unknown): void
  _heif_context_read_from_memory_without_copy(sret: number, ctx: number, data: number, size: number, options: number): void
  heif_js_context_get_primary_image_handle(ctx: unknown): Handle | HeifErrorLike
  heif_image_handle_get_width(h: Handle): number
  heif_image_handle_get_height(h: Handle): number
  heif_image_handle_has_alpha_channel(h: Handle): number
  heif_image_handle_release(h: Handle): void
  heif_js_decode_image2(h: Handle, colorspace: unknown, chroma: unknown): Promise<DecodedImage | HeifErrorLike> | DecodedImage | HeifErrorLike
  heif_image_release(img: unknown): void
  _malloc(n: number): number
  _free(p: number): void
  _heif_image_handle_get_color_profile_type(h: number): number
  _heif_image_handle_get_raw_color_profile_size(h: number): number
  _heif_image_handle_get_raw_color_profile(sret: number, h: number, out: number): void
  _heif_image_handle_get_nclx_color_profile(sret: number, h: number, out: number): void
  _heif_nclx_color_profile_free(p: number): void
  _heif_image_handle_get_luma_bits_per_pixel(h: number): number
  _heif_image_handle_get_chroma_bits_per_pixel(h: number): number
  _heif_decode_image(sret: number, h: number, outImage: number, colorspace: number, chroma: number, options: number): void
  _heif_image_get_nclx_color_profile(sret: number, img: number, out: number): void
  _heif_image_get_plane_readonly(img: number, channel: number, stride: number): number
  _heif_image_get_width(img: number, channel: number): number
  _heif_image_get_height(img: number, channel: number): number
  _heif_image_release(img: number): void
}
interface DecodedImage {
  image: unknown
  width: number
  height: number
  channels: Array<{ id: unknown; width: number; height: number; stride: number; data: Uint8Array }>
}

let lib: LibHeif | null = null

async function libheif(): Promise<LibHeif> {
  if (!lib) {
    // The module and its .wasm file separately: the package's "bundle" build carries the same
    // code as a base64 string, which costs the worker about 10 MB more memory.
    const require = createRequire(import.meta.url)
    const wasmBinary = readFileSync(require.resolve('libheif-js/libheif-wasm/libheif.wasm'))
    lib = (require('libheif-js/libheif-wasm/libheif.js') as (o: { wasmBinary: Uint8Array }) => LibHeif)({ wasmBinary })
    await lib.ready
  }
  return lib
}

/** Bytes of WebAssembly memory the decoder holds (it only grows). */
export function decoderMemoryBytes(): number {
  return lib?.HEAPU8.length ?? 0
}

const fourcc = (s: string) => (s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)
const PROFILE_ICC = new Set([fourcc('prof'), fourcc('rICC')])

function isError(x: unknown, ok: unknown): x is HeifErrorLike {
  return !x || (typeof x === 'object' && 'code' in (x as object) && (x as HeifErrorLike).code !== ok && (x as HeifErrorLike).code !== undefined)
}

/**
 * Copies the file (its bytes, or the file at a path, read straight in) into the decoder's memory,
 * where libheif reads it without making a copy of its own. Returns its address (to be freed).
 */
function fileIntoDecoder(m: LibHeif, input: Uint8Array | string): { at: number; size: number } {
  const fd = typeof input === 'string' ? openSync(input, 'r') : null
  try {
    const size = fd === null ? (input as Uint8Array).length : fstatSync(fd).size
    const at = m._malloc(Math.max(1, size))
    if (!at) throw new HeicDecodeError('damaged', 'the file does not fit in the decoder’s memory')
    // (Allocating may grow the memory, which replaces HEAPU8: the view is taken afterwards.)
    const into = m.HEAPU8.subarray(at, at + size)
    if (fd === null) into.set(input as Uint8Array)
    else for (let done = 0, n = 1; done < size && n > 0; done += n) n = readSync(fd, into, done, size - done, done)
    return { at, size }
  } finally {
    if (fd !== null) closeSync(fd)
  }
}

/**
 * Decodes the primary picture of a HEIC file (its bytes, or its path) and hands it to `use`
 * (pixels valid only during the call). `shrinkFor(width, height)` says by what whole factor the
 * picture may be made smaller. A file that cannot be read rejects with the file system's error.
 * `opts` chooses the slower paths (tests compare them): libheif's YCbCr or libheif's RGB.
 */
export async function decodeHeic<T>(input: Uint8Array | string, maxPixels: number, shrinkFor: (width: number, height: number) => number, use: (decoded: DecodedHeic) => T, opts: { viaRgb?: boolean; viaLibheif?: boolean } = {}): Promise<T> {
  const m = await libheif()
  const ok = m.heif_error_code.heif_error_Ok
  const bytes = fileIntoDecoder(m, input)
  // Checked before any decoding: the decoder would allocate for the stream's size first.
  const mismatch = codedSizeMismatch(m.HEAPU8.subarray(bytes.at, bytes.at + bytes.size))
  if (mismatch) {
    m._free(bytes.at)
    const { coded, stated } = mismatch
    throw new HeicDecodeError('damaged', `the picture data's dimensions (${coded.width}×${coded.height}) exceed those the file states (${stated.width}×${stated.height})`)
  }
  const ctx = m.heif_context_alloc() as { $$: { ptr: number } } | null
  if (!ctx) {
    m._free(bytes.at)
    throw new HeicDecodeError('damaged', 'cannot allocate a HEIF decoder')
  }
  let handle: Handle | null = null
  try {
    const sret = m._malloc(16)
    try {
      m._heif_context_read_from_memory_without_copy(sret, ctx.$$.ptr, bytes.at, bytes.size, 0)
      if (m.HEAP32[sret >> 2] !== 0) throw new HeicDecodeError('damaged', heifMessage(m, sret) || 'unreadable HEIF file')
    } finally {
      m._free(sret)
    }
    const h = m.heif_js_context_get_primary_image_handle(ctx)
    if (isError(h, ok) || !('$$' in (h as object))) throw new HeicDecodeError('damaged', (h as HeifErrorLike)?.message || 'the file has no primary image')
    handle = h as Handle
    const width = m.heif_image_handle_get_width(handle)
    const height = m.heif_image_handle_get_height(handle)
    if (!(width > 0 && height > 0)) throw new HeicDecodeError('damaged', 'the image has no size')
    if (width * height > maxPixels) throw new HeicDecodeError('too_many_pixels', `${width}×${height} pixels`)
    const channels = m.heif_image_handle_has_alpha_channel(handle) ? 4 : 3
    const { icc, primaries } = colourProfile(m, handle.$$.ptr)
    const k = Math.max(1, Math.min(8, Math.floor(shrinkFor(width, height))))
    if (k > 1 && channels === 3 && !opts.viaRgb) {
      const file = () => m.HEAPU8.subarray(bytes.at, bytes.at + bytes.size)
      const small = (opts.viaLibheif ? null : decodeHevcShrunk(m, ctx.$$.ptr, handle.$$.ptr, file, k)) ?? decodeShrunk(m, handle.$$.ptr, k)
      if (small) {
        try {
          return use({ pixels: small.pixels, shrink: 1, width, height, icc, primaries })
        } finally {
          small.release()
        }
      }
    }
    const decoded = await m.heif_js_decode_image2(handle, m.heif_colorspace.heif_colorspace_RGB,
      channels === 4 ? m.heif_chroma.heif_chroma_interleaved_RGBA : m.heif_chroma.heif_chroma_interleaved_RGB)
    if (isError(decoded, ok) || !('channels' in (decoded as object))) throw new HeicDecodeError('damaged', (decoded as HeifErrorLike)?.message || 'the picture data cannot be decoded')
    const img = decoded as DecodedImage
    try {
      const plane = img.channels.find((c) => c.id === m.heif_channel.heif_channel_interleaved)
      if (!plane) throw new HeicDecodeError('damaged', 'the decoder returned no pixels')
      return use({ pixels: { data: plane.data, width: plane.width, height: plane.height, channels, stride: plane.stride }, shrink: k, width, height, icc, primaries })
    } finally {
      m.heif_image_release(img.image)
    }
  } finally {
    if (handle) m.heif_image_handle_release(handle)
    m.heif_context_free(ctx)
    m._free(bytes.at)
  }
}

/** The message of a heif_error returned through `sret` (struct { code, subcode, const char* message }). */
function heifMessage(m: LibHeif, sret: number): string {
  const at = m.HEAP32[(sret + 8) >> 2]
  let message = ''
  for (let i = at; at && m.HEAPU8[i] && i < at + 400; i++) message += String.fromCharCode(m.HEAPU8[i])
  return message
}

/** libheif's enum values: heif_colorspace_YCbCr, heif_chroma_420, heif_channel_Y/Cb/Cr. */
const COLORSPACE_YCBCR = 0
const CHROMA_420 = 1
const [CHANNEL_Y, CHANNEL_CB, CHANNEL_CR] = [0, 1, 2]

/**
 * Decodes an 8-bit 4:2:0 picture as YCbCr (as the HEVC decoder makes it) and converts it to
 * RGB while shrinking it `k` times, each output pixel the mean of a k×k block: the decoder then
 * never allocates the full-size RGB picture (36 MB for 12 MP, the largest part of its memory).
 * The small picture is written into the decoder's own memory, where the HEVC decoder has just
 * freed far more than it needs, rather than into new memory at the decoder's peak (4 MB for a
 * 12 MP photo); `release` gives it back. Null when the picture is not of that kind; the caller
 * then asks libheif for RGB.
 */
function decodeShrunk(m: LibHeif, handlePtr: number, k: number): { pixels: PixelRows; release(): void } | null {
  if (m._heif_image_handle_get_luma_bits_per_pixel(handlePtr) !== 8 || m._heif_image_handle_get_chroma_bits_per_pixel(handlePtr) !== 8) return null
  const sret = m._malloc(16)
  const slot = m._malloc(16)
  let img = 0
  try {
    m.HEAP32[slot >> 2] = 0
    m._heif_decode_image(sret, handlePtr, slot, COLORSPACE_YCBCR, CHROMA_420, 0)
    img = m.HEAP32[slot >> 2]
    if (m.HEAP32[sret >> 2] !== 0 || !img) throw new HeicDecodeError('damaged', heifMessage(m, sret) || 'the picture data cannot be decoded')
    // The matrix and range the decoded picture carries (from the file or the HEVC stream).
    let kr = 0.299
    let kb = 0.114
    let fullRange = true
    m.HEAP32[(slot + 4) >> 2] = 0
    m._heif_image_get_nclx_color_profile(sret, img, slot + 4)
    const nclx = m.HEAP32[(slot + 4) >> 2]
    if (m.HEAP32[sret >> 2] === 0 && nclx) {
      const matrix = matrixKrKb(m.HEAP32[(nclx + 12) >> 2])
      fullRange = m.HEAPU8[nclx + 16] !== 0
      m._heif_nclx_color_profile_free(nclx)
      if (!matrix) return null
      ;[kr, kb] = matrix
    }
    const plane = (channel: number) => {
      const at = m._heif_image_get_plane_readonly(img, channel, slot + 8)
      return { at, stride: m.HEAP32[(slot + 8) >> 2] }
    }
    const Y = plane(CHANNEL_Y)
    const Cb = plane(CHANNEL_CB)
    const Cr = plane(CHANNEL_CR)
    const width = m._heif_image_get_width(img, CHANNEL_Y)
    const height = m._heif_image_get_height(img, CHANNEL_Y)
    if (!Y.at || !Cb.at || !Cr.at || !(width > 0 && height > 0)) throw new HeicDecodeError('damaged', 'the decoder returned no pixels')
    const bytes = Math.max(1, Math.floor(width / k)) * Math.max(1, Math.floor(height / k)) * 3
    const at = m._malloc(bytes)
    // (Allocating may grow the memory, which replaces HEAPU8: the view is taken afterwards.)
    const out = at ? m.HEAPU8.subarray(at, at + bytes) : undefined
    const pixels = ycbcrToRgbShrunk(m.HEAPU8, { Y, Cb, Cr, width, height }, k, kr, kb, fullRange, out)
    return { pixels, release: () => at && m._free(at) }
  } finally {
    if (img) m._heif_image_release(img)
    m._free(slot)
    m._free(sret)
  }
}

// The embind wrapper has no getter for the colour profile, so the C functions are called on the
// handle's raw pointer (heif_error is returned through a hidden first "sret" argument).
function colourProfile(m: LibHeif, handlePtr: number): { icc: Uint8Array | null; primaries: number | null } {
  const sret = m._malloc(16)
  try {
    if (PROFILE_ICC.has(m._heif_image_handle_get_color_profile_type(handlePtr))) {
      const size = m._heif_image_handle_get_raw_color_profile_size(handlePtr)
      if (size > 0 && size < 16 * 1024 * 1024) {
        const out = m._malloc(size)
        try {
          m._heif_image_handle_get_raw_color_profile(sret, handlePtr, out)
          if (m.HEAP32[sret >> 2] === 0) return { icc: m.HEAPU8.slice(out, out + size), primaries: null }
        } finally {
          m._free(out)
        }
      }
    }
    const slot = m._malloc(4)
    try {
      m.HEAP32[slot >> 2] = 0
      m._heif_image_handle_get_nclx_color_profile(sret, handlePtr, slot)
      const nclx = m.HEAP32[slot >> 2]
      if (m.HEAP32[sret >> 2] === 0 && nclx) {
        // struct heif_color_profile_nclx { uint8 version; enum color_primaries; … }
        const primaries = m.HEAP32[(nclx + 4) >> 2]
        m._heif_nclx_color_profile_free(nclx)
        return { icc: null, primaries }
      }
    } finally {
      m._free(slot)
    }
    return { icc: null, primaries: null }
  } finally {
    m._free(sret)
  }
}
