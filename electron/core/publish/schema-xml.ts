// The `<itemSchema>` format (pavilion-api.md §2.3): reads the category rules the pavilion sends
// (fields, rules, options, nested fields) and writes the value document we submit.
import type { XMLBuilder, XMLParser } from 'fast-xml-parser'
import { onFirstUse } from '../platform/on-first-use.ts'

const fxp = onFirstUse<typeof import('fast-xml-parser')>('fast-xml-parser')

export type FieldType = 'input' | 'multiInput' | 'singleCheck' | 'multiCheck' | 'complex' | 'multiComplex' | 'label'

export interface SchemaRule {
  name: string
  value: string
  unit?: string
  exProperty?: string
  /** The rule applies only while these other fields have these values (`<depend-group>`, all must hold). */
  depends?: Array<{ fieldId: string; value: string; symbol: string }>
}

export interface SchemaOption {
  displayName: string
  value: string
}

export interface SchemaField {
  id: string
  name: string
  type: FieldType
  rules: SchemaRule[]
  options: SchemaOption[]
  children: SchemaField[]
}

export class SchemaXmlError extends Error {}

const FIELD_TYPES = new Set(['input', 'multiInput', 'singleCheck', 'multiCheck', 'complex', 'multiComplex', 'label'])

let parserMade: XMLParser | undefined
const parser = () => (parserMade ??= new (fxp().XMLParser)({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['field', 'rule', 'option', 'depend-express'].includes(name)
}))

type RawNode = Record<string, unknown>

function readField(raw: RawNode, path: string): SchemaField {
  const id = typeof raw.id === 'string' ? raw.id : ''
  if (!id) throw new SchemaXmlError(`a field under ${path || 'the root'} has no id`)
  const type = typeof raw.type === 'string' && FIELD_TYPES.has(raw.type) ? (raw.type as FieldType) : null
  if (!type) throw new SchemaXmlError(`field ${id} has an unknown type "${String(raw.type)}"`)
  const rules = ((raw.rules as RawNode | undefined)?.rule as RawNode[] | undefined) ?? []
  const options = ((raw.options as RawNode | undefined)?.option as RawNode[] | undefined) ?? []
  const children = ((raw.fields as RawNode | undefined)?.field as RawNode[] | undefined) ?? []
  return {
    id,
    name: typeof raw.name === 'string' ? raw.name : id,
    type,
    rules: rules.map((r) => {
      const depends = (((r['depend-group'] as RawNode | undefined)?.['depend-express'] as RawNode[] | undefined) ?? [])
        .map((d) => ({ fieldId: String(d.fieldId ?? ''), value: String(d.value ?? ''), symbol: String(d.symbol ?? '==') }))
      return {
        name: String(r.name ?? ''), value: String(r.value ?? ''),
        ...(r.unit !== undefined ? { unit: String(r.unit) } : {}), ...(r.exProperty !== undefined ? { exProperty: String(r.exProperty) } : {}),
        ...(depends.length ? { depends } : {})
      }
    }),
    options: options.map((o) => ({ displayName: String(o.displayName ?? ''), value: String(o.value ?? '') })),
    children: children.map((c) => readField(c, `${path}${id}/`))
  }
}

/** Parses the rules document of `product.schema.get`. */
export function parseRules(xml: string): SchemaField[] {
  const valid = fxp().XMLValidator.validate(xml)
  if (valid !== true) throw new SchemaXmlError(`the category rules are not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`)
  const doc = parser().parse(xml) as RawNode
  const root = (doc.itemSchema ?? doc.itemRule) as RawNode | undefined
  if (!root || typeof root !== 'object') throw new SchemaXmlError('the category rules have no <itemSchema> root')
  return ((root.field as RawNode[] | undefined) ?? []).map((f) => readField(f, ''))
}

export function rule(f: SchemaField, name: string): SchemaRule | undefined {
  return f.rules.find((r) => r.name === name)
}

/**
 * Whether a field must have a value. A requiredRule with a `depend-group` applies only while the
 * fields it names have the stated values; `valueOf` reads a top-level field's current value.
 */
export function isRequired(f: SchemaField, valueOf?: (fieldId: string) => string | undefined): boolean {
  return f.rules.some((r) => {
    if (r.name !== 'requiredRule' || r.value !== 'true') return false
    if (!r.depends?.length) return true
    if (!valueOf) return false
    return r.depends.every((d) => (d.symbol === '!=' ? valueOf(d.fieldId) !== d.value : valueOf(d.fieldId) === d.value))
  })
}

export function numberRule(f: SchemaField, name: string): number | null {
  const r = rule(f, name)
  const n = r ? Number(r.value) : NaN
  return Number.isFinite(n) ? n : null
}

/** Value attributes a field accepts (e.g. "fileId" for images, "inputValue" for custom options). */
export function valueAttributes(f: SchemaField): string[] {
  return f.rules.filter((r) => r.name === 'valueAttributeRule').map((r) => r.value)
}

/** A value attribute every value must carry (`exProperty="required"`), e.g. a picture per colour. */
export function valueAttributeRequired(f: SchemaField, name: string): boolean {
  return f.rules.some((r) => r.name === 'valueAttributeRule' && r.value === name && r.exProperty === 'required')
}

export function findField(fields: SchemaField[], id: string): SchemaField | undefined {
  return fields.find((f) => f.id === id)
}

// ---- value documents ----

export interface ValueItem {
  value: string
  attrs?: Record<string, string>
}

export type FieldValue =
  | { id: string; type: 'input' | 'singleCheck'; value: ValueItem }
  | { id: string; type: 'multiInput' | 'multiCheck'; values: ValueItem[] }
  | { id: string; type: 'complex'; fields: FieldValue[] }
  | { id: string; type: 'multiComplex'; items: FieldValue[][] }

let builderMade: XMLBuilder | undefined
const builder = () => (builderMade ??= new (fxp().XMLBuilder)({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', suppressEmptyNode: false }))

function valueNode(v: ValueItem): Record<string, unknown> {
  const node: Record<string, unknown> = { '#text': v.value }
  for (const [k, a] of Object.entries(v.attrs ?? {})) node[`@_${k}`] = a
  return node
}

function fieldNode(f: FieldValue): Record<string, unknown> {
  const node: Record<string, unknown> = { '@_id': f.id, '@_type': f.type }
  switch (f.type) {
    case 'input':
    case 'singleCheck':
      node.value = valueNode(f.value)
      break
    case 'multiInput':
    case 'multiCheck':
      node.values = { value: f.values.map(valueNode) }
      break
    case 'complex':
      node['complex-value'] = { field: f.fields.map(fieldNode) }
      break
    case 'multiComplex':
      // One <complex-values> per item with the fields directly inside (a nested <complex-value>
      // is silently dropped by the gateway).
      node['complex-values'] = f.items.map((item) => ({ field: item.map(fieldNode) }))
      break
  }
  return node
}

/** Writes the `<itemSchema>` value document submitted with schema.add / schema.update. */
export function buildValueXml(values: FieldValue[]): string {
  return builder().build({ itemSchema: { field: values.map(fieldNode) } }) as string
}
