// `vetrina demo create`: the sample catalogue from the command line, in the terminal's language,
// in a folder of its own, ready to publish to the sandbox; a folder holding something else is refused.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEMO_PRODUCTS } from '../../electron/core/system/demo/catalogue.ts'
import { vetrina } from '../helpers/cli.ts'
import { tempDir } from '../helpers/core.ts'

describe('vetrina demo create', () => {
  it('makes the sample catalogue in the given folder, says so in Italian, and it is ready for the sandbox', () => {
    const dir = join(tempDir('vetrina-cli-demo-'), 'prova')
    const made = vetrina(dir, ['demo', 'create', '--lang', 'it'])
    expect(made.code, made.stderr).toBe(0)
    expect(made.stdout).toContain(`Catalogo di esempio creato in ${dir}`)
    expect(made.stdout).toContain(`${DEMO_PRODUCTS.length} prodotti, ${DEMO_PRODUCTS.length} foto, 8 categorie collegate al padiglione.`)
    expect(made.stdout).toMatch(/Traduzioni \(per prodotto e lingua\): \d+ approvate, \d+ da rivedere, 7 da fare\./)
    expect(made.stderr).toContain('Passo 2 di 7: importazione del listino…')
    expect(existsSync(join(dir, 'vetrina-demo.json'))).toBe(true)

    // The catalogue it made, as any other command sees it: every product with an English listing ready.
    const check = vetrina(dir, ['publish', '--dry-run', '--json'])
    expect(check.code, check.stderr).toBe(0)
    const summary = check.json<{ summary: { ready: number; blocked: number; pending: number } }>().summary
    expect(summary.pending).toBe(0)
    expect(summary.ready).toBe(DEMO_PRODUCTS.length + DEMO_PRODUCTS.filter((p) => p.zh).length)

    // Again: kept, not made twice (in Chinese this time).
    const again = vetrina(dir, ['demo', 'create', '--lang', 'zh-CN'])
    expect(again.code).toBe(0)
    expect(again.stdout).toContain(`${dir} 中已有示例目录：保持不变`)
  }, 120_000)

  it('refuses a folder that holds something else, in the user\'s language, and changes nothing', () => {
    const busy = tempDir('vetrina-cli-busy-')
    mkdirSync(join(busy, 'media'))
    writeFileSync(join(busy, 'catalog.sqlite'), 'not empty')
    const r = vetrina(busy, ['demo', 'create', '--lang', 'it'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`Il catalogo di esempio non è stato creato: La cartella ${busy} non è vuota`)
    expect(existsSync(join(busy, 'vetrina-demo.json'))).toBe(false)
  }, 60_000)
})
