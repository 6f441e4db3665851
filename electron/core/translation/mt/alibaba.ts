// Alibaba Cloud Machine Translation (alimt, API 2018-10-12), the e-commerce engine with "title" and
// "description" scenes. It has no Italian source, so Vetrina sends English: the unit's English
// translation when there is one, or Italian translated to English by another provider first.
// Requests are RPC-style and signed with HMAC-SHA1 (signature version 1.0).
import { createHmac, randomUUID } from 'node:crypto'
import type { Services } from '../../core.ts'
import { assertSecretEndpoint, originOf, secretFor } from '../../platform/endpoints.ts'
import { readMtConfig, SECRET } from './config.ts'
import { MtError, mtFetch, retryAfterMs } from './errors.ts'
import type { MtProvider, MtRequest } from './provider.ts'

/** RFC 3986 encoding as the signature algorithm requires. */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~').replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

export function signRpc(params: Record<string, string>, secret: string, method = 'POST'): string {
  const canonical = Object.keys(params).sort().map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`).join('&')
  const toSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`
  return createHmac('sha1', `${secret}&`).update(toSign).digest('base64')
}

function alibabaLang(locale: string): string {
  if (/^zh(-CN|-Hans)?$/i.test(locale)) return 'zh'
  if (/^zh-(TW|HK|Hant)$/i.test(locale)) return 'zh-tw'
  return locale.split('-')[0].toLowerCase()
}

export class AlibabaProvider implements MtProvider {
  readonly name = 'alibaba' as const
  readonly label = 'Alibaba Cloud Machine Translation'
  readonly maxBatch = 1
  readonly maxChars = 5000
  private readonly s: Services

  constructor(s: Services) {
    this.s = s
  }

  async configured(): Promise<boolean> {
    return !!(await this.s.secrets.get(SECRET.alibabaId)) && !!(await this.s.secrets.get(SECRET.alibabaSecret))
  }

  async probeUrl(): Promise<string | null> {
    return `${(readMtConfig(this.s).alibaba.baseUrl ?? 'https://mt.cn-hangzhou.aliyuncs.com').replace(/\/+$/, '')}/`
  }

  /** English in; the e-commerce scenes cover en → zh and other targets, never Italian. */
  sourceFor(targetLang: string): 'en' | null {
    return targetLang.startsWith('en') || targetLang === 'it' ? null : 'en'
  }

  async translate(req: MtRequest, signal: AbortSignal): Promise<string[]> {
    const endpoint = (readMtConfig(this.s).alibaba.baseUrl ?? 'https://mt.cn-hangzhou.aliyuncs.com').replace(/\/+$/, '')
    assertSecretEndpoint(endpoint)
    const id = await secretFor(this.s.secrets, SECRET.alibabaId, originOf(endpoint))
    const secret = await secretFor(this.s.secrets, SECRET.alibabaSecret, originOf(endpoint))
    if (!id || !secret) throw new MtError('auth', 'Alibaba Cloud needs an AccessKey ID and secret; add them in the translation settings.')
    const out: string[] = []
    for (const text of req.texts) {
      const params: Record<string, string> = {
        Action: 'Translate', Version: '2018-10-12', Format: 'JSON', AccessKeyId: id,
        SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: randomUUID(),
        Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        FormatType: req.format, SourceLanguage: alibabaLang(req.sourceLang), TargetLanguage: alibabaLang(req.targetLang),
        SourceText: text, Scene: req.scene
      }
      params.Signature = signRpc(params, secret)
      const res = await mtFetch(`${endpoint}/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString()
      }, signal)
      const raw = await res.text()
      let data: { Code?: string | number; Message?: string; Data?: { Translated?: string } } = {}
      try {
        data = JSON.parse(raw)
      } catch {
        if (res.ok) throw new MtError('server', 'Alibaba Cloud returned an answer that is not JSON.')
      }
      const code = String(data.Code ?? res.status)
      if (res.ok && (code === '200' || code === 'OK') && typeof data.Data?.Translated === 'string') {
        out.push(data.Data.Translated)
        continue
      }
      const msg = `${code}: ${data.Message ?? raw.slice(0, 200)}`
      if (res.status === 429 || /Throttling/i.test(code)) throw new MtError('rate_limited', `Alibaba Cloud: too many requests (${msg}).`, { status: res.status, retryAfterMs: retryAfterMs(res, 2000) })
      if (/Quota|Arrearage|Overdue|InsufficientBalance|Unpaid/i.test(code)) throw new MtError('quota', `Alibaba Cloud: quota or balance exhausted (${msg}).`, { status: res.status })
      if (/AccessKey|Signature|Forbidden|NoPermission|Unauthorized/i.test(code) || res.status === 403 || res.status === 401) {
        throw new MtError('auth', `Alibaba Cloud refused the credentials (${msg}).`, { status: res.status })
      }
      if (res.status >= 500 || /ServiceUnavailable|InternalError/i.test(code)) throw new MtError('server', `Alibaba Cloud is unavailable (${msg}).`, { status: res.status, retryAfterMs: 30_000 })
      if (/Length|TooLong/i.test(code)) throw new MtError('too_large', `Alibaba Cloud: text too long (${msg}).`, { status: res.status })
      throw new MtError('bad_request', `Alibaba Cloud rejected the request (${msg}).`, { status: res.status })
    }
    return out
  }
}
