// The Electron shell's security baseline, checked without Electron: the webPreferences every
// window gets, what app:// may serve, and the wiring in main (so removing a guard fails here).
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { CONTENT_SECURITY_POLICY, isAppUrl, permissionAllowed, resolveAppRequest, secureWebPreferences } from '../../electron/main/security.ts'

const renderer = '/opt/vetrina/out/renderer'
const media = '/home/u/.config/Vetrina/media'

describe('Electron security baseline', () => {
  test('windows are isolated and sandboxed, without Node', () => {
    expect(secureWebPreferences('/p/preload.cjs')).toEqual({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true
    })
  })

  test('the CSP allows only our own scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
  })

  test('app:// serves the UI and media only from inside their folders', () => {
    expect(resolveAppRequest('app://vetrina/index.html', renderer, media)).toBe(join(renderer, 'index.html'))
    expect(resolveAppRequest('app://vetrina/', renderer, media)).toBe(join(renderer, 'index.html'))
    expect(resolveAppRequest('app://vetrina/assets/index-1.js', renderer, media)).toBe(join(renderer, 'assets/index-1.js'))
    expect(resolveAppRequest('app://vetrina/media/thumbs/ab/c.webp', renderer, media)).toBe(join(media, 'thumbs/ab/c.webp'))
    for (const bad of [
      'app://vetrina/../../etc/passwd',
      'app://vetrina/%2e%2e/%2e%2e/etc/passwd',
      'app://vetrina/media/..%2F..%2Fcatalog.sqlite',
      'app://vetrina/media/%2e%2e/catalog.sqlite',
      'app://evil/index.html',
      'file:///etc/passwd',
      'app://vetrina/%E0%A4%A',
      'app://vetrina/index.html%00.png'
    ]) {
      const r = resolveAppRequest(bad, renderer, media)
      expect(r === null || r.startsWith(resolve(renderer)) || r.startsWith(resolve(media)), bad).toBe(true)
      if (r) expect(r.includes('..')).toBe(false)
    }
    expect(resolveAppRequest('app://vetrina/media/..%2F..%2Fcatalog.sqlite', renderer, media)).toBeNull()
  })

  test('navigation targets and permissions', () => {
    expect(isAppUrl('app://vetrina/index.html#/catalog')).toBe(true)
    expect(isAppUrl('app://vetrina.evil.com/')).toBe(false)
    expect(isAppUrl('https://vetrina/')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(permissionAllowed(p)).toBe(false)
  })

  test('main wires every guard, and the preload exposes no ipcRenderer', () => {
    const main = readFileSync(resolve(import.meta.dirname, '../../electron/main/index.ts'), 'utf8')
    expect(main).toMatch(/webPreferences: secureWebPreferences\(/)
    // Navigation, redirects, frames, new windows and webviews: guarded for every webContents (test/main/hardening.test.ts).
    expect(main).toMatch(/^hardenApp\(app, /m)
    expect(main).toMatch(/bindIpc\(c, \{ ipcMain, dialog, windows: BrowserWindow \}, handles\)/)
    expect(main).toMatch(/setPermissionRequestHandler/)
    expect(main).toMatch(/setPermissionCheckHandler/)
    expect(main).toMatch(/Content-Security-Policy/)
    expect(main).toMatch(/protocol\.handle\(APP_SCHEME[\s\S]*?resolveAppRequest/)
    expect(main).toMatch(/registerSchemesAsPrivileged/)
    expect(main).not.toMatch(/loadFile|file:\/\//)
    const ipc = readFileSync(resolve(import.meta.dirname, '../../electron/main/ipc.ts'), 'utf8')
    // Every ipcMain.handle in the shell checks its sender first.
    for (const source of [ipc, main]) {
      const handlers = source.split('ipcMain.handle(').slice(1)
      expect(handlers.length).toBeGreaterThan(0)
      for (const h of handlers) expect(h.slice(0, 400), h.slice(0, 60)).toMatch(/!trustedSender\(event\)/)
    }
    expect(ipc).toMatch(/isAppUrl\(frame\.url\)/)
    const preload = readFileSync(resolve(import.meta.dirname, '../../electron/preload/index.ts'), 'utf8')
    expect(preload).toMatch(/exposeInMainWorld\('vetrina', bridge\)/)
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/)
    expect(preload).toMatch(/\(_event: unknown, name: string, payload: unknown\) => listener\(name, payload\)/)
  })
})
