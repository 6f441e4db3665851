// Helpers for the photo tests: a real core on a temporary data folder, fixture paths, waiting
// for jobs, and pixel comparisons on decoded images.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { Core } from '../../electron/core/core.ts'
import { MemorySecretStore } from '../../electron/core/platform/secrets.ts'
import type { Job } from '../../shared/contract/jobs.ts'

export const FIXTURES = join(import.meta.dirname, '../fixtures/photos')
export const fixture = (...parts: string[]) => join(FIXTURES, ...parts)
export const pathRef = (path: string) => ({ kind: 'path' as const, path })

export function tempDir(prefix = 'vetrina-photos-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function openCore(dataDir = tempDir()): { core: Core; dataDir: string; close(): Promise<void> } {
  const core = Core.open({ dataDir, logFile: null, secrets: new MemorySecretStore() })
  return {
    core,
    dataDir,
    async close() {
      await core.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

/** Adds files/folders and waits for the batch to finish. */
export async function addAndWait(core: Core, paths: string[], extra: { sku?: string; productId?: string; as?: 'main' | 'extra' } = {}): Promise<Job> {
  const api = core.api()
  const { jobId } = await api.photos.add({ sources: paths.map(pathRef), ...extra })
  return waitForJob(core, jobId)
}

export async function waitForJob(core: Core, jobId: string, timeoutMs = 60_000): Promise<Job> {
  const api = core.api()
  const until = Date.now() + timeoutMs
  for (;;) {
    const job = await api.jobs.get({ id: jobId })
    if (['done', 'failed', 'cancelled', 'paused'].includes(job.state)) return job
    if (Date.now() > until) throw new Error(`job ${jobId} still ${job.state}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

export interface Pixels {
  data: Buffer
  width: number
  height: number
  channels: number
}

/** Decodes an image to 8-bit sRGB pixels (3 channels), optionally resized to `size` (fill). */
export async function pixels(input: string | Buffer, size?: { width: number; height: number }): Promise<Pixels> {
  let img = sharp(input).removeAlpha().toColourspace('srgb')
  if (size) img = img.resize(size.width, size.height, { fit: 'fill' })
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: info.channels }
}

/** Mean absolute difference per channel (0–255) of two images of the same size. */
export function meanDiff(a: Pixels, b: Pixels): number {
  if (a.width !== b.width || a.height !== b.height || a.channels !== b.channels) throw new Error(`size mismatch ${a.width}x${a.height} vs ${b.width}x${b.height}`)
  let sum = 0
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i])
  return sum / a.data.length
}

/** Mean colour of a rectangle (fractions of the image). */
export function meanColour(p: Pixels, box: { x0: number; y0: number; x1: number; y1: number }): [number, number, number] {
  const sum = [0, 0, 0]
  let n = 0
  for (let y = Math.floor(box.y0 * p.height); y < Math.floor(box.y1 * p.height); y++) {
    for (let x = Math.floor(box.x0 * p.width); x < Math.floor(box.x1 * p.width); x++) {
      const i = (y * p.width + x) * p.channels
      for (let k = 0; k < 3; k++) sum[k] += p.data[i + k]
      n++
    }
  }
  return sum.map((v) => v / n) as [number, number, number]
}
