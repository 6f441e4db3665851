// Backups, links and the rescue screen in a real browser, in Italian:
//  - Settings lists the backups with their verified state; restoring one asks first and says that
//    this computer's connection settings are not taken from the backup.
//  - A translator link is listed with its expiry and revoked (after the app's confirmation); the
//    link stops working at once.
//  - A data folder whose catalogue has gone (photos and backups still there) opens on the rescue
//    screen only; restoring the newest verified backup from there brings the catalogue back.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, newContext, openApp, startApp, type AppUnderTest } from './harness.ts'
import { forbidNativeDialogs } from './ui.ts'
import { finished } from '../system/helpers.ts'

let app: AppUnderTest | null = null
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

async function backupNow(a: AppUnderTest): Promise<string> {
  const { jobId } = await a.core.api().system.backup({})
  const job = await finished(a.core, jobId)
  expect(job.state).toBe('done')
  return (job.result as { file: string }).file
}

describe('backups, links and rescue (browser mode, Italian)', () => {
  test('backups are listed as verified and a restore asks first, naming what is not taken', async () => {
    app = await startApp()
    await app.core.api().catalog.createProduct({ sku: 'CHI-2021-075', texts: { it: { title: 'Chianti Classico DOCG 2021' } } })
    await backupNow(app)
    const context = await newContext(browser)
    const { page, errors } = await openApp(context, app.host.ownerLink)
    const dialogs = forbidNativeDialogs(page)
    await page.getByRole('navigation').getByText('Impostazioni', { exact: true }).click()
    const row = page.getByTestId('backup-row').first()
    await expect.poll(() => row.textContent()).toContain('verificato')
    await row.getByTestId('backup-restore').click()
    const confirm = page.getByTestId('confirm-dialog')
    await expect.poll(() => confirm.textContent()).toContain("l'accesso dalla rete dell'ufficio")
    await page.getByTestId('confirm-cancel').click()
    await confirm.waitFor({ state: 'detached' })
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  test('a translator link is listed with its expiry and revoked from Settings', async () => {
    const { token, link } = app!.core.s.accessLinks.create('translator', 'Lin (Shanghai)', 7)
    const openSession = () => fetch(`${app!.host.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: app!.host.url }, body: JSON.stringify({ token }) })
    expect((await openSession()).status).toBe(200)
    const context = await newContext(browser)
    const { page, errors } = await openApp(context, app!.host.ownerLink)
    await page.getByRole('navigation').getByText('Impostazioni', { exact: true }).click()
    const card = page.getByTestId('links-card')
    const row = card.getByTestId('link-row').filter({ hasText: 'Lin (Shanghai)' })
    await row.waitFor()
    expect(await row.textContent()).toContain('attivo')
    // The expiry shown is the link's, in Italian.
    const expiry = new Intl.DateTimeFormat('it-IT', { dateStyle: 'medium' }).format(new Date(link.expiresAt))
    expect(await row.textContent()).toContain(expiry)
    await row.getByTestId('link-revoke').click()
    await page.getByTestId('confirm-ok').click()
    await page.getByTestId('toast').getByText('Link di Lin (Shanghai) revocato.').waitFor()
    await row.waitFor({ state: 'detached' })
    expect(app!.core.s.accessLinks.list(true).find((l) => l.id === link.id)?.status).toBe('revoked')
    // The revoked link no longer opens a session.
    expect((await openSession()).status).toBe(401)
    expect(errors).toEqual([])
    await context.close()
  })

  test('a missing catalogue opens on the rescue screen, and the newest verified backup brings it back', async () => {
    const dataDir = app!.dataDir
    await app!.stop()
    app = null
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `catalog.sqlite${suffix}`), { force: true })
    app = await startApp(dataDir, { rescue: true })
    expect(app.core.health.state).toBe('missing')
    const context = await newContext(browser)
    const { page, errors } = await openApp(context, app.host.ownerLink)
    const dialogs = forbidNativeDialogs(page)
    const rescue = page.getByTestId('rescue-page')
    await rescue.waitFor()
    const text = await rescue.textContent()
    expect(text).toContain('Il catalogo non si può usare')
    expect(text).toContain('manca il catalogo')
    // The core's English words (and file names) stay in the log.
    expect(text).not.toMatch(/The data folder|catalog\.sqlite|no catalogue/)
    expect(text).toMatch(/L'ultimo backup verificato è del .* \(1 prodotto\)/)
    // No section of the app is offered meanwhile.
    expect(await page.getByRole('navigation').locator('a').count()).toBe(0)
    await page.getByTestId('rescue-restore').click()
    await page.getByTestId('confirm-ok').click()
    await rescue.waitFor({ state: 'detached', timeout: 60_000 })
    await page.getByText('Chianti Classico DOCG 2021').first().waitFor({ timeout: 30_000 })
    expect(app.core.health.state).toBe('ok')
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})
