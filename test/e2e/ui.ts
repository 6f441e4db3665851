// Driving the app's own controls (renderer/src/ui): the select and combobox are not native
// <select>s, so a test opens them and clicks the option by its visible name, as a person would.
import type { Locator, Page } from 'playwright-core'

/** Opens a Select or Combobox and picks the option with this visible name. */
export async function choose(page: Page, control: Locator, option: string | RegExp): Promise<void> {
  await control.click()
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click()
  await page.getByRole('listbox').waitFor({ state: 'hidden' })
}

/** The value a Select or Combobox holds (its data-value). */
export function valueOf(control: Locator): Promise<string | null> {
  return control.getAttribute('data-value')
}

/** Fails the test if the browser's own alert/confirm/prompt ever opens on this page. */
export function forbidNativeDialogs(page: Page): string[] {
  const seen: string[] = []
  page.on('dialog', (d) => {
    seen.push(`${d.type()}: ${d.message()}`)
    void d.dismiss()
  })
  return seen
}
