// The command line speaks the user's language: Italian on an Italian machine (LANG), or whatever
// --lang asks for — help, output, progress, summaries, commander's own errors and the core's.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { fileLeaks } from '../e2e/leaks.ts'
import { tempDir } from '../helpers/core.ts'
import { vetrina } from '../helpers/cli.ts'

const IT = 'it_IT.UTF-8'
const english = (text: string, locale: 'it' | 'zh-CN') => fileLeaks(text, locale, 'cli').filter((l) => l.kind === 'english' || l.kind === 'key' || l.kind === 'placeholder')

describe('vetrina in Italian and Chinese', () => {
  test('LANG=it_IT: help, output, statuses and errors in Italian', () => {
    const dir = tempDir()
    const help = vetrina(dir, ['products', 'list', '--help'], undefined, IT)
    expect(help.stdout).toContain('Uso:')
    expect(help.stdout).toContain('Opzioni:')
    expect(help.stdout).toContain('cerca nel codice e nei testi in qualsiasi lingua')
    expect(help.stdout).toContain('(predefinito: 50)')
    expect(english(help.stdout, 'it')).toEqual([])

    expect(vetrina(dir, ['products', 'list'], undefined, IT).stdout.trim()).toBe('Nessun prodotto.')
    const created = vetrina(dir, ['products', 'create', '--sku', 'CHI-21', '--title', 'it=Chianti Classico', '--status', 'pronto'], undefined, IT)
    expect(created.stdout).toMatch(/^Creato CHI-21 \(p_\w+\)\./)
    const list = vetrina(dir, ['products', 'list', '--status', 'pronto'], undefined, IT)
    expect(list.stdout).toMatch(/CODICE\s+STATO\s+NOME/)
    expect(list.stdout).toMatch(/CHI-21\s+Pronto\s+Chianti Classico/)
    expect(list.stdout).toContain('1 di 1 prodotto')

    const unknown = vetrina(dir, ['products', 'list', '--nope'], undefined, IT)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('errore: opzione sconosciuta «--nope»')
    const missing = vetrina(dir, ['products', 'get', 'NOPE'], undefined, IT)
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim()).toBe('errore: Nessun prodotto con codice NOPE.')
  })

  test('an import checked in Italian: progress, summary and each rejected row in words', () => {
    const dir = tempDir()
    const csv = join(dir, 'listino.csv')
    writeFileSync(csv, 'Codice;Descrizione;Prezzo;Peso netto\nA-1;Olio;9,50;0,5\nA-2;Vino;nove euro;Bottiglia\nA-1;Doppione;9,50;1\n')
    const r = vetrina(dir, ['import', csv, '--dry-run'], undefined, IT)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('Controllo di listino.csv')
    expect(r.stderr).toMatch(/Peso netto → Peso netto \[logistics\/netWeight\]/)
    expect(r.stdout).toContain('listino.csv: 3 righe — 1 nuovi, 0 modificati, 0 invariati, 2 scartati (solo controllo, non è stato scritto nulla)')
    expect(r.stdout).toContain('Righe scartate:')
    expect(r.stdout).toContain('riga 3  A-2: Prezzo: «nove euro» non è un prezzo; Peso netto: «Bottiglia» non è un numero con unità di misura')
    expect(english(r.stdout + r.stderr, 'it')).toEqual([])
  })

  test('--lang zh-CN wins over the system locale; an unknown --lang is refused with the choices', () => {
    const dir = tempDir()
    const missing = vetrina(dir, ['products', 'get', 'NOPE', '--lang', 'zh-CN'], undefined, IT)
    expect(missing.stderr.trim()).toBe('错误： 没有货号为 NOPE 的产品。')
    const help = vetrina(dir, ['--lang', 'zh-CN', 'publish', '--help'], undefined, IT)
    expect(help.stdout).toContain('用法：')
    expect(english(help.stdout, 'zh-CN')).toEqual([])
    const bad = vetrina(dir, ['products', 'list', '--lang', 'fr'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('“fr” is not a Vetrina language (use it, en, zh-CN).')
  })
})
