// The ICBU calls the publisher uses, with their replies checked: a reply of the wrong shape is an
// error with a reason (and, for a write, an unknown outcome), never a crash further on.
import { z } from 'zod'
import type { IcbuClient } from './client.ts'
import { PavilionError } from './errors.ts'
import type { Json } from './envelope.ts'

const idString = z.union([z.string().min(1), z.number().int()]).transform(String)
const bool = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true')
const strings = z.union([z.array(z.unknown()), z.string(), z.null(), z.undefined()]).transform((v) =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? v.split(',') : []
)

const BizReply = z.looseObject({
  biz_success: bool,
  product_id: idString.optional(),
  data: z.string().optional(),
  msg_code: z.string().nullish(),
  message: z.string().nullish()
})

const UploadReply = z.looseObject({
  file_id: idString,
  photobank_url: z.string().min(3),
  file_name: z.string().optional()
})

const ProductBrief = z.looseObject({
  id: idString.optional(),
  product_id: idString,
  subject: z.string().default(''),
  status: z.string().default(''),
  display: z.string().default(''),
  category_id: idString.optional(),
  language: z.string().optional(),
  gmt_create: z.string().optional(),
  gmt_modified: z.string().optional(),
  main_image: z.looseObject({ images: strings }).optional()
})
export type ProductBrief = z.infer<typeof ProductBrief>

const ListReply = z.looseObject({
  total_item: z.union([z.number(), z.string()]).transform(Number).default(0),
  products: z.array(ProductBrief).nullish().transform((v) => v ?? [])
})

const GetReply = z.looseObject({ product: ProductBrief })

const DisplayReply = z.looseObject({ sub_success: bool, sub_error_code: z.string().nullish(), sub_error_msg: z.string().nullish() })

const CategoryReply = z.looseObject({
  category: z.looseObject({
    category_id: idString,
    name: z.string().default(''),
    cn_name: z.string().default(''),
    level: z.union([z.number(), z.string()]).transform(Number).default(0),
    leaf_category: bool.default(false),
    parent_ids: strings,
    child_ids: strings
  })
})

const PhotobankList = z.looseObject({
  pagination_query_list: z.looseObject({
    list: z.array(z.looseObject({ id: idString, url: z.string(), file_name: z.string().default(''), gmt_modified: z.string().optional() })).nullish().transform((v) => v ?? [])
  })
})

/** ICBU times are "yyyy-MM-dd HH:mm:ss" in China time (GMT+8). */
function gmt8(value: string | undefined): number | null {
  if (!value) return null
  const ms = Date.parse(`${value.trim().replace(' ', 'T')}+08:00`)
  return Number.isFinite(ms) ? ms : null
}

export type BizResult<T> = ({ ok: true } & T) | { ok: false; codes: string[]; messages: string[] }

function shape<S extends z.ZodType>(schema: S, reply: Json, what: string): z.output<S> {
  const r = schema.safeParse(reply)
  if (!r.success) {
    const issue = r.error.issues[0]
    throw new PavilionError('unknown_outcome', `The pavilion's reply to ${what} has an unexpected shape (${issue.path.join('.') || 'reply'}: ${issue.message}).`, { code: 'bad_reply' })
  }
  return r.data
}

function biz<T>(reply: z.output<typeof BizReply>, ok: () => T): BizResult<T> {
  if (reply.biz_success) return { ok: true, ...ok() }
  const split = (s: string | null | undefined) => (s ?? '').split(';').map((x) => x.trim()).filter(Boolean)
  return { ok: false, codes: split(reply.msg_code), messages: split(reply.message) }
}

export interface PublishRequest {
  catId: string
  language: string
  xml?: string
  productId?: string
}

function publishParam(r: PublishRequest): Record<string, unknown> {
  const out: Record<string, unknown> = { cat_id: Number(r.catId), language: r.language }
  if (r.xml !== undefined) out.xml = r.xml
  if (r.productId !== undefined) out.product_id = Number(r.productId)
  return out
}

export class PavilionApi {
  readonly client: IcbuClient

  constructor(client: IcbuClient) {
    this.client = client
  }

