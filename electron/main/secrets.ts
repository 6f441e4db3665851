// safeStorage (OS keychain) behind the core's SecretStore interface.
import { safeStorage } from 'electron'
import type { OsEncryptor } from '../core/platform/secrets.ts'

export const safeStorageEncryptor: OsEncryptor = {
  encrypt: (plain) => safeStorage.encryptStringAsync(plain),
  decrypt: (sealed) => safeStorage.decryptStringAsync(sealed),
  backend: () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'darwin' ? 'keychain' : 'dpapi')
}
