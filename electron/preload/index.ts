// The only bridge between the page and the app: one `vetrina` object with a function per
// contract call, an event subscription and two file helpers. No ipcRenderer, no Node.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { IPC_CALL, IPC_EVENT, IPC_SAVE_DOWNLOAD, type BridgeCall, type PreloadBridge } from '../../shared/contract/bridge.ts'
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
  pathForFile: (file) => webUtils.getPathForFile(file as File),
  saveDownload: (downloadId, fileName) => ipcRenderer.invoke(IPC_SAVE_DOWNLOAD, downloadId, fileName)
}

contextBridge.exposeInMainWorld('vetrina', bridge)
