// vetrina photos add|list|show|presets, run as separate processes on a real data folder.
import { describe, expect, test } from 'vitest'
import { vetrina } from '../helpers/cli.ts'
import { tempDir } from '../helpers/core.ts'
import { fixture } from './helpers.ts'

describe('vetrina photos', () => {
  test('add files and a folder for a product, with per-file reasons and a non-zero exit when some are refused', () => {
    const dir = tempDir()
    expect(vetrina(dir, ['products', 'create', '--sku', 'CHI-2021-075']).code).toBe(0)
    const r = vetrina(dir, ['photos', 'add', fixture('orientation/Portrait_6.jpg'), fixture('heic'), fixture('broken/testorig12.jpg'), '--product', 'CHI-2021-075'])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/6 files: 4 added, 0 already in the library, 2 refused \(attached to CHI-2021-075\)/)
    expect(r.stdout).toMatch(/testorig12\.jpg: This JPEG uses a variant Vetrina does not support/)
    expect(r.stdout).toMatch(/truncated\.heic: The HEIC file is damaged/)

    const again = vetrina(dir, ['photos', 'add', fixture('orientation/Portrait_6.jpg'), '--json'])
    expect(again.code).toBe(0)
    expect(again.json<{ added: number; duplicates: number; items: Array<{ state: string }> }>()).toMatchObject({ added: 0, duplicates: 1, items: [{ state: 'duplicate' }] })

    const list = vetrina(dir, ['photos', 'list', '--product', 'CHI-2021-075', '--json']).json<{ total: number; items: Array<{ id: string; name: string }> }>()
    expect(list.total).toBe(4)
    // In the order they were given: the portrait first, then the folder's files by name.
    expect(list.items.map((p) => p.name)).toEqual(['Portrait_6.jpg', 'heic/flag-display-p3.heic', 'heic/landscape.heic', 'heic/rotated.heic'])

    const show = vetrina(dir, ['photos', 'show', list.items[0].id])
    expect(show.code).toBe(0)
    expect(show.stdout).toMatch(/Portrait_6\.jpg — JPEG 1200×1800/)
    expect(show.stdout).toMatch(/main {5}1000×1000 image\/jpeg/)
    expect(show.stdout).toMatch(/product: CHI-2021-075 \(main image\)/)
  }, 120_000)

  test('unknown product and missing paths are clear errors', () => {
    const dir = tempDir()
    const noProduct = vetrina(dir, ['photos', 'add', fixture('orientation/Portrait_6.jpg'), '--product', 'NOPE', '--json'])
    expect(noProduct.code).toBe(1)
    expect(noProduct.json()).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const missing = vetrina(dir, ['photos', 'add', '/no/such/photo.jpg'])
    expect(missing.code).toBe(1)
    expect(missing.stdout).toMatch(/photo\.jpg: The file cannot be read/)
    expect(vetrina(dir, ['photos', 'presets']).stdout).toMatch(/main {5}square 1000px jpeg q85 #ffffff/)
  }, 120_000)
})
