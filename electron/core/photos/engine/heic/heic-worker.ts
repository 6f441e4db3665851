// Worker thread that decodes HEIC files off the main event loop, one request at a time. The
// pixels go from the decoder's memory straight into an uncompressed TIFF file with their colour
// profile, which sharp then reads a few rows at a time: the picture is never copied in memory.
import { rm } from 'node:fs/promises'
import { parentPort, workerData } from 'node:worker_threads'
import { writeRawTiff } from '../raw-tiff.ts'
import { decodeHeic, decoderMemoryBytes, HeicDecodeError } from './decode-heic.ts'

export interface HeicWorkerData {
  /** Display P3 ICC profile, for files that declare P3 primaries in an nclx box instead of an ICC profile. */
  displayP3Icc: Uint8Array | null
}
/**
 * Decode `path` into a TIFF file at `out` (which must not exist), as small as `need` allows: at
 * least `need.width` pixels wide and `need.long` on the longer side (or the full size).
 */
export interface HeicRequest { id: number; path: string; out: string; maxPixels: number; need: SizeNeed }
export interface SizeNeed { width: number; long: number }
export type HeicReply =
  /** width/height: the picture's (upright); the TIFF may be smaller (tiffWidth/tiffHeight). */
  | { id: number; ok: true; width: number; height: number; tiffWidth: number; tiffHeight: number; hasAlpha: boolean; hasProfile: boolean; tiff: string; decoderBytes: number }
  | { id: number; ok: false; kind: 'damaged' | 'too_many_pixels' | 'unreadable' | 'io'; message: string; code?: string; decoderBytes: number }

/** nclx colour_primaries code for Display P3 (SMPTE EG 432-1), used by recent phones. */
const PRIMARIES_P3 = 12

const config = (workerData ?? { displayP3Icc: null }) as HeicWorkerData

/** The largest whole factor (up to 8) the picture can be shrunk by and still meet `need`. */
export function shrinkFactor(width: number, height: number, need: SizeNeed): number {
  const wantWidth = Math.min(need.width, width)
  const wantLong = Math.min(need.long, Math.max(width, height))
  let k = 1
  while (k < 8 && Math.floor(width / (k + 1)) >= wantWidth && Math.max(Math.floor(width / (k + 1)), Math.floor(height / (k + 1))) >= wantLong) k++
  return k
}

parentPort?.on('message', async (req: HeicRequest) => {
  let reply: HeicReply
  try {
    const shrinkFor = (width: number, height: number) => shrinkFactor(width, height, req.need)
    // The file is read straight into the decoder's memory (no copy of it is held here).
    const info = await decodeHeic(req.path, req.maxPixels, shrinkFor, ({ pixels, shrink, width, height, icc: own, primaries }) => {
      const icc = own ?? (primaries === PRIMARIES_P3 ? config.displayP3Icc : null)
      let written: { width: number; height: number }
      try {
        written = writeRawTiff(req.out, pixels, icc, shrink)
      } catch (err) {
        // Not the file's fault (a full disk, say): the caller decides what to do.
        throw Object.assign(err as Error, { kind: 'io' })
      }
      return { width, height, tiffWidth: written.width, tiffHeight: written.height, hasAlpha: pixels.channels === 4, hasProfile: !!icc }
    })
    reply = { id: req.id, ok: true, ...info, tiff: req.out, decoderBytes: decoderMemoryBytes() }
  } catch (err) {
    await rm(req.out, { force: true }).catch(() => undefined)
    const e = err as Error & { kind?: 'io'; code?: string }
    // A file-system error that is not about writing the pixels came from reading the file.
    const kind = err instanceof HeicDecodeError ? err.kind : e.kind ?? (e.code ? 'unreadable' : 'damaged')
    reply = { id: req.id, ok: false, kind, message: e?.message ?? String(err), code: e?.code, decoderBytes: decoderMemoryBytes() }
  }
  parentPort!.postMessage(reply)
})
