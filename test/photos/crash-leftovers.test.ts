// Vetrina killed (kill -9) while adding photos: the renditions the engine had written but the
// database had not yet recorded are removed at the next start, and the batch resumes.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixture, openCore, tempDir, waitForJob } from './helpers.ts'

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('files left by a killed run', () => {
  it('renditions written before a kill -9 are removed at the next start; the batch then completes', async () => {
    const dataDir = tempDir()
    const marker = join(tempDir(), 'written.json')
    const child = spawn(process.execPath, [join(import.meta.dirname, 'kill-child.ts'), dataDir, fixture('orientation/Landscape_3.jpg')], {
      env: { ...process.env, STALL_MARKER: marker }, stdio: 'inherit'
    })
    const exited = new Promise((r) => child.once('exit', r))
    await until(() => existsSync(marker), 60_000)
    child.kill('SIGKILL')
    await exited
    const written = JSON.parse(readFileSync(marker, 'utf8')) as string[]
    expect(written.length).toBe(2)
    // The engine stops once its parent is gone; the files it wrote stay behind.
    await new Promise((r) => setTimeout(r, 300))
    for (const f of written) expect(existsSync(f), f).toBe(true)

    const env = openCore(dataDir)
    try {
      for (const f of written) expect(existsSync(f), `${relative(dataDir, f)} is still there`).toBe(false)
      // The interrupted batch resumes with the real engine and records what it writes.
      const [job] = (await env.core.api().jobs.list({})).items.filter((j) => j.kind === 'photos.ingest')
      expect((await waitForJob(env.core, job.id)).state).toBe('done')
      const photos = await env.core.api().photos.list({})
      expect(photos.total).toBe(1)
      const detail = await env.core.api().photos.get({ id: photos.items[0].id })
      const known = new Set([detail.source.relPath, ...detail.renditions.map((r) => r.relPath)].map((p) => join(dataDir, 'media', p)))
      const onDisk = [...filesUnder(join(dataDir, 'media', 'renditions')), ...filesUnder(join(dataDir, 'media', 'originals'))]
      expect(onDisk.sort()).toEqual([...known].sort())
    } finally {
      await env.close()
    }
  }, 120_000)
})
