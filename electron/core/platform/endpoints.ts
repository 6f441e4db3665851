// Where secrets may go. A key or seller token travels only over HTTPS, or plain HTTP to this very
// machine (a sandbox or a local service); and it goes only to the origin it was entered for, so a
// changed setting (a restored backup, a mistake) cannot send it elsewhere: that needs the secret
// entered again. The origin is kept beside the secret, in the secret store.
import { AppError } from '../../../shared/contract/errors.ts'
import type { SecretStore } from './secrets.ts'

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h)
}

/** The origin ("https://api.deepl.com") a secret is bound to. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}

/** Refuses an address a secret must not be sent to (plain HTTP to another machine). */
export function assertSecretEndpoint(url: string): void {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    throw new AppError('insecure_endpoint', `"${url}" is not a web address.`, { params: { url } })
  }
  if (u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(u.hostname))) return
  throw new AppError('insecure_endpoint', `Keys and sign-ins are sent only over https:// (plain http:// only to this computer); ${u.origin} was refused.`, { params: { url: u.origin } })
}

const originKey = (name: string) => `${name}#origin`

/** Records that the secret `name` was entered for `origin`. */
export async function bindSecretOrigin(secrets: SecretStore, name: string, origin: string): Promise<void> {
  await secrets.set(originKey(name), origin)
}

export async function forgetSecretOrigin(secrets: SecretStore, name: string): Promise<void> {
  await secrets.delete(originKey(name))
}

/**
 * The secret `name`, for sending to `origin`; refused when it was entered for another origin.
 * A secret stored before origins were recorded is bound to the first origin it is used for.
 */
export async function secretFor(secrets: SecretStore, name: string, origin: string): Promise<string | null> {
  const value = await secrets.get(name)
  if (value === null) return null
  const bound = await secrets.get(originKey(name))
  if (bound === null) {
    await bindSecretOrigin(secrets, name, origin)
    return value
  }
  if (bound !== origin) {
    throw new AppError('secret_origin_mismatch', `The key was entered for ${bound}, not ${origin}; it is not sent there. Enter it again for the new address.`, { params: { origin, expected: bound } })
  }
  return value
}
