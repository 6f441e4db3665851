// Every message the core can emit — errors, import problems and warnings, job titles, progress
// and waits, readiness problems, photo warnings, statuses, CLI output — has a sentence in Italian,
// English and Chinese in the shared catalogues (the ones the core itself can read), and every
// {{placeholder}} of those sentences, in any language, is a parameter the code passes. What is
// emitted is found two ways: by reading the calls in the sources (scan.ts), and from the lists
// of codes the code itself uses (statuses, warning codes, job units …).
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ROOT, listSources } from '../boundaries.ts'
import { ErrorCodes } from '../../shared/contract/errors.ts'
import { JOB_STATES, JOB_UNITS } from '../../shared/contract/jobs.ts'
import { OUTCOMES } from '../../shared/contract/spreadsheet.ts'
import { PRODUCT_STATUSES } from '../../shared/domain/product.ts'
import { LISTING_STATES } from '../../shared/domain/publish.ts'
import { WARNING_CODES } from '../../shared/domain/photo-quality.ts'
import { QA_CODES } from '../../shared/domain/translation/qa.ts'
import { UNIT_STATUSES } from '../../shared/domain/translation/units.ts'
import { MESSAGE_CATALOGUES, type Catalogue } from '../../shared/messages/catalogues.ts'
import { errorKey, issueKey } from '../../shared/messages/errors.ts'
import { PavilionError, reasonOf } from '../../electron/core/publish/errors.ts'
import { findCalls, literal, member, objectKeys, objectsWithCode, ternaryBranches } from './scan.ts'

const LANGUAGES = ['it', 'en', 'zh-CN'] as const
const SUFFIX = /_(zero|one|two|few|many|other)$/

function flatten(tree: Catalogue, prefix: string, out: Map<string, string>): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix.endsWith(':') ? `${prefix}${k}` : `${prefix}.${k}`
    if (typeof v === 'string') out.set(key, v)
    else flatten(v, key, out)
  }
  return out
}

/** language → "ns:key" → sentence, from the shared catalogues only (what the core can say). */
const SENTENCES = new Map<string, Map<string, string>>(LANGUAGES.map((lng) => {
  const out = new Map<string, string>()
  for (const [ns, tree] of Object.entries(MESSAGE_CATALOGUES[lng])) flatten(tree, `${ns}:`, out)
  return [lng, out] as const
}))

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')

/**
 * The sentences of a key in a language: itself and its plural forms, and with `contexts` also the
 * sentences i18next picks by context (too_small_string), which are only used when the code passes
 * what selects them.
 */
function variants(lng: string, key: string, contexts = true): string[] {
  const all = SENTENCES.get(lng)!
  const exact = all.get(key)
  const re = new RegExp(`^${escape(key).replace(/\*/g, '[^.:]+')}${contexts ? '(_[a-z]+)?' : ''}(_(zero|one|two|few|many|other))?$`)
  const found = [...all].filter(([k]) => re.test(k)).map(([, v]) => v)
  return exact !== undefined && !found.includes(exact) ? [exact, ...found] : found
}

/** Placeholders a sentence needs, following $t(…) nesting (a {{name}} inside the nested key is one too). */
function placeholders(lng: string, sentence: string, seen = new Set<string>()): Set<string> {
  const out = new Set<string>()
  for (const m of sentence.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)) out.add(m[1])
  for (const m of sentence.matchAll(/\$t\(([^,)]+)/g)) {
    const pattern = m[1].replace(/\{\{\s*[\w.]+\s*\}\}/g, '*')
    if (seen.has(pattern)) continue
    seen.add(pattern)
    for (const v of variants(lng, pattern)) for (const p of placeholders(lng, v, seen)) out.add(p)
  }
  return out
}

/** Nested keys a sentence refers to that do not exist in the language. */
function brokenNesting(lng: string, sentence: string): string[] {
  return [...sentence.matchAll(/\$t\(([^,)]+)/g)].map((m) => m[1].replace(/\{\{\s*[\w.]+\s*\}\}/g, '*')).filter((k) => variants(lng, k).length === 0)
}

interface Emission {
  where: string
  key: string
  /** Parameter names the code passes; null when they cannot be read (a spread or a variable). */
  params: Set<string> | null
  /** Whether every passed param must also appear in the sentence (not for error data such as ids). */
  strictParams?: boolean
}

