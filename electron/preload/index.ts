// The only bridge between the page and the app: one `vetrina` object with a function per
// contract call, an event subscription, file choosers that return handles (the page never sees
// or names a path) and the update status. No ipcRenderer, no Node.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import {
  IPC_CALL, IPC_EVENT, IPC_GRANT_DROPPED, IPC_OPENED_FILES, IPC_PICK, IPC_SAVE_DOWNLOAD, IPC_SAVE_TARGET, IPC_UPDATES,
  type BridgeCall, type PickedFile, type PreloadBridge
} from '../../shared/contract/bridge.ts'
import { methodNames } from '../../shared/contract/index.ts'

const api: Record<string, Record<string, BridgeCall>> = {}
for (const method of methodNames) {
  const [area, name] = method.split('.')
  api[area] ??= {}
  api[area][name] = (input?: unknown) => ipcRenderer.invoke(IPC_CALL, method, input ?? {})
}

const bridge: PreloadBridge = {
  api,
  onEvent(listener) {
    // Never hand the IpcRendererEvent to the page: it leaks the sender.
    const wrapped = (_event: unknown, name: string, payload: unknown) => listener(name, payload)
    ipcRenderer.on(IPC_EVENT, wrapped)
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped)
  },
  async handleForFile(file) {
    // Only a File the user dropped or picked has a path; the page gets a handle for it.
    let path = ''
    try {
      path = webUtils.getPathForFile(file as File)
    } catch {
      return null
    }
    return path ? ipcRenderer.invoke(IPC_GRANT_DROPPED, path) : null
  },
  pickFile: (options = {}) => ipcRenderer.invoke(IPC_PICK, { what: 'file', options }),
  async pickFolder(options = {}) {
    const picked = (await ipcRenderer.invoke(IPC_PICK, { what: 'folder', options: { title: options.title } })) as PickedFile[]
    return picked[0] ?? null
  },
  saveFile: (options) => ipcRenderer.invoke(IPC_SAVE_TARGET, options),
  saveDownload: (downloadId, fileName) => ipcRenderer.invoke(IPC_SAVE_DOWNLOAD, downloadId, fileName),
  takeOpenedFiles: () => ipcRenderer.invoke(IPC_OPENED_FILES),
  updates: {
    status: () => ipcRenderer.invoke(IPC_UPDATES, 'status'),
    restartNow: () => ipcRenderer.invoke(IPC_UPDATES, 'restart')
  }
}

contextBridge.exposeInMainWorld('vetrina', bridge)
