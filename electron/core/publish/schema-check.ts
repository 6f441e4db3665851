// Checks a value document against the category rules before it is sent (required, lengths —
// in bytes when the rule says so —, patterns, options, counts, number types and ranges), so a
// listing that would be refused is marked needs-fixing instead, and works offline from the cache.
import { isRequired, numberRule, rule, valueAttributes, type FieldValue, type SchemaField, type ValueItem } from './schema-xml.ts'

export interface SchemaIssue {
  /** "productTitle", "icbuCatProp/p-1001", "ladderPrice/price" … */
  path: string
  rule: string
  message: string
  /** The rule's bound, when it has one (length, count, value). */
  limit?: number
}

function items(v: FieldValue): ValueItem[] {
  return v.type === 'input' || v.type === 'singleCheck' ? [v.value] : v.type === 'multiInput' || v.type === 'multiCheck' ? v.values : []
}

function isEmpty(v: FieldValue | undefined): boolean {
  if (!v) return true
  if (v.type === 'complex') return v.fields.every(isEmpty)
  if (v.type === 'multiComplex') return v.items.length === 0
  return items(v).every((i) => i.value.trim() === '' && !i.attrs?.inputValue)
}

function compile(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u')
  } catch {
    return null
  }
}

function checkText(f: SchemaField, text: string, path: string, out: SchemaIssue[]): void {
  const max = rule(f, 'maxLengthRule')
  if (max) {
    const limit = Number(max.value)
    const len = max.unit === 'byte' ? Buffer.byteLength(text, 'utf8') : [...text].length
    if (Number.isFinite(limit) && len > limit) {
      out.push({ path, rule: 'maxLengthRule', message: `${f.name} is ${len} ${max.unit === 'byte' ? 'bytes' : 'characters'} long; at most ${limit} allowed`, limit })
    }
  }
  const min = numberRule(f, 'minLengthRule')
  if (min !== null && [...text].length < min) out.push({ path, rule: 'minLengthRule', message: `${f.name} needs at least ${min} characters` })
  const regex = rule(f, 'regexRule')
  const re = regex ? compile(regex.value) : null
  if (re && regex && (regex.exProperty === 'not include' ? re.test(text) : !re.test(text))) {
    out.push({ path, rule: 'regexRule', message: `${f.name} contains characters the pavilion does not accept` })
  }
  const type = rule(f, 'valueTypeRule')?.value
  if (type === 'integer' || type === 'long' || type === 'decimal' || type === 'double') {
    const ok = type === 'integer' || type === 'long' ? /^-?\d+$/.test(text) : /^-?\d+(\.\d+)?$/.test(text)
    if (!ok) return void out.push({ path, rule: 'valueTypeRule', message: `${f.name} must be a number` })
    const n = Number(text)
    const lo = numberRule(f, 'minValueRule')
    const hi = numberRule(f, 'maxValueRule')
    if (lo !== null && n < lo) out.push({ path, rule: 'minValueRule', message: `${f.name} must be at least ${lo}`, limit: lo })
    if (hi !== null && n > hi) out.push({ path, rule: 'maxValueRule', message: `${f.name} must be at most ${hi}`, limit: hi })
  }
}

function checkFields(fields: SchemaField[], values: FieldValue[], prefix: string, out: SchemaIssue[], valueOf: (id: string) => string | undefined): void {
  const byId = new Map(values.map((v) => [v.id, v]))
  for (const v of values) {
    if (!fields.some((f) => f.id === v.id)) out.push({ path: `${prefix}${v.id}`, rule: 'unknownField', message: `field ${v.id} is not in the category rules` })
  }
  for (const f of fields) {
    const v = byId.get(f.id)
    const path = `${prefix}${f.id}`
    if (isEmpty(v)) {
      if (isRequired(f, valueOf)) out.push({ path, rule: 'requiredRule', message: `${f.name} is required` })
      continue
    }
    const value = v!
    switch (f.type) {
      case 'input':
      case 'multiInput': {
        const needsFileId = valueAttributes(f).includes('fileId')
        for (const item of items(value)) {
          if (needsFileId) {
            if (!item.attrs?.fileId) out.push({ path, rule: 'valueAttributeRule', message: `${f.name} must be a photobank image` })
          } else checkText(f, item.value, path, out)
        }
        break
      }
      case 'singleCheck':
      case 'multiCheck': {
        const custom = valueAttributes(f).includes('inputValue')
        for (const item of items(value)) {
          const ok = f.options.some((o) => o.value === item.value) || (custom && /^-\d+$/.test(item.value) && !!item.attrs?.inputValue)
          if (!ok) out.push({ path, rule: 'options', message: `${f.name}: "${item.attrs?.inputValue ?? item.value}" is not one of the allowed values` })
        }
        break
      }
      case 'complex': {
        const inner = value.type === 'complex' ? value.fields : []
        const max = numberRule(f, 'maxInputNumRule')
        const present = inner.filter((x) => !isEmpty(x)).length
        if (max !== null && present > max) out.push({ path, rule: 'maxInputNumRule', message: `${f.name}: at most ${max} values` })
        checkFields(f.children, inner, `${path}/`, out, valueOf)
        break
      }
      case 'multiComplex': {
        const list = value.type === 'multiComplex' ? value.items : []
        const max = numberRule(f, 'maxInputNumRule')
        if (max !== null && list.length > max) out.push({ path, rule: 'maxInputNumRule', message: `${f.name}: at most ${max} entries` })
        for (const item of list) checkFields(f.children, item, `${path}/`, out, valueOf)
        break
      }
    }
  }
}

export function checkAgainstSchema(fields: SchemaField[], values: FieldValue[]): SchemaIssue[] {
  const out: SchemaIssue[] = []
  const top = new Map(values.map((v) => [v.id, v]))
  const valueOf = (id: string) => {
    const v = top.get(id)
    return v && (v.type === 'input' || v.type === 'singleCheck') ? v.value.value : undefined
  }
  checkFields(fields, values, '', out, valueOf)
  return out
}
