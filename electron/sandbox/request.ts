// Collects a call's parameters from the query string, a form body and multipart text parts
// (clients differ on where they put them), and the file parts of a multipart upload.
import type { IncomingMessage } from 'node:http'
import busboy from 'busboy'

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024
const MAX_FORM_BYTES = 8 * 1024 * 1024

export interface UploadedFile {
  field: string
  fileName: string
  mime: string
  bytes: Buffer
  /** Larger than MAX_IMAGE_BYTES (the rest was not read). */
  truncated: boolean
}

export interface CallRequest {
  params: Record<string, string>
  files: UploadedFile[]
}

export class RequestTooLarge extends Error {}

export async function readCall(req: IncomingMessage, url: URL): Promise<CallRequest> {
  const params: Record<string, string> = {}
  for (const [k, v] of url.searchParams) params[k] = v
  const files: UploadedFile[] = []
  const type = req.headers['content-type'] ?? ''
  if (req.method !== 'POST') return { params, files }
  if (/^multipart\/form-data/i.test(type)) {
    await new Promise<void>((resolve, reject) => {
      const bb = busboy({ headers: req.headers, limits: { fileSize: MAX_IMAGE_BYTES, files: 4, fields: 200, fieldSize: MAX_FORM_BYTES } })
      bb.on('field', (name, value) => { params[name] = value })
      bb.on('file', (field, stream, info) => {
        const chunks: Buffer[] = []
        const file: UploadedFile = { field, fileName: info.filename ?? '', mime: info.mimeType, bytes: Buffer.alloc(0), truncated: false }
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('limit', () => { file.truncated = true })
        stream.on('end', () => {
          file.bytes = Buffer.concat(chunks)
          files.push(file)
        })
      })
      bb.on('close', () => resolve())
      bb.on('error', (err) => reject(err))
      req.pipe(bb)
    })
    return { params, files }
  }
  const body = await readBody(req, MAX_FORM_BYTES)
  if (body.length > 0) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = v
  }
  return { params, files }
}

export async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > max) throw new RequestTooLarge(`request body larger than ${max} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
