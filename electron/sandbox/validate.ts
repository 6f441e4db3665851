// Reads a submitted `<itemSchema>` value document and checks it against the category's rules,
// reporting the ICBU business codes (CHK_BASIC_*, CHK_STEP_*, PUB_BIZCHECK_*). Every failure is
// collected, so a reply lists them all at once, as the gateway does (`;`-joined).
import { DOMParser, onErrorStopParsing, type Element } from '@xmldom/xmldom'
import type { FieldSpec, SchemaLanguage } from './schema.ts'

export interface ValueItem {
  text: string
  attrs: Record<string, string>
}

export interface FieldValue {
  id: string
  values: ValueItem[]
  /** complex: the single `<complex-value>`'s child fields. */
  complex?: Map<string, FieldValue>
  /** multiComplex: one map per `<complex-values>` item. */
  items?: Array<Map<string, FieldValue>>
}

export type Values = Map<string, FieldValue>

export interface Failure {
  code: string
  message: string
}

export class XmlError extends Error {}

const childElements = (el: Element, tag?: string): Element[] => {
  const out: Element[] = []
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (!tag || (c as Element).tagName === tag)) out.push(c as Element)
  }
  return out
}

function readFields(parent: Element, ignoreNested: boolean): Values {
  const map: Values = new Map()
  for (const f of childElements(parent, 'field')) {
    const id = f.getAttribute('id') ?? ''
    const v: FieldValue = { id, values: [] }
    const readValue = (el: Element): ValueItem => {
      const attrs: Record<string, string> = {}
      for (let i = 0; i < el.attributes.length; i++) attrs[el.attributes[i].name] = el.attributes[i].value
      return { text: el.textContent ?? '', attrs }
    }
    for (const el of childElements(f)) {
      if (el.tagName === 'value') v.values.push(readValue(el))
      else if (el.tagName === 'values') v.values.push(...childElements(el, 'value').map(readValue))
      else if (el.tagName === 'complex-value') v.complex = readFields(el, ignoreNested)
      else if (el.tagName === 'complex-values') {
        // The gateway drops items wrapped in a nested <complex-value> (reported from live use).
        const nested = childElements(el, 'complex-value')
        if (nested.length > 0 && ignoreNested) continue
        const source = nested.length > 0 ? nested[0] : el
        ;(v.items ??= []).push(readFields(source, ignoreNested))
      }
    }
    map.set(id, v)
  }
  return map
}

/** Parses a value document (root `<itemSchema>` or `<itemParam>`). Throws XmlError when malformed. */
export function parseValueXml(xml: string, ignoreNestedComplexValue = true): Values {
  let doc
  try {
    doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, 'text/xml')
  } catch (err) {
    throw new XmlError(`xml is not well-formed: ${(err as Error).message.split('\n')[0]}`)
  }
  const root = doc.documentElement
  if (!root || (root.tagName !== 'itemSchema' && root.tagName !== 'itemParam')) {
    throw new XmlError('the root element must be <itemSchema>')
  }
  return readFields(root, ignoreNestedComplexValue)
}

export interface ValidateContext {
  draft: boolean
  language: SchemaLanguage
  /** The stored photobank image with this id and URL exists and belongs to the seller. */
  imageOk(fileId: string | undefined, url: string): boolean
  /** A URL that points into this photobank (for description images). */
  isPhotobankUrl(url: string): boolean
}

const byteLength = (s: string) => Buffer.byteLength(s, 'utf8')

function isEmpty(v: FieldValue | undefined): boolean {
  if (!v) return true
  if (v.items) return v.items.length === 0
  if (v.complex) return [...v.complex.values()].every(isEmpty)
  return v.values.every((x) => x.text.trim() === '' && !x.attrs.inputValue)
}

export function validateValues(fields: FieldSpec[], values: Values, ctx: ValidateContext): Failure[] {
  const failures: Failure[] = []
  const fail = (code: string, message: string) => failures.push({ code, message })
  const known = new Set(fields.map((f) => f.id))
  for (const id of values.keys()) if (!known.has(id)) fail('CHK_BASIC_FIELD_NOT_EXIST', `field ${id} does not exist in this category`)
  checkFields(fields, values, { ...ctx, root: values }, fail, '')
  return failures
}

