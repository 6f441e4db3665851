// The vetrina command: products list/get/create, backup and restore, JSON output, errors and
// exit codes — run as separate processes on a real data folder.
import { existsSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { vetrina } from '../helpers/cli.ts'
import { tempDir } from '../helpers/core.ts'

describe('vetrina CLI', () => {
  test('create, list, get, with human and JSON output', () => {
    const dir = tempDir()
    const created = vetrina(dir, ['products', 'create', '--sku', 'CHI-2021-075', '--title', 'it=Chianti Classico DOCG 2021', '--title', 'zh-CN=经典基安蒂', '--json'])
    expect(created.code).toBe(0)
    expect(created.json<{ sku: string; texts: Record<string, { title: string }> }>()).toMatchObject({ sku: 'CHI-2021-075', texts: { 'zh-CN': { title: '经典基安蒂' } } })
    const fromStdin = vetrina(dir, ['products', 'create', '--from', '-'], JSON.stringify({ sku: 'EVO-500', trade: { moq: 240 }, texts: { it: { title: 'Olio EVO 0,5 L' } } }))
    expect(fromStdin.code).toBe(0)
    expect(fromStdin.stdout).toMatch(/Created EVO-500/)

    const list = vetrina(dir, ['products', 'list', '--json'])
    expect(list.json<{ total: number; items: { sku: string }[] }>().total).toBe(2)
    const human = vetrina(dir, ['products', 'list', '--query', '基安'])
    expect(human.stdout).toMatch(/CHI-2021-075/)
    expect(human.stdout).not.toMatch(/EVO-500/)
    expect(human.stdout).toMatch(/1 of 1/)

    const got = vetrina(dir, ['products', 'get', 'EVO-500', '--json'])
    expect(got.json<{ trade: { moq: number } }>().trade.moq).toBe(240)
  })

  test('errors are clear, machine-readable with --json, and exit non-zero', () => {
    const dir = tempDir()
    vetrina(dir, ['products', 'create', '--sku', 'DUP-1'])
    const dup = vetrina(dir, ['products', 'create', '--sku', 'dup-1', '--json'])
    expect(dup.code).toBe(1)
    expect(dup.json<{ ok: boolean; error: { code: string } }>()).toMatchObject({ ok: false, error: { code: 'duplicate_sku' } })
    const bad = vetrina(dir, ['products', 'create', '--sku', 'has space'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/SKU/)
    const missing = vetrina(dir, ['products', 'get', 'NOPE'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/No product with SKU NOPE/)
    const usage = vetrina(dir, ['products', 'frobnicate'])
    expect(usage.code).toBe(2)
  })

  test('backup then restore round-trips the catalogue', () => {
    const dir = tempDir()
    vetrina(dir, ['products', 'create', '--sku', 'KEEP-1'])
    const out = `${tempDir()}/manual.tar.gz`
    const backup = vetrina(dir, ['backup', '--out', out, '--json'])
    expect(backup.code).toBe(0)
    expect(existsSync(out)).toBe(true)
    vetrina(dir, ['products', 'create', '--sku', 'LOSE-1'])
    const restore = vetrina(dir, ['restore', out, '--json'])
    expect(restore.code).toBe(0)
    expect(restore.json<{ previousKeptIn: string }>().previousKeptIn).toMatch(/before-restore-/)
    const skus = vetrina(dir, ['products', 'list', '--json']).json<{ items: { sku: string }[] }>().items.map((i) => i.sku)
    expect(skus).toEqual(['KEEP-1'])
    const broken = vetrina(dir, ['restore', '/etc/hostname'])
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(/not a Vetrina backup/)
  })
})
