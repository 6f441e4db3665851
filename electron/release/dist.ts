// npm run dist: packages the installers with electron-builder (for this platform, or the
// platforms given: npm run dist -- --win --linux). electron-builder downloads the Electron runtime
// from GitHub first; where that cannot happen (no internet, as on the build machines of this
// project) this says so in one sentence instead of a stack trace. The release workflow
// (.github/workflows/release.yml) runs it where the internet is.
import { spawn } from 'node:child_process'
import { lookup } from 'node:dns/promises'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')

/** Output of electron-builder that means "the Electron runtime (or another build tool) could not be downloaded". */
export function isDownloadFailure(output: string): boolean {
  return /getaddrinfo (ENOTFOUND|EAI_AGAIN)|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|self[- ]signed certificate|unable to get local issuer|status code 40[34].*(electron|github)|Cannot download|HttpError/i.test(output)
}

export const DOWNLOAD_FAILURE_SENTENCE =
  'Packaging needs the Electron runtime and build tools that electron-builder downloads from GitHub, and this machine cannot reach it: run `npm run dist` where there is internet access (the release workflow .github/workflows/release.yml does).'

/** electron-builder's own progress lines ("  • …") are shown as they come; the rest only if the build fails for another reason. */
export function isProgressLine(line: string): boolean {
  return /^\s+•\s/.test(line)
}

/** Quick answer before a minute of retries: can GitHub (where the runtime comes from) be reached at all? */
export async function githubReachable(env: Record<string, string | undefined> = process.env, resolve = lookup): Promise<boolean> {
  // A mirror or a proxy decides for itself; let electron-builder try.
  if (env.ELECTRON_MIRROR || env.ELECTRON_BUILDER_BINARIES_MIRROR || env.HTTPS_PROXY || env.https_proxy) return true
  const timeout = new Promise<false>((ok) => setTimeout(() => ok(false), 5000).unref())
  return Promise.race([resolve('github.com').then(() => true, () => false), timeout])
}

async function main(args: string[]): Promise<number> {
  if (!existsSync(join(root, 'out/main/index.js')) || !existsSync(join(root, 'resources/build/icon.icns'))) {
    console.error('The app is not built: run `npm run build` first (npm run dist does).')
    return 1
  }
  if (!(await githubReachable())) {
    console.error(DOWNLOAD_FAILURE_SENTENCE)
    return 1
  }
  const bin = join(root, 'node_modules/.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder')
  const child = spawn(bin, ['--publish', 'never', ...args], { cwd: root, shell: process.platform === 'win32', env: process.env })
  let held = ''
  let pending = ''
  const take = (chunk: Buffer) => {
    pending += chunk.toString('utf8')
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      if (isProgressLine(line)) console.log(line)
      else held += `${line}\n`
    }
  }
  child.stdout.on('data', take)
  child.stderr.on('data', take)
  const code = await new Promise<number>((ok) => child.on('close', (c) => ok(c ?? 1)))
  held += pending
  if (code === 0) {
    if (held.trim()) console.log(held.trimEnd())
    console.log(`Installers written to release/ (${args.join(' ') || 'this platform'}).`)
    return 0
  }
  if (isDownloadFailure(held)) {
    console.error(DOWNLOAD_FAILURE_SENTENCE)
    return 1
  }
  console.error(held.trimEnd())
  return code
}

if (import.meta.main) process.exit(await main(process.argv.slice(2)))
