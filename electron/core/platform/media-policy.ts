// How files from the media folder are served (browser-mode host and the desktop app's app://
// protocol): only images of an allowed type whose bytes are what their name says are shown, with
// nosniff; anything else (an .html or .js a restored archive or a bug put there) is a download,
// under a sandbox CSP, so it never runs with the viewer's session or the app's API.
import { closeSync, openSync, readSync } from 'node:fs'
import { extname } from 'node:path'

const IMAGES: Record<string, { type: string; magic: (b: Buffer) => boolean }> = {
  '.jpg': { type: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  '.jpeg': { type: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  '.png': { type: 'image/png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  '.gif': { type: 'image/gif', magic: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  '.webp': { type: 'image/webp', magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  '.avif': { type: 'image/avif', magic: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' && /^avi[fs]$/.test(b.subarray(8, 12).toString('latin1')) }
}

export const MEDIA_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"

function head(file: string): Buffer {
  const buf = Buffer.alloc(16)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, buf, 0, 16, 0)
  } finally {
    closeSync(fd)
  }
  return buf
}

/** Response headers for a media file: an image shown inline, or anything else as an attachment. */
export function mediaHeaders(file: string): Record<string, string> {
  const image = IMAGES[extname(file).toLowerCase()]
  let shown = false
  try {
    shown = !!image && image.magic(head(file))
  } catch {
    shown = false
  }
  const common = { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': MEDIA_CSP }
  if (shown) return { ...common, 'Content-Type': image.type }
  return { ...common, 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment' }
}
