// Checks that span the SKU block, beyond each field's own rules: every SKU names one declared
// value per sale property, no two SKUs are the same combination, SKU codes are unique, every
// declared value is sold by some SKU, and the price mode matches what was sent.
import { saleFieldId } from './sku-schema.ts'
import type { SkuRules } from './sku-rules.ts'
import { textOf, type Failure, type Values } from './validate.ts'

const SKU_INVALID = 'PUB_BIZCHECK_PRODUCT_SKU_INVALID'

export function validateSkuBlock(values: Values, rules: SkuRules | null): Failure[] {
  const failures: Failure[] = []
  const fail = (message: string) => failures.push({ code: SKU_INVALID, message })
  const scPrice = textOf(values, 'scPrice')
  const declaredBlock = values.get('saleProp')?.complex
  const rows = values.get('sku')?.items ?? []
  if (!rules) {
    if (scPrice === '3') fail('this category has no SKU attributes, so the price cannot be set per SKU')
    return failures
  }
  // attribute field id → declared value id → its name
  const declared = new Map<string, Map<string, string>>()
  for (const a of rules.attributes) {
    const id = saleFieldId(a)
    const list = new Map<string, string>()
    for (const v of declaredBlock?.get(id)?.values ?? []) {
      const key = v.text.trim()
      if (!key) continue
      const name = a.values.find((o) => String(o.id) === key)?.name.en ?? v.attrs.inputValue ?? key
      if (list.has(key)) fail(`${a.name.en}: value ${key} (${name}) is declared twice`)
      const sameName = [...list.values()].find((x) => x.toLowerCase() === name.toLowerCase())
      if (sameName && !list.has(key)) fail(`${a.name.en}: "${name}" is declared twice`)
      list.set(key, name)
    }
    if (list.size) declared.set(id, list)
  }
  const used = rules.attributes.filter((a) => declared.has(saleFieldId(a)))
  if (used.length === 0 && rows.length > 0) fail('the listing has SKUs but declares no sale property values (saleProp)')
  if (used.length > 0 && rows.length === 0) fail('the listing declares sale property values but has no SKUs')
  if (scPrice === '3' && rows.length === 0) fail('the price is set per SKU but the listing has no SKUs')
  const combos = new Map<string, number>()
  const codes = new Map<string, number>()
  const sold = new Set<string>()
  rows.forEach((row, i) => {
    const n = i + 1
    const parts: string[] = []
    for (const a of rules.attributes) {
      const id = saleFieldId(a)
      const value = row.get(id)?.values[0]?.text.trim() ?? ''
      const list = declared.get(id)
      if (!list) {
        if (value) fail(`SKU ${n}: ${a.name.en} has no values in saleProp, but the SKU names ${value}`)
        continue
      }
      if (!value) {
        fail(`SKU ${n} has no ${a.name.en}`)
        continue
      }
      if (!list.has(value)) {
        fail(`SKU ${n}: ${a.name.en} value ${value} is not one of the values declared in saleProp`)
        continue
      }
      sold.add(`${id}|${value}`)
      parts.push(`${a.name.en} ${list.get(value)}`)
    }
    if (parts.length === used.length && parts.length > 0) {
      const key = parts.join(', ')
      const first = combos.get(key)
      if (first) fail(`SKUs ${first} and ${n} are the same combination (${key})`)
      else combos.set(key, n)
    }
    const code = textOf(row, 'skuCode')
    if (code) {
      const first = codes.get(code.toLowerCase())
      if (first) fail(`SKUs ${first} and ${n} have the same SKU code ${code}`)
      else codes.set(code.toLowerCase(), n)
    }
    if (scPrice !== '3' && (row.get('skuLadderPrice')?.items?.length ?? 0) > 0) {
      fail(`SKU ${n} has its own prices, but the price is set by quantity (scPrice 1); choose price by SKU (scPrice 3)`)
    }
  })
  if (rows.length > 0) {
    for (const [id, list] of declared) {
      const a = rules.attributes.find((x) => saleFieldId(x) === id)!
      for (const [value, name] of list) if (!sold.has(`${id}|${value}`)) fail(`${a.name.en} "${name}" is declared but no SKU sells it`)
    }
  }
  return failures
}
