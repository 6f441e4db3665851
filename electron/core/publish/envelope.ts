// Reads gateway replies in every form seen in the wild: simplified (flat) or wrapped in
// `<method>_response`, TOP list wrappers (`{"products":{"alibaba_product_brief_response":[…]}}`),
// `error_response` with `code` as number or string, and the flat GOP form of `/rest`.
import { PavilionError, fromGatewayError, type GatewayError } from './errors.ts'

/** Element names the TOP XML→JSON conversion wraps lists in. */
const LIST_WRAPPERS = new Set([
  'string', 'number', 'long', 'alibaba_product_brief_response', 'sku_definition', 'product_inventory_dto', 'bulk_discount_price',
  'sku_attribute', 'sku_attribute_value', 'attribute', 'attribute_value', 'product_attribute', 'photobank_image_do', 'photo_group'
])

export type Json = Record<string, unknown>

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Replaces every `{wrapper: [...]}` by the list itself, at any depth. */
export function unwrapLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapLists)
  if (!isObject(value)) return value
  const keys = Object.keys(value)
  if (keys.length === 1 && LIST_WRAPPERS.has(keys[0]) && Array.isArray(value[keys[0]])) return unwrapLists(value[keys[0]])
  const out: Json = {}
  for (const k of keys) out[k] = unwrapLists(value[k])
  return out
}

function preview(text: string): string {
  const oneLine = text.slice(0, 120).replace(/[\u0000-\u001f]+/g, ' ')
  return text.length > 120 ? `${oneLine}…` : oneLine
}

/** Parses a `/sync` reply of `method`; gateway errors become PavilionError. */
export function readSyncReply(text: string, method: string, nowMs: number): Json {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new PavilionError('unknown_outcome', `The pavilion's reply is not JSON: "${preview(text)}"`, { code: 'bad_reply' })
  }
  if (!isObject(body)) throw new PavilionError('unknown_outcome', `The pavilion's reply is not a JSON object: "${preview(text)}"`, { code: 'bad_reply' })
  if ('error_response' in body) {
    if (!isObject(body.error_response)) throw new PavilionError('unknown_outcome', 'The pavilion sent an error without details.', { code: 'bad_reply' })
    throw fromGatewayError(body.error_response as GatewayError, nowMs)
  }
  const wrapperKey = `${method.replace(/\./g, '_')}_response`
  let payload: unknown = body
  if (isObject(body[wrapperKey])) payload = body[wrapperKey]
  else {
    const keys = Object.keys(body)
    if (keys.length === 1 && keys[0].endsWith('_response') && isObject(body[keys[0]])) payload = body[keys[0]]
  }
  return unwrapLists(payload) as Json
}

/** Parses a `/rest` (GOP) reply: flat, `code` "0" or absent on success. */
export function readRestReply(text: string, nowMs: number): Json {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new PavilionError('unknown_outcome', `The pavilion's reply is not JSON: "${preview(text)}"`, { code: 'bad_reply' })
  }
  if (!isObject(body)) throw new PavilionError('unknown_outcome', 'The pavilion\'s reply is not a JSON object.', { code: 'bad_reply' })
  if (isObject(body.error_response)) throw fromGatewayError(body.error_response as GatewayError, nowMs)
  const code = body.code === undefined ? '0' : String(body.code)
  if (code !== '0') throw fromGatewayError(body as GatewayError, nowMs)
  return body
}
