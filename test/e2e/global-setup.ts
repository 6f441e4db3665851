// Runs once per test run, before the e2e workers start: picks the Chromium (unpacking the npm one
// if needed) and hands it to the workers through the environment; says which one ran.
import { chooseChromium } from './browser.ts'

export default async function setup(): Promise<void> {
  const choice = await chooseChromium()
  process.env.VETRINA_CHROMIUM = choice.executablePath
  const origin = { env: 'VETRINA_CHROMIUM', system: "Debian's Chromium", npm: 'the Chromium of the npm package @sparticuz/chromium' }[choice.origin]
  console.log(`e2e browser: ${origin} (${choice.executablePath})`)
}
