// End-to-end harness: the real core and the browser-mode host (real HTTP on 127.0.0.1) with the
// built UI, driven by Playwright in Chromium (Debian's, or the npm package's: see browser.ts).
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { Core } from '../../electron/core/core.ts'
import { MemorySecretStore } from '../../electron/core/platform/secrets.ts'
import { startHost, type RunningHost } from '../../electron/core/host/server.ts'
import { chooseChromium } from './browser.ts'

export const UI_DIR = resolve(import.meta.dirname, '../../out/renderer')

export interface AppUnderTest {
  dataDir: string
  core: Core
  host: RunningHost
  /** Stops the host and the core (like quitting the app). */
  stop(): Promise<void>
}

/** `rescue`: open a catalogue that cannot be used for its way out only, as the app and browser mode do. */
export async function startApp(dataDir = mkdtempSync(join(tmpdir(), 'vetrina-e2e-')), o: { rescue?: boolean } = {}): Promise<AppUnderTest> {
  if (!existsSync(join(UI_DIR, 'index.html'))) throw new Error('Build the UI first (npm run build).')
  const core = Core.open({ dataDir, logFile: join(dataDir, 'logs', 'e2e.log'), secrets: new MemorySecretStore(), rescue: o.rescue })
  const host = await startHost({ core, uiDir: UI_DIR })
  return {
    dataDir,
    core,
    host,
    async stop() {
      await host.close()
      await core.close()
    }
  }
}

export async function launchBrowser(): Promise<Browser> {
  const choice = await chooseChromium()
  return chromium.launch({
    executablePath: choice.executablePath,
    headless: true,
    args: [...choice.extraArgs, '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
  })
}

/** A fresh browser profile in Italian, as our users have it. */
export async function newContext(browser: Browser, locale = 'it-IT'): Promise<BrowserContext> {
  return browser.newContext({ locale, viewport: { width: 1280, height: 800 } })
}

/** Opens the app with its printed link and waits for the shell. Collects page errors. */
export async function openApp(context: BrowserContext, link: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(link)
  await page.locator('.brand').waitFor()
  return { page, errors }
}
