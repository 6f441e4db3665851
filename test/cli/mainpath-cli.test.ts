// The publishing set-up from the command line, as a script would run it: import a mixed price list,
// link its categories to pavilion leaves by words, bulk-set what readiness asks for (dry run first),
// set the currency rate, and read the secrets of the credentials from standard input.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { vetrina } from '../helpers/cli.ts'
import { tempDir } from '../helpers/core.ts'

const MAIN = resolve(import.meta.dirname, '../../electron/core/cli/main.ts')

describe('vetrina main path from the CLI', () => {
  it('imports, links categories by words, bulk-sets fields and sets up publishing', () => {
    const dir = tempDir()
    const csv = join(dir, 'listino.csv')
    writeFileSync(csv, 'Codice;Descrizione;Categoria;Prezzo €\nCHI-21;Chianti Classico DOCG 2021;Vini/Rossi;9,80\nEVO-05;Olio extravergine 0,5 L;Olio;12,90\nBOR-01;Borsa a mano in pelle;Pelletteria/Borse;180\n')
    // --data-dir before the command, as git-style tools take it.
    const imported = spawnSync(process.execPath, [MAIN, '--data-dir', dir, 'import', csv, '--json'], { encoding: 'utf8', timeout: 120_000 })
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
})
