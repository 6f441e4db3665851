// Decodes the primary image of a HEIC/HEIF file with libheif (compiled to WebAssembly by the
// libheif-js package), because sharp's prebuilt libvips reads AVIF but not HEVC-coded HEIF.
// libheif applies the file's rotation/mirroring (irot/imir) itself, so the pixels come out
// upright; the EXIF orientation a phone also writes must then be ignored. The colour profile
// (ICC, or the primaries of an nclx box) is returned so sharp can convert to sRGB.
// Runs inside a worker thread: decoding is synchronous WebAssembly and would block the loop.
//
// The decoded pixels stay in the WebAssembly memory: `use` receives a view of them and must be
// done with them before it returns (they are freed right after). That memory never shrinks while
// the worker lives, so the worker reports its size and is stopped when it has grown large.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { PixelRows } from '../raw-tiff.ts'

export interface DecodedHeic {
  pixels: PixelRows
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
interface LibHeif {
  ready?: Promise<unknown>
  HEAPU8: Uint8Array
  HEAP32: Int32Array
  heif_error_code: { heif_error_Ok: unknown }
  heif_colorspace: { heif_colorspace_RGB: unknown }
  heif_chroma: { heif_chroma_interleaved_RGB: unknown; heif_chroma_interleaved_RGBA: unknown }
  heif_channel: { heif_channel_interleaved: unknown }
  heif_context_alloc(): unknown
  heif_context_free(ctx: unknown): void
  heif_context_read_from_memory(ctx: unknown, data: Uint8Array): HeifErrorLike
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

export async function decodeHeic<T>(bytes: Uint8Array, maxPixels: number, use: (decoded: DecodedHeic) => T): Promise<T> {
  const m = await libheif()
  const ok = m.heif_error_code.heif_error_Ok
  const ctx = m.heif_context_alloc()
  if (!ctx) throw new HeicDecodeError('damaged', 'cannot allocate a HEIF decoder')
  let handle: Handle | null = null
  try {
    const read = m.heif_context_read_from_memory(ctx, bytes)
    if (read.code !== ok) throw new HeicDecodeError('damaged', read.message || 'unreadable HEIF file')
    const h = m.heif_js_context_get_primary_image_handle(ctx)
    if (isError(h, ok) || !('$$' in (h as object))) throw new HeicDecodeError('damaged', (h as HeifErrorLike)?.message || 'the file has no primary image')
    handle = h as Handle
    const width = m.heif_image_handle_get_width(handle)
    const height = m.heif_image_handle_get_height(handle)
    if (!(width > 0 && height > 0)) throw new HeicDecodeError('damaged', 'the image has no size')
    if (width * height > maxPixels) throw new HeicDecodeError('too_many_pixels', `${width}×${height} pixels`)
    const channels = m.heif_image_handle_has_alpha_channel(handle) ? 4 : 3
    const { icc, primaries } = colourProfile(m, handle.$$.ptr)
    const decoded = await m.heif_js_decode_image2(handle, m.heif_colorspace.heif_colorspace_RGB,
      channels === 4 ? m.heif_chroma.heif_chroma_interleaved_RGBA : m.heif_chroma.heif_chroma_interleaved_RGB)
    if (isError(decoded, ok) || !('channels' in (decoded as object))) throw new HeicDecodeError('damaged', (decoded as HeifErrorLike)?.message || 'the picture data cannot be decoded')
    const img = decoded as DecodedImage
    try {
      const plane = img.channels.find((c) => c.id === m.heif_channel.heif_channel_interleaved)
      if (!plane) throw new HeicDecodeError('damaged', 'the decoder returned no pixels')
      return use({ pixels: { data: plane.data, width: plane.width, height: plane.height, channels, stride: plane.stride }, icc, primaries })
    } finally {
      m.heif_image_release(img.image)
    }
  } finally {
    if (handle) m.heif_image_handle_release(handle)
    m.heif_context_free(ctx)
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
