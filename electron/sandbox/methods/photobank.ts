// alibaba.icbu.photobank.upload / .list: multipart upload (≤ 5 MB, real image bytes, plain file
// names) into the seller's photobank; URLs are protocol-relative like `//sc04.alicdn.com/kf/…`.
import { createHash } from 'node:crypto'
import { SandboxError } from '../errors.ts'
import { MAX_IMAGE_BYTES } from '../request.ts'
import { formatGmt8 } from '../signature.ts'
import { integer, required, traceId, type MethodContext, type MethodDef } from './context.ts'

/** Letters, digits and CJK characters, with an optional image extension. */
const FILE_NAME = /^[\p{L}\p{N}]{1,100}(\.(jpe?g|png|gif|webp|bmp))?$/u

export function sniffImage(bytes: Buffer): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.subarray(0, 6).toString('latin1'))) return 'image/gif'
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp'
  return null
}

export const photobankUpload: MethodDef = {
  auth: true,
  write: true,
  run(ctx: MethodContext) {
    const fileName = required(ctx.params, 'file_name')
    const file = ctx.files.find((f) => f.field === 'image_bytes')
    if (!file) throw new SandboxError('missingParameter', { subMsg: 'parameter image_bytes is required (send it as a multipart file part)' })
    if (file.truncated || file.bytes.length > MAX_IMAGE_BYTES) {
      throw new SandboxError('sizeTooLarge', { subMsg: `the image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB` })
    }
    if (!FILE_NAME.test(fileName)) throw new SandboxError('fileName', { subMsg: 'file_name may contain only letters, digits and Chinese characters' })
    const mime = sniffImage(file.bytes)
    if (!mime) throw new SandboxError('imageFormat', { subMsg: 'image_bytes is not a JPEG, PNG, GIF or WebP image' })
    const sha256 = createHash('sha256').update(file.bytes).digest('hex')
    const row = ctx.store.addImage({
      sellerId: ctx.sellerId, sha256, fileName, size: file.bytes.length, mime, groupId: ctx.params.group_id ?? null, bytes: file.bytes, now: ctx.now
    })
    return { upload_image_response: { file_id: row.file_id, photobank_url: `//${ctx.imageHost}${row.url_path}`, file_name: row.file_name } }
  }
}

export const photobankList: MethodDef = {
  auth: true,
  write: false,
  run(ctx) {
    const page = integer(ctx.params, 'current_page', 1, 1, 100_000)
    const size = integer(ctx.params, 'page_size', 20, 1, 50)
    const { total, rows } = ctx.store.listImages(ctx.sellerId, (page - 1) * size, size)
    return {
      pagination_query_list: {
        current_page: page,
        page_size: size,
        total_count: total,
        list: rows.map((r) => ({
          id: r.file_id, url: `//${ctx.imageHost}${r.url_path}`, file_name: r.file_name, file_size: r.size,
          gmt_modified: formatGmt8(r.created_at), group_id: r.group_id ?? '', display_name: r.file_name, reference_count: 0
        }))
      },
      trace_id: traceId()
    }
  },
  wrapLists(result) {
    const p = result.pagination_query_list as { list: unknown[] }
    return { ...result, pagination_query_list: { ...p, list: { photobank_image_do: p.list } } }
  }
}
