// The photo engine: decodes an original once (HEIC through libheif, everything else through
// sharp), writes the renditions and measures the picture. Runs in its own process (see
// engine-process.ts), within a CPU budget of a few images at a time.
import { createHash } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import sharp from 'sharp'
import { PRESET_IDS, type PresetId } from '../../../../shared/domain/photo-sizes.ts'
import { CpuBudget, runWithOwnError } from './budget.ts'
import { HeicDecoder } from './heic/heic-decoder.ts'
import { displayP3Profile } from './icc.ts'
import { openSource, withSource, type OpenContext, type OpenedSource } from './open-source.ts'
import type { EngineInit, PrepareRequest, PrepareResult, RenderRequest, StageRequest, StageResult, WrittenRendition } from './protocol.ts'
import { release } from './release.ts'
import { stage } from './staging.ts'
import { tempName } from './temp-names.ts'
import { analysePhoto } from './quality.ts'
import { ANALYSIS_SIZE, renderEager, renderOne, type EncodedRendition } from './render.ts'

/** How large a decoded picture the request needs: its renditions' sizes (and the analysis picture's). */
function sizeNeed(req: PrepareRequest | RenderRequest): { width: number; long: number } {
  const specs = req.op === 'prepare' ? PRESET_IDS.filter((id) => req.presets[id].eager).map((id) => req.presets[id]) : [req.spec]
  const need = { width: 0, long: ANALYSIS_SIZE }
  for (const s of specs) {
    if (s.fit === 'width') need.width = Math.max(need.width, s.size)
    else need.long = Math.max(need.long, s.size)
  }
  return need
}

export class PhotoEngine {
  private readonly budget: CpuBudget
  private readonly heic: HeicDecoder
  private readonly tmpDir: string

  constructor(init: EngineInit) {
    // Every image is processed once: libvips' operation cache would only hold memory.
    sharp.cache(false)
    this.budget = new CpuBudget(init.slots)
    this.tmpDir = init.tmpDir
    // For HEIC files that declare Display P3 primaries (nclx) instead of embedding a profile.
    this.heic = new HeicDecoder(displayP3Profile().catch(() => null))
  }

  async prepare(req: PrepareRequest): Promise<PrepareResult> {
    const { source, renditions, analysis } = await this.withOpened(req, async (source) => ({ source, ...(await renderEager(source, req.presets, req.limits)) }))
    const written: WrittenRendition[] = []
    try {
      for (const r of renditions) {
        const path = req.outputs[r.preset]
        if (!path) throw new Error(`no output path for the ${r.preset} rendition`)
        written.push(await this.write(r, r.preset, path))
      }
      return { facts: source.facts, analysis: analysePhoto(analysis), renditions: written }
    } catch (err) {
      await Promise.all(written.map((w) => rm(w.path, { force: true })))
      throw err
    } finally {
      release(analysis.data, ...renditions.map((r) => r.data))
    }
  }

  stage(req: StageRequest): Promise<StageResult> {
    return stage(req.input, this.tmpDir)
  }

  async render(req: RenderRequest): Promise<WrittenRendition> {
    const out = await this.withOpened(req, (source) => renderOne(source, req.preset, req.spec, req.limits))
    try {
      return await this.write(out, req.preset, req.output)
    } finally {
      release(out.data)
    }
  }

  /**
   * Opens the original and runs image work on it within the CPU budget. A HEIC file is first
   * decoded with nothing else running: the WebAssembly decoder needs the most memory of anything
   * the engine does (about 55 MB for a 12 MP photo), and the engine stays within its bound only if
   * no other picture is being worked on meanwhile.
   */
  private async withOpened<T>(req: PrepareRequest | RenderRequest, work: (source: OpenedSource) => Promise<T>): Promise<T> {
    const ctx = { ...this.context(req.limits), need: sizeNeed(req) }
    const timeoutMs = req.limits.timeoutSeconds * 1000
    if (req.format !== 'heic') return runWithOwnError(this.budget, () => withSource(req.input, req.format, ctx, work), timeoutMs)
    const source = await this.budget.exclusive(() => {
      // The previous photos' buffers are freed before the decoder's memory grows (a 12 MP HEIC:
      // the engine's peak 15 MB lower). Only the engine process runs with --expose-gc.
      ;(globalThis as { gc?: (o?: { type: 'major' }) => void }).gc?.({ type: 'major' })
      return openSource(req.input, req.format, ctx)
    })
    try {
      return await runWithOwnError(this.budget, () => work(source), timeoutMs)
    } finally {
      await source.dispose()
    }
  }

  private context(limits: PrepareRequest['limits']): OpenContext {
    return { heic: this.heic, limits, tmpDir: this.tmpDir }
  }

  async close(): Promise<void> {
    await this.heic.close()
  }

  private async write(r: EncodedRendition, preset: PresetId, path: string): Promise<WrittenRendition> {
    const tmp = join(this.tmpDir, tempName())
    try {
      await writeFile(tmp, r.data)
      // The rendition's folder usually exists already: made only when the move finds it missing.
      await rename(tmp, path).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err
        await mkdir(dirname(path), { recursive: true })
        await rename(tmp, path)
      })
    } catch (err) {
      await rm(tmp, { force: true })
      throw err
    }
    return {
      preset, path, width: r.width, height: r.height, bytes: r.data.length, mime: r.mime,
      sha256: createHash('sha256').update(r.data).digest('hex')
    }
  }
}
