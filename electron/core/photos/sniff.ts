// Recognises an image by its first bytes, never by its extension: phones and catalogue exports
// often name files wrongly, and a non-image renamed to .jpg must get a clear error.
import { extname } from 'node:path'
import type { PhotoFormat } from './types.ts'

export type Sniffed =
  | { kind: 'image'; format: PhotoFormat }
  | { kind: 'unsupported'; label: string; hint: string }
  | { kind: 'unknown' }

const REEXPORT = 'Re-export it as JPEG or PNG.'

/** Formats we recognise but do not accept, with what to do instead. */
const UNSUPPORTED: Record<string, { label: string; hint: string }> = {
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
}

const ascii = (b: Buffer, from: number, to: number) => b.toString('latin1', from, Math.min(to, b.length))

export function sniff(head: Buffer, fileName: string): Sniffed {
  const b = head
  const img = (format: PhotoFormat): Sniffed => ({ kind: 'image', format })
  const no = (key: keyof typeof UNSUPPORTED): Sniffed => ({ kind: 'unsupported', ...UNSUPPORTED[key] })
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
  if (b[0] === 0 && b[1] === 0 && (b[2] === 1 || b[2] === 2) && b[3] === 0 && b.length >= 6) return no('ico')
  if (/^P[1-7]\s/.test(ascii(b, 0, 3))) return no('pnm')
  if (b[0] === 0x0a && b[1] <= 5 && b[2] === 1) return no('pcx')
  const text = ascii(b, 0, 512).trimStart().toLowerCase()
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return no('svg')
  if (ascii(b, 0, 4) === '\x1aE\xdf\xa3') return no('video')
  // Formats without a signature: trust the extension only to name them in the message.
  const ext = extname(fileName).slice(1).toLowerCase()
  if (ext === 'tga') return no('tga')
  return { kind: 'unknown' }
}

/** HEIF-family files: AVIF (sharp reads it) or HEIC (decoded separately); videos are refused. */
function sniffIsoBmff(b: Buffer): Sniffed {
  const size = Math.min(b.readUInt32BE(0), b.length)
  const brands = [ascii(b, 8, 12)]
  for (let p = 16; p + 4 <= size; p += 4) brands.push(ascii(b, p, p + 4))
  const has = (...xs: string[]) => xs.some((x) => brands.includes(x))
  if (has('avif', 'avis')) return { kind: 'image', format: 'avif' }
  if (has('heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'MiHE')) return { kind: 'image', format: 'heic' }
  if (has('crx ')) return { kind: 'unsupported', ...UNSUPPORTED.raw }
  if (has('isom', 'iso2', 'mp41', 'mp42', 'qt  ', 'M4V ', '3gp4', '3gp5', 'avc1', 'dash')) return { kind: 'unsupported', ...UNSUPPORTED.video }
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

/** Extensions searched for when a whole folder is added (explicitly chosen files are always tried). */
export const IMAGE_EXTENSIONS = new Set([
  'jpg', 'jpeg', 'jpe', 'jfif', 'png', 'webp', 'avif', 'tif', 'tiff', 'gif', 'heic', 'heif', 'hif',
  'bmp', 'tga', 'ico', 'qoi', 'jxl', 'jp2', 'pcx', 'ppm', 'pnm', 'psd', 'xcf', 'xpm', 'svg', 'cr2', 'cr3', 'nef', 'arw', 'dng'
])
