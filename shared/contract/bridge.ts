// What the Electron preload exposes to the renderer as `window.vetrina`: one object, with one
// function per contract call (built from the contract), an event subscription, and file helpers.
// Main validates every call's sender and payload; nothing else of Electron is reachable.
import type { CallResult } from './errors.ts'

export type BridgeCall = (input?: unknown) => Promise<CallResult<unknown>>

export interface PreloadBridge {
  /** api[area][method](input) for every call in the contract. */
  api: Record<string, Record<string, BridgeCall>>
  /** Subscribes to core events; returns the unsubscribe function. */
  onEvent(listener: (name: string, payload: unknown) => void): () => void
  /** The local path of a file the user dropped or picked (desktop only). */
  pathForFile(file: unknown): string
  /** Asks where to save a download and copies it there; false when the user cancelled. */
  saveDownload(downloadId: string, fileName: string): Promise<boolean>
}

export const IPC_CALL = 'vetrina:call'
export const IPC_EVENT = 'vetrina:event'
export const IPC_SAVE_DOWNLOAD = 'vetrina:save-download'
