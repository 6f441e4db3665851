// Desktop app: calls and events go through the preload bridge (window.vetrina). Files are
// referenced by opaque handles the main process hands out for what the user picked or dropped
// (never by path: the core refuses a path the user did not choose); downloads are saved through
// the OS save dialog.
import type { PreloadBridge } from '../../../shared/contract/bridge.ts'
import { AppError } from '../../../shared/contract/errors.ts'
import type { Transport } from './transport.ts'

export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    kind: 'ipc',
    async call(method, input) {
      const [area, name] = method.split('.')
      const fn = bridge.api[area]?.[name]
      if (!fn) return { ok: false, error: { code: 'unknown_method', message: `Unknown call "${method}".` } }
      return fn(input)
    },
    subscribe: (listener) => bridge.onEvent(listener),
    async upload(file) {
      const picked = await bridge.handleForFile(file)
      if (!picked) throw new AppError('file_access_not_on_disk', `${file.name} is not a file on this computer.`, { params: { name: file.name } })
      return { kind: 'path', path: picked.handle }
    },
    async download(d) {
      await bridge.saveDownload(d.downloadId, d.fileName)
    },
    mediaUrl: (p) => `app://vetrina/media/${p.split('/').map(encodeURIComponent).join('/')}`,
    onConnection: () => () => undefined
  }
}
