// Updates that respect a bad connection: the decisions (offline: nothing at all), the cycle with
// a fake updater, a download that resumes after the line drops (real HTTP on loopback), and the
// hand-over to electron-updater's own cache check.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { UpdateController, type FoundUpdate, type UpdaterPort } from '../../electron/main/updates/controller.ts'
import { mayInstall, retryDelay, shouldCheck, shouldDownload, CHECK_EVERY_MS } from '../../electron/main/updates/policy.ts'
import { composeNotes, splitNotes } from '../../electron/main/updates/release-notes.ts'
import { ChecksumError, resumableDownload } from '../../electron/main/updates/resumable-download.ts'
import { tempDir } from '../helpers/core.ts'

describe('update decisions', () => {
  const base = { enabled: true, supported: true, online: true as boolean | null, phase: 'idle' as const, notBefore: 0, now: 1000 }
  test('checks only when on, supported, not offline, idle and due', () => {
    expect(shouldCheck(base)).toBe(true)
    expect(shouldCheck({ ...base, online: null })).toBe(true)
    expect(shouldCheck({ ...base, online: false })).toBe(false)
    expect(shouldCheck({ ...base, enabled: false })).toBe(false)
    expect(shouldCheck({ ...base, supported: false })).toBe(false)
    expect(shouldCheck({ ...base, notBefore: 2000 })).toBe(false)
    expect(shouldCheck({ ...base, phase: 'checking' as never })).toBe(false)
  })
  test('downloads a found update whenever the line is up; installs only with no job running', () => {
    const d = { ...base, found: true, downloading: false }
    expect(shouldDownload(d)).toBe(true)
    expect(shouldDownload({ ...d, online: false })).toBe(false)
    expect(shouldDownload({ ...d, downloading: true })).toBe(false)
    expect(shouldDownload({ ...d, phase: 'ready' as never })).toBe(false)
    expect(mayInstall({ enabled: true, phase: 'ready', runningJobs: 0 })).toBe(true)
    expect(mayInstall({ enabled: true, phase: 'ready', runningJobs: 1 })).toBe(false)
    expect(mayInstall({ enabled: false, phase: 'ready', runningJobs: 0 })).toBe(false)
    expect(mayInstall({ enabled: true, phase: 'downloading', runningJobs: 0 })).toBe(false)
    expect([1, 2, 3, 4, 9].map(retryDelay)).toEqual([120_000, 600_000, 1_800_000, 3_600_000, 3_600_000])
  })
})

describe('release notes in three languages', () => {
  test('compose and split round-trip; HTML is reduced to text; unmarked text is English', () => {
    const text = composeNotes({ it: 'Backup più sicuri.', en: 'Safer backups.', 'zh-CN': '更安全的备份。' })
    expect(splitNotes(text)).toEqual({ it: 'Backup più sicuri.', en: 'Safer backups.', 'zh-CN': '更安全的备份。' })
    expect(splitNotes('<p>Fixed <b>import</b></p>')).toEqual({ en: 'Fixed import' })
    expect(splitNotes([{ version: '1', note: 'a' }, { version: '2', note: 'b' }])).toEqual({ en: 'a\n\nb' })
    expect(splitNotes(null)).toEqual({})
  })
})

class FakePort implements UpdaterPort {
  supported = true
  currentVersion = '0.1.0'
  checks = 0
  installOnQuit = false
  installed = false
  next: FoundUpdate | null | Error = { version: '0.2.0', notes: composeNotes({ it: 'Novità', en: 'News', 'zh-CN': '新功能' }) }
  downloads: Array<{ signal: AbortSignal; resolve(): void; reject(e: unknown): void; progress(p: number): void }> = []
  async check() {
    this.checks++
    if (this.next instanceof Error) throw this.next
    return this.next
  }
  download(_u: FoundUpdate, signal: AbortSignal, progress: (p: number) => void) {
    return new Promise<void>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new Error('aborted')))
      this.downloads.push({ signal, resolve, reject, progress })
    })
  }
  setInstallOnQuit(on: boolean) {
    this.installOnQuit = on
  }
  installNow() {
    this.installed = true
  }
}

function cycle(facts: { enabled?: boolean; online?: boolean | null; running?: number } = {}) {
  const state = { enabled: true, online: true as boolean | null, running: 0, now: 1_000_000, ...facts }
  const listeners = new Set<() => void>()
  const port = new FakePort()
  const logged: string[] = []
  const c = new UpdateController(port, {
    enabled: () => state.enabled,
    online: () => state.online,
    runningJobs: () => state.running,
    now: () => state.now,
    onChange: (l) => (listeners.add(l), () => listeners.delete(l)),
    log: (m) => logged.push(m)
  })
  c.start(0)
  const change = async (patch: Partial<typeof state>) => {
    Object.assign(state, patch)
    for (const l of listeners) l()
    await new Promise((r) => setImmediate(r))
  }
  return { c, port, state, change, logged }
}

