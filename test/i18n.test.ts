// Every UI string exists in Italian, English and Chinese, and every key the code uses exists.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ROOT, listSources } from './boundaries.ts'
import { ErrorCodes } from '../shared/contract/errors.ts'
import { codeKey } from '../renderer/src/ui/errors.ts'

const LOCALES_DIR = join(ROOT, 'renderer/src/i18n/locales')
/** Sentences the core produces too; merged into the UI namespace of the same name. */
const SHARED_DIR = join(ROOT, 'shared/messages/locales')
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

/** language → namespace → key → sentence, from both folders (as renderer/src/i18n merges them). */
function sentences(): Map<string, Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, Map<string, string>>>()
  for (const lng of LANGUAGES) {
    const byNs = new Map<string, Map<string, string>>()
    for (const dir of [LOCALES_DIR, SHARED_DIR]) {
      for (const file of readdirSync(join(dir, lng)).filter((f) => f.endsWith('.json'))) {
        const ns = file.replace(/\.json$/, '')
        const merged = byNs.get(ns) ?? new Map<string, string>()
        for (const [k, v] of flatten(JSON.parse(readFileSync(join(dir, lng, file), 'utf8')) as Tree)) merged.set(k, v)
        byNs.set(ns, merged)
      }
    }
    out.set(lng, byNs)
  }
  return out
}

function load(): Map<string, Map<string, Set<string>>> {
  // language → namespace → keys (plural and context suffixes folded into the base key)
  const out = new Map<string, Map<string, Set<string>>>()
  for (const [lng, byNs] of sentences()) {
    out.set(lng, new Map([...byNs].map(([ns, keys]) => [ns, new Set([...keys.keys()].map((k) => k.replace(PLURAL, '')))])))
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
    const all = sentences()
    for (const lng of LANGUAGES) {
      for (const [ns, values] of all.get(lng)!) {
        const en = all.get('en')!.get(ns)
        for (const [k, v] of values) if (!v.trim() && en?.get(k)?.trim()) problems.push(`${lng}/${ns}: ${k}`)
      }
    }
    expect(problems).toEqual([])
  })

  test('a key lives either with the UI strings or with the shared messages, never in both', () => {
    const problems: string[] = []
    for (const lng of LANGUAGES) {
      for (const file of readdirSync(join(SHARED_DIR, lng)).filter((f) => f.endsWith('.json'))) {
        let ui: Map<string, string>
        try {
          ui = flatten(JSON.parse(readFileSync(join(LOCALES_DIR, lng, file), 'utf8')) as Tree)
        } catch {
          continue
        }
        const shared = flatten(JSON.parse(readFileSync(join(SHARED_DIR, lng, file), 'utf8')) as Tree)
        for (const k of shared.keys()) {
          if (ui.has(k) || [...ui.keys()].some((u) => u.startsWith(`${k}.`) || k.startsWith(`${u}.`))) problems.push(`${lng}/${file}: ${k}`)
        }
      }
    }
    expect(problems).toEqual([])
  })
})
