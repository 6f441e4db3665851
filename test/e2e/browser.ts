// Which Chromium the end-to-end tests drive: VETRINA_CHROMIUM if set, else Debian's /usr/bin/chromium
// when installed, else the Chromium that ships inside the npm package @sparticuz/chromium (so
// `npm ci && npm test` works on a machine with only Node and npm). The package's binary is unpacked
// once per checkout into node_modules/.cache, never into the shared /tmp, so parallel checkouts and a
// run killed mid-unpack cannot hand a half-written browser to a test.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export interface ChromiumChoice {
  executablePath: string
  /** Human-readable origin, printed by the test run. */
  origin: 'env' | 'system' | 'npm'
  /** Launch flags this binary needs beyond our own. */
  extraArgs: string[]
}

const SYSTEM_CHROMIUM = '/usr/bin/chromium'
const CACHE_DIR = resolve(import.meta.dirname, '../../node_modules/.cache/vetrina-chromium')
const DONE_MARKER = join(CACHE_DIR, '.unpacked')

// The package's own flag list is meant for AWS Lambda (it turns off web security and site
// isolation); we keep only what its build needs to draw without a GPU.
const NPM_CHROMIUM_ARGS = ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-zygote']

export async function chooseChromium(): Promise<ChromiumChoice> {
  const fromEnv = process.env.VETRINA_CHROMIUM
  if (fromEnv) return { executablePath: fromEnv, origin: fromEnv === SYSTEM_CHROMIUM ? 'system' : 'env', extraArgs: fromEnv.startsWith(CACHE_DIR) ? NPM_CHROMIUM_ARGS : [] }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, origin: 'system', extraArgs: [] }
  return { executablePath: await unpackNpmChromium(), origin: 'npm', extraArgs: NPM_CHROMIUM_ARGS }
}

async function unpackNpmChromium(): Promise<string> {
  const binary = join(CACHE_DIR, 'chromium')
  if (existsSync(DONE_MARKER) && existsSync(binary)) return binary
  rmSync(CACHE_DIR, { recursive: true, force: true })
  mkdirSync(CACHE_DIR, { recursive: true })
  // The package unpacks into os.tmpdir(), which follows TMPDIR at call time.
  const savedTmp = process.env.TMPDIR
  process.env.TMPDIR = CACHE_DIR
  try {
    const { default: chromium } = await import('@sparticuz/chromium')
    const path = await chromium.executablePath()
    if (resolve(path) !== binary) throw new Error(`@sparticuz/chromium unpacked to ${path}, expected ${binary}`)
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = savedTmp
  }
  writeFileSync(DONE_MARKER, new Date().toISOString())
  return binary
}
