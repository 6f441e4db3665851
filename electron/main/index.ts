// The desktop shell: single instance, app:// protocol, one secure window, IPC to the core, the
// photo engine as a utility process, updates, and backups opened from the OS.
// Everything else (data, jobs, publishing) is the headless core in electron/core.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell, utilityProcess } from 'electron'
import { pathToFileURL } from 'node:url'
import { IPC_OPENED_FILES, IPC_UPDATES, SHELL_EVENTS, type PickedFile, type UpdateStatus } from '../../shared/contract/bridge.ts'
import { Core } from '../core/core.ts'
import { mediaHeaders } from '../core/platform/media-policy.ts'
import { setNodeProcessLauncher } from '../core/platform/node-process.ts'
import { KeychainSecretStore } from '../core/platform/secrets.ts'
import { FileHandleRegistry } from './file-handles.ts'
import { hardenApp } from './hardening.ts'
import { bindIpc, sendToApp, trustedSender } from './ipc.ts'
import { backupsInArgv, OpenedFiles } from './opened-files.ts'
import { safeStorageEncryptor } from './secrets.ts'
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, permissionAllowed, resolveAppRequest, secureWebPreferences } from './security.ts'
import { UpdateController } from './updates/controller.ts'
import { electronUpdaterPort } from './updates/electron-updater-port.ts'
import { utilityLauncher } from './utility-launcher.ts'

app.setName('Vetrina')
if (process.env.VETRINA_DATA_DIR) app.setPath('userData', process.env.VETRINA_DATA_DIR)
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
// Every webContents, from the first: no navigation away, no new windows, no webviews.
hardenApp(app, { openExternal: (url) => void shell.openExternal(url) })
// The RunAsNode fuse is off in the packaged app: helper processes run as utility processes.
setNodeProcessLauncher(utilityLauncher(utilityProcess))

if (!app.requestSingleInstanceLock()) app.quit()

const rendererDir = join(import.meta.dirname, '../renderer')
const handles = new FileHandleRegistry()
const opened = new OpenedFiles()
let core: Core | null = null
let updates: UpdateController | null = null

opened.add(backupsInArgv(process.argv.slice(1)))
app.on('open-file', (event, path) => {
  event.preventDefault()
  if (opened.add(backupsInArgv([path]))) announceOpenedFiles()
})

function announceOpenedFiles(): void {
  sendToApp(BrowserWindow, SHELL_EVENTS.openFile, null)
  const win = BrowserWindow.getAllWindows()[0]
  if (win) {
    if (win.isMinimized()) win.restore()
    win.focus()
  }
}

function windowIcon(): string | undefined {
  // Linux shows it in the task bar (Windows and macOS take it from the executable / bundle).
  const icon = app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(import.meta.dirname, '../../resources/build/icons/512x512.png')
  return process.platform === 'linux' && existsSync(icon) ? icon : undefined
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Vetrina',
    icon: windowIcon(),
    show: false,
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs'))
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(`${APP_ORIGIN}/index.html`)
  return win
}

app.on('second-instance', (_event, argv) => {
  if (opened.add(backupsInArgv(argv.slice(1)))) return announceOpenedFiles()
  const win = BrowserWindow.getAllWindows()[0]
  if (win) {
    if (win.isMinimized()) win.restore()
    win.focus()
  }
})

function startUpdates(c: Core): UpdateController {
  const runningJobs = () => c.s.jobs.list({ states: ['running'], limit: 100 }).length
  const port = electronUpdaterPort({
    currentVersion: app.getVersion(),
    packaged: app.isPackaged,
    fetch: (url, init) => net.fetch(url, init),
    log: (m) => c.s.log.info(m)
  })
  const controller = new UpdateController(port, {
    enabled: () => c.s.settings.app().updates.enabled,
    online: () => c.s.connectivity.status().online,
    runningJobs,
    now: () => Date.now(),
    onChange: (listener) =>
      c.events.subscribe((name, payload) => {
        if (name === 'online.status' || name === 'job.progress' || (name === 'data.changed' && (payload as { entity?: string }).entity === 'settings')) listener()
      }),
    log: (m) => c.s.log.info(m)
  })
  controller.onStatus((s: UpdateStatus) => sendToApp(BrowserWindow, SHELL_EVENTS.update, s))
  controller.start()
  return controller
}

app.whenReady().then(() => {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionAllowed(permission)))
  ses.setPermissionCheckHandler((_wc, permission) => permissionAllowed(permission))
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })

  const dataDir = app.getPath('userData')
  const c = Core.open({ dataDir, secrets: new KeychainSecretStore(dataDir, safeStorageEncryptor), rescue: true })
  core = c
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response('Method not allowed', { status: 405 })
    // The media folder of the catalogue open now (the core may have switched to the sample catalogue).
    const media = c.s.paths.media
    const file = resolveAppRequest(request.url, rendererDir, media)
    if (!file) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    // Media files: images are shown, anything else is a download under a sandbox (no preload API).
    if (!file.startsWith(media)) return response
    return new Response(response.body, { status: response.status, headers: mediaHeaders(file) })
  })
  bindIpc(c, { ipcMain, dialog, windows: BrowserWindow }, handles)
  const controller = startUpdates(c)
  updates = controller
  ipcMain.handle(IPC_UPDATES, async (event, action: unknown) => {
    if (!trustedSender(event)) return null
    if (action === 'status') return controller.status()
    if (action !== 'restart' || !controller.canRestartNow()) return false
    // Close the catalogue cleanly before the installer replaces the app (jobs are not asked again:
    // the catalogue is closed).
    quitting = true
    controller.stop()
    await c.close()
    controller.installNow()
    return true
  })
  ipcMain.handle(IPC_OPENED_FILES, (event): PickedFile[] => {
    if (!trustedSender(event)) return []
    return opened.take().map((path) => ({ handle: handles.grant(path, 'open-file', event.sender.id), name: path.split(/[\\/]/).pop()! }))
  })
  createWindow()
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

let quitting = false
app.on('before-quit', (e) => {
  if (quitting || !core) return
  e.preventDefault()
  quitting = true
  // Installs a downloaded update on this quit only if no job is running (else on a later one).
  updates?.beforeQuit()
  updates?.stop()
  void core.close().finally(() => app.quit())
})