const tick = () => new Promise((r) => setImmediate(r))

describe('the update cycle', () => {
  test('offline: no request at all, nothing to show', async () => {
    const { c, port, change } = cycle({ online: false })
    c.evaluate()
    await tick()
    await change({ now: 1_000_000 + 3 * CHECK_EVERY_MS })
    expect(port.checks).toBe(0)
    expect(c.status()).toMatchObject({ phase: 'idle', version: null, checkedAt: null })
    c.stop()
  })

  test('online: checks, downloads in the background, pauses when the line drops, resumes when it is back', async () => {
    const { c, port, change } = cycle()
    c.evaluate()
    await tick()
    expect(port.checks).toBe(1)
    expect(port.downloads).toHaveLength(1)
    port.downloads[0].progress(40)
    expect(c.status()).toMatchObject({ phase: 'downloading', version: '0.2.0', percent: 40 })
    await change({ online: false })
    expect(port.downloads[0].signal.aborted).toBe(true)
    await tick()
    expect(port.downloads).toHaveLength(1)
    await change({ online: true })
    expect(port.downloads).toHaveLength(2)
    expect(port.checks).toBe(1)
    port.downloads[1].resolve()
    await tick()
    expect(c.status()).toMatchObject({ phase: 'ready', version: '0.2.0', notes: { it: 'Novità', en: 'News', 'zh-CN': '新功能' } })
    expect(port.installOnQuit).toBe(true)
    c.stop()
  })

  test('never installs while a job runs: not on quit, not with "restart now"', async () => {
    const { c, port, change } = cycle()
    c.evaluate()
    await tick()
    port.downloads[0].resolve()
    await tick()
    await change({ running: 1 })
    c.beforeQuit()
    expect(port.installOnQuit).toBe(false)
    expect(c.status().waitingForJobs).toBe(true)
    expect(c.restartNow()).toBe(false)
    expect(port.installed).toBe(false)
    await change({ running: 0 })
    c.beforeQuit()
    expect(port.installOnQuit).toBe(true)
    expect(c.restartNow()).toBe(true)
    expect(port.installed).toBe(true)
    c.stop()
  })

  test('turned off: a running download stops, nothing installs, no more checks', async () => {
    const { c, port, change } = cycle()
    c.evaluate()
    await tick()
    await change({ enabled: false })
    expect(port.downloads[0].signal.aborted).toBe(true)
    expect(port.installOnQuit).toBe(false)
    await change({ now: 1_000_000 + 2 * CHECK_EVERY_MS })
    expect(port.checks).toBe(1)
    c.stop()
  })

  test('a failing feed is retried later, quietly, and not every minute', async () => {
    const { c, port, change, logged } = cycle()
    port.next = new Error('getaddrinfo ENOTFOUND')
    c.evaluate()
    await tick()
    expect(port.checks).toBe(1)
    expect(c.status().phase).toBe('idle')
    await change({ now: 1_000_000 + 60_000 })
    expect(port.checks).toBe(1)
    port.next = null
    await change({ now: 1_000_000 + retryDelay(1) })
    expect(port.checks).toBe(2)
    expect(c.status().checkedAt).not.toBeNull()
    // Up to date: the next look is hours away.
    await change({ now: 1_000_000 + retryDelay(1) + 60 * 60_000 })
    expect(port.checks).toBe(2)
    expect(logged.join('\n')).toMatch(/ENOTFOUND/)
    c.stop()
  })
})

