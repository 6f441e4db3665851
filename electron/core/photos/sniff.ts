// Recognises an image by its first bytes, never by its extension: phones and catalogue exports
// often name files wrongly, and a non-image renamed to .jpg must get a clear error.
import { extname } from 'node:path'
import type { PhotoFormat } from './types.ts'

export type Sniffed =
  | { kind: 'image'; format: PhotoFormat }
  /** `format` is a code the UI translates (with what to do); label and hint are the English words. */
  | { kind: 'unsupported'; format: UnsupportedFormat; label: string; hint: string }
  | { kind: 'unknown' }

const REEXPORT = 'Re-export it as JPEG or PNG.'

/** Formats we recognise but do not accept, with what to do instead. */
const UNSUPPORTED = {
  bmp: { label: 'BMP', hint: REEXPORT },
  ico: { label: 'ICO (icon)', hint: REEXPORT },
  tga: { label: 'TGA', hint: REEXPORT },
  qoi: { label: 'QOI', hint: REEXPORT },
  jxl: { label: 'JPEG XL', hint: REEXPORT },
  jp2: { label: 'JPEG 2000', hint: REEXPORT },
  pcx: { label: 'PCX', hint: REEXPORT },
  pnm: { label: 'PNM/PPM', hint: REEXPORT },
  xcf: { label: 'GIMP (XCF)', hint: 'Export the picture from GIMP as JPEG or PNG.' },
  xpm: { label: 'XPM', hint: REEXPORT },
  psd: { label: 'Photoshop (PSD)', hint: 'Export the picture from Photoshop as JPEG or PNG.' },
  svg: { label: 'SVG drawing', hint: 'Export the drawing as PNG.' },
  pdf: { label: 'PDF document', hint: 'Export the page as a JPEG or PNG image.' },
  raw: { label: 'camera RAW', hint: 'Develop the RAW file in your camera software and export it as JPEG.' },
  video: { label: 'video', hint: 'Take a still picture of the product instead, or export a frame as JPEG.' }
} as const satisfies Record<string, { label: string; hint: string }>
export type UnsupportedFormat = keyof typeof UNSUPPORTED
export const UNSUPPORTED_FORMATS = Object.keys(UNSUPPORTED) as UnsupportedFormat[]

const ascii = (b: Buffer, from: number, to: number) => b.toString('latin1', from, Math.min(to, b.length))

