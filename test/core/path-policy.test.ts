// One place decides which transport may hand the core a local path (electron/core/path-policy.ts).
// This walks the whole contract: any input field that looks like a path (a FileRef, or a string
// named like one) must be declared in the call's `paths`; then every declared field is checked on
// every transport — the CLI passes it, browser mode refuses it, the desktop app takes only the
// handles its dialogs handed out to that window.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import { FileRef } from '../../shared/contract/files.ts'
import { calls } from '../../shared/contract/index.ts'
import type { CallDef, PathUse } from '../../shared/contract/define.ts'
import { applyPathPolicy, PathAccessCodes, PATH_RULES } from '../../electron/core/path-policy.ts'
import { dispatch, type Handlers } from '../../electron/core/dispatch.ts'
import { createLogger } from '../../electron/core/log.ts'
import { FileHandleRegistry } from '../../electron/main/file-handles.ts'
import { startHost, type RunningHost } from '../../electron/core/host/server.ts'
import { openTestCore, tempDir, type TestCore } from '../helpers/core.ts'

/** Input strings whose name says "path" but which are not file-system paths, with the reason. */
const NOT_PATHS: Record<string, string> = {}

const PATH_WORDS = new Set(['path', 'paths', 'dir', 'dirs', 'directory', 'folder', 'folders', 'file', 'files', 'filepath', 'filename', 'dest', 'destination'])

/** "outputPath" → ["output", "path"]. */
const words = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_-]+/)

interface Found { field: string; kind: 'file-ref' | 'string' }

/** Every FileRef-shaped or path-named string field of a zod schema, as dotted paths (`*` for elements). */
function pathLikeFields(schema: z.ZodType): Found[] {
  const out: Found[] = []
  const seen = new Set<unknown>()
  const walk = (s: unknown, at: string, key: string) => {
    const def = (s as { _zod?: { def?: Record<string, unknown> } })?._zod?.def
    if (!def || seen.has(s)) return
    seen.add(s)
    switch (def.type) {
      case 'object':
        for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) walk(v, at ? `${at}.${k}` : k, k)
        break
      case 'array':
        walk(def.element, `${at}.*`, key)
        break
      case 'record':
        walk(def.valueType, `${at}.*`, key)
        break
      case 'union': {
        const options = def.options as unknown[]
        const isFileRef = options.some((o) => {
          const kind = (o as { _zod?: { def?: { type?: string; shape?: Record<string, { _zod?: { def?: { type?: string; values?: unknown[] } } }> } } })._zod?.def
          return kind?.type === 'object' && kind.shape?.kind?._zod?.def?.type === 'literal' && kind.shape.kind._zod.def.values?.includes('path')
        })
        if (isFileRef) out.push({ field: at, kind: 'file-ref' })
        else for (const o of options) walk(o, at, key)
        break
      }
      case 'intersection':
        walk(def.left, at, key)
        walk(def.right, at, key)
        break
      case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional': case 'lazy':
        walk(def.type === 'lazy' ? (def.getter as () => unknown)() : def.innerType, at, key)
        break
      case 'pipe':
        walk(def.in, at, key)
        break
      case 'string':
        if (words(key).some((w) => PATH_WORDS.has(w))) out.push({ field: at, kind: 'string' })
        break
    }
  }
  walk(schema, '', '')
  return out
}

const entries = Object.entries(calls) as Array<[string, CallDef]>
const declared = entries.filter(([, def]) => Object.keys(def.paths).length > 0)

/** An input holding `value` at each declared field (one element for `*`). */
function inputWith(def: CallDef, value: (field: string, use: PathUse) => unknown): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [field, use] of Object.entries(def.paths)) {
    const steps = field.split('.')
    let holder: Record<string, unknown> | unknown[] = root
    steps.forEach((step, i) => {
      const last = i === steps.length - 1
      const next = last ? value(field, use) : steps[i + 1] === '*' ? [] : {}
      if (step === '*') (holder as unknown[]).push(next)
      else (holder as Record<string, unknown>)[step] = (holder as Record<string, unknown>)[step] ?? next
      holder = (step === '*' ? (holder as unknown[])[0] : (holder as Record<string, unknown>)[step]) as Record<string, unknown>
    })
  }
  return root
}

const fieldKinds = new Map(entries.map(([m, def]) => [m, new Map(pathLikeFields(def.input).map((f) => [f.field, f.kind]))]))
const pathValue = (method: string) => (field: string) => (fieldKinds.get(method)!.get(field) === 'file-ref' ? { kind: 'path', path: '/home/u/listino.xlsx' } : '/home/u/out.xlsx')

