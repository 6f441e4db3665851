// Binds the contract to IPC: one channel for calls, checked sender, payload validated by the
// core's dispatcher; file choosers that hand out handles instead of paths; events forwarded to
// our own windows only. Electron is passed in (index.ts gives the real modules, tests fakes).
import { copyFile, stat } from 'node:fs/promises'
import { basename, isAbsolute } from 'node:path'
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, OpenDialogOptions, WebContents } from 'electron'
import { z } from 'zod'
import { IPC_CALL, IPC_EVENT, IPC_GRANT_DROPPED, IPC_PICK, IPC_SAVE_DOWNLOAD, IPC_SAVE_TARGET, type PickedFile } from '../../shared/contract/bridge.ts'
import { ErrorCodes } from '../../shared/contract/errors.ts'
import type { Core } from '../core/core.ts'
import { safeFileName } from '../core/platform/files.ts'
import type { FileHandleRegistry, Grant } from './file-handles.ts'
import { isAppUrl } from './security.ts'

export interface IpcShell {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>
  /** BrowserWindow's static side: the window of a sender, and every window. */
  windows: { fromWebContents(wc: WebContents): BrowserWindow | null; getAllWindows(): BrowserWindow[] }
}

/** Only our own page's main frame may call. */
export function trustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame
  return !!frame && frame === event.sender.mainFrame && isAppUrl(frame.url)
}

const Filters = z.array(z.object({
  name: z.string().trim().min(1).max(100),
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9_-]{1,20})$/)).min(1).max(20)
})).max(10)

export const PickRequest = z.object({
  what: z.enum(['file', 'folder']),
  options: z.object({ title: z.string().max(200).optional(), filters: Filters.optional(), multiple: z.boolean().optional() }).strict().default({})
}).strict()

export const SaveRequest = z.object({
  title: z.string().max(200).optional(),
  // A name, never a folder: the page must not steer where the dialog opens.
  defaultName: z.string().min(1).max(255).transform((n) => safeFileName(n)),
  filters: Filters.optional()
}).strict()

export function bindIpc(core: Core, shell: IpcShell, handles: FileHandleRegistry): () => void {
  const { ipcMain, dialog, windows } = shell
  const watched = new Set<number>()
  const give = (sender: WebContents, path: string, grant: Grant): PickedFile => {
    // A window's handles die with it.
    if (!watched.has(sender.id)) {
      watched.add(sender.id)
      sender.once('destroyed', () => {
        handles.revoke(sender.id)
        watched.delete(sender.id)
      })
    }
    return { handle: handles.grant(path, grant, sender.id), name: basename(path) }
  }

  ipcMain.handle(IPC_CALL, async (event, method: unknown, input: unknown) => {
    if (!trustedSender(event)) return { ok: false, error: { code: ErrorCodes.forbidden, message: 'Call refused: unknown sender.' } }
    if (typeof method !== 'string') return { ok: false, error: { code: ErrorCodes.validation, message: 'Call name must be a string.' } }
    return core.call(method, input, { role: 'owner', transport: 'ipc', actor: 'desktop', fileHandles: handles.forOwner(event.sender.id) })
  })

  ipcMain.handle(IPC_PICK, async (event, request: unknown): Promise<PickedFile[]> => {
    const parsed = PickRequest.safeParse(request)
    if (!trustedSender(event) || !parsed.success) return []
    const { what, options } = parsed.data
    const win = windows.fromWebContents(event.sender)
    const dialogOptions: OpenDialogOptions = {
      title: options.title,
      filters: what === 'file' ? options.filters : undefined,
      properties: what === 'folder' ? ['openDirectory'] : options.multiple ? ['openFile', 'multiSelections'] : ['openFile']
    }
    const choice = win ? await dialog.showOpenDialog(win, dialogOptions) : await dialog.showOpenDialog(dialogOptions)
    if (choice.canceled) return []
    return choice.filePaths.map((p) => give(event.sender, p, what === 'folder' ? 'open-folder' : 'open-file'))
  })

  ipcMain.handle(IPC_SAVE_TARGET, async (event, request: unknown): Promise<PickedFile | null> => {
    const parsed = SaveRequest.safeParse(request)
    if (!trustedSender(event) || !parsed.success) return null
    const win = windows.fromWebContents(event.sender)
    const options = { title: parsed.data.title, defaultPath: parsed.data.defaultName, filters: parsed.data.filters }
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
    if (choice.canceled || !choice.filePath) return null
    return give(event.sender, choice.filePath, 'save')
  })

  // A file dropped on the window or chosen with <input type="file">: the preload reads its path
  // from the File object (the page cannot make one that points elsewhere) and sends it here.
  ipcMain.handle(IPC_GRANT_DROPPED, async (event, path: unknown): Promise<PickedFile | null> => {
    if (!trustedSender(event) || typeof path !== 'string' || !path || path.length > 4096 || !isAbsolute(path) || path.includes('\0')) return null
    const st = await stat(path).catch(() => null)
    if (!st || !(st.isFile() || st.isDirectory())) return null
    return give(event.sender, path, st.isDirectory() ? 'open-folder' : 'open-file')
  })

  ipcMain.handle(IPC_SAVE_DOWNLOAD, async (event, downloadId: unknown, fileName: unknown) => {
    if (!trustedSender(event) || typeof downloadId !== 'string') return false
    const d = core.s.files.download(downloadId)
    if (!d) return false
    const win = windows.fromWebContents(event.sender)
    const options = { defaultPath: safeFileName(typeof fileName === 'string' ? fileName : d.fileName) }
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
    if (choice.canceled || !choice.filePath) return false
    await copyFile(d.path, choice.filePath)
    return true
  })

  const unsubscribe = core.events.subscribe((name, payload) => sendToApp(windows, name, payload))
  return () => {
    unsubscribe()
    for (const channel of [IPC_CALL, IPC_PICK, IPC_SAVE_TARGET, IPC_GRANT_DROPPED, IPC_SAVE_DOWNLOAD]) ipcMain.removeHandler(channel)
  }
}

/** Sends an event to every window showing our own pages. */
export function sendToApp(windows: IpcShell['windows'], name: string, payload: unknown): void {
  for (const win of windows.getAllWindows()) {
    if (isAppUrl(win.webContents.getURL())) win.webContents.send(IPC_EVENT, name, payload)
  }
}