  async schemaGet(catId: string, language: string, signal?: AbortSignal): Promise<BizResult<{ xml: string }>> {
    const reply = shape(BizReply, await this.client.call('alibaba.icbu.product.schema.get', { param_product_top_publish_request: publishParam({ catId, language }) }, { signal }), 'product.schema.get')
    if (reply.biz_success && !reply.data) throw new PavilionError('transient', 'The category rules came back empty.', { code: 'bad_reply' })
    return biz(reply, () => ({ xml: reply.data! }))
  }

  private async write(method: string, r: PublishRequest, signal?: AbortSignal): Promise<BizResult<{ productId: string }>> {
    const reply = shape(BizReply, await this.client.call(method, { param_product_top_publish_request: publishParam(r) }, { signal }), method)
    if (reply.biz_success && !reply.product_id) throw new PavilionError('unknown_outcome', `The reply to ${method} has no product_id.`, { code: 'bad_reply' })
    return biz(reply, () => ({ productId: reply.product_id! }))
  }

  schemaAdd(r: PublishRequest, signal?: AbortSignal) {
    return this.write('alibaba.icbu.product.schema.add', r, signal)
  }

  schemaUpdate(r: PublishRequest, signal?: AbortSignal) {
    return this.write('alibaba.icbu.product.schema.update', r, signal)
  }

  /** Accepts both reply shapes seen live (with and without the `upload_image_response` level). */
  async uploadImage(bytes: Uint8Array, fileName: string, mime: string, signal?: AbortSignal): Promise<{ fileId: string; url: string }> {
    const reply = await this.client.call('alibaba.icbu.photobank.upload', { file_name: fileName }, { signal, file: { field: 'image_bytes', name: fileName, bytes, mime } })
    const inner = typeof reply.upload_image_response === 'object' && reply.upload_image_response !== null ? (reply.upload_image_response as Json) : reply
    const r = shape(UploadReply, inner, 'photobank.upload')
    return { fileId: r.file_id, url: r.photobank_url }
  }

  /** Newest photobank images first (to find an upload whose reply was lost). */
  async listImages(page: number, pageSize: number, signal?: AbortSignal): Promise<Array<{ fileId: string; url: string; fileName: string; modifiedAt: number | null }>> {
    const reply = await this.client.call('alibaba.icbu.photobank.list', { current_page: page, page_size: pageSize }, { signal })
    return shape(PhotobankList, reply, 'photobank.list').pagination_query_list.list.map((i) => ({ fileId: i.id, url: i.url, fileName: i.file_name, modifiedAt: gmt8(i.gmt_modified) }))
  }

  async listProducts(q: { language: string; page: number; pageSize: number; subject?: string; categoryId?: string; modifiedFrom?: string }, signal?: AbortSignal) {
    const reply = await this.client.call('alibaba.icbu.product.list', {
      language: q.language, current_page: q.page, page_size: q.pageSize, subject: q.subject, category_id: q.categoryId, gmt_modified_from: q.modifiedFrom
    }, { signal })
    return shape(ListReply, reply, 'product.list')
  }

  async getProduct(id: string, language: string, signal?: AbortSignal): Promise<ProductBrief> {
    const reply = await this.client.call('alibaba.icbu.product.get', { product_id: id, language }, { signal })
    return shape(GetReply, reply, 'product.get').product
  }

  async setDisplay(encryptedIds: string[], on: boolean, signal?: AbortSignal): Promise<{ ok: boolean; code: string | null; message: string | null }> {
    const reply = await this.client.call('alibaba.icbu.product.batch.update.display', { new_display: on ? 'on' : 'off', product_id_list: encryptedIds }, { signal })
    const r = shape(DisplayReply, reply, 'product.batch.update.display')
    return { ok: r.sub_success, code: r.sub_error_code ?? null, message: r.sub_error_msg ?? null }
  }

  async category(catId: string, signal?: AbortSignal) {
    const reply = await this.client.call('alibaba.icbu.category.get.new', { cat_id: catId }, { signal })
    return shape(CategoryReply, reply, 'category.get.new').category
  }
}