const SOURCES = [...listSources(join(ROOT, 'electron/core')), ...listSources(join(ROOT, 'shared'))].filter((f) => !f.includes(`${join('shared', 'messages')}`))
const read = (f: string) => readFileSync(f, 'utf8')
const rel = (f: string) => relative(ROOT, f)
const paramsOf = (arg: string | undefined): Set<string> | null => (arg === undefined ? new Set() : objectKeys(arg))
/** Objects of codes the sources define (`export const ErrorCodes = { notFound: 'not_found', … }`). */
const CONSTANTS = new Map<string, string>(Object.entries(ErrorCodes).map(([k, v]) => [`ErrorCodes.${k}`, v]))
for (const file of SOURCES) {
  for (const m of read(file).matchAll(/export const (\w+) = \{([^{}]*)\}/g)) {
    for (const kv of m[2].matchAll(/(\w+):\s*'([\w.-]+)'/g)) CONSTANTS.set(`${m[1]}.${kv[1]}`, kv[2])
  }
}

/**
 * The codes of an emitting call: a literal, a constant (ErrorCodes.x), both sides of a ternary, or
 * what a `// codes: a, b` comment just above lists. `// codes: passed on` marks a call that only
 * passes on a code made (and checked) elsewhere. null: the test cannot tell.
 */
function codesOf(arg: string | undefined, src: string, line: number): string[] | null {
  const above = src.split('\n').slice(Math.max(0, line - 4), line).join('\n')
  const listed = [...above.matchAll(/\/\/\s*codes:\s*([\w*, ]+)/g)].pop()
  if (listed) return /^passed on/.test(listed[1].trim()) ? [] : listed[1].split(/[\s,]+/).filter(Boolean)
  const a = arg?.trim() ?? ''
  const one = (x: string) => literal(x) ?? CONSTANTS.get(x.trim()) ?? null
  const direct = one(a)
  if (direct !== null) return [direct]
  const branches = ternaryBranches(a)
  if (branches && branches.every((x) => one(x) !== null)) return branches.map((x) => one(x)!)
  return null
}

function emissions(): { found: Emission[]; unreadable: string[] } {
  const found: Emission[] = []
  const unreadable: string[] = []
  const add = (where: string, codes: string[] | null, key: (code: string) => string, params: Set<string> | null, strictParams = false) => {
    if (!codes) unreadable.push(where)
    else for (const code of codes) found.push({ where, key: key(code), params, strictParams })
  }
  for (const file of SOURCES) {
    const src = read(file)
    const at = (c: { line: number }) => `${rel(file)}:${c.line}`
    for (const c of findCalls(file, src, 'new AppError')) add(at(c), codesOf(c.args[0], src, c.line), errorKey, c.args[2] ? paramsOf(member(c.args[2], 'params')) : new Set())
    for (const c of findCalls(file, src, 'sheetError')) {
      const codes = codesOf(c.args[0], src, c.line)
      add(at(c), codes && codes.map((x) => `spreadsheet_${x}`), errorKey, paramsOf(c.args[2]))
    }
    for (const c of findCalls(file, src, 'new RetryLater')) add(at(c), c.args[2] ? codesOf(c.args[2], src, c.line) : ['retry_later'], errorKey, paramsOf(c.args[3]))
    for (const c of findCalls(file, src, 'msg')) add(at(c), codesOf(c.args[0], src, c.line), (k) => k, paramsOf(c.args[1]), true)
    for (const c of findCalls(file, src, 'photoError')) add(at(c), codesOf(c.args[0], src, c.line), errorKey, paramsOf(c.args[2]))
    const path = rel(file).split('\\').join('/')
    // Import problems (per row and column): the import's sentence, a validation rule's, or an error's.
    if (/^(electron\/core\/spreadsheet\/import\/(?!inspect)|shared\/domain\/spreadsheet\/)/.test(path)) {
      for (const c of [...findCalls(file, src, 'fail'), ...findCalls(file, src, 'rowIssue')]) add(at(c), codesOf(c.args[0], src, c.line), importIssueKey, paramsOf(c.args[2]), true)
      for (const o of objectsWithCode(file, src)) if (member(o.text, 'message') !== undefined) add(at(o), [o.code], importIssueKey, paramsOf(member(o.text, 'params')), true)
    }
    // Notes about a whole file (encoding guessed, hidden rows …).
    if (/^electron\/core\/spreadsheet\/(read|xlsx)\/|^electron\/core\/spreadsheet\/import\/inspect/.test(path)) {
      for (const o of objectsWithCode(file, src)) if (member(o.text, 'message') !== undefined) add(at(o), [o.code], (code) => `import:warning.${code}`, paramsOf(member(o.text, 'params')), true)
    }
    // Readiness problems: a sentence and a short name for the chart.
    if (path.startsWith('electron/core/publish/')) {
      for (const c of findCalls(file, src, 'problem')) {
        const codes = codesOf(c.args[0], src, c.line)
        // As shared/messages/publish.ts: the pavilion's own refusals share one sentence.
        const own = (code: string) => (code.startsWith('pavilion_') && code !== 'pavilion_audit_rejected' ? 'pavilion' : code)
        add(at(c), codes, (code) => `publish:problem.${own(code)}`, paramsOf(c.args[3] ?? '{}'), true)
        add(at(c), codes, (code) => `publish:problemShort.${own(code)}`, new Set())
      }
    }
  }
  return { found, unreadable }
}

