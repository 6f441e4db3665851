// Every webContents the app ever creates (windows, and anything a bug or a page might open)
// gets the same guards, attached from `web-contents-created`: no navigation, redirect or frame
// navigation away from our own pages, no new windows (https links go to the user's browser), no
// <webview>. Electron is passed in, so this is unit-tested with plain event emitters.
import { isAppUrl } from './security.ts'

/** The part of an Electron navigation event the guards read. */
export interface NavigationEvent {
  preventDefault(): void
  /** Electron ≥ 25 puts the details on the event itself. */
  url?: string
  isMainFrame?: boolean
}

export interface GuardedContents {
  id: number
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate' | 'will-attach-webview', listener: (event: NavigationEvent, url?: string) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

export interface AppWithContents {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown
}

export interface HardeningDeps {
  /** Opens a web address in the user's browser (shell.openExternal). */
  openExternal(url: string): void
}

/** A link the user may follow out of the app: https to a named host, without credentials. */
export function externalLink(url: string): string | null {
  try {
    const u = new URL(url)
    if (u.protocol !== 'https:' || !u.hostname || u.username || u.password) return null
    return u.toString()
  } catch {
    return null
  }
}

/** The navigation target: the event's own `url` (current Electron) or the legacy argument. */
function targetOf(event: NavigationEvent, url: unknown): string {
  return typeof event.url === 'string' ? event.url : typeof url === 'string' ? url : ''
}

/** Only the top-level page may move, and only within app://vetrina. */
export function navigationAllowed(url: string, isMainFrame: boolean): boolean {
  return isMainFrame && isAppUrl(url)
}

export function hardenWebContents(contents: GuardedContents, deps: HardeningDeps): void {
  contents.on('will-navigate', (event, url) => {
    if (!navigationAllowed(targetOf(event, url), true)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event, url) => {
    if (!navigationAllowed(targetOf(event, url), event.isMainFrame !== false)) event.preventDefault()
  })
  // A server redirect (or a response of our own protocol) must not take the page elsewhere.
  contents.on('will-redirect', (event, url) => {
    if (!navigationAllowed(targetOf(event, url), event.isMainFrame !== false)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const link = externalLink(url)
    if (link) deps.openExternal(link)
    return { action: 'deny' }
  })
}

/** Guards every webContents as it is created, before it can load anything. */
export function hardenApp(app: AppWithContents, deps: HardeningDeps): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps))
}
