// The `<itemSchema>` rules of each leaf category, as one model used twice: rendered to the rules
// XML that `product.schema.get` returns, and walked directly by the validator of `schema.add`.
import { UNITS, findCategory, type Named, type SandboxCategory } from './catalog-data.ts'
import { salePropField, skuField } from './sku-schema.ts'

export type SchemaLanguage = 'en_US' | 'zh'
export type FieldType = 'input' | 'multiInput' | 'singleCheck' | 'multiCheck' | 'complex' | 'multiComplex'

export interface FieldSpec {
  id: string
  name: Named
  type: FieldType
  required?: boolean
  maxLength?: { value: number; unit?: 'byte' }
  minLength?: number
  /** Pattern the whole value must match. */
  regex?: string
  maxInputNum?: number
  minValue?: number
  maxValue?: number
  valueType?: 'integer' | 'decimal' | 'html' | 'text'
  options?: Array<{ value: string; name: Named }>
  /** Values outside `options` allowed as `<value inputValue="…">-1</value>`. */
  allowCustom?: boolean
  /** A negative id names a custom value declared elsewhere (a SKU naming a custom colour of `saleProp`). */
  customById?: boolean
  /** Image values must carry the photobank `fileId` attribute. */
  fileId?: boolean
  /** Required only while another top-level field has this value (a `depend-group` on the requiredRule). */
  requiredWhen?: { field: string; value: string }
  /** Option values that carry a photobank picture (`fileId` and `imageUrl` attributes): every value, or where given. */
  valueImage?: 'required' | 'optional'
  /** Business code for a value out of range (default CHK_BASIC_MIN_VALUE / _MAX_VALUE). */
  rangeCode?: string
  /** Business code for too many entries (default CHK_BASIC_MAX_INPUT_NUM). */
  countCode?: string
  children?: FieldSpec[]
}

/** Title characters the English site accepts: ASCII letters, digits and - / , & . ( ) ' % + and space. */
export const EN_TITLE_PATTERN = "^[A-Za-z0-9 ,.&/()'%+\\-]*$"
const KEYWORD_PATTERN = '^[^;:,，]*$'

const n = (en: string, zh: string): Named => ({ en, zh })

function attributeField(a: NonNullable<SandboxCategory['attributes']>[number]): FieldSpec {
  const type: FieldType = a.kind === 'single' ? 'singleCheck' : a.kind === 'multi' ? 'multiCheck' : 'input'
  return {
    id: `p-${a.id}`,
    name: a.name,
    type,
    required: a.required,
    maxLength: a.kind === 'input' ? { value: 70 } : undefined,
    options: a.values.map((v) => ({ value: String(v.id), name: v.name })),
    allowCustom: a.custom && a.kind !== 'input'
  }
}

/** The rules of a leaf category in one language. */
export function categorySchema(cat: SandboxCategory, language: SchemaLanguage): FieldSpec[] {
  const units = (cat.units ?? []).map((u, i) => ({ value: String((cat.unitCodeBase ?? 1) + i), name: UNITS[u] }))
  const title: FieldSpec = {
    id: 'productTitle', name: n('Product Name', '产品名称'), type: 'input', required: true, maxLength: { value: 128 },
    regex: language === 'en_US' ? EN_TITLE_PATTERN : undefined
  }
  return [
    title,
    {
      id: 'productKeywords', name: n('Product Keywords', '关键词'), type: 'complex', required: true,
      children: [{ id: 'productKeywords_0', name: n('Keywords', '关键词'), type: 'input', required: true, maxLength: { value: 384, unit: 'byte' }, regex: KEYWORD_PATTERN }]
    },
    {
      id: 'scImages', name: n('Product Images', '产品图片'), type: 'complex', required: true, maxInputNum: 6, fileId: true,
      children: Array.from({ length: 6 }, (_, i) => ({ id: `scImages_${i}`, name: n(`Image ${i + 1}`, `图片${i + 1}`), type: 'input' as const, fileId: true }))
    },
    { id: 'icbuCatProp', name: n('Product Attributes', '产品属性'), type: 'complex', children: (cat.attributes ?? []).map(attributeField) },
    ...salePropField(cat.id),
    {
      id: 'customMoreProperty', name: n('Custom Attributes', '自定义属性'), type: 'multiComplex', maxInputNum: 10,
      countCode: 'PUB_BIZCHECK_PROPERTY_CUSTOM_ITEMS_LIMIT',
      children: [
        { id: 'propName', name: n('Attribute name', '属性名'), type: 'input', required: true, maxLength: { value: 70 } },
        { id: 'valueName', name: n('Attribute value', '属性值'), type: 'input', required: true, maxLength: { value: 70 } }
      ]
    },
    { id: 'priceUnit', name: n('Unit', '计量单位'), type: 'singleCheck', required: true, options: units },
    { id: 'saleType', name: n('Sale Type', '销售方式'), type: 'singleCheck', required: true, options: [{ value: 'normal', name: n('Sold individually', '单件销售') }] },
    {
      id: 'scPrice', name: n('Price Setting', '价格设置'), type: 'singleCheck', required: true,
      options: [{ value: '1', name: n('Set price by quantity', '按数量设置价格') }, { value: '3', name: n('Set price by SKU', '按SKU设置价格') }]
    },
    {
      id: 'ladderPrice', name: n('Tiered Price', '阶梯价格'), type: 'multiComplex', requiredWhen: { field: 'scPrice', value: '1' }, maxInputNum: 4,
      countCode: 'CHK_STEP_LADDER_PERIOD_VALUE_ERROR',
      children: [
        { id: 'quantity', name: n('Min. quantity', '起订量'), type: 'input', required: true, valueType: 'integer', minValue: 1, maxValue: 99_999_999, rangeCode: 'CHK_STEP_LADDER_PERIOD_VALUE_ERROR' },
        { id: 'price', name: n('Price (USD)', '价格（美元）'), type: 'input', required: true, valueType: 'decimal', minValue: 0.01, maxValue: 9_999_999, rangeCode: 'CHK_STEP_LADDER_PERIOD_VALUE_ERROR' }
      ]
    },
    ...skuField(cat.id),
    {
      id: 'minOrderQuantity', name: n('Min. Order Quantity', '最小起订量'), type: 'input', required: true, valueType: 'integer',
      minValue: cat.minOrder ?? 1, maxValue: 99_999_999, rangeCode: 'CHK_STEP_CATEGORY_QUALITY_MINSIZE_ERROR'
    },
    {
      id: 'ladderPeriod', name: n('Lead Time', '交货期'), type: 'multiComplex', required: true, maxInputNum: 3,
      children: [
        { id: 'quantity', name: n('Up to quantity', '数量'), type: 'input', required: true, valueType: 'integer', minValue: 1 },
        { id: 'day', name: n('Days', '天数'), type: 'input', required: true, valueType: 'integer', minValue: 1, maxValue: 365 }
      ]
    },
    {
      id: 'productDescType', name: n('Description Type', '详情类型'), type: 'singleCheck', required: true,
      options: [{ value: '2', name: n('Normal Editor', '普通编辑器') }, { value: '3', name: n('Smart Editor', '智能编辑') }]
    },
    { id: 'superText', name: n('Product Description', '详细描述'), type: 'input', required: true, valueType: 'html', maxLength: { value: 60_000 } }
  ]
}

