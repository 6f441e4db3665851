// What the Electron preload exposes to the renderer as `window.vetrina`: one object, with one
// function per contract call (built from the contract), an event subscription, file choosers
// that hand out opaque handles (never paths), and the app's updates. Main validates every call's
// sender and payload; nothing else of Electron is reachable.
import type { CallResult } from './errors.ts'

export type BridgeCall = (input?: unknown) => Promise<CallResult<unknown>>

/**
 * A file or folder the user chose in this window. `handle` goes where the contract takes a path
 * (`{ kind: 'path', path: handle }`, or a `path` string for files to write); `name` is for display.
 */
export interface PickedFile {
  handle: string
  name: string
}

export interface FileFilter {
  /** Shown in the dialog, in the user's language. */
  name: string
  /** Without the dot: ["xlsx", "csv"]. */
  extensions: string[]
}

export interface PickOptions {
  /** Dialog title, in the user's language. */
  title?: string
  filters?: FileFilter[]
  /** More than one file (pickFile only). */
  multiple?: boolean
}

export interface SaveOptions {
  title?: string
  /** Suggested file name (no folder). */
  defaultName: string
  filters?: FileFilter[]
}

/** The desktop app's update state, as the settings and the update notice show it. */
export interface UpdateStatus {
  /** The running version. */
  current: string
  /** The user's setting (Settings → updates). */
  enabled: boolean
  /** false in a development build or where the package cannot update itself. */
  supported: boolean
  phase: 'idle' | 'checking' | 'downloading' | 'ready'
  /** The newer version being downloaded or ready to install. */
  version: string | null
  /** Download progress, 0–100, while downloading. */
  percent: number | null
  /** Release notes of `version` per UI language (plain text). */
  notes: Partial<Record<'it' | 'en' | 'zh-CN', string>>
  /** When the feed was last asked (ISO), null if never in this session. */
  checkedAt: string | null
  /** A job is running: installing waits until it ends. */
  waitingForJobs: boolean
}

export interface PreloadBridge {
  /** api[area][method](input) for every call in the contract. */
  api: Record<string, Record<string, BridgeCall>>
  /** Subscribes to core events (and the shell's: desktop.update, desktop.openFile); returns the unsubscribe function. */
  onEvent(listener: (name: string, payload: unknown) => void): () => void
  /** A handle for a file or folder the user dropped on the window or chose with a file input; null if it is not on disk. */
  handleForFile(file: unknown): Promise<PickedFile | null>
  /** The native open dialog: files to read (empty when cancelled). */
  pickFile(options?: PickOptions): Promise<PickedFile[]>
  /** The native folder dialog (null when cancelled). */
  pickFolder(options?: PickOptions): Promise<PickedFile | null>
  /** The native save dialog: where to write a file (null when cancelled). */
  saveFile(options: SaveOptions): Promise<PickedFile | null>
  /** Asks where to save a download and copies it there; false when the user cancelled. */
  saveDownload(downloadId: string, fileName: string): Promise<boolean>
  /** Vetrina backups the OS opened with the app (double-click) since the last call, as handles. */
  takeOpenedFiles(): Promise<PickedFile[]>
  updates: {
    status(): Promise<UpdateStatus>
    /** Installs a downloaded update now and restarts (refused while a job runs); false when refused. */
    restartNow(): Promise<boolean>
  }
}

export const IPC_CALL = 'vetrina:call'
export const IPC_EVENT = 'vetrina:event'
export const IPC_SAVE_DOWNLOAD = 'vetrina:save-download'
export const IPC_PICK = 'vetrina:pick'
export const IPC_SAVE_TARGET = 'vetrina:save-target'
export const IPC_GRANT_DROPPED = 'vetrina:grant-dropped'
export const IPC_UPDATES = 'vetrina:updates'
export const IPC_OPENED_FILES = 'vetrina:opened-files'

/** Shell events sent on IPC_EVENT besides the core's. */
export const SHELL_EVENTS = {
  update: 'desktop.update',
  /** The OS opened a Vetrina backup with the app (double-click): call takeOpenedFiles(). */
  openFile: 'desktop.openFile'
} as const
