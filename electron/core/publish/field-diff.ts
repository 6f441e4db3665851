// Updates by difference: a hash of each top-level field of the document last published, so an
// update sends only the fields that changed. Fields checked together by the gateway travel
// together (the SKU block with the price fields it decides); a field that disappeared is sent
// empty, so the pavilion drops it too.
import { createHash } from 'node:crypto'
import { stableStringify } from '../../../shared/domain/json.ts'
import type { FieldValue } from './schema-xml.ts'

/** Field ids that are validated against each other: one changed, all are sent. */
const LINKED: string[][] = [['saleProp', 'sku', 'scPrice', 'ladderPrice', 'minOrderQuantity', 'priceUnit']]

/** Field id → "type:hash" of each top-level field. */
export function fieldHashes(values: FieldValue[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const v of values) out[v.id] = `${v.type}:${createHash('sha256').update(stableStringify(v)).digest('hex').slice(0, 24)}`
  return out
}

function emptyValue(id: string, type: string): FieldValue {
  switch (type) {
    case 'complex': return { id, type: 'complex', fields: [] }
    case 'multiComplex': return { id, type: 'multiComplex', items: [] }
    case 'multiCheck': case 'multiInput': return { id, type, values: [] }
    default: return { id, type: type === 'singleCheck' ? 'singleCheck' : 'input', value: { value: '' } }
  }
}

/** What an update must send to turn the published document into `values` (everything when unknown). */
export function changedFields(values: FieldValue[], published: Record<string, string> | null): FieldValue[] {
  if (!published) return values
  const now = fieldHashes(values)
  const changed = new Set(Object.keys(now).filter((id) => now[id] !== published[id]))
  const removed = Object.keys(published).filter((id) => !(id in now))
  for (const id of removed) changed.add(id)
  for (const group of LINKED) if (group.some((id) => changed.has(id))) for (const id of group) if (id in now) changed.add(id)
  return [
    ...values.filter((v) => changed.has(v.id)),
    ...removed.map((id) => emptyValue(id, published[id].split(':')[0]))
  ]
}