type Ctx = ValidateContext & { root: Values }

/** A requiredRule, or one that applies only while another top-level field has a given value. */
function isRequired(f: FieldSpec, ctx: Ctx): boolean {
  if (f.required) return true
  return !!f.requiredWhen && textOf(ctx.root, f.requiredWhen.field) === f.requiredWhen.value
}

function checkFields(fields: FieldSpec[], values: Values, ctx: Ctx, fail: (c: string, m: string) => void, prefix: string): void {
  for (const f of fields) {
    const v = values.get(f.id)
    const label = `${prefix}${f.name.en}`
    if (isEmpty(v)) {
      if (isRequired(f, ctx) && !ctx.draft) fail('CHK_BASIC_REQUIRED', `${label} is required`)
      continue
    }
    checkField(f, v!, ctx, fail, label)
  }
}

function checkText(f: FieldSpec, text: string, fail: (c: string, m: string) => void, label: string): void {
  if (f.maxLength) {
    const len = f.maxLength.unit === 'byte' ? byteLength(text) : [...text].length
    if (len > f.maxLength.value) fail('CHK_BASIC_MAX_LENGTH', `${label} must be at most ${f.maxLength.value}${f.maxLength.unit === 'byte' ? ' bytes' : ' characters'}`)
  }
  if (f.minLength && [...text].length < f.minLength) fail('CHK_BASIC_MIN_LENGTH', `${label} must be at least ${f.minLength} characters`)
  if (f.regex && !new RegExp(f.regex, 'u').test(text)) fail('CHK_BASIC_REGEX', `${label} contains characters that are not allowed`)
  if (f.valueType === 'integer' || f.valueType === 'decimal') {
    const ok = f.valueType === 'integer' ? /^-?\d+$/.test(text.trim()) : /^-?\d+(\.\d{1,2})?$/.test(text.trim())
    if (!ok) return fail('CHK_BASIC_VALUE_TYPE', `${label} must be ${f.valueType === 'integer' ? 'a whole number' : 'a number with at most 2 decimals'}`)
    const num = Number(text)
    if (f.minValue !== undefined && num < f.minValue) fail(f.rangeCode ?? 'CHK_BASIC_MIN_VALUE', `${label} must be at least ${f.minValue}`)
    if (f.maxValue !== undefined && num > f.maxValue) fail(f.rangeCode ?? 'CHK_BASIC_MAX_VALUE', `${label} must be at most ${f.maxValue}`)
  }
}