describe('the contract declares every path input', () => {
  test('the walker finds FileRefs and path-named strings (and would catch a new one)', () => {
    expect(pathLikeFields(calls['photos.add'].input)).toContainEqual({ field: 'sources.*', kind: 'file-ref' })
    expect(pathLikeFields(calls['system.backup'].input)).toContainEqual({ field: 'path', kind: 'string' })
    // A new call with path-like fields nobody declared would be found.
    const added = z.object({ outputFolder: z.string().optional(), file: FileRef, list: z.array(z.object({ targetDir: z.string(), redirectUri: z.string() })).default([]), profile: z.string() })
    expect(pathLikeFields(added).map((f) => f.field)).toEqual(['outputFolder', 'file', 'list.*.targetDir'])
  })

  test('every path-like input field of every call is declared, with the right kind of use', () => {
    const problems: string[] = []
    let found = 0
    for (const [method, def] of entries) {
      for (const f of pathLikeFields(def.input)) {
        found++
        const use = def.paths[f.field]
        if (NOT_PATHS[`${method}:${f.field}`]) continue
        if (!use) problems.push(`${method}: "${f.field}" looks like a path but is not in its \`paths\``)
        else if (f.kind === 'string' && use !== 'write') problems.push(`${method}: "${f.field}" is a string path to ${use}; files to read are FileRefs (so browser mode can upload them)`)
        else if (f.kind === 'file-ref' && use === 'write') problems.push(`${method}: "${f.field}" is a FileRef declared as write`)
      }
      for (const field of Object.keys(def.paths)) {
        if (!fieldKinds.get(method)!.has(field)) problems.push(`${method}: declares "${field}", which its input does not have`)
      }
    }
    expect(problems).toEqual([])
    expect(found).toBeGreaterThanOrEqual(10)
    // The calls known to take paths today are all among them.
    for (const m of ['photos.add', 'spreadsheet.inspect', 'spreadsheet.dryRun', 'spreadsheet.importFile', 'spreadsheet.exportCatalog', 'system.backup', 'system.restore', 'translation.tmImport', 'translation.importGlossary', 'translation.xliffImport']) {
      expect(declared.map(([name]) => name), m).toContain(m)
    }
  })

  test('every transport has a rule', () => {
    expect(PATH_RULES).toEqual({ cli: 'pass', test: 'pass', http: 'refuse', ipc: 'handles' })
  })
})

