// One client, two transports: Electron IPC (through the preload bridge) or HTTP to the
// browser-mode host. Features never know which one they run on.
import type { CallResult } from '../../../shared/contract/errors.ts'
import type { Download, FileRef } from '../../../shared/contract/files.ts'

export interface Transport {
  kind: 'ipc' | 'http'
  call(method: string, input: unknown): Promise<CallResult<unknown>>
  /** Subscribes to core events; returns the unsubscribe function. */
  subscribe(listener: (name: string, payload: unknown) => void): () => void
  /** Makes a file the user picked available to the core. */
  upload(file: File, onProgress?: (sent: number, total: number) => void): Promise<FileRef>
  /** Saves a file the core produced (export, report). */
  download(d: Download): Promise<void>
  /** URL of a file in the media folder (photos, thumbnails). */
  mediaUrl(relativePath: string): string
  /** Connection state (browser mode: the host may restart or the network drop). */
  onConnection(listener: (connected: boolean) => void): () => void
}
