// Where listings go and with which credentials: the sandbox (built in, or an external one by
// URL) or the real Alibaba.com gateway. Credentials live only in the secret store (OS keychain in
// the desktop app), never in the database or the logs.
import { createHash } from 'node:crypto'
import { AppError } from '../../../shared/contract/errors.ts'
import type { PublishSettings, PublishTarget } from '../../../shared/domain/publish.ts'
import { assertSecretEndpoint, bindSecretOrigin, forgetSecretOrigin, originOf } from '../platform/endpoints.ts'
import type { SecretStore } from '../platform/secrets.ts'
import type { BuiltinSandbox } from './builtin-sandbox.ts'
import { IcbuClient, type Credentials } from './client.ts'
import { Gateway } from './http.ts'
import { PavilionApi } from './pavilion-api.ts'
import { RateLimiter } from './rate-limiter.ts'

export interface StoredCredentials extends Credentials {
  /** Identifies the seller account (photobank uploads are cached per account). */
  account: string
}

export interface TargetRuntime {
  target: PublishTarget
  baseUrl: string
  api: PavilionApi
  account: string
}

const secretName = (t: PublishTarget) => `publish.${t}.credentials`
/** The built-in sandbox runs on a new port each time; its credentials are bound to it by name. */
const BUILTIN_ORIGIN = 'vetrina:builtin-sandbox'

export function accountOf(appKey: string, accessToken: string): string {
  return `${appKey}:${createHash('sha256').update(accessToken).digest('hex').slice(0, 12)}`
}

/** Calls per second to the built-in sandbox (it has no limit; this keeps a runaway loop polite). */
const BUILTIN_SANDBOX_RATE = 100

export class PublishTargets {
  private readonly secrets: SecretStore
  private readonly settings: () => PublishSettings
  private readonly builtin: BuiltinSandbox
  private readonly cache = new Map<PublishTarget, StoredCredentials | null>()
  private readonly runtimes = new Map<PublishTarget, { key: string; rt: TargetRuntime }>()
  readonly limiters: Record<PublishTarget, RateLimiter>
  readonly gateways: Record<PublishTarget, Gateway> = { sandbox: new Gateway(), alibaba: new Gateway() }

  constructor(deps: { secrets: SecretStore; settings: () => PublishSettings; builtin: BuiltinSandbox }) {
    this.secrets = deps.secrets
    this.settings = deps.settings
    this.builtin = deps.builtin
    const rate = this.settings().ratePerSecond
    this.limiters = { sandbox: new RateLimiter(this.sandboxRate()), alibaba: new RateLimiter(rate) }
  }

  /**
   * The sandbox built into Vetrina runs on this PC without flow control (like the platform's own
   * sandbox environment, pavilion-api.md §1.7), so a rehearsal is not held to the live gateway's
   * pace; an external sandbox (its own URL) gets the rate from the settings, like Alibaba.com.
   */
  private sandboxRate(): number {
    const rate = this.settings().ratePerSecond
    return this.settings().sandbox.url === null ? Math.max(rate, BUILTIN_SANDBOX_RATE) : rate
  }

  applySettings(): void {
    this.limiters.sandbox.setRate(this.sandboxRate())
    this.limiters.alibaba.setRate(this.settings().ratePerSecond)
  }

  usesBuiltin(target: PublishTarget): boolean {
    return target === 'sandbox' && this.settings().sandbox.url === null
  }

  async credentials(target: PublishTarget): Promise<StoredCredentials | null> {
    if (this.cache.has(target)) return this.cache.get(target)!
    let creds: StoredCredentials | null = null
    const raw = await this.secrets.get(secretName(target))
    if (raw) {
      try {
        creds = JSON.parse(raw) as StoredCredentials
      } catch {
        creds = null
      }
    }
    if (this.usesBuiltin(target)) {
      const { credentials } = await this.builtin.ensure()
      // Keep a token we refreshed ourselves; take the sandbox's when the app changed.
      if (!creds || creds.appKey !== credentials.appKey) {
        creds = { ...credentials, account: accountOf(credentials.appKey, credentials.accessToken) }
        await this.secrets.set(secretName(target), JSON.stringify(creds))
        await bindSecretOrigin(this.secrets, secretName(target), BUILTIN_ORIGIN)
      }
    }
    this.cache.set(target, creds)
    return creds
  }

