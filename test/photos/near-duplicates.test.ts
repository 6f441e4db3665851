// Near-duplicates are computed from the perceptual hashes when they are needed, not stored as
// links: they must be the same after Vetrina is closed and opened again, closest first, and a
// set of look-alike shots must not cost a link per pair.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { HashIndex } from '../../electron/core/photos/hash-index.ts'
import { QUALITY_LIMITS } from '../../shared/domain/photo-quality.ts'
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

describe('the hash index', () => {
  /** A hash `bits` bits away from 0000…: the lowest bits set. */
  const away = (bits: number) => (bits === 0 ? 0n : (1n << BigInt(bits)) - 1n).toString(16).padStart(16, '0')
  const grey = [120, 120, 120]

  it('finds look-alikes closest first, ties in the order added, and not another colour or a far picture', () => {
    const limit = QUALITY_LIMITS.nearDuplicateDistance
    const index = new HashIndex([
      { id: 'a', phash: away(0), name: 'a.jpg', colour: grey },
      { id: 'far', phash: away(limit + 1), name: 'far.jpg', colour: grey },
      { id: 'b', phash: away(2), name: 'b.jpg', colour: grey },
      { id: 'c', phash: away(1), name: 'c.jpg', colour: grey },
      { id: 'd', phash: away(2), name: 'd.jpg', colour: null },
      { id: 'red', phash: away(1), name: 'red.jpg', colour: [200, 30, 30] }
    ])
    expect(index.nearTo('a').map((n) => [n.photoId, n.distance])).toEqual([['c', 1], ['b', 2], ['d', 2]])
    expect(index.alike('a', 'b')).toBe(true)
    expect(index.alike('a', 'far')).toBe(false)
    expect(index.alike('a', 'red')).toBe(false)
    expect(index.alike('a', 'a')).toBe(false)
    expect(index.alike('a', 'unknown')).toBe(false)
    expect(index.nearTo('unknown')).toEqual([])
  })

  it('stays right after deletions and additions (the last entry moves into a deleted place)', () => {
    const entries = Array.from({ length: 200 }, (_, i) => ({ id: `p${i}`, phash: away(i % 40), name: `p${i}.jpg`, colour: grey }))
    const index = new HashIndex(entries)
    const kept = new Map(entries.map((e) => [e.id, e]))
    for (let i = 0; i < 200; i += 3) {
      index.delete(`p${i}`)
      kept.delete(`p${i}`)
    }
    index.set({ id: 'new', phash: away(3), name: 'new.jpg', colour: grey })
    kept.set('new', { id: 'new', phash: away(3), name: 'new.jpg', colour: grey })
    expect(index.size).toBe(kept.size)
    const bits = (h: string) => BigInt(`0x${h}`).toString(2).replace(/0/g, '').length
    // The same answer as comparing every pair by hand.
    for (const id of ['p1', 'p2', 'new', 'p199']) {
      const me = kept.get(id)!
      const expected = [...kept.values()].filter((e) => e.id !== id && Math.abs(bits(e.phash) - bits(me.phash)) <= QUALITY_LIMITS.nearDuplicateDistance)
      expect(index.nearTo(id).map((n) => n.photoId).sort()).toEqual(expected.map((e) => e.id).sort())
    }
    expect(index.has('p0')).toBe(false)
    expect(index.nearTo('p0')).toEqual([])
  })
})
