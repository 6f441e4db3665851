// Binds the contract to IPC: one channel for calls, checked sender, payload validated by the
// core's dispatcher; events forwarded to our own windows only.
import { copyFile } from 'node:fs/promises'
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { IPC_CALL, IPC_EVENT, IPC_SAVE_DOWNLOAD } from '../../shared/contract/bridge.ts'
import { ErrorCodes } from '../../shared/contract/errors.ts'
import type { Core } from '../core/core.ts'
import { isAppUrl } from './security.ts'

function trusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  return !!frame && frame === event.sender.mainFrame && isAppUrl(frame.url)
}

export function bindIpc(core: Core): () => void {
  ipcMain.handle(IPC_CALL, async (event, method: unknown, input: unknown) => {
    if (!trusted(event)) return { ok: false, error: { code: ErrorCodes.forbidden, message: 'Call refused: unknown sender.' } }
    if (typeof method !== 'string') return { ok: false, error: { code: ErrorCodes.validation, message: 'Call name must be a string.' } }
    return core.call(method, input, { role: 'owner', transport: 'ipc', actor: 'desktop' })
  })
  ipcMain.handle(IPC_SAVE_DOWNLOAD, async (event, downloadId: unknown, fileName: unknown) => {
    if (!trusted(event) || typeof downloadId !== 'string') return false
    const d = core.s.files.download(downloadId)
    if (!d) return false
    const win = BrowserWindow.fromWebContents(event.sender)
    const choice = await dialog.showSaveDialog(win!, { defaultPath: typeof fileName === 'string' ? fileName : d.fileName })
    if (choice.canceled || !choice.filePath) return false
    await copyFile(d.path, choice.filePath)
    return true
  })
  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (isAppUrl(win.webContents.getURL())) win.webContents.send(IPC_EVENT, name, payload)
    }
  })
  return () => {
    unsubscribe()
    ipcMain.removeHandler(IPC_CALL)
    ipcMain.removeHandler(IPC_SAVE_DOWNLOAD)
  }
}
