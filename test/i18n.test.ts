// Every UI string exists in Italian, English and Chinese, and every key the code uses exists.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ROOT, listSources } from './boundaries.ts'
import { ErrorCodes } from '../shared/contract/errors.ts'
import { codeKey } from '../renderer/src/ui/errors.ts'

const LOCALES_DIR = join(ROOT, 'renderer/src/i18n/locales')
const LANGUAGES = ['it', 'en', 'zh-CN']
const PLURAL = /_(zero|one|two|few|many|other)$/

type Tree = { [k: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

function load(): Map<string, Map<string, Set<string>>> {
  // language → namespace → keys (plural suffixes folded into the base key)
  const out = new Map<string, Map<string, Set<string>>>()
  for (const lng of LANGUAGES) {
    const byNs = new Map<string, Set<string>>()
    for (const file of readdirSync(join(LOCALES_DIR, lng)).filter((f) => f.endsWith('.json'))) {
      const tree = JSON.parse(readFileSync(join(LOCALES_DIR, lng, file), 'utf8')) as Tree
      byNs.set(file.replace(/\.json$/, ''), new Set([...flatten(tree).keys()].map((k) => k.replace(PLURAL, ''))))
    }
    out.set(lng, byNs)
  }
  return out
}

/** Keys written in code as 'namespace:key' or `namespace:prefix.${…}` (dynamic). */
function usedKeys(namespaces: Set<string>): { exact: Set<string>; prefixes: Set<string> } {
  const exact = new Set<string>()
  const prefixes = new Set<string>()
  const ns = [...namespaces].join('|')
  const literal = new RegExp(`['"\`](${ns}):([A-Za-z0-9_.-]+)(\\$\\{)?`, 'g')
  for (const file of listSources(join(ROOT, 'renderer/src'))) {
    const source = readFileSync(file, 'utf8')
    for (const m of source.matchAll(literal)) {
      if (m[3]) prefixes.add(`${m[1]}:${m[2]}`)
      else exact.add(`${m[1]}:${m[2]}`)
    }
  }
  return { exact, prefixes }
}

describe('UI translations', () => {
  const all = load()
  const namespaces = new Set([...all.values()].flatMap((m) => [...m.keys()]))

  test('every namespace exists in every language with the same keys', () => {
    const en = all.get('en')!
    expect(namespaces.size).toBeGreaterThanOrEqual(4)
    for (const lng of LANGUAGES) {
      for (const ns of namespaces) {
        const keys = all.get(lng)!.get(ns)
        expect(keys, `${lng}/${ns}.json is missing`).toBeDefined()
        const missing = [...(en.get(ns) ?? [])].filter((k) => !keys!.has(k))
        const extra = [...keys!].filter((k) => !en.get(ns)?.has(k))
        expect({ lng, ns, missing, extra }).toEqual({ lng, ns, missing: [], extra: [] })
      }
    }
  })

  test('every key used in the code exists in every language', () => {
    const { exact, prefixes } = usedKeys(namespaces)
    expect(exact.size).toBeGreaterThan(100)
    const problems: string[] = []
    for (const lng of LANGUAGES) {
      for (const full of exact) {
        const [ns, key] = full.split(':')
        if (!all.get(lng)!.get(ns)?.has(key)) problems.push(`${lng}: ${full}`)
      }
      for (const full of prefixes) {
        const [ns, prefix] = full.split(':')
        const keys = [...(all.get(lng)!.get(ns) ?? [])]
        if (!keys.some((k) => k.startsWith(prefix))) problems.push(`${lng}: ${full}…`)
      }
    }
    expect(problems).toEqual([])
  })

  test('every error code the core can raise has a sentence in every language', () => {
    const codes = new Set<string>(Object.values(ErrorCodes))
    for (const file of [...listSources(join(ROOT, 'electron/core')), ...listSources(join(ROOT, 'shared'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/new AppError\(\s*'([a-z_]+)'/g)) codes.add(m[1])
    }
    expect(codes.size).toBeGreaterThan(30)
    const problems: string[] = []
    for (const lng of LANGUAGES) {
      for (const code of codes) {
        const [ns, key] = codeKey(code).split(':')
        if (!all.get(lng)!.get(ns)?.has(key)) problems.push(`${lng}: ${code} → ${ns}:${key}`)
      }
    }
    expect(problems).toEqual([])
  })

  test('no translation is left empty where the source has text', () => {
    const problems: string[] = []
    for (const lng of LANGUAGES) {
      for (const file of readdirSync(join(LOCALES_DIR, lng)).filter((f) => f.endsWith('.json'))) {
        const values = flatten(JSON.parse(readFileSync(join(LOCALES_DIR, lng, file), 'utf8')) as Tree)
        const en = flatten(JSON.parse(readFileSync(join(LOCALES_DIR, 'en', file), 'utf8')) as Tree)
        for (const [k, v] of values) if (!v.trim() && en.get(k)?.trim()) problems.push(`${lng}/${file}: ${k}`)
      }
    }
    expect(problems).toEqual([])
  })
})
