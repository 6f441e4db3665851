// Outside Electron (CLI, browser mode) the key that seals the secrets file lives in the OS keyring
// (macOS Keychain, Windows Credential Manager, the Secret Service of a Linux desktop — GNOME
// Keyring, KWallet) through @napi-rs/keyring, not beside the file. Where no keyring answers (a
// headless Linux server without a Secret Service), the key stays in an owner-only file beside the
// secrets and the store says so. A key file left from before is moved into the keyring.
import { createHash, randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { FileSecretStore, KeyFile, type KeySource, type SecretStore } from './secrets.ts'

const SERVICE = 'Vetrina'

/** A place to keep one password per account name. */
export interface Keyring {
  get(account: string): string | null
  set(account: string, value: string): void
  name: string
}

interface NapiEntry { getPassword(): string | null; setPassword(value: string): void }
type NapiEntryClass = new (service: string, account: string, options?: { linux?: { store?: 'secret-service' | 'keyutils' } }) => NapiEntry

/**
 * The OS keyring, or null when none answers here. On Linux only the Secret Service is used: the
 * kernel's key store (the other backend) forgets everything at logout, and with it the secrets.
 */
export function osKeyring(): Keyring | null {
  let Entry: NapiEntryClass
  try {
    Entry = (createRequire(import.meta.url)('@napi-rs/keyring') as { Entry: NapiEntryClass }).Entry
  } catch {
    return null
  }
  const options = process.platform === 'linux' ? { linux: { store: 'secret-service' as const } } : undefined
  const entry = (account: string) => new Entry(SERVICE, account, options)
  try {
    entry('probe').getPassword()
  } catch {
    return null
  }
  const name = process.platform === 'darwin' ? 'macOS Keychain' : process.platform === 'win32' ? 'Windows Credential Manager' : 'Secret Service (desktop keyring)'
  return {
    name,
    get: (account) => entry(account).getPassword(),
    set: (account, value) => entry(account).setPassword(value)
  }
}

/** The sealing key kept in the keyring, one per data folder. */
export class KeyringKey implements KeySource {
  readonly separate = true
  readonly backend: string
  private readonly keyring: Keyring
  private readonly account: string
  private readonly legacy: KeyFile
  private cached: Buffer | null = null

  constructor(dataDir: string, keyring: Keyring) {
    this.keyring = keyring
    this.backend = `OS keyring (${keyring.name}); the sealed secrets are in the data folder`
    this.account = `secrets-key:${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)}`
    this.legacy = new KeyFile(dataDir)
  }

  key(): Buffer {
    if (this.cached) return this.cached
    let stored = this.keyring.get(this.account)
    if (!stored) {
      // A key file from before the keyring was used moves into it; otherwise a new key.
      stored = existsSync(this.legacy.path) ? readFileSync(this.legacy.path, 'utf8').trim() : randomBytes(32).toString('base64')
      this.keyring.set(this.account, stored)
      if (this.keyring.get(this.account) !== stored) throw new Error('the OS keyring did not keep the key')
    }
    this.legacy.remove()
    this.cached = Buffer.from(stored, 'base64')
    return this.cached
  }
}

/** The secret store for CLI and browser mode: keyring-sealed where a keyring answers, else key file. */
export function openSecretStore(dataDir: string, keyring: Keyring | null = osKeyring()): SecretStore {
  return new FileSecretStore(dataDir, keyring ? new KeyringKey(dataDir, keyring) : new KeyFile(dataDir))
}
