// macOS signing and notarization from the release machine's environment, skipped (with one line
// saying so) when the secrets are absent — a build without them is still a working, unsigned app
// for testing. electron-builder signs by itself when CSC_LINK (or CSC_NAME) is set; Windows signs
// with WIN_CSC_LINK / CSC_LINK the same way.
import { notarize } from '@electron/notarize'
import { join } from 'node:path'

type Env = Record<string, string | undefined>

export function macSigningAvailable(env: Env): boolean {
  return !!(env.CSC_LINK || env.CSC_NAME)
}

/** App Store Connect API key (preferred on CI) or Apple ID with an app-specific password. */
export function notarizeCredentials(env: Env): Record<string, string> | null {
  if (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER) {
    return { appleApiKey: env.APPLE_API_KEY, appleApiKeyId: env.APPLE_API_KEY_ID, appleApiIssuer: env.APPLE_API_ISSUER }
  }
  if (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) {
    return { appleId: env.APPLE_ID, appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD, teamId: env.APPLE_TEAM_ID }
  }
  return null
}

/** The afterSign hook: notarizes a signed macOS app when credentials are present. */
export async function notarizeIfConfigured(ctx: { electronPlatformName: string; appOutDir: string; packager: { appInfo: { productFilename: string } } }, env: Env = process.env, run: typeof notarize = notarize): Promise<'notarized' | 'skipped'> {
  if (ctx.electronPlatformName !== 'darwin') return 'skipped'
  const credentials = notarizeCredentials(env)
  if (!macSigningAvailable(env) || !credentials) {
    console.log('  • notarization skipped: set CSC_LINK and APPLE_API_KEY/APPLE_API_KEY_ID/APPLE_API_ISSUER (or APPLE_ID/APPLE_APP_SPECIFIC_PASSWORD/APPLE_TEAM_ID)')
    return 'skipped'
  }
  await run({ appPath: join(ctx.appOutDir, `${ctx.packager.appInfo.productFilename}.app`), ...credentials } as Parameters<typeof notarize>[0])
  return 'notarized'
}