function checkField(f: FieldSpec, v: FieldValue, ctx: Ctx, fail: (c: string, m: string) => void, label: string): void {
  switch (f.type) {
    case 'input':
    case 'multiInput': {
      for (const item of v.values) {
        if (f.fileId) {
          if (!ctx.imageOk(item.attrs.fileId, item.text.trim())) {
            fail('PUB_BIZCHECK_DESCRIPTION_IMAGE_SOURCE_ERROR', `${label}: the image must come from your photobank (fileId ${item.attrs.fileId ?? 'missing'})`)
          }
          continue
        }
        checkText(f, item.text, fail, label)
        if (f.valueType === 'html') checkDescription(item.text, ctx, fail)
      }
      return
    }
    case 'singleCheck':
    case 'multiCheck': {
      const picked = v.values.filter((x) => x.text.trim() !== '' || x.attrs.inputValue)
      if (f.type === 'singleCheck' && picked.length > 1) fail('CHK_BASIC_ONEOF', `${label} takes one value`)
      for (const item of picked) {
        const isOption = f.options?.some((o) => o.value === item.text.trim())
        const isCustom = f.allowCustom && /^-\d+$/.test(item.text.trim()) && ((item.attrs.inputValue ?? '').trim() !== '' || !!f.customById)
        if (isCustom && [...(item.attrs.inputValue ?? '')].length > 70) fail('CHK_BASIC_MAX_LENGTH', `${label}: custom values must be at most 70 characters`)
        if (!isOption && !isCustom) {
          fail(f.type === 'singleCheck' ? 'CHK_BASIC_ONEOF' : 'CHK_BASIC_MULTIPLEOF', `${label}: "${item.text}" is not one of the allowed values`)
        }
        if (f.valueImage) checkValueImage(f, item, ctx, fail, label)
      }
      if (f.maxInputNum && picked.length > f.maxInputNum) fail(f.countCode ?? 'CHK_BASIC_MAX_INPUT_NUM', `${label}: at most ${f.maxInputNum} values`)
      return
    }
    case 'complex': {
      const inner = v.complex ?? new Map()
      const present = [...inner.values()].filter((x) => !isEmpty(x))
      if (f.maxInputNum && present.length > f.maxInputNum) fail('CHK_BASIC_MAX_INPUT_NUM', `${label}: at most ${f.maxInputNum} values`)
      const known = new Set((f.children ?? []).map((c) => c.id))
      for (const id of inner.keys()) if (!known.has(id)) fail('CHK_BASIC_FIELD_NOT_EXIST', `field ${id} does not exist in ${label}`)
      checkFields(f.children ?? [], inner, ctx, fail, `${label} / `)
      return
    }
    case 'multiComplex': {
      const items = v.items ?? []
      if (f.maxInputNum && items.length > f.maxInputNum) {
        fail(f.countCode ?? 'CHK_BASIC_MAX_INPUT_NUM', `${label}: at most ${f.maxInputNum} entries`)
      }
      for (const item of items) checkFields(f.children ?? [], item, ctx, fail, `${label} / `)
      if (f.id === 'ladderPrice' || f.id === 'ladderPeriod' || f.id === 'skuLadderPrice') checkAscending(items, label, fail)
      return
    }
  }
}

/** A value's own picture (a colour's photo): from the seller's photobank; required where the rules say so. */
function checkValueImage(f: FieldSpec, item: ValueItem, ctx: Ctx, fail: (c: string, m: string) => void, label: string): void {
  const name = item.attrs.inputValue ?? item.text
  const { fileId, imageUrl } = item.attrs
  if (!fileId && !imageUrl) {
    if (f.valueImage === 'required') fail('PUB_BIZCHECK_PRODUCT_SKU_INVALID', `${label}: "${name}" needs a picture (fileId and imageUrl)`)
    return
  }
  if (!ctx.imageOk(fileId, imageUrl ?? '')) fail('PUB_BIZCHECK_DESCRIPTION_IMAGE_SOURCE_ERROR', `${label}: the picture of "${name}" must come from your photobank (fileId ${fileId ?? 'missing'})`)
}

function checkAscending(items: Array<Map<string, FieldValue>>, label: string, fail: (c: string, m: string) => void): void {
  const qty = items.map((i) => Number(i.get('quantity')?.values[0]?.text ?? NaN))
  for (let i = 1; i < qty.length; i++) {
    if (!(qty[i] > qty[i - 1])) {
      fail('CHK_STEP_LADDER_PERIOD_VALUE_ERROR', `${label}: quantities must ascend`)
      return
    }
  }
}

function checkDescription(html: string, ctx: ValidateContext, fail: (c: string, m: string) => void): void {
  const srcs = [...html.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1])
  if (srcs.length === 0) fail('CHK_BASIC_REQUIRED', 'Product Description must contain at least one image (商品详情不能为空)')
  for (const src of srcs) {
    if (!ctx.isPhotobankUrl(src)) fail('PUB_BIZCHECK_DESCRIPTION_IMAGE_SOURCE_ERROR', `description image ${src} is not from your photobank`)
  }
}

/** The first value's text of a top-level or nested field ('' when absent). */
export function textOf(values: Values, ...path: string[]): string {
  let map: Values | undefined = values
  let field: FieldValue | undefined
  for (const id of path) {
    field = map?.get(id)
    map = field?.complex
  }
  return field?.values[0]?.text.trim() ?? ''
}
