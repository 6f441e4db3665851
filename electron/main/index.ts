// The desktop shell: single instance, app:// protocol, one secure window, IPC to the core.
// Everything else (data, jobs, publishing) is the headless core in electron/core.
import { join } from 'node:path'
import { app, BrowserWindow, net, protocol, session, shell } from 'electron'
import { pathToFileURL } from 'node:url'
import { Core } from '../core/core.ts'
import { mediaHeaders } from '../core/platform/media-policy.ts'
import { KeychainSecretStore } from '../core/platform/secrets.ts'
import { bindIpc } from './ipc.ts'
import { safeStorageEncryptor } from './secrets.ts'
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, isAppUrl, permissionAllowed, resolveAppRequest, secureWebPreferences } from './security.ts'

app.setName('Vetrina')
if (process.env.VETRINA_DATA_DIR) app.setPath('userData', process.env.VETRINA_DATA_DIR)
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])

if (!app.requestSingleInstanceLock()) app.quit()

const rendererDir = join(import.meta.dirname, '../renderer')
let core: Core | null = null

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Vetrina',
    show: false,
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs'))
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the web (e.g. a published listing) open in the user's browser, never in the app.
    if (/^https:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault()
  })
  win.webContents.on('will-attach-webview', (e) => e.preventDefault())
  void win.loadURL(`${APP_ORIGIN}/index.html`)
  return win
}

app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0]
  if (win) {
    if (win.isMinimized()) win.restore()
    win.focus()
  }
})

app.whenReady().then(() => {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionAllowed(permission)))
  ses.setPermissionCheckHandler((_wc, permission) => permissionAllowed(permission))
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })

  const dataDir = app.getPath('userData')
  core = Core.open({ dataDir, secrets: new KeychainSecretStore(dataDir, safeStorageEncryptor), rescue: true })
  const media = core.s.paths.media
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response('Method not allowed', { status: 405 })
    const file = resolveAppRequest(request.url, rendererDir, media)
    if (!file) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    // Media files: images are shown, anything else is a download under a sandbox (no preload API).
    if (!file.startsWith(media)) return response
    return new Response(response.body, { status: response.status, headers: mediaHeaders(file) })
  })
  bindIpc(core)
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
  void core.close().finally(() => app.quit())
})
