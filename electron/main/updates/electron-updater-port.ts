// electron-updater behind the controller's UpdaterPort. The feed is the generic provider written
// into app-update.yml at packaging time (electron/release/builder-config.ts). electron-updater
// checks, verifies and installs; the installer itself is fetched by resumableDownload into
// electron-updater's own cache ("pending" folder + update-info.json), where downloadUpdate()
// finds it, checks its sha512 again and readies it — so a dropped line resumes instead of
// starting a 100 MB download over. Where the updater's internals are not as expected, it falls
// back to electron-updater's own download (blockmap-differential, not resumable).
import { mkdir, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import electronUpdater, { type AppUpdater, type UpdateInfo } from 'electron-updater'
import type { FoundUpdate, UpdaterPort } from './controller.ts'
import { resumableDownload, type FetchLike } from './resumable-download.ts'

interface ResolvedFile {
  url: URL
  info: { url: string; sha512: string; size?: number; isAdminRightsRequired?: boolean }
}

/** The internals used for resuming (present in electron-updater 6). */
interface UpdaterInternals {
  updateInfoAndProvider?: { info: UpdateInfo; provider: { resolveFiles(info: UpdateInfo): ResolvedFile[] } } | null
  getOrCreateDownloadHelper?(): Promise<{ cacheDirForPendingUpdate: string }>
  verifySignature?(file: string): Promise<string | null>
}

/** The installer format each updater installs (electron-updater's own choice of file). */
function installerExtension(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string | null {
  if (platform === 'win32') return 'exe'
  if (platform === 'darwin') return 'zip'
  if (platform === 'linux') return env.APPIMAGE ? 'AppImage' : 'deb'
  return null
}

export function electronUpdaterPort(opts: { currentVersion: string; packaged: boolean; fetch: FetchLike; log: (m: string) => void }): UpdaterPort {
  const updater: AppUpdater = electronUpdater.autoUpdater
  updater.autoDownload = false
  updater.autoInstallOnAppQuit = false
  updater.allowDowngrade = false
  updater.allowPrerelease = false
  updater.disableWebInstaller = true
  updater.logger = { info: () => undefined, warn: (m: unknown) => opts.log(String(m)), error: (m: unknown) => opts.log(String(m)), debug: () => undefined }
  const internals = updater as unknown as UpdaterInternals
  const supported = opts.packaged && updater.isUpdaterActive()

  async function prefetch(signal: AbortSignal, onProgress: (percent: number) => void): Promise<boolean> {
    const ext = installerExtension(process.platform, process.env)
    const current = internals.updateInfoAndProvider
    if (!ext || !current || !internals.getOrCreateDownloadHelper) return false
    const file = current.provider.resolveFiles(current.info).find((f) => f.url.pathname.toLowerCase().endsWith(`.${ext.toLowerCase()}`))
    if (!file?.info.sha512) return false
    const helper = await internals.getOrCreateDownloadHelper()
    const pending = helper.cacheDirForPendingUpdate
    await mkdir(pending, { recursive: true })
    const fileName = basename(decodeURIComponent(file.url.pathname))
    const dest = join(pending, fileName)
    await resumableDownload(
      { url: file.url.href, sha512: file.info.sha512, size: file.info.size, dest },
      { fetch: opts.fetch, signal, onProgress: (got, total) => total && onProgress((got / total) * 100) }
    )
    // Windows: the installer must be signed by us, as electron-updater checks for its own downloads.
    const refused = internals.verifySignature ? await internals.verifySignature(dest) : null
    if (refused) throw new Error(`The downloaded update is not signed by Vetrina's publisher: ${refused}`)
    await writeFile(join(pending, 'update-info.json'), JSON.stringify({ fileName, sha512: file.info.sha512, isAdminRightsRequired: file.info.isAdminRightsRequired === true }))
    return true
  }

  return {
    supported,
    currentVersion: opts.currentVersion,
    async check(): Promise<FoundUpdate | null> {
      const result = await updater.checkForUpdates()
      if (!result?.isUpdateAvailable) return null
      return { version: result.updateInfo.version, notes: result.updateInfo.releaseNotes }
    },
    async download(_update, signal, onProgress) {
      // A dropped line rejects here and the controller tries again later, resuming.
      const prefetched = await prefetch(signal, onProgress)
      if (signal.aborted) throw new Error('aborted')
      if (!prefetched) opts.log("resumable update download unavailable here: electron-updater downloads it (not resumable)")
      const progress = (p: { percent: number }) => onProgress(p.percent)
      const cancel = new electronUpdater.CancellationToken()
      const onAbort = () => cancel.cancel()
      signal.addEventListener('abort', onAbort)
      updater.on('download-progress', progress)
      try {
        // With the prefetched file in its cache, electron-updater only verifies it.
        await updater.downloadUpdate(cancel)
      } finally {
        updater.off('download-progress', progress)
        signal.removeEventListener('abort', onAbort)
      }
    },
    setInstallOnQuit(on) {
      updater.autoInstallOnAppQuit = on
    },
    installNow() {
      updater.quitAndInstall(true, true)
    }
  }
}
