// Processes one file for the library: checks it, has the photo engine copy it into the store and
// hash the copy, recognises a photo already there, and has the engine decode it once, make the
// eager renditions and measure it. Nothing reaches the database here; the batch job commits the result in one transaction.
// Every failure is a per-file error with a reason, and leaves nothing behind.
import { open, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { AppError } from '../../../shared/contract/errors.ts'
import type { PhotoAnalysis } from '../../../shared/domain/photo-quality.ts'
import { PRESET_IDS, type PhotoPresets, type PresetId } from '../../../shared/domain/photo-presets.ts'
import { newId } from '../platform/clock.ts'
import type { PhotoEngineClient } from './engine/engine-client.ts'
import { PhotoErrorCodes, describeBytes, megabytes, photoError } from './errors.ts'
import type { FileJournal } from './file-journal.ts'
import type { MediaStore } from './media-store.ts'
import type { RenditionRow } from './photo-store.ts'
import { EXTENSION, IMAGE_EXTENSIONS, sniff } from './sniff.ts'
import type { SkipReason } from '../../../shared/domain/photo-skips.ts'
import type { PipelineLimits, SourceFacts } from './types.ts'

/** Formats with their own advice on how to get a usable photo (photos:formatHint.<format>); the others get the general one. */
const FORMATS_WITH_HINT: string[] = ['xcf', 'psd', 'svg', 'pdf', 'raw', 'video']

export interface PreparedPhoto {
  id: string
  sha256: string
  name: string
  relPath: string
  bytes: number
  facts: SourceFacts
  analysis: PhotoAnalysis
  renditions: Array<Omit<RenditionRow, 'created_at'>>
}

export type FileOutcome =
  | { kind: 'added'; photo: PreparedPhoto }
  | { kind: 'duplicate'; photoId: string }
  | { kind: 'failed'; error: AppError }
  /** A file found in a chosen folder that is not a picture (a price list, a .DS_Store …). */
  | { kind: 'skipped'; reason: SkipReason }

export interface IngestDeps {
  media: MediaStore
  journal: FileJournal
  engine: PhotoEngineClient
  limits: PipelineLimits
  presets: PhotoPresets
  specs: Record<string, string>
  /** The photo already stored with these bytes, if any. */
  findBySha(sha256: string): string | null
}

const HEAD_BYTES = 4096

/**
 * `fromFolder`: the file was found in a chosen folder rather than chosen itself, so a file that
 * is not a picture is skipped (and counted), not refused.
 */
export async function prepareFile(path: string, displayName: string, deps: IngestDeps, fromFolder = false): Promise<FileOutcome> {
  const name = displayName || basename(path)
  let staged: { tmp: string; sha256: string } | null = null
  const written: string[] = []
  /** The original's place in the store, journalled but not filled yet. */
  let original: string | null = null
  try {
    const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
      throw photoError(PhotoErrorCodes.unreadable, unreadableMessage(err), { reason: err.code ?? null })
    })
    if (!info.isFile()) throw photoError(PhotoErrorCodes.unreadable, 'This is not a file (it may be a folder or a device).', { reason: 'not_a_file' })
    const imageName = IMAGE_EXTENSIONS.has(extname(name).slice(1).toLowerCase())
    if (info.size === 0 && fromFolder && !imageName) return { kind: 'skipped', reason: 'not_image' }
    if (info.size === 0) throw photoError(PhotoErrorCodes.empty, 'The file is empty (0 bytes); the copy was probably interrupted.')
    if (info.size > deps.limits.maxFileBytes) {
      throw photoError(PhotoErrorCodes.fileTooLarge, `The file is ${describeBytes(info.size)}, more than the ${describeBytes(deps.limits.maxFileBytes)} Vetrina accepts for one photo.`, { bytes: info.size, maxBytes: deps.limits.maxFileBytes, megabytes: megabytes(info.size), maxMegabytes: megabytes(deps.limits.maxFileBytes) })
    }
    const detected = sniff(await readHead(path), name, info.size)
    if (detected.kind === 'unknown' && fromFolder && !imageName) return { kind: 'skipped', reason: 'not_image' }
    if (detected.kind === 'unknown') {
      throw photoError(PhotoErrorCodes.notImage, 'This file is not an image Vetrina recognises (whatever its extension says). Choose a JPEG, PNG, WebP, AVIF, TIFF, GIF or HEIC photo.')
    }
    if (detected.kind === 'unsupported') {
      throw photoError(PhotoErrorCodes.unsupportedFormat, `${detected.label} files are not supported. ${detected.hint}`, { format: detected.format, hint: FORMATS_WITH_HINT.includes(detected.format) ? detected.format : 'default' })
    }
    const format = detected.format
    staged = await deps.engine.stage({ op: 'stage', input: path, limits: deps.limits }).catch((err: NodeJS.ErrnoException) => {
      // A full disk is not this file's fault: the batch stops (and can be resumed).
      if (err.code === 'ENOSPC' || err.code === 'EDQUOT' || err.code === 'EROFS') throw err
      if ((err as { code?: string }).code?.startsWith('photo_')) throw err

      throw photoError(PhotoErrorCodes.unreadable, unreadableMessage(err), { reason: err.code ?? null })
    })
    const existing = deps.findBySha(staged.sha256)
    if (existing) {
      await deps.media.discard(staged.tmp)
      return { kind: 'duplicate', photoId: existing }
    }

    const id = newId('ph')
    const eager = PRESET_IDS.filter((p) => deps.presets[p].eager)
    const relOf = (p: PresetId) => deps.media.renditionRel(p, id, deps.specs[p], deps.presets[p].format === 'jpeg' ? 'jpg' : deps.presets[p].format)
    const outputs = Object.fromEntries(eager.map((p) => [p, deps.media.abs(relOf(p))]))
    written.push(...eager.map(relOf))
    const sha256 = staged.sha256
    const relPath = deps.media.originalRel(sha256, EXTENSION[format])
    // Journalled (in one transaction) before the engine writes the renditions and the original is
    // moved into place: a crash before the commit leaves nothing behind.
    deps.journal.add([...written, relPath])
    original = relPath
    const result = await deps.engine.prepare({ op: 'prepare', input: staged.tmp, format, presets: deps.presets, outputs, limits: deps.limits })
    const rows: PreparedPhoto['renditions'] = result.renditions.map((r) => ({
      photo_id: id, preset: r.preset, spec: deps.specs[r.preset], rel_path: relOf(r.preset), sha256: r.sha256,
      width: r.width, height: r.height, bytes: r.bytes, mime: r.mime
    }))
    // From here a failure may have placed the file: the journal entry stays for the next start's sweep.
    original = null
    await deps.media.keepOriginal(staged.tmp, relPath)
    staged = null
    return {
      kind: 'added',
      photo: { id, sha256, name, relPath, bytes: info.size, facts: result.facts, analysis: result.analysis, renditions: rows }
    }
  } catch (err) {
    if (staged) await deps.media.discard(staged.tmp)
    deps.journal.settle(await deps.media.remove(written))
    // Nothing was moved there: forgotten, not removed (the same bytes may be another photo's original).
    if (original) deps.journal.settle([original])
    if ((err as AppError)?.code === PhotoErrorCodes.engineClosed) throw err
    if ((err as AppError)?.code?.startsWith?.('photo_')) return { kind: 'failed', error: err as AppError }
    throw err
  }
}

async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, 'r').catch((err: NodeJS.ErrnoException) => {
    throw photoError(PhotoErrorCodes.unreadable, unreadableMessage(err), { reason: err.code ?? null })
  })
  try {
    const buf = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

function unreadableMessage(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT': return 'The file does not exist (it may have been moved or deleted).'
    case 'EACCES':
    case 'EPERM': return 'Vetrina is not allowed to read this file; check its permissions.'
    case 'EISDIR': return 'This is a folder, not a file.'
    // The code only: a system message would carry paths.
    default: return `The file cannot be read (${err.code ?? 'error'}).`
  }
}
