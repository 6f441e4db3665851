// Secrets (pavilion credentials, MT API keys) never go into the database or the logs.
// The desktop app stores them with Electron's safeStorage (OS keychain, see electron/main).
// Plain-Node modes (CLI, browser-mode host) keep them in an AES-256-GCM file whose key lives in
// the OS keyring where there is one (keyring-secrets.ts); where there is none, the key sits in an
// owner-only file beside the secrets — which protects them only as far as the folder's file
// permissions do, and the README says so.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface SecretStore {
  get(name: string): Promise<string | null>
  set(name: string, value: string): Promise<void>
  delete(name: string): Promise<void>
  /** How the secrets are protected, for the settings screen. */
  describe(): { backend: string; encrypted: boolean }
}

/** Secrets kept in memory only (tests). */
export class MemorySecretStore implements SecretStore {
  private values = new Map<string, string>()
  async get(name: string) { return this.values.get(name) ?? null }
  async set(name: string, value: string) { this.values.set(name, value) }
  async delete(name: string) { this.values.delete(name) }
  describe() { return { backend: 'memory', encrypted: false } }
}

interface SealedFile { v: 1; iv: string; tag: string; data: string }

/** Where the key that seals the secrets file comes from. */
export interface KeySource {
  key(): Buffer
  /** What protects the key, for the settings screen and the README. */
  backend: string
  /** Whether the key is kept apart from the data folder. */
  separate: boolean
}

/** The key in an owner-only file beside the secrets (no keyring on this machine). */
export class KeyFile implements KeySource {
  readonly backend = 'file (AES-256-GCM; the key is a file readable only by you, beside the secrets)'
  readonly separate = false
  readonly path: string

  constructor(dataDir: string) {
    this.path = join(dataDir, '.secrets.key')
  }

  key(): Buffer {
    if (!existsSync(this.path)) writeFileSync(this.path, randomBytes(32).toString('base64'), { mode: 0o600 })
    try { chmodSync(this.path, 0o600) } catch { /* not supported on every file system */ }
    return Buffer.from(readFileSync(this.path, 'utf8').trim(), 'base64')
  }

  remove(): void {
    rmSync(this.path, { force: true })
  }
}

export class FileSecretStore implements SecretStore {
  private readonly file: string
  private readonly source: KeySource

  constructor(dataDir: string, source: KeySource = new KeyFile(dataDir)) {
    this.file = join(dataDir, 'secrets.enc.json')
    this.source = source
  }

  describe() { return { backend: this.source.backend, encrypted: true } }

  private key(): Buffer {
    return this.source.key()
  }

  private readAll(): Record<string, string> {
    if (!existsSync(this.file)) return {}
    const sealed = JSON.parse(readFileSync(this.file, 'utf8')) as SealedFile
    const decipher = createDecipheriv('aes-256-gcm', this.key(), Buffer.from(sealed.iv, 'base64'))
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'))
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()])
    return JSON.parse(plain.toString('utf8')) as Record<string, string>
  }

  private writeAll(values: Record<string, string>): void {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key(), iv)
    const data = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()])
    const sealed: SealedFile = { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') }
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify(sealed), { mode: 0o600 })
    renameSync(tmp, this.file)
  }

  async get(name: string) { return this.readAll()[name] ?? null }
  async set(name: string, value: string) { this.writeAll({ ...this.readAll(), [name]: value }) }
  async delete(name: string) {
    const all = this.readAll()
    delete all[name]
    this.writeAll(all)
  }
}

/** Encrypts with a key the OS keeps (Electron's safeStorage); see electron/main/secrets.ts. */
export interface OsEncryptor {
  encrypt(plain: string): Promise<Buffer>
  decrypt(sealed: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>
  backend(): string
}

/** Secrets sealed by the OS keychain; only ciphertext is written, to a file beside the database. */
export class KeychainSecretStore implements SecretStore {
  private readonly file: string
  private readonly os: OsEncryptor

  constructor(dataDir: string, os: OsEncryptor) {
    this.file = join(dataDir, 'secrets.keychain.json')
    this.os = os
  }

  describe() {
    const backend = this.os.backend()
    // On Linux without a keyring Electron falls back to a fixed key: say so rather than pretend.
    return { backend: `OS keychain (${backend})`, encrypted: backend !== 'basic_text' }
  }

  private readAll(): Record<string, string> {
    return existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>) : {}
  }

  private writeAll(values: Record<string, string>): void {
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify(values), { mode: 0o600 })
    renameSync(tmp, this.file)
  }

  async get(name: string) {
    const sealed = this.readAll()[name]
    if (!sealed) return null
    const { result, shouldReEncrypt } = await this.os.decrypt(Buffer.from(sealed, 'base64'))
    if (shouldReEncrypt) await this.set(name, result)
    return result
  }

  async set(name: string, value: string) {
    const sealed = (await this.os.encrypt(value)).toString('base64')
    this.writeAll({ ...this.readAll(), [name]: sealed })
  }

  async delete(name: string) {
    const all = this.readAll()
    delete all[name]
    this.writeAll(all)
  }
}