describe('each transport, for every declared call', () => {
  const handles = new FileHandleRegistry()
  const WINDOW = 7
  const OTHER_WINDOW = 8

  test('the CLI passes paths as typed', () => {
    for (const [method, def] of declared) {
      const input = inputWith(def, pathValue(method))
      expect(applyPathPolicy(method, def, input, 'cli')).toBe(input)
    }
  })

  test('browser mode refuses every path, and still takes uploads', () => {
    for (const [method, def] of declared) {
      const input = inputWith(def, pathValue(method))
      expect(() => applyPathPolicy(method, def, input, 'http'), method).toThrowError(expect.objectContaining({ code: PathAccessCodes.browser }))
      const uploads = inputWith(def, (field) => (fieldKinds.get(method)!.get(field) === 'file-ref' ? { kind: 'upload', id: 'abcdefgh12' } : undefined))
      expect(applyPathPolicy(method, def, uploads, 'http')).toBe(uploads)
    }
  })

  test('the desktop app refuses raw paths, unknown, foreign and wrong-use handles, and swaps its own', () => {
    for (const [method, def] of declared) {
      const isRef = (field: string) => fieldKinds.get(method)!.get(field) === 'file-ref'
      const wrap = (field: string, value: string) => (isRef(field) ? { kind: 'path', path: value } : value)
      const resolver = handles.forOwner(WINDOW)
      const refuse = (input: unknown, why: string) =>
        expect(() => applyPathPolicy(method, def, input, 'ipc', resolver), `${method}: ${why}`).toThrowError(expect.objectContaining({ code: PathAccessCodes.notPicked }))
      refuse(inputWith(def, (f) => wrap(f, '/etc/passwd')), 'raw path')
      refuse(inputWith(def, (f) => wrap(f, 'vh1_' + 'A'.repeat(32))), 'unknown handle')
      refuse(inputWith(def, (f, use) => wrap(f, handles.grant('/home/u/x', use === 'write' ? 'save' : 'open-file', OTHER_WINDOW))), 'another window\'s handle')
      refuse(inputWith(def, (f, use) => wrap(f, handles.grant('/home/u/x', use === 'write' ? 'open-file' : 'save', WINDOW))), 'a handle chosen for another use')
      refuse(applyPathPolicy(method, def, inputWith(def, (f) => wrap(f, '/x')), 'test'), 'no resolver at all')

      const granted = new Map<string, string>()
      const input = inputWith(def, (f, use) => {
        const real = `/home/u/chosen-${f.replace(/\W/g, '_')}`
        const h = handles.grant(real, use === 'write' ? 'save' : use === 'read-any' ? 'open-folder' : 'open-file', WINDOW)
        granted.set(h, real)
        return wrap(f, h)
      })
      const before = JSON.stringify(input)
      const out = JSON.stringify(applyPathPolicy(method, def, input, 'ipc', resolver))
      expect(JSON.stringify(input), 'the caller\'s input is not changed').toBe(before)
      for (const [h, real] of granted) {
        expect(out).not.toContain(h)
        expect(out).toContain(real)
      }
    }
  })

  test('through the dispatcher: refused before any handler runs', async () => {
    let ran = 0
    const handlers = new Proxy({}, { get: () => new Proxy({}, { get: () => () => { ran++; return {} } }) }) as Handlers
    const log = createLogger(null, false)
    for (const [method, def] of declared) {
      const input = inputWith(def, pathValue(method))
      const http = await dispatch(handlers, method, input, { role: 'owner', transport: 'http' }, log)
      expect(http.ok ? null : http.error.code, method).toBe(PathAccessCodes.browser)
      const ipc = await dispatch(handlers, method, input, { role: 'owner', transport: 'ipc', fileHandles: handles.forOwner(WINDOW) }, log)
      expect(ipc.ok ? null : ipc.error.code, method).toBe(PathAccessCodes.notPicked)
    }
    expect(ran).toBe(0)
  })
})

describe('system.backup { path } (issue 11, item 14) on a real core', () => {
  let t: TestCore
  let host: RunningHost
  const ui = tempDir('vetrina-ui-')
  const out = tempDir('vetrina-out-')
  beforeAll(async () => {
    writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Vetrina</title>')
    t = openTestCore()
    host = await startHost({ core: t.core, uiDir: ui })
  })
  afterAll(async () => {
    await host.close()
    await t.close()
  })

  test('over HTTP the host refuses it and writes nothing', async () => {
    const target = join(out, 'overwritten.vetrina-backup')
    // The link's page exchanges its key for a session with a same-origin POST (see host/auth.ts).
    const key = new URL(host.ownerLink).searchParams.get('token')
    const login = await fetch(`${host.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: host.url }, body: JSON.stringify({ token: key }) })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
    const r = await fetch(`${host.url}/api/call/system.backup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: host.url },
      body: JSON.stringify({ path: target })
    })
    expect(r.status).toBe(403)
    expect(await r.json()).toMatchObject({ ok: false, error: { code: PathAccessCodes.browser } })
    await t.core.s.jobs.whenIdle()
    expect(existsSync(target)).toBe(false)
  })

  test('from the CLI it writes the backup there; from the desktop app only through a save handle', async () => {
    const cliTarget = join(out, 'from-cli.vetrina-backup')
    const cli = await t.core.call('system.backup', { path: cliTarget }, { role: 'owner', transport: 'cli' })
    expect(cli.ok).toBe(true)
    await t.core.s.jobs.whenIdle()
    expect(readFileSync(cliTarget).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]))

    const handles = new FileHandleRegistry()
    const desktopTarget = join(out, 'from-desktop.vetrina-backup')
    const refused = await t.core.call('system.backup', { path: desktopTarget }, { role: 'owner', transport: 'ipc', fileHandles: handles.forOwner(1) })
    expect(refused).toMatchObject({ ok: false, error: { code: PathAccessCodes.notPicked } })
    const handle = handles.grant(desktopTarget, 'save', 1)
    const ok = await t.core.call('system.backup', { path: handle }, { role: 'owner', transport: 'ipc', fileHandles: handles.forOwner(1) })
    expect(ok.ok).toBe(true)
    await t.core.s.jobs.whenIdle()
    expect(existsSync(desktopTarget)).toBe(true)
  })
})