/** The sentence an import problem code gets (as shared/messages/import.ts looks it up). */
function importIssueKey(code: string): string {
  const keys = [`import:issue.${code}`, issueKey(code), errorKey(code)]
  return keys.find((k) => variants('en', k).length > 0) ?? keys[0]
}

/** Codes the code lists itself, each with the keys that must exist for it. */
function enumerated(): Emission[] {
  const out: Emission[] = []
  const each = (codes: readonly string[], key: (c: string) => string, params: string[] = []) => {
    for (const c of codes) out.push({ where: 'enumerated', key: key(c), params: new Set(params) })
  }
  each(JOB_STATES, (s) => `common:jobs.state.${s}`)
  each(JOB_UNITS.filter((u) => u !== 'percent'), (u) => `common:jobs.progress.${u}`, ['done', 'count'])
  each(JOB_UNITS.filter((u) => u !== 'percent'), (u) => `common:jobs.done.${u}`, ['count'])
  each(PRODUCT_STATUSES, (s) => `catalog:status.${s}`)
  each(LISTING_STATES, (s) => `publish:state.${s}`)
  each(OUTCOMES, (s) => `import:outcome.${s}`)
  each(UNIT_STATUSES, (s) => `translate:status.${s}`)
  each(QA_CODES, (s) => `translate:qa.${s}`)
  each([...WARNING_CODES, 'rendition_outdated'], (w) => `photos:warning.${w}.short`)
  each([...WARNING_CODES, 'rendition_outdated'], (w) => `photos:warning.${w}.long`, ['width', 'height', 'needed', 'sharpness', 'brightness', 'name', 'sides'])
  return out
}

/** Every reason a publishing failure can get (each kind of pavilion error, Vetrina's own codes). */
function publishReasons(): Emission[] {
  const kinds = ['auth', 'credentials', 'rate_limited', 'transient', 'unreachable', 'unknown_outcome', 'rejected', 'not_available'] as const
  const errors = [
    ...kinds.map((k) => new PavilionError(k, 'x', { code: 'GatewayCode', subCode: 'isv.sub', gatewayText: 'words', retryAfterMs: 2000 })),
    ...['signin_required', 'timeout', 'unreachable', 'connection_lost', 'too_large', 'aborted', 'bad_reply', 'bad_rules'].map((code) => new PavilionError('transient', 'x', { code })),
    new Error('boom')
  ]
  return errors.map((e) => reasonOf(e)).map((r) => ({ where: 'reasonOf', key: errorKey(r.code), params: new Set(Object.keys(r.params)), strictParams: true }))
}

/** Readiness problem params that say where to fix it (the variant to open, the axis's row), not words. */
const LINK_PARAMS = new Set(['variantId', 'axis'])