  /** The origin credentials of `target` are bound to (the gateway they were entered for). */
  async origin(target: PublishTarget): Promise<string> {
    if (this.usesBuiltin(target)) return BUILTIN_ORIGIN
    const url = await this.baseUrl(target)
    assertSecretEndpoint(url)
    return originOf(url)
  }

  async setCredentials(target: PublishTarget, c: Credentials & { account?: string }): Promise<void> {
    const origin = await this.origin(target)
    const stored: StoredCredentials = { ...c, account: c.account ?? accountOf(c.appKey, c.accessToken) }
    await this.secrets.set(secretName(target), JSON.stringify(stored))
    await bindSecretOrigin(this.secrets, secretName(target), origin)
    this.cache.set(target, stored)
    this.runtimes.delete(target)
  }

  async clearCredentials(target: PublishTarget): Promise<void> {
    await this.secrets.delete(secretName(target))
    await forgetSecretOrigin(this.secrets, secretName(target))
    this.cache.delete(target)
    this.runtimes.delete(target)
  }

  async baseUrl(target: PublishTarget): Promise<string> {
    const s = this.settings()
    if (target === 'alibaba') return s.alibaba.url
    if (s.sandbox.url) return s.sandbox.url
    return (await this.builtin.ensure()).url
  }

  /** Display name of the gateway (for the online indicator) without starting anything. */
  /** The gateway's address for display; "" for the sandbox built into Vetrina (the UI names it in words). */
  describe(target: PublishTarget): string {
    const s = this.settings()
    if (target === 'alibaba') return s.alibaba.url
    return s.sandbox.url ?? ''
  }

  /** Closes every kept-alive connection. */
  close(): void {
    this.gateways.sandbox.close()
    this.gateways.alibaba.close()
  }

  async runtime(target: PublishTarget): Promise<TargetRuntime> {
    const creds = await this.credentials(target)
    if (!creds) {
      throw new AppError('publish_no_credentials', target === 'alibaba'
        ? 'Enter your Alibaba.com app key, app secret and seller sign-in in Publish settings first.'
        : 'Enter the sandbox credentials in Publish settings first.', { params: { target } })
    }
    const baseUrl = await this.baseUrl(target)
    // The seller's token goes only to the gateway it was entered for, over https (or to this computer).
    const origin = await this.origin(target)
    const bound = await this.secrets.get(`${secretName(target)}#origin`)
    if (bound === null) await bindSecretOrigin(this.secrets, secretName(target), origin)
    else if (bound !== origin) {
      throw new AppError('secret_origin_mismatch', `The credentials were entered for ${bound}, not ${origin}; they are not sent there. Enter them again for the new address.`, { params: { origin, expected: bound } })
    }
    const s = this.settings()
    const key = `${baseUrl}|${creds.appKey}|${s.timeoutSeconds}`
    const hit = this.runtimes.get(target)
    if (hit && hit.key === key) return { ...hit.rt, account: creds.account }
    const client = new IcbuClient({
      baseUrl,
      limiter: this.limiters[target],
      gateway: this.gateways[target],
      timeoutMs: s.timeoutSeconds * 1000,
      credentials: async () => {
        const c = await this.credentials(target)
        if (!c) throw new AppError('publish_no_credentials', 'The credentials were removed.')
        return c
      },
      saveTokens: async (t) => {
        const c = await this.credentials(target)
        if (c) await this.setCredentials(target, { ...c, accessToken: t.accessToken, refreshToken: t.refreshToken })
      }
    })
    const rt: TargetRuntime = { target, baseUrl, api: new PavilionApi(client), account: creds.account }
    this.runtimes.set(target, { key, rt })
    return rt
  }
}
