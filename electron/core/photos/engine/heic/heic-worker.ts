// Worker thread that decodes HEIC files off the main event loop, one request at a time. The
// pixels go back wrapped in an uncompressed TIFF with their colour profile, as a transferred
// buffer: the main thread hands it straight to sharp without copying or converting anything.
import { readFile } from 'node:fs/promises'
import { parentPort, workerData } from 'node:worker_threads'
import { rawToTiff } from '../raw-tiff.ts'
import { decodeHeic, HeicDecodeError } from './decode-heic.ts'

export interface HeicWorkerData {
  /** Display P3 ICC profile, for files that declare P3 primaries in an nclx box instead of an ICC profile. */
  displayP3Icc: Uint8Array | null
}
export interface HeicRequest { id: number; path: string; maxPixels: number }
export type HeicReply =
  | { id: number; ok: true; width: number; height: number; hasAlpha: boolean; hasProfile: boolean; tiff: Uint8Array }
  | { id: number; ok: false; kind: 'damaged' | 'too_many_pixels' | 'unreadable'; message: string }

/** nclx colour_primaries code for Display P3 (SMPTE EG 432-1), used by recent phones. */
const PRIMARIES_P3 = 12

const config = (workerData ?? { displayP3Icc: null }) as HeicWorkerData

parentPort?.on('message', async (req: HeicRequest) => {
  let reply: HeicReply
  try {
    let bytes: Buffer
    try {
      bytes = await readFile(req.path)
    } catch (err) {
      throw Object.assign(new Error((err as Error).message), { unreadable: true })
    }
    const out = await decodeHeic(bytes, req.maxPixels)
    const icc = out.icc ?? (out.primaries === PRIMARIES_P3 ? config.displayP3Icc : null)
    const tiff = rawToTiff(out.data, out.width, out.height, out.channels, icc)
    reply = { id: req.id, ok: true, width: out.width, height: out.height, hasAlpha: out.channels === 4, hasProfile: !!icc, tiff }
    parentPort!.postMessage(reply, [tiff.buffer as ArrayBuffer])
    return
  } catch (err) {
    const kind = err instanceof HeicDecodeError ? err.kind : (err as { unreadable?: boolean }).unreadable ? 'unreadable' : 'damaged'
    reply = { id: req.id, ok: false, kind, message: (err as Error)?.message ?? String(err) }
  }
  parentPort!.postMessage(reply)
})
