// The publishing set-up from the command line, as a script would run it: import a mixed price list,
// link its categories to pavilion leaves by words, bulk-set what readiness asks for (dry run first),
// set the currency rate, and read the secrets of the credentials from standard input.
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { priceList, translateXliff, translationMemory, writePhotos, writePriceList } from '../e2e/mainpath-data.ts'
import { describe, expect, it } from 'vitest'
import { vetrina } from '../helpers/cli.ts'
import { tempDir } from '../helpers/core.ts'
import { cliEnv } from '../helpers/cli.ts'

const MAIN = resolve(import.meta.dirname, '../../electron/core/cli/main.ts')

describe('vetrina main path from the CLI', () => {
  it('imports, links categories by words, bulk-sets fields and sets up publishing', () => {
    const dir = tempDir()
    const csv = join(dir, 'listino.csv')
    writeFileSync(csv, 'Codice;Descrizione;Categoria;Prezzo €\nCHI-21;Chianti Classico DOCG 2021;Vini/Rossi;9,80\nEVO-05;Olio extravergine 0,5 L;Olio;12,90\nBOR-01;Borsa a mano in pelle;Pelletteria/Borse;180\n')
    // --data-dir before the command, as git-style tools take it.
    const imported = spawnSync(process.execPath, [MAIN, '--data-dir', dir, 'import', csv, '--json'], { env: cliEnv(), encoding: 'utf8', timeout: 120_000 })
    expect(imported.status, imported.stderr).toBe(0)

    const link = vetrina(dir, ['categories', 'pavilion', 'link', 'Vini/Rossi', 'vino', 'rosso', '--json'])
    expect(link.code, link.stderr).toBe(0)
    expect(link.json<{ pavilionCategoryId: string }>().pavilionCategoryId).toBe('100008830')
    expect(vetrina(dir, ['categories', 'pavilion', 'link', 'Olio', 'olio extravergine']).stdout).toContain('Olive Oil (100008831)')
    expect(vetrina(dir, ['categories', 'pavilion', 'link', 'Borse', 'borse in pelle']).stdout).toContain('Handbags (152401)')
    const refused = vetrina(dir, ['categories', 'pavilion', 'link', 'Borse', '1524'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('Handbags (152401)')

    const dry = vetrina(dir, ['products', 'set', '--query', 'chianti', 'moq=120', 'lead-time=15', 'keywords.en+=chianti classico|italian red wine', '--dry-run', '--json'])
    expect(dry.json()).toMatchObject({ matched: 1, changed: 1, applied: false })
    const set = vetrina(dir, ['products', 'set', 'moq=24', 'lead-time=10', 'origin=IT', 'brand=Fattoria Demo', 'status=ready', '--json'])
    expect(set.json()).toMatchObject({ matched: 3, changed: 3, applied: true })
    const product = vetrina(dir, ['products', 'get', 'EVO-05', '--json']).json<{ trade: { moq: number; currency: string }; familyId: string }>()
    expect(product).toMatchObject({ familyId: 'fam_olive_oil', trade: { moq: 24, currency: 'EUR' } })

    expect(vetrina(dir, ['publishing', 'rate', '1,08']).stdout).toContain('1 EUR = 1.08 USD')
    expect(vetrina(dir, ['publishing', 'target', 'sandbox']).code).toBe(0)
    // Secrets come from standard input; the command line holds only the app key.
    const creds = vetrina(dir, ['publishing', 'credentials', '--target', 'alibaba', '--app-key', 'APPKEY1', '--json'], 'the-secret\nthe-token\nthe-refresh\n')
    expect(creds.code, creds.stderr).toBe(0)
    expect(creds.stdout).not.toContain('the-secret')
    const status = vetrina(dir, ['publishing', 'status', '--json']).json<{ status: { credentials: { alibaba: { set: boolean; appKey: string } } }; eurToUsd: number }>()
    expect(status).toMatchObject({ eurToUsd: 1.08, status: { credentials: { alibaba: { set: true, appKey: 'APPKEY1' } } } })
  }, 240_000)

  it('runs the whole main path in a script: price list, photos, categories by words, bulk set, XLIFF round trip, publish to the sandbox', async () => {
    const dir = tempDir()
    const data = join(dir, 'catalogo')
    // Two of each trade, in an .xlsx written by another program (exceljs), with a photo per row.
    const all = priceList()
    const rows = [...all.filter((r) => r.kind === 'wine').slice(0, 2), ...all.filter((r) => r.kind === 'oil').slice(0, 2), ...all.filter((r) => r.kind === 'bag').slice(0, 2)]
    await writePriceList(join(dir, 'listino.xlsx'), rows)
    await writePhotos(join(dir, 'foto'), rows)

    const run = (args: string[], input?: string) => {
      const r = vetrina(data, args, input)
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0)
      return r
    }
    run(['import', join(dir, 'listino.xlsx'), '--map', 'Qualità olio=attribute/oil_grade'])
    expect(run(['photos', 'add', join(dir, 'foto'), '--json']).json<{ files: number }>()).toMatchObject({ files: 6 })
    run(['categories', 'pavilion', 'link', 'Vini', 'vino', 'rosso'])
    run(['categories', 'pavilion', 'link', 'Olio', 'olio', 'extravergine'])
    run(['categories', 'pavilion', 'link', 'Borse', 'borse', 'in', 'pelle'])
    expect(run(['products', 'set', 'lead-time=15', 'brand=Fattoria Le Querce', 'origin=IT', '--json']).json()).toMatchObject({ matched: 6, changed: 6, applied: true })
    run(['publishing', 'rate', '1,08'])

    // The translator's round trip: export, fill the targets as a CAT tool does, import.
    run(['xliff', 'export', '--out', join(dir, 'xliff')])
    const memory = translationMemory(rows)
    const files = readdirSync(join(dir, 'xliff')).filter((f) => f.endsWith('.xlf'))
    expect(files).toHaveLength(2)
    for (const f of files) {
      const xml = readFileSync(join(dir, 'xliff', f), 'utf8')
      const done = translateXliff(xml, memory, /trgLang="zh/.test(xml) ? 'zh' : 'en')
      expect(done.filled).toBe(rows.length * 3)
      writeFileSync(join(dir, 'xliff', f), done.xml)
      run(['xliff', 'import', join(dir, 'xliff', f)])
    }

    // Publish and wait for the pavilion's verdict on every listing.
    const published = run(['publish', '--timeout', '150', '--json'])
    expect(published.stdout).toContain('published')
    const sandbox = new Database(join(data, 'pavilion-sandbox', 'sandbox.sqlite'), { readonly: true })
    const live = sandbox.prepare("SELECT language, count(*) AS n FROM products WHERE kind = 'product' AND display = 'Y' AND status = 'approved' GROUP BY language").all() as Array<{ n: number }>
    sandbox.close()
    expect(live.map((l) => l.n)).toEqual([rows.length, rows.length])
  }, 300_000)
})
