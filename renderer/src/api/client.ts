// The typed API every feature uses: api.catalog.listProducts(input) → Promise<output>.
// Failures reject with AppError (code, message, issues) whatever the transport.
import { methodNames, type Api } from '../../../shared/contract/index.ts'
import { AppError } from '../../../shared/contract/errors.ts'
import type { PreloadBridge } from '../../../shared/contract/bridge.ts'
import { createHttpTransport } from './http-transport.ts'
import { createIpcTransport } from './ipc-transport.ts'
import type { Transport } from './transport.ts'

declare global {
  interface Window {
    vetrina?: PreloadBridge
  }
}

export const transport: Transport = window.vetrina ? createIpcTransport(window.vetrina) : createHttpTransport()

function buildApi(t: Transport): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const method of methodNames) {
    const [area, name] = method.split('.')
    api[area] ??= {}
    api[area][name] = async (input?: unknown) => {
      const r = await t.call(method, input ?? {})
      if (!r.ok) throw AppError.fromData(r.error)
      return r.value
    }
  }
  return api as unknown as Api
}

export const api: Api = buildApi(transport)
export { AppError }
