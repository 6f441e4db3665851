// Checks attribute values against their definitions (type, options, units, localizable).
import type { AttributeDef } from './catalog-structure.ts'
import type { AttributeValue } from './product.ts'

export interface AttributeIssue {
  path: string
  message: string
  code: string
}

function isRecordOfStrings(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string')
}

export function checkAttributeValue(def: AttributeDef, value: AttributeValue): string | null {
  switch (def.type) {
    case 'text':
      if (def.localizable) return isRecordOfStrings(value) || typeof value === 'string' ? null : 'expected text per language'
      return typeof value === 'string' ? null : 'expected text'
    case 'boolean':
      return typeof value === 'boolean' ? null : 'expected yes or no'
    case 'number': {
      if (typeof value === 'number') return Number.isFinite(value) ? null : 'expected a number'
      if (typeof value === 'object' && value !== null && 'value' in value && 'unit' in value) {
        if (def.units.length > 0 && !def.units.includes(String(value.unit))) return `unit must be one of ${def.units.join(', ')}`
        return Number.isFinite(value.value) ? null : 'expected a number'
      }
      return 'expected a number'
    }
    case 'select': {
      if (typeof value !== 'string') return 'expected one option'
      return def.options.some((o) => o.code === value) ? null : `"${value}" is not one of the options`
    }
    case 'multiselect': {
      if (!Array.isArray(value)) return 'expected a list of options'
      const bad = value.filter((v) => !def.options.some((o) => o.code === v))
      return bad.length ? `not among the options: ${bad.join(', ')}` : null
    }
  }
}

/** Problems with a product's attribute values given the attributes its family defines. */
export function checkAttributes(values: Record<string, AttributeValue>, defs: AttributeDef[]): AttributeIssue[] {
  const byCode = new Map(defs.map((d) => [d.code, d]))
  const issues: AttributeIssue[] = []
  for (const [code, value] of Object.entries(values)) {
    const def = byCode.get(code)
    if (!def) {
      issues.push({ path: `attributes.${code}`, message: `unknown attribute "${code}" for this product's family`, code: 'unknown_attribute' })
      continue
    }
    const problem = checkAttributeValue(def, value)
    if (problem) issues.push({ path: `attributes.${code}`, message: problem, code: 'attribute_value' })
  }
  return issues
}
