// The vetrina command for translation: xliff export/import (--dry-run), tm, glossary, translate.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore, tempDir } from '../helpers/core.ts'
import { vetrina } from '../helpers/cli.ts'
import { seedWinery } from './helpers.ts'
import { startLibreTranslate, type FakeServer } from './mt-servers.ts'
import { cliEnv } from '../helpers/cli.ts'

/** Like vetrina() but without blocking this process, so the local MT server can answer. */
function vetrinaAsync(dataDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(import.meta.dirname, '../../electron/core/cli/main.ts'), ...args, '--data-dir', dataDir], { env: cliEnv() })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }))
  })
}

const dir = tempDir('vetrina-cli-tr-')
const out = tempDir('vetrina-cli-out-')
let ids: { chianti: string; oil: string }
let lt: FakeServer

beforeAll(async () => {
  lt = await startLibreTranslate()
  const t = openTestCore({ dataDir: dir })
  const s = await seedWinery(t.api)
  ids = { chianti: s.chianti.id, oil: s.oil.id }
  await t.api.translation.configureMt({ provider: 'libretranslate', enabled: true, baseUrl: lt.url })
  await t.close()
})
afterAll(async () => {
  await lt.close()
})

describe('vetrina translation commands', () => {
  it('exports XLIFF per locale and imports it back, with --dry-run writing nothing', () => {
    const exp = vetrina(dir, ['xliff', 'export', '--locale', 'en', '--product', 'EVO-050', '--out', out, '--json'])
    expect(exp.code).toBe(0)
    const [file] = exp.json<{ files: Array<{ path: string; units: number; locale: string }> }>().files
    expect(file).toMatchObject({ locale: 'en', units: 2 })
    const xml = readFileSync(file.path, 'utf8').replace(/(<source>Olio extra vergine di oliva 0,5 L<\/source>)/, '$1<target>Extra virgin olive oil 0.5 L</target>')
    const edited = join(out, 'edited.xlf')
    writeFileSync(edited, xml)
    const dry = vetrina(dir, ['xliff', 'import', edited, '--dry-run'])
    expect(dry.code).toBe(0)
    expect(dry.stdout).toMatch(/Checked \(nothing written\).*1 would be applied/)
    const real = vetrina(dir, ['xliff', 'import', edited, '--json'])
    expect(real.json<{ applied: number }>().applied).toBe(1)
    const p = vetrina(dir, ['products', 'get', 'EVO-050', '--json']).json<{ texts: Record<string, { title?: string }> }>()
    expect(p.texts.en.title).toBe('Extra virgin olive oil 0.5 L')
  })

  it('reports a bad file with its reason and a non-zero exit code', () => {
    const bad = join(out, 'bad.xlf')
    writeFileSync(bad, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><xliff/>')
    const r = vetrina(dir, ['xliff', 'import', bad, '--dry-run'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/DOCTYPE/)
    const unknown = join(out, 'unknown.xlf')
    writeFileSync(unknown, '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="it" trgLang="en"><file id="f"><unit id="p_NOPE.title"><segment><source>a</source><target>b</target></segment></unit></file></xliff>')
    const u = vetrina(dir, ['xliff', 'import', unknown])
    expect(u.code).toBe(1)
    expect(u.stdout).toMatch(/p_NOPE\.title.*Unit “p_NOPE\.title” is unknown in this catalogue/)
  })

  it('imports a glossary, exports and imports the memory, and machine-translates', async () => {
    const csv = join(out, 'terms.csv')
    writeFileSync(csv, 'vino rosso;red wine;preferred;\nChianti Classico;;dnt;\n')
    const g = vetrina(dir, ['glossary', 'import', csv, '--target-lang', 'en', '--json'])
    expect(g.json()).toMatchObject({ imported: 2 })
    const tr = await vetrinaAsync(dir, ['translate', '--provider', 'libretranslate', '--locale', 'zh-CN', '--product', 'CHI-2021-075', '--json'])
    expect(tr.code).toBe(0)
    expect(JSON.parse(tr.stdout)).toMatchObject({ units: 4, machine: 4 })
    const tmx = join(out, 'memory.tmx')
    expect(vetrina(dir, ['tm', 'export', '--out', tmx, '--json']).json()).toMatchObject({ entries: 0 })
    writeFileSync(tmx, '<tmx version="1.4"><header srclang="it"/><body><tu><tuv xml:lang="it-IT"><seg>Vino rosso</seg></tuv><tuv xml:lang="en-GB"><seg>Red wine</seg></tuv></tu></body></tmx>')
    expect(vetrina(dir, ['tm', 'import', tmx, '--json']).json()).toMatchObject({ imported: 1 })
    expect(ids.chianti).toBeTruthy()
  })
})