/** `size` (the whole file's) lets a TGA without a .tga name be recognised. */
export function sniff(head: Buffer, fileName: string, size?: number): Sniffed {
  const b = head
  const img = (format: PhotoFormat): Sniffed => ({ kind: 'image', format })
  const no = (key: UnsupportedFormat): Sniffed => ({ kind: 'unsupported', format: key, ...UNSUPPORTED[key] })
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return img('jpeg')
  if (ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return img('png')
  if (/^GIF8[79]a/.test(ascii(b, 0, 6))) return img('gif')
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return img('webp')
  const tiffMagic = ascii(b, 0, 4)
  if (tiffMagic === 'II*\0' || tiffMagic === 'MM\0*' || tiffMagic === 'II+\0' || tiffMagic === 'MM\0+') {
    // Canon CR2 (and other TIFF-based RAW files) would decode as a tiny embedded preview.
    if (ascii(b, 8, 10) === 'CR') return no('raw')
    return img('tiff')
  }
  if (ascii(b, 4, 8) === 'ftyp') return sniffIsoBmff(b)
  if (ascii(b, 0, 4) === '8BPS') return no('psd')
  if (ascii(b, 0, 5) === '%PDF-') return no('pdf')
  if (ascii(b, 0, 4) === 'qoif') return no('qoi')
  if (ascii(b, 0, 8) === 'gimp xcf') return no('xcf')
  if (ascii(b, 0, 9) === '/* XPM */') return no('xpm')
  if ((b[0] === 0xff && b[1] === 0x0a) || ascii(b, 4, 8) === 'JXL ') return no('jxl')
  if (ascii(b, 4, 8) === 'jP  ' || (b[0] === 0xff && b[1] === 0x4f && b[2] === 0xff && b[3] === 0x51)) return no('jp2')
  if (ascii(b, 0, 2) === 'BM' && b.length >= 14) return no('bmp')
  if (isIcon(b)) return no('ico')
  if (/^P[1-7]\s/.test(ascii(b, 0, 3))) return no('pnm')
  if (b[0] === 0x0a && b[1] <= 5 && b[2] === 1) return no('pcx')
  const text = ascii(b, 0, 512).trimStart().toLowerCase()
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return no('svg')
  if (ascii(b, 0, 4) === '\x1aE\xdf\xa3') return no('video')
  // TGA has no signature: a plausible header named .tga, or one whose size matches its pixels exactly.
  const ext = extname(fileName).slice(1).toLowerCase()
  const tga = tgaHeader(b)
  if (tga && (TGA_EXTENSIONS.has(ext) || tga.exactSize === size)) return no('tga')
  return { kind: 'unknown' }
}

const TGA_EXTENSIONS = new Set(['tga', 'tpic', 'icb', 'vda', 'vst'])

/**
 * ICO/CUR: reserved 0, type 1 (icon) or 2 (cursor), at least one image, and a first directory
 * entry that points past the directory. (A TGA header also starts 00 00 02 00, with count 0.)
 */
function isIcon(b: Buffer): boolean {
  if (b.length < 22 || b.readUInt16LE(0) !== 0) return false
  const type = b.readUInt16LE(2)
  const count = b.readUInt16LE(4)
  if ((type !== 1 && type !== 2) || count < 1 || count > 256) return false
  const reserved = b[9]
  const bytes = b.readUInt32LE(14)
  const offset = b.readUInt32LE(18)
  return (reserved === 0 || reserved === 255) && bytes > 0 && offset >= 6 + 16 * count
}

/** A TGA header that makes sense (Truevision TGA 2.0, §2), and the file size it implies if uncompressed. */
function tgaHeader(b: Buffer): { exactSize: number | null } | null {
  if (b.length < 18) return null
  const idLength = b[0]
  const mapType = b[1]
  const imageType = b[2]
  const mapLength = b.readUInt16LE(5)
  const mapDepth = b[7]
  const width = b.readUInt16LE(12)
  const height = b.readUInt16LE(14)
  const depth = b[16]
  const descriptor = b[17]
  if (mapType > 1 || ![1, 2, 3, 9, 10, 11].includes(imageType) || width === 0 || height === 0) return null
  if (![8, 15, 16, 24, 32].includes(depth) || (descriptor & 0xc0) !== 0 || (descriptor & 0x0f) > 8) return null
  if (mapType === 0 && (mapLength !== 0 || mapDepth !== 0)) return null
  if ((imageType === 1 || imageType === 9) !== (mapType === 1)) return null
  const mapBytes = mapType ? mapLength * Math.ceil(mapDepth / 8) : 0
  const exactSize = imageType <= 3 ? 18 + idLength + mapBytes + width * height * Math.ceil(depth / 8) : null
  return { exactSize }
}

/** HEIF-family files: AVIF (sharp reads it) or HEIC (decoded separately); videos are refused. */
function sniffIsoBmff(b: Buffer): Sniffed {
  const size = Math.min(b.readUInt32BE(0), b.length)
  const brands = [ascii(b, 8, 12)]
  for (let p = 16; p + 4 <= size; p += 4) brands.push(ascii(b, p, p + 4))
  const has = (...xs: string[]) => xs.some((x) => brands.includes(x))
  if (has('avif', 'avis')) return { kind: 'image', format: 'avif' }
  if (has('heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'MiHE')) return { kind: 'image', format: 'heic' }
  if (has('crx ')) return { kind: 'unsupported', format: 'raw', ...UNSUPPORTED.raw }
  if (has('isom', 'iso2', 'mp41', 'mp42', 'qt  ', 'M4V ', '3gp4', '3gp5', 'avc1', 'dash')) return { kind: 'unsupported', format: 'video', ...UNSUPPORTED.video }
  return { kind: 'unknown' }
}

export const MIME: Record<PhotoFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  tiff: 'image/tiff',
  gif: 'image/gif',
  heic: 'image/heic'
}

export const EXTENSION: Record<PhotoFormat, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  tiff: 'tif',
  gif: 'gif',
  heic: 'heic'
}

/** Extensions of image files: an empty file named so in a folder is a failed copy, not something to skip. */
export const IMAGE_EXTENSIONS = new Set([
  'jpg', 'jpeg', 'jpe', 'jfif', 'png', 'webp', 'avif', 'tif', 'tiff', 'gif', 'heic', 'heif', 'hif',
  'bmp', 'tga', 'ico', 'qoi', 'jxl', 'jp2', 'pcx', 'ppm', 'pnm', 'psd', 'xcf', 'xpm', 'svg', 'cr2', 'cr3', 'nef', 'arw', 'dng'
])
