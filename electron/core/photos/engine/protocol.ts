// Messages between the core and the photo engine process. Only paths and small results cross:
// the engine reads the staged original and writes the rendition files itself.
import type { AppErrorData } from '../../../../shared/contract/errors.ts'
import type { PhotoAnalysis } from '../../../../shared/domain/photo-quality.ts'
import type { PhotoPresets, PresetId, RenditionPreset } from '../../../../shared/domain/photo-presets.ts'
import type { PhotoFormat, PipelineLimits, SourceFacts } from '../types.ts'

export interface WrittenRendition {
  preset: PresetId
  /** Absolute path the file was written to (atomically). */
  path: string
  width: number
  height: number
  bytes: number
  sha256: string
  mime: string
}

export interface PrepareRequest {
  op: 'prepare'
  input: string
  format: PhotoFormat
  presets: PhotoPresets
  /** Where each eager preset's rendition goes. */
  outputs: Partial<Record<PresetId, string>>
  limits: PipelineLimits
}

export interface PrepareResult {
  facts: SourceFacts
  analysis: PhotoAnalysis
  renditions: WrittenRendition[]
}

export interface RenderRequest {
  op: 'render'
  input: string
  format: PhotoFormat
  preset: PresetId
  spec: RenditionPreset
  output: string
  limits: PipelineLimits
}

/** Copy a file into the store's temporary area and hash the copy. */
export interface StageRequest {
  op: 'stage'
  input: string
  limits: PipelineLimits
}

export interface StageResult {
  /** The copy, in the engine's temporary folder. */
  tmp: string
  sha256: string
}

export type EngineRequest = PrepareRequest | RenderRequest | StageRequest

export interface EngineInit {
  /** Images processed at once. */
  slots: number
  /** Folder for files being written (same file system as the media folder). */
  tmpDir: string
}

export type ToEngine = { type: 'init'; init: EngineInit } | { type: 'request'; id: number; request: EngineRequest }
export type FromEngine =
  | { type: 'ready' }
  | { type: 'reply'; id: number; ok: true; result: PrepareResult | WrittenRendition | StageResult }
  | { type: 'reply'; id: number; ok: false; error: AppErrorData }
