// The desktop app's security settings, as plain functions so they are unit-tested without
// Electron: webPreferences, the CSP, what the app:// protocol may serve, and which navigations,
// windows and permissions are allowed (none beyond our own pages).
import { resolve, sep } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'vetrina'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"
].join('; ')

export interface WebPreferencesSubset {
  preload: string
  contextIsolation: true
  sandbox: true
  nodeIntegration: false
  nodeIntegrationInWorker: false
  nodeIntegrationInSubFrames: false
  webSecurity: true
  allowRunningInsecureContent: false
  experimentalFeatures: false
  webviewTag: false
  spellcheck: boolean
}

export function secureWebPreferences(preloadPath: string): WebPreferencesSubset {
  return {
    preload: preloadPath,
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
  }
}

/** Only our own pages (app://vetrina/…) may be navigated to or send IPC. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST
  } catch {
    return false
  }
}

function contained(root: string, rel: string): string | null {
  const base = resolve(root)
  const file = resolve(base, `.${sep}${rel}`)
  return file === base || file.startsWith(base + sep) ? file : null
}

/**
 * Maps app://vetrina/<path> to a file: the built renderer, or /media/… in the data folder.
 * Returns null for another host, a path escaping its folder, or an undecodable path.
 */
export function resolveAppRequest(url: string, rendererDir: string, mediaDir: string): string | null {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return null
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(u.pathname)
  } catch {
    return null
  }
  if (path.includes('\0')) return null
  if (path.startsWith('/media/')) return contained(mediaDir, path.slice('/media/'.length))
  return contained(rendererDir, path === '/' ? 'index.html' : path.slice(1))
}

/** Every permission (camera, geolocation, notifications…) is refused. */
export function permissionAllowed(_permission: string): boolean {
  return false
}
