// Every webContents gets the navigation guards from `web-contents-created`: tested on fake
// webContents objects (plain event emitters) firing the events Electron fires.
import { EventEmitter } from 'node:events'
import { describe, expect, test, vi } from 'vitest'
import { externalLink, hardenApp, hardenWebContents, navigationAllowed, type GuardedContents } from '../../electron/main/hardening.ts'

class FakeContents extends EventEmitter {
  id = 1
  openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' }) {
    this.openHandler = h
  }
  /** Fires `name` like Electron ≥ 25 (details on the event) and returns whether it was prevented. */
  fire(name: string, details: { url: string; isMainFrame?: boolean }, legacyUrl?: string): boolean {
    let prevented = false
    this.emit(name, { ...details, preventDefault: () => { prevented = true } }, legacyUrl)
    return prevented
  }
}

function guarded(openExternal = vi.fn()) {
  const app = new EventEmitter()
  hardenApp(app as never, { openExternal })
  const contents = new FakeContents()
  app.emit('web-contents-created', {}, contents as unknown as GuardedContents)
  return { contents, openExternal }
}

describe('shell hardening for every webContents', () => {
  test('web-contents-created guards each new webContents, not only the first window', () => {
    const app = new EventEmitter()
    hardenApp(app as never, { openExternal: () => undefined })
    const a = new FakeContents()
    const b = new FakeContents()
    app.emit('web-contents-created', {}, a)
    app.emit('web-contents-created', {}, b)
    for (const c of [a, b]) {
      expect(c.listenerCount('will-navigate')).toBe(1)
      expect(c.listenerCount('will-redirect')).toBe(1)
      expect(c.listenerCount('will-frame-navigate')).toBe(1)
      expect(c.listenerCount('will-attach-webview')).toBe(1)
      expect(c.openHandler).not.toBeNull()
    }
  })

  test('will-navigate: only app://vetrina', () => {
    const { contents } = guarded()
    expect(contents.fire('will-navigate', { url: 'app://vetrina/index.html#/catalog' })).toBe(false)
    expect(contents.fire('will-navigate', { url: 'https://evil.example/' })).toBe(true)
    expect(contents.fire('will-navigate', { url: 'file:///etc/passwd' })).toBe(true)
    expect(contents.fire('will-navigate', { url: 'app://vetrina.evil.example/' })).toBe(true)
  })

  test('will-redirect: a redirect away from our pages is stopped (main frame and subframes)', () => {
    const { contents } = guarded()
    expect(contents.fire('will-redirect', { url: 'http://127.0.0.1:8080/steal', isMainFrame: true })).toBe(true)
    expect(contents.fire('will-redirect', { url: 'app://vetrina/index.html', isMainFrame: true })).toBe(false)
    expect(contents.fire('will-redirect', { url: 'app://vetrina/index.html', isMainFrame: false })).toBe(true)
    // Older Electron passes the URL as an argument.
    expect(contents.fire('will-redirect', { url: undefined as never }, 'https://evil.example/')).toBe(true)
  })

  test('will-frame-navigate: no frame may load anything, the main frame only our pages', () => {
    const { contents } = guarded()
    expect(contents.fire('will-frame-navigate', { url: 'app://vetrina/index.html', isMainFrame: true })).toBe(false)
    expect(contents.fire('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: true })).toBe(true)
    expect(contents.fire('will-frame-navigate', { url: 'app://vetrina/media/x.html', isMainFrame: false })).toBe(true)
    expect(contents.fire('will-frame-navigate', { url: 'https://www.alibaba.com/', isMainFrame: false })).toBe(true)
  })

  test('new windows are denied; https links open in the browser, nothing else does', () => {
    const { contents, openExternal } = guarded()
    for (const url of ['https://www.alibaba.com/product/1.html', 'http://example.com/', 'file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'https://user:pw@example.com/', 'smb://server/share', 'app://vetrina/index.html']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' })
    }
    expect(openExternal.mock.calls).toEqual([['https://www.alibaba.com/product/1.html']])
  })

  test('webviews are never attached', () => {
    const { contents } = guarded()
    expect(contents.fire('will-attach-webview', { url: 'https://evil.example/' })).toBe(true)
  })

  test('the rules themselves', () => {
    expect(navigationAllowed('app://vetrina/x', true)).toBe(true)
    expect(navigationAllowed('app://vetrina/x', false)).toBe(false)
    expect(externalLink('https://open.alibaba.com/doc?x=1')).toBe('https://open.alibaba.com/doc?x=1')
    expect(externalLink('https://')).toBeNull()
    expect(externalLink('HTTPS://Example.COM/a')).toBe('https://example.com/a')
    expect(externalLink('not a url')).toBeNull()
  })

  test('hardenWebContents works on one webContents too', () => {
    const c = new FakeContents()
    hardenWebContents(c as unknown as GuardedContents, { openExternal: () => undefined })
    expect(c.fire('will-navigate', { url: 'https://evil.example/' })).toBe(true)
  })
})
