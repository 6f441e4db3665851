// npm run dist where Electron cannot be downloaded: one clear sentence, not a stack trace; the
// signing and notarization hooks do nothing without the release machine's secrets.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test, vi } from 'vitest'
import { DOWNLOAD_FAILURE_SENTENCE, githubReachable, isDownloadFailure, isProgressLine } from '../../electron/release/dist.ts'
import { macSigningAvailable, notarizeCredentials, notarizeIfConfigured } from '../../electron/release/signing.ts'

const offlineLog = readFileSync(join(import.meta.dirname, '../fixtures/release/electron-builder-offline.txt'), 'utf8')

describe('npm run dist without the Electron download', () => {
  test('electron-builder\'s real offline failure is recognised; its progress lines are kept, its stack trace is not', () => {
    expect(isDownloadFailure(offlineLog)).toBe(true)
    const lines = offlineLog.split('\n')
    const shown = lines.filter(isProgressLine)
    expect(shown.some((l) => /packaging\s+platform=linux/.test(l))).toBe(true)
    expect(shown.some((l) => /at ClientRequest/.test(l))).toBe(false)
    expect(lines.filter((l) => !isProgressLine(l)).join('\n')).toMatch(/ENOTFOUND github\.com/)
    expect(isDownloadFailure('  ⨯ Cannot find module \'./fuses.ts\'')).toBe(false)
    expect(DOWNLOAD_FAILURE_SENTENCE.split(/(?<=\.)\s/).length).toBe(1)
  })

  test('github.com not resolvable: the answer comes at once; a mirror or proxy lets electron-builder try', async () => {
    const fail = vi.fn(async () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND github.com'), { code: 'ENOTFOUND' })))
    expect(await githubReachable({}, fail as never)).toBe(false)
    expect(await githubReachable({}, (async () => ({ address: '140.82.121.4', family: 4 })) as never)).toBe(true)
    expect(await githubReachable({ HTTPS_PROXY: 'http://proxy:3128' }, fail as never)).toBe(true)
    expect(await githubReachable({ ELECTRON_MIRROR: 'https://mirror.example/electron/' }, fail as never)).toBe(true)
  })

  test('package.json: dist builds first, then packages; build makes the icon set', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts.build).toBe('electron-vite build && node electron/release/icons.ts')
    expect(pkg.scripts.dist).toBe('npm run build && node electron/release/dist.ts')
  })
})

describe('signing and notarization from the environment', () => {
  const mac = { electronPlatformName: 'darwin', appOutDir: '/r/mac-arm64', packager: { appInfo: { productFilename: 'Vetrina' } } }
  test('skipped when the secrets are absent (or only half there)', async () => {
    const run = vi.fn()
    expect(await notarizeIfConfigured(mac, {}, run as never)).toBe('skipped')
    expect(await notarizeIfConfigured(mac, { CSC_LINK: 'x' }, run as never)).toBe('skipped')
    expect(await notarizeIfConfigured(mac, { APPLE_API_KEY: 'k', APPLE_API_KEY_ID: 'i', APPLE_API_ISSUER: 's' }, run as never)).toBe('skipped')
    expect(await notarizeIfConfigured({ ...mac, electronPlatformName: 'win32' }, { CSC_LINK: 'x', APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 't' }, run as never)).toBe('skipped')
    expect(run).not.toHaveBeenCalled()
    expect(macSigningAvailable({ CSC_LINK: '' })).toBe(false)
    expect(notarizeCredentials({ APPLE_ID: 'a' })).toBeNull()
  })

  test('with a certificate and an API key, the signed app is notarized', async () => {
    const run = vi.fn(async () => undefined)
    const env = { CSC_LINK: 'file:///certs/dev.p12', APPLE_API_KEY: '/keys/AuthKey.p8', APPLE_API_KEY_ID: 'ABC123', APPLE_API_ISSUER: 'issuer-uuid' }
    expect(await notarizeIfConfigured(mac, env, run as never)).toBe('notarized')
    expect(run).toHaveBeenCalledWith({ appPath: join('/r/mac-arm64', 'Vetrina.app'), appleApiKey: '/keys/AuthKey.p8', appleApiKeyId: 'ABC123', appleApiIssuer: 'issuer-uuid' })
  })
})
