// The photo engine: decodes an original once (HEIC through libheif, everything else through
// sharp), writes the renditions and measures the picture. Runs in its own process (see
// engine-process.ts), within a CPU budget of a few images at a time.
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import sharp from 'sharp'
import type { PresetId } from '../../../../shared/domain/photo-presets.ts'
import { CpuBudget, runWithOwnError } from './budget.ts'
import { HeicDecoder } from './heic/heic-decoder.ts'
import { displayP3Profile } from './icc.ts'
import { withSource, type OpenContext } from './open-source.ts'
import type { EngineInit, PrepareRequest, PrepareResult, RenderRequest, StageRequest, StageResult, WrittenRendition } from './protocol.ts'
import { stage } from './staging.ts'
import { analysePhoto } from './quality.ts'
import { renderEager, renderOne, type EncodedRendition } from './render.ts'

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
    const { source, renditions, analysis, workingBytes } = await runWithOwnError(this.budget, () =>
      withSource(req.input, req.format, this.context(req.limits), async (source) => ({ source, ...(await renderEager(source, req.presets, req.limits)) })),
    req.limits.timeoutSeconds * 1000)
    const written: WrittenRendition[] = []
    try {
      for (const r of renditions) {
        const path = req.outputs[r.preset]
        if (!path) throw new Error(`no output path for the ${r.preset} rendition`)
        written.push(await this.write(r, r.preset, path))
      }
    } catch (err) {
      await Promise.all(written.map((w) => rm(w.path, { force: true })))
      throw err
    }
    const bytesHandled = workingBytes + analysis.data.length + renditions.reduce((n, r) => n + r.data.length, 0)
    return { facts: source.facts, analysis: analysePhoto(analysis), renditions: written, bytesHandled }
  }

  stage(req: StageRequest): Promise<StageResult> {
    return stage(req.input, this.tmpDir)
  }

  async render(req: RenderRequest): Promise<WrittenRendition> {
    const out = await runWithOwnError(this.budget, () =>
      withSource(req.input, req.format, this.context(req.limits), (source) => renderOne(source, req.preset, req.spec, req.limits)),
    req.limits.timeoutSeconds * 1000)
    return this.write(out, req.preset, req.output)
  }

  private context(limits: PrepareRequest['limits']): OpenContext {
    return { heic: this.heic, limits, tmpDir: this.tmpDir }
  }

  async close(): Promise<void> {
    await this.heic.close()
  }

  private async write(r: EncodedRendition, preset: PresetId, path: string): Promise<WrittenRendition> {
    const tmp = join(this.tmpDir, randomBytes(9).toString('base64url'))
    try {
      await writeFile(tmp, r.data)
      await mkdir(dirname(path), { recursive: true })
      await rename(tmp, path)
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
