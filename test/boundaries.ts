// The environment rules of the codebase, checked on every test run:
//   shared/         no Node, DOM or electron imports (pure contract and domain rules)
//   electron/core/  never imports electron (it runs under plain Node)
//   electron/sandbox/ shares no code with the app (so the sandbox and the client check each other)
//   renderer/       never imports anything under electron/ and no Node built-ins
import { readFileSync, readdirSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { init, parse } from 'es-module-lexer'

export const ROOT = resolve(import.meta.dirname, '..')

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
const DOM_PACKAGES = ['react-dom', 'dompurify']

export interface Violation {
  file: string
  specifier: string
  rule: string
}

export function listSources(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue
    const p = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...listSources(p))
    else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name)) out.push(p)
  }
  return out
}

function isNode(spec: string): boolean {
  return spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0])
}
const isElectron = (spec: string) => spec === 'electron' || spec.startsWith('electron/')

/** Which rule (if any) an import breaks, given the importing file's path relative to ROOT. */
export function checkImport(fileRel: string, spec: string, fileAbs = join(ROOT, fileRel)): string | null {
  const target = spec.startsWith('.') ? relative(ROOT, resolve(dirname(fileAbs), spec)).split(sep).join('/') : null
  const area = fileRel.split(sep).join('/')
  if (area.startsWith('shared/')) {
    if (isNode(spec)) return 'shared/ must not import Node built-ins'
    if (isElectron(spec)) return 'shared/ must not import electron'
    if (DOM_PACKAGES.includes(spec) || spec === 'react' || spec.startsWith('react/')) return 'shared/ must not import DOM or React packages'
    if (target && !target.startsWith('shared/')) return 'shared/ must only import from shared/'
  }
  if (area.startsWith('electron/core/')) {
    if (isElectron(spec)) return 'electron/core must not import electron'
    if (target && (target.startsWith('renderer/') || target.startsWith('electron/main/') || target.startsWith('electron/preload/'))) {
      return 'electron/core must not import the shell or the renderer'
    }
  }
  if (area.startsWith('electron/sandbox/')) {
    if (isElectron(spec)) return 'electron/sandbox must not import electron'
    if (target && !target.startsWith('electron/sandbox/')) return 'electron/sandbox shares no code with the app'
  }
  if (area.startsWith('renderer/')) {
    if (target && target.startsWith('electron/')) return 'renderer/ must not import anything under electron/'
    if (isNode(spec)) return 'renderer/ must not import Node built-ins'
    if (isElectron(spec)) return 'renderer/ must not import electron'
  }
  return null
}

/** Import specifiers of a TS/TSX source (type-only imports included: they still couple areas). */
export async function importsOf(source: string, name = 'source.ts'): Promise<string[]> {
  await init
  let imports: ReadonlyArray<{ n?: string }>
  try {
    imports = parse(source.replace(/import type [^;]+?from/g, 'import {} from'), name)[0].map((i) => ({ n: (i as { n?: string }).n }))
  } catch {
    // The lexer does not understand all TS/JSX syntax: fall back to a plain scan.
    imports = [...source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map((m) => ({ n: m[1] ?? m[2] ?? m[3] }))
  }
  return imports.map((i) => i.n).filter((n): n is string => !!n)
}

export async function findViolations(files: string[]): Promise<Violation[]> {
  const out: Violation[] = []
  for (const file of files) {
    const source = readFileSync(file, 'utf8')
    for (const n of await importsOf(source, file)) {
      const rule = checkImport(relative(ROOT, file), n, file)
      if (rule) out.push({ file: relative(ROOT, file), specifier: n, rule })
    }
  }
  return out
}
