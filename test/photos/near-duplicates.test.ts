// Near-duplicates are computed from the perceptual hashes when they are needed, not stored as
// links: they must be the same after Vetrina is closed and opened again, closest first, and a
// set of look-alike shots must not cost a link per pair.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { addAndWait, fixture, openCore, tempDir } from './helpers.ts'

describe('near-duplicates', () => {
  const dataDir = tempDir()
  const inputs = tempDir()
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(inputs, { recursive: true, force: true })
  })

  it('are found again after a restart, closest first, and a colour variant or another picture is not one', async () => {
    const landscape = fixture('orientation/Landscape_1.jpg')
    // Two re-encoded copies of one shot (one barely changed, one softer and smaller) and another picture.
    await sharp(landscape).jpeg({ quality: 90 }).toFile(join(inputs, 'cantina-copia.jpg'))
    await sharp(landscape).resize(300).blur(1.2).jpeg({ quality: 60 }).toFile(join(inputs, 'cantina-piccola.jpg'))
    await sharp(landscape).modulate({ hue: 180 }).jpeg({ quality: 90 }).toFile(join(inputs, 'cantina-altro-colore.jpg'))
    const first = openCore(dataDir)
    await addAndWait(first.core, [landscape, join(inputs, 'cantina-copia.jpg'), join(inputs, 'cantina-piccola.jpg'), join(inputs, 'cantina-altro-colore.jpg'), fixture('orientation/Portrait_1.jpg')])
    const ids = Object.fromEntries((await first.core.api().photos.list({})).items.map((p) => [p.name.split('/').pop(), p.id]))
    const before = await first.core.api().photos.get({ id: ids['Landscape_1.jpg'] })
    await first.core.close()

    const again = openCore(dataDir)
    try {
      const after = await again.core.api().photos.get({ id: ids['Landscape_1.jpg'] })
      expect(after.nearDuplicates).toEqual(before.nearDuplicates)
      const names = after.nearDuplicates.map((n) => n.name)
      expect(names).toContain('cantina-copia.jpg')
      expect(names).toContain('cantina-piccola.jpg')
      expect(names).not.toContain('cantina-altro-colore.jpg')
      expect(names).not.toContain('Portrait_1.jpg')
      const distances = after.nearDuplicates.map((n) => n.distance)
      expect(distances).toEqual([...distances].sort((a, b) => a - b))
      expect(names.indexOf('cantina-copia.jpg')).toBeLessThan(names.indexOf('cantina-piccola.jpg'))
      // The warning names the closest one.
      const warning = after.warnings.find((w) => w.code === 'near_duplicate')
      expect(warning?.params.of).toBe(after.nearDuplicates[0].id)
      // Nothing is stored per pair.
      const tables = again.core.s.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'photo_similar%'").all()
      expect(tables).toEqual([])
    } finally {
      await again.core.close()
    }
  })

  it('deleting a photo still works when a look-alike\'s stored measurement cannot be read', async () => {
    const env = openCore()
    try {
      const copy = join(inputs, 'portrait-copia.jpg')
      await sharp(fixture('orientation/Portrait_1.jpg')).jpeg({ quality: 85 }).toFile(copy)
      await addAndWait(env.core, [fixture('orientation/Portrait_1.jpg'), copy])
      const ids = Object.fromEntries((await env.core.api().photos.list({})).items.map((p) => [p.name.split('/').pop(), p.id]))
      const original = ids['Portrait_1.jpg']
      expect((await env.core.api().photos.get({ id: original })).nearDuplicates.map((n) => n.id)).toEqual([ids['portrait-copia.jpg']])
      env.core.s.db.prepare("UPDATE photos SET analysis = '{\"damaged\": true' WHERE id = ?").run(original)
      expect(await env.core.api().photos.delete({ ids: [ids['portrait-copia.jpg']] })).toEqual({ deleted: 1 })
      expect((await env.core.api().photos.list({})).total).toBe(1)
    } finally {
      await env.close()
    }
  })
})
