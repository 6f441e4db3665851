// Schema-based publishing and reading back: product.schema.get / add / add.draft / update /
// render / render.draft, product.list, product.get, product.batch.update.display, id encrypt and
// decrypt. A write puts the product into audit; audits finish lazily when products are read.
import { SandboxError } from '../errors.ts'
import { findCategory } from '../catalog-data.ts'
import { leafSchema, rulesXml, type FieldSpec, type SchemaLanguage } from '../schema.ts'
import { productSkuOf, wrapProductSku, type ProductSkuOut } from '../sku-readback.ts'
import { skuRules } from '../sku-rules.ts'
import { validateSkuBlock } from '../sku-validate.ts'
import { formatGmt8, parseTimestamp } from '../signature.ts'
import type { ProductRow } from '../store.ts'
import { XmlError, parseValueXml, textOf, validateValues, type FieldValue, type Values } from '../validate.ts'
import { bizFailure, integer, required, traceId, type MethodContext, type MethodDef, type MethodResult } from './context.ts'

interface PublishRequest {
  catId: number
  language: SchemaLanguage
  xml: string | null
  productId: string | null
}

function publishRequest(ctx: MethodContext): PublishRequest {
  const raw = required(ctx.params, 'param_product_top_publish_request')
  let obj: unknown
  try {
    obj = JSON.parse(raw)
  } catch {
    throw new SandboxError('invalidParameter', { subMsg: 'param_product_top_publish_request must be a JSON object' })
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new SandboxError('invalidParameter', { subMsg: 'param_product_top_publish_request must be a JSON object' })
  const o = obj as Record<string, unknown>
  const catRaw = o.cat_id ?? o.catId
  const catId = typeof catRaw === 'number' ? catRaw : typeof catRaw === 'string' && /^\d+$/.test(catRaw) ? Number(catRaw) : NaN
  const language = typeof o.language === 'string' ? o.language : 'en_US'
  if (!ctx.settings.languages.includes(language as SchemaLanguage)) {
    throw new SandboxError('invalidParameter', { subMsg: `language ${language} is not supported (use ${ctx.settings.languages.join(', ')})` })
  }
  const pid = o.product_id ?? o.productId
  return {
    catId,
    language: language as SchemaLanguage,
    xml: typeof o.xml === 'string' ? o.xml : null,
    productId: pid === undefined || pid === null ? null : String(pid)
  }
}

/** The leaf schema, or the business failure explaining why there is none. */
function schemaFor(req: PublishRequest): FieldSpec[] | MethodResult {
  if (!Number.isFinite(req.catId)) return bizFailure([{ code: 'PUB_BIZCHECK_CAT_ID_NOTEXIST', message: 'cat_id is required' }])
  const cat = findCategory(req.catId)
  if (!cat) return bizFailure([{ code: 'PUB_BIZCHECK_CAT_DATA_NOTEXIST', message: `category ${req.catId} does not exist` }])
  if (!cat.leaf) return bizFailure([{ code: 'CHK_CAT_NOT_LEAF', message: `category ${req.catId} is not a leaf category; products can only be published in leaf categories` }])
  return leafSchema(req.catId, req.language)!
}

const isFailure = (x: FieldSpec[] | MethodResult): x is MethodResult => !Array.isArray(x)

function urlPath(url: string): string {
  return url.trim().replace(/^(https?:)?\/\/[^/]+/i, '')
}

function validateDoc(ctx: MethodContext, catId: number, fields: FieldSpec[], values: Values, language: SchemaLanguage, draft: boolean) {
  return [...validateValues(fields, values, {
    draft,
    language,
    imageOk: (fileId, url) => {
      if (!fileId || !/^\d+$/.test(fileId)) return false
      const img = ctx.store.image(Number(fileId))
      return !!img && img.seller_id === ctx.sellerId && img.url_path === urlPath(url)
    },
    isPhotobankUrl: (src) => ctx.store.sellerHasImagePath(urlPath(src), ctx.sellerId)
  }), ...validateSkuBlock(values, skuRules(catId))]
}

function parseDoc(xml: string | null, ctx: MethodContext): Values | MethodResult {
  if (!xml) return bizFailure([{ code: 'CHK_BASIC_REQUIRED', message: 'xml is required' }])
  try {
    return parseValueXml(xml, ctx.settings.ignoreNestedComplexValue)
  } catch (err) {
    if (err instanceof XmlError) return bizFailure([{ code: 'PUB_BIZCHECK_XML_PARSE_ERROR', message: err.message }])
    throw err
  }
}

// Values are stored as JSON so render can fill them in and update can merge into them.
type StoredField = { values: FieldValue['values']; complex?: StoredValues; items?: StoredValues[] }
type StoredValues = Record<string, StoredField>

function toStored(values: Values): StoredValues {
  const out: StoredValues = {}
  for (const [id, v] of values) {
    out[id] = { values: v.values }
    if (v.complex) out[id].complex = toStored(v.complex)
    if (v.items) out[id].items = v.items.map(toStored)
  }
  return out
}

function fromStored(stored: StoredValues): Values {
  const map: Values = new Map()
  for (const [id, v] of Object.entries(stored)) {
    map.set(id, { id, values: v.values, complex: v.complex ? fromStored(v.complex) : undefined, items: v.items?.map(fromStored) })
  }
  return map
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function valueXml(v: StoredField | undefined): string {
  if (!v) return ''
  const one = (x: { text: string; attrs: Record<string, string> }) =>
    `<value${Object.entries(x.attrs).map(([k, a]) => ` ${k}="${esc(a)}"`).join('')}>${esc(x.text)}</value>`
  if (v.items) return v.items.map((item) => `<complex-values>${fieldsXml(item)}</complex-values>`).join('')
  if (v.complex) return `<complex-value>${fieldsXml(v.complex)}</complex-value>`
  if (v.values.length > 1) return `<values>${v.values.map(one).join('')}</values>`
  return v.values.map(one).join('')
}

function fieldsXml(values: StoredValues): string {
  return Object.entries(values).map(([id, v]) => `<field id="${esc(id)}">${valueXml(v)}</field>`).join('')
}

function summaryOf(values: Values, ctx: MethodContext) {
  const images = values.get('scImages')?.complex
  const urls = images ? [...images.values()].map((v) => v.values[0]?.text.trim() ?? '').filter(Boolean) : []
  return {
    subject: textOf(values, 'productTitle'),
    keywords: JSON.stringify(textOf(values, 'productKeywords', 'productKeywords_0').split('\n').map((k) => k.trim()).filter(Boolean)),
    images: JSON.stringify(urls.map((u) => `//${ctx.imageHost}${urlPath(u)}`))
  }
}

function addProduct(ctx: MethodContext, draft: boolean): MethodResult {
  const req = publishRequest(ctx)
  const fields = schemaFor(req)
  if (isFailure(fields)) return fields
  const values = parseDoc(req.xml, ctx)
  if (!(values instanceof Map)) return values
  const failures = validateDoc(ctx, req.catId, fields, values, req.language, draft)
  if (failures.length > 0) return bizFailure(failures)
  const row = ctx.store.insertProduct({
    seller_id: ctx.sellerId, kind: draft ? 'draft' : 'product', cat_id: req.catId, language: req.language,
    ...summaryOf(values, ctx),
    status: draft ? 'sketch' : 'auditing', display: 'N', values_json: JSON.stringify(toStored(values)),
    audit_due_at: draft ? null : ctx.now + ctx.settings.audit.delayMs, gmt_create: ctx.now, gmt_modified: ctx.now
  })
  return { product_id: row.id, biz_success: true, trace_id: traceId() }
}

function rejectRule(ctx: MethodContext) {
  const words = ctx.settings.audit.rejectWords.map((w) => w.toLowerCase())
  return (subject: string) => words.some((w) => subject.toLowerCase().includes(w))
}

const notExist = () => bizFailure([{ code: 'PUB_BIZCHECK_PRODUCT_NOT_EXIST', message: 'Record does not exist' }])

export const schemaGet: MethodDef = {
  auth: true,
  write: false,
  run(ctx) {
    const req = publishRequest(ctx)
    const fields = schemaFor(req)
    if (isFailure(fields)) return fields
    return { data: rulesXml(fields, req.language), biz_success: true, trace_id: traceId() }
  }
}

export const schemaAdd: MethodDef = { auth: true, write: true, run: (ctx) => addProduct(ctx, false) }
export const schemaAddDraft: MethodDef = { auth: true, write: true, run: (ctx) => addProduct(ctx, true) }

export const schemaUpdate: MethodDef = {
  auth: true,
  write: true,
  run(ctx) {
    const req = publishRequest(ctx)
    if (!req.productId || !/^\d+$/.test(req.productId)) return bizFailure([{ code: 'CHK_BASIC_REQUIRED', message: 'product_id (the plain numeric id) is required' }])
    ctx.store.applyDueAudits(ctx.now, rejectRule(ctx))
    const row = ctx.store.product(Number(req.productId))
    if (!row || row.kind === 'draft') return notExist()
    if (row.seller_id !== ctx.sellerId) return bizFailure([{ code: 'PUB_BIZCHECK_NOT_PRODUCT_OWNER', message: 'You are not the owner of this product' }])
    if (row.status === 'auditing' || row.status === 'modified') {
      return bizFailure([{ code: 'PUB_BIZCHECK_PRODUCT_IN_AUDITING', message: 'The product is being audited and cannot be edited now' }])
    }
    if (row.language !== req.language) return bizFailure([{ code: 'PUB_BIZCHECK_PRODUCT_NOT_EDITABLE', message: `the product's language is ${row.language}` }])
    const fields = schemaFor(req)
    if (isFailure(fields)) return fields
    const supplied = parseDoc(req.xml, ctx)
    if (!(supplied instanceof Map)) return supplied
    // Incremental: the supplied fields replace the stored ones; the result is validated whole.
    const merged = fromStored(JSON.parse(row.values_json) as StoredValues)
    for (const [id, v] of supplied) merged.set(id, v)
    const failures = validateDoc(ctx, req.catId, fields, merged, req.language, false)
    if (failures.length > 0) return bizFailure(failures)
    ctx.store.updateProduct({
      ...row, ...summaryOf(merged, ctx), cat_id: req.catId, status: 'modified', values_json: JSON.stringify(toStored(merged)),
      audit_due_at: ctx.now + ctx.settings.audit.delayMs, gmt_modified: ctx.now
    })
    return { product_id: row.id, biz_success: true, trace_id: traceId() }
  }
}

function render(draft: boolean): MethodDef {
  return {
    auth: true,
    write: false,
    run(ctx) {
      const req = publishRequest(ctx)
      ctx.store.applyDueAudits(ctx.now, rejectRule(ctx))
      const row = req.productId && /^\d+$/.test(req.productId) ? ctx.store.product(Number(req.productId)) : undefined
      if (!row || (row.kind === 'draft') !== draft || row.seller_id !== ctx.sellerId) return notExist()
      const fields = leafSchema(row.cat_id, row.language as SchemaLanguage) ?? []
      const stored = JSON.parse(row.values_json) as StoredValues
      return { data: rulesXml(fields, row.language as SchemaLanguage, (f) => valueXml(stored[f.id])), biz_success: true, trace_id: traceId() }
    }
  }
}

export const schemaRender = render(false)
export const schemaRenderDraft = render(true)

function languageParam(ctx: MethodContext): SchemaLanguage {
  const lang = required(ctx.params, 'language').toUpperCase()
  if (lang === 'ENGLISH') return 'en_US'
  if (lang === 'CHINESE' && ctx.settings.languages.includes('zh')) return 'zh'
  throw new SandboxError('invalidParameter', { subMsg: `language ${lang} is not supported (ENGLISH)` })
}

function brief(row: ProductRow, ctx: MethodContext) {
  return {
    id: row.id,
    product_id: row.encrypted_id,
    subject: row.subject,
    keywords: JSON.parse(row.keywords) as string[],
    main_image: { images: JSON.parse(row.images) as string[], watermark: false },
    status: row.status,
    display: row.display,
    product_type: 'sourcing',
    language: row.language === 'zh' ? 'CHINESE' : 'ENGLISH',
    category_id: row.cat_id,
    group_id: 0,
    owner_member_display_name: ctx.store.sellerName(row.seller_id),
    gmt_create: formatGmt8(row.gmt_create),
    gmt_modified: formatGmt8(row.gmt_modified),
    pc_detail_url: `https://www.alibaba.com/product-detail/${row.subject.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'product'}_${row.id}.html`
  }
}

function timeParam(ctx: MethodContext, name: string): number | undefined {
  const raw = ctx.params[name]
  if (!raw) return undefined
  const ms = parseTimestamp(raw, true)
  if (ms === null) throw new SandboxError('invalidParameter', { subMsg: `${name} must be yyyy-MM-dd HH:mm:ss` })
  return ms
}

export const productList: MethodDef = {
  auth: true,
  write: false,
  run(ctx) {
    const language = languageParam(ctx)
    const size = integer(ctx.params, 'page_size', 20, 1, 30)
    const page = integer(ctx.params, 'current_page', 1, 1, 1_000_000)
    ctx.store.applyDueAudits(ctx.now, rejectRule(ctx))
    const categoryId = ctx.params.category_id ? integer(ctx.params, 'category_id', 0, 0, Number.MAX_SAFE_INTEGER) : undefined
    const id = ctx.params.id ? integer(ctx.params, 'id', 0, 0, Number.MAX_SAFE_INTEGER) : undefined
    const { total, rows } = ctx.store.listProducts({
      sellerId: ctx.sellerId, language, subject: ctx.params.subject, categoryId, id,
      modifiedFrom: timeParam(ctx, 'gmt_modified_from'), modifiedTo: timeParam(ctx, 'gmt_modified_to'),
      offset: (page - 1) * size, limit: size
    })
    return { current_page: page, page_size: size, total_item: total, products: rows.map((r) => brief(r, ctx)) }
  },
  wrapLists(result) {
    const products = (result.products as Array<ReturnType<typeof brief>>).map((p) => ({
      ...p, keywords: { string: p.keywords }, main_image: { ...p.main_image, images: { string: p.main_image.images } }
    }))
    return { ...result, products: { alibaba_product_brief_response: products } }
  }
}

function attributesOf(row: ProductRow) {
  const fields = leafSchema(row.cat_id, row.language as SchemaLanguage) ?? []
  const props = fields.find((f) => f.id === 'icbuCatProp')?.children ?? []
  const stored = (JSON.parse(row.values_json) as StoredValues).icbuCatProp?.complex ?? {}
  const out: Array<{ attribute_id: number; attribute_name: string; value_id: number; value_name: string }> = []
  for (const f of props) {
    for (const v of stored[f.id]?.values ?? []) {
      const opt = f.options?.find((o) => o.value === v.text.trim())
      out.push({
        attribute_id: Number(f.id.slice(2)), attribute_name: f.name.en,
        value_id: opt ? Number(opt.value) : -1, value_name: opt ? opt.name.en : v.attrs.inputValue ?? v.text
      })
    }
  }
  return out
}

export const productGet: MethodDef = {
  auth: true,
  write: false,
  run(ctx) {
    const id = required(ctx.params, 'product_id')
    languageParam(ctx)
    ctx.store.applyDueAudits(ctx.now, rejectRule(ctx))
    const row = ctx.store.productByAnyId(id)
    if (!row || row.kind === 'draft' || row.seller_id !== ctx.sellerId) {
      throw new SandboxError('invalidParameter', { subMsg: `product ${id} does not exist`, subCode: 'isv.product-not-exist' })
    }
    const stored = JSON.parse(row.values_json) as StoredValues
    const b = brief(row, ctx)
    const skus = productSkuOf(row.id, row.cat_id, stored, ctx.imageHost)
    return {
      product: {
        product_id: b.product_id, subject: b.subject, category_id: b.category_id, group_id: 0, keywords: b.keywords,
        language: b.language, product_type: b.product_type, status: b.status, display: b.display,
        gmt_create: b.gmt_create, gmt_modified: b.gmt_modified, owner_member: `seller${row.seller_id}`,
        owner_member_display_name: b.owner_member_display_name, description: stored.superText?.values[0]?.text ?? '',
        main_image: b.main_image, attributes: attributesOf(row), price_type: skus?.price_type ?? 'ladder_price', is_smart_edit: false,
        pc_detail_url: b.pc_detail_url, ...(skus ? { product_sku: skus.product_sku } : {})
      }
    }
  },
  wrapLists(result) {
    const p = result.product as ReturnType<typeof brief> & { attributes: unknown[]; product_sku?: ProductSkuOut }
    return {
      ...result,
      product: {
        ...p, keywords: { string: p.keywords }, main_image: { ...p.main_image, images: { string: p.main_image.images } },
        attributes: { product_attribute: p.attributes }, ...(p.product_sku ? { product_sku: wrapProductSku(p.product_sku) } : {})
      }
    }
  }
}

export const batchUpdateDisplay: MethodDef = {
  auth: true,
  write: true,
  run(ctx) {
    const display = required(ctx.params, 'new_display')
    if (display !== 'on' && display !== 'off') throw new SandboxError('invalidParameter', { subMsg: 'new_display must be on or off' })
    const ids = required(ctx.params, 'product_id_list').split(',').map((s) => s.trim()).filter(Boolean)
    if (ids.length > 100) throw new SandboxError('invalidParameter', { subMsg: 'at most 100 products per call' })
    ctx.store.applyDueAudits(ctx.now, rejectRule(ctx))
    const rows = ids.map((id) => ctx.store.productByAnyId(id))
    const missing = ids.filter((_, i) => !rows[i] || rows[i]!.kind === 'draft' || rows[i]!.seller_id !== ctx.sellerId)
    if (missing.length > 0) {
      return { sub_success: false, sub_error_code: 'PUB_BIZCHECK_PRODUCT_NOT_EXIST', sub_error_msg: `products not found: ${missing.join(',')}`, trace_id: traceId() }
    }
    if (display === 'on') {
      const unapproved = rows.filter((r) => r!.status !== 'approved')
      if (unapproved.length > 0) {
        return { sub_success: false, sub_error_code: 'PUB_BIZCHECK_PRODUCT_STATUS_INVALID', sub_error_msg: `products not approved: ${unapproved.map((r) => r!.encrypted_id).join(',')}`, trace_id: traceId() }
      }
    }
    for (const r of rows) ctx.store.setDisplay(r!.id, display === 'on' ? 'Y' : 'N', ctx.now)
    return { sub_success: true }
  }
}

export const idEncrypt: MethodDef = {
  auth: true,
  write: false,
  run(ctx) {
    const id = integer(ctx.params, 'product_id', 0, 1, Number.MAX_SAFE_INTEGER)
    return { secret_id: ctx.store.encryptId(id) }
  }
}

export const idDecrypt: MethodDef = {
  auth: true,
  write: false,
  run(ctx) {
    const row = ctx.store.productByAnyId(required(ctx.params, 'product_id'))
    if (!row) throw new SandboxError('invalidParameter', { subMsg: 'unknown product id' })
    return { id: row.id }
  }
}

export const legacyProductApi: MethodDef = {
  auth: true,
  write: false,
  run(ctx) {
    throw new SandboxError(ctx.settings.legacyProductApis === 'offline' ? 'apiOffline' : 'insufficientPermission', {
      subMsg: 'use the schema publishing APIs (alibaba.icbu.product.schema.add)'
    })
  }
}