describe('the core speaks Italian, English and Chinese', () => {
  const { found, unreadable } = emissions()
  const all = [...found, ...enumerated(), ...publishReasons()]

  test('the scan finds the emitting calls (so an empty result cannot pass)', () => {
    expect(found.filter((e) => e.where.includes('AppError') || e.key.startsWith('errors:') || e.key.includes(':error')).length).toBeGreaterThan(60)
    expect(found.filter((e) => e.key.includes(':job.')).length).toBeGreaterThan(20)
  })

  test('every emitting call names its code where the test can read it', () => {
    expect(unreadable).toEqual([])
  })

  test('every code has a sentence in every language', () => {
    const missing: string[] = []
    for (const e of all) for (const lng of LANGUAGES) if (variants(lng, e.key).length === 0) missing.push(`${lng}: ${e.key} (${e.where})`)
    expect([...new Set(missing)]).toEqual([])
  })

  test('every {{placeholder}} of a sentence, in every language, is a parameter the code passes', () => {
    const problems: string[] = []
    for (const e of all) {
      if (!e.params || e.key.includes('*')) continue
      for (const lng of LANGUAGES) {
        for (const sentence of variants(lng, e.key, false)) {
          for (const p of placeholders(lng, sentence)) if (!e.params.has(p)) problems.push(`${lng}: ${e.key} uses {{${p}}}, not passed (${e.where})`)
        }
      }
    }
    expect([...new Set(problems)]).toEqual([])
  })

  test('every parameter a message passes is used by its sentence', () => {
    const problems: string[] = []
    for (const e of all) {
      if (!e.params || !e.strictParams || e.key.includes('*')) continue
      const used = new Set(variants('en', e.key).flatMap((s) => [...placeholders('en', s)]))
      const plural = SENTENCES.get('en')!.has(`${e.key}_other`)
      for (const p of e.params) if (!used.has(p) && !(p === 'count' && plural) && !(e.key.startsWith('publish:problem.') && LINK_PARAMS.has(p))) problems.push(`${e.key} is passed {{${p}}} but does not use it (${e.where})`)
    }
    expect([...new Set(problems)]).toEqual([])
  })

  test('every sentence the core looks up itself (t(\'ns:key\') in core and shared code) is in the shared catalogues', () => {
    const missing: string[] = []
    const files = [...SOURCES, ...listSources(join(ROOT, 'shared/messages'))]
    let seen = 0
    for (const file of files) {
      const src = read(file)
      for (const c of findCalls(file, src, 't')) {
        const key = literal(c.args[0])
        if (!key || !/^[\w-]+:/.test(key)) continue
        seen++
        for (const lng of LANGUAGES) if (variants(lng, key).length === 0) missing.push(`${lng}: ${key} (${rel(file)}:${c.line})`)
      }
    }
    expect(seen).toBeGreaterThan(20)
    expect(missing).toEqual([])
  })

  test('the command line prints no sentence of its own: help, output and progress go through say()', () => {
    const problems: string[] = []
    const prose = (text: string) => /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(text.replace(/\*/g, ' '))
    const cli = listSources(join(ROOT, 'electron/core/cli')).concat([join(ROOT, 'electron/core/host/run.ts')])
    for (const file of cli) {
      const src = read(file)
      for (const name of ['.description', '.option', '.requiredOption', '.argument', 'out', 'process.stdout.write', 'process.stderr.write']) {
        for (const c of findCalls(file, src, name)) {
          const texts = (name.startsWith('.') && name !== '.description' ? c.args.slice(1, 2) : c.args.slice(0, 1)).map(literal)
          for (const text of texts) if (text && prose(text)) problems.push(`${rel(file)}:${c.line}: ${text.slice(0, 60)}`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  test('nested $t(…) references exist in every language', () => {
    const problems: string[] = []
    for (const lng of LANGUAGES) for (const [k, v] of SENTENCES.get(lng)!) for (const b of brokenNesting(lng, v)) problems.push(`${lng}: ${k} → ${b}`)
    expect(problems).toEqual([])
  })

  test('the same key has the same placeholders in every language', () => {
    const problems: string[] = []
    const base = (k: string) => k.replace(SUFFIX, '')
    for (const [k, en] of SENTENCES.get('en')!) {
      const want = placeholders('en', en)
      for (const lng of ['it', 'zh-CN']) {
        const forms = [...SENTENCES.get(lng)!].filter(([x]) => base(x) === base(k)).map(([, v]) => v)
        for (const s of forms) for (const p of placeholders(lng, s)) if (!want.has(p) && !(p === 'count' && SUFFIX.test(k))) problems.push(`${lng}: ${k} uses {{${p}}}, English does not`)
      }
    }
    expect([...new Set(problems)]).toEqual([])
  })

  test('the zod codes and the domain rules have sentences', () => {
    const rules = SOURCES.flatMap((f) => [...read(f).matchAll(/params:\s*\{\s*rule:\s*'(\w+)'/g)].map((m) => m[1]))
    expect(rules.length).toBeGreaterThan(3)
    const missing = [...new Set(['too_small', 'too_big', 'invalid_type', 'invalid_format', 'invalid_value', 'invalid', ...rules])]
      .flatMap((code) => LANGUAGES.filter((lng) => variants(lng, issueKey(code)).length === 0).map((lng) => `${lng}: ${code}`))
    expect(missing).toEqual([])
  })
})