describe('resumable download', () => {
  const payload = Buffer.alloc(3 * 1024 * 1024)
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 7919) % 251
  const sha512 = createHash('sha512').update(payload).digest('base64')
  let server: Server
  let url = ''
  let cutAfter: number | null = null
  let ignoreRange = false
  let etag = '"v1"'
  const ranges: Array<string | undefined> = []
  beforeAll(async () => {
    server = createServer((req, res) => {
      ranges.push(req.headers.range)
      const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '')
      const sameFile = !req.headers['if-range'] || req.headers['if-range'] === etag
      const start = m && !ignoreRange && sameFile ? Number(m[1]) : 0
      if (start >= payload.length) {
        res.writeHead(416, { 'Content-Range': `bytes */${payload.length}` })
        return res.end()
      }
      const body = payload.subarray(start)
      res.writeHead(start ? 206 : 200, {
        'Content-Length': body.length, ETag: etag, 'Accept-Ranges': 'bytes',
        ...(start ? { 'Content-Range': `bytes ${start}-${payload.length - 1}/${payload.length}` } : {})
      })
      if (cutAfter === null) return res.end(body)
      // The line drops in the middle of the file.
      res.write(body.subarray(0, cutAfter), () => res.destroy())
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/Vetrina-Setup-0.2.0.exe`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  test('a dropped line keeps the bytes received; the next try asks only for the rest', async () => {
    const dest = join(tempDir('vetrina-upd-'), 'Vetrina-Setup-0.2.0.exe')
    ranges.length = 0
    cutAfter = 1024 * 1024
    await expect(resumableDownload({ url, sha512, size: payload.length, dest }, { fetch })).rejects.toThrow()
    const kept = statSync(`${dest}.partial`).size
    expect(kept).toBeGreaterThan(0)
    expect(kept).toBeLessThan(payload.length)
    cutAfter = null
    const seen: number[] = []
    await resumableDownload({ url, sha512, size: payload.length, dest }, { fetch, onProgress: (got) => seen.push(got) })
    expect(ranges).toEqual([undefined, `bytes=${kept}-`])
    expect(seen[0]).toBeGreaterThan(kept)
    expect(readFileSync(dest).equals(payload)).toBe(true)
    expect(existsSync(`${dest}.partial`)).toBe(false)
    // Already there and verified: no request at all.
    await resumableDownload({ url, sha512, size: payload.length, dest }, { fetch })
    expect(ranges).toHaveLength(2)
  })

  test('a server that ignores Range, or a file replaced on the server, starts over correctly', async () => {
    const dest = join(tempDir('vetrina-upd-'), 'Vetrina-Setup-0.2.0.exe')
    cutAfter = 512 * 1024
    await expect(resumableDownload({ url, sha512, size: payload.length, dest }, { fetch })).rejects.toThrow()
    cutAfter = null
    ignoreRange = true
    await resumableDownload({ url, sha512, size: payload.length, dest }, { fetch })
    expect(readFileSync(dest).equals(payload)).toBe(true)
    ignoreRange = false

    const dest2 = join(tempDir('vetrina-upd-'), 'Vetrina-Setup-0.2.0.exe')
    cutAfter = 700 * 1024
    await expect(resumableDownload({ url, sha512, size: payload.length, dest: dest2 }, { fetch })).rejects.toThrow()
    cutAfter = null
    etag = '"v2"'
    ranges.length = 0
    await resumableDownload({ url, sha512, size: payload.length, dest: dest2 }, { fetch })
    expect(ranges[0]).toMatch(/^bytes=/)
    expect(readFileSync(dest2).equals(payload)).toBe(true)
    etag = '"v1"'
  })

  test('a file that does not match the feed checksum is thrown away', async () => {
    const dest = join(tempDir('vetrina-upd-'), 'Vetrina-Setup-0.2.0.exe')
    const wrong = createHash('sha512').update('something else').digest('base64')
    await expect(resumableDownload({ url, sha512: wrong, size: payload.length, dest }, { fetch })).rejects.toBeInstanceOf(ChecksumError)
    expect(existsSync(dest)).toBe(false)
    expect(existsSync(`${dest}.partial`)).toBe(false)
  })

  test('the finished file is accepted by electron-updater\'s own cache check (no second download)', async () => {
    const cacheDir = tempDir('vetrina-updater-cache-')
    const pending = join(cacheDir, 'pending')
    const fileName = 'Vetrina-Setup-0.2.0.exe'
    await resumableDownload({ url, sha512, size: payload.length, dest: join(pending, fileName) }, { fetch })
    writeFileSync(join(pending, 'update-info.json'), JSON.stringify({ fileName, sha512, isAdminRightsRequired: false }))
    const require = createRequire(import.meta.url)
    const { DownloadedUpdateHelper } = require('electron-updater/out/DownloadedUpdateHelper') as { DownloadedUpdateHelper: new (dir: string) => { validateDownloadedPath(f: string, u: unknown, fi: unknown, log: unknown): Promise<string | null> } }
    const helper = new DownloadedUpdateHelper(cacheDir)
    const info = { url, sha512, size: payload.length }
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
    expect(await helper.validateDownloadedPath(join(pending, fileName), { version: '0.2.0', files: [info] }, { info, url: new URL(url) }, quiet)).toBe(join(pending, fileName))
    // And a different build (another checksum) is not taken for it.
    const other = { ...info, sha512: createHash('sha512').update('x').digest('base64') }
    expect(await new DownloadedUpdateHelper(cacheDir).validateDownloadedPath(join(pending, fileName), { version: '0.2.1', files: [other] }, { info: other, url: new URL(url) }, quiet)).toBeNull()
  })
})
