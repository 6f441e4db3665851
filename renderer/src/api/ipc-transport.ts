// Desktop app: calls and events go through the preload bridge (window.vetrina); files are
// referenced by their local path, downloads saved through the OS save dialog.
import type { PreloadBridge } from '../../../shared/contract/bridge.ts'
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
      return { kind: 'path', path: bridge.pathForFile(file) }
    },
    async download(d) {
      await bridge.saveDownload(d.downloadId, d.fileName)
    },
    mediaUrl: (p) => `app://vetrina/media/${p.split('/').map(encodeURIComponent).join('/')}`,
    onConnection: () => () => undefined
  }
}