export function leafSchema(catId: number, language: SchemaLanguage): FieldSpec[] | null {
  const cat = findCategory(catId)
  return cat?.leaf ? categorySchema(cat, language) : null
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function ruleXml(name: string, value: string | number, extra = ''): string {
  return `<rule name="${name}" value="${esc(String(value))}"${extra}/>`
}

/** Renders a field as rules XML; `valueXml(field)` may add the stored value (schema.render). */
export function fieldXml(f: FieldSpec, lang: SchemaLanguage, valueXml?: (f: FieldSpec) => string): string {
  const name = lang === 'zh' ? f.name.zh : f.name.en
  const rules: string[] = []
  if (f.required) rules.push(ruleXml('requiredRule', 'true'))
  if (f.requiredWhen) {
    rules.push(`<rule name="requiredRule" value="true"><depend-group operator="and"><depend-express fieldId="${esc(f.requiredWhen.field)}" value="${esc(f.requiredWhen.value)}" symbol="=="/></depend-group></rule>`)
  }
  if (f.maxLength) rules.push(ruleXml('maxLengthRule', f.maxLength.value, f.maxLength.unit ? ` unit="${f.maxLength.unit}"` : ''))
  if (f.minLength) rules.push(ruleXml('minLengthRule', f.minLength))
  if (f.regex) rules.push(ruleXml('regexRule', f.regex))
  if (f.maxInputNum) rules.push(ruleXml('maxInputNumRule', f.maxInputNum))
  if (f.minValue !== undefined) rules.push(ruleXml('minValueRule', f.minValue))
  if (f.maxValue !== undefined) rules.push(ruleXml('maxValueRule', f.maxValue))
  if (f.valueType) rules.push(ruleXml('valueTypeRule', f.valueType))
  if (f.fileId) rules.push(ruleXml('valueAttributeRule', 'fileId'))
  if (f.allowCustom) rules.push(ruleXml('valueAttributeRule', 'inputValue'))
  if (f.valueImage) {
    rules.push(ruleXml('valueAttributeRule', 'fileId', f.valueImage === 'required' ? ' exProperty="required"' : ''))
    rules.push(ruleXml('valueAttributeRule', 'imageUrl'))
  }
  const options = f.options?.length
    ? `<options>${f.options.map((o) => `<option displayName="${esc(lang === 'zh' ? o.name.zh : o.name.en)}" value="${esc(o.value)}"/>`).join('')}</options>`
    : ''
  const children = f.children?.length ? `<fields>${f.children.map((c) => fieldXml(c, lang, valueXml)).join('')}</fields>` : ''
  const value = valueXml ? valueXml(f) : ''
  return `<field id="${esc(f.id)}" name="${esc(name)}" type="${f.type}">${rules.length ? `<rules>${rules.join('')}</rules>` : ''}${options}${children}${value}</field>`
}

export function rulesXml(fields: FieldSpec[], lang: SchemaLanguage, valueXml?: (f: FieldSpec) => string): string {
  return `<itemSchema>${fields.map((f) => fieldXml(f, lang, valueXml)).join('')}</itemSchema>`
}
