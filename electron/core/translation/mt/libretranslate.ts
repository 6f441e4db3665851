// LibreTranslate-compatible server (self-hosted on the office network). It pivots non-English
// pairs through English internally; we send Italian and ask for the target directly.
import type { Services } from '../../core.ts'
import { assertSecretEndpoint, originOf, secretFor } from '../../platform/endpoints.ts'
import { readMtConfig, SECRET } from './config.ts'
import { MtError, errorText, mtFetch, retryAfterMs } from './errors.ts'
import type { MtProvider, MtRequest } from './provider.ts'

export class LibreTranslateProvider implements MtProvider {
  readonly name = 'libretranslate' as const
  readonly label = 'LibreTranslate'
  readonly maxBatch = 25
  readonly maxChars = 20_000
  private readonly s: Services
  private languages: { url: string; codes: Map<string, string[]> } | null = null

  constructor(s: Services) {
    this.s = s
  }

  async configured(): Promise<boolean> {
    return !!readMtConfig(this.s).libretranslate.baseUrl
  }

  async probeUrl(): Promise<string | null> {
    const url = readMtConfig(this.s).libretranslate.baseUrl
    return url ? `${url.replace(/\/+$/, '')}/languages` : null
  }

  sourceFor(): 'it' {
    return 'it'
  }

  private url(): string {
    const url = readMtConfig(this.s).libretranslate.baseUrl
    if (!url) throw new MtError('auth', 'LibreTranslate has no server address; set it in the translation settings.')
    return url.replace(/\/+$/, '')
  }

  private async check(res: Response): Promise<void> {
    if (res.ok) return
    const msg = await errorText(res)
    const s = res.status
    if (s === 429) throw new MtError('rate_limited', `LibreTranslate asks to slow down (${msg}).`, { status: s, retryAfterMs: retryAfterMs(res, 10_000) })
    if (s === 403) throw new MtError('auth', `LibreTranslate refused the request (${msg}); check the API key.`, { status: s })
    if (s === 413) throw new MtError('too_large', `LibreTranslate: request too large (${msg}).`, { status: s })
    if (s >= 500) throw new MtError('server', `LibreTranslate failed (HTTP ${s}: ${msg}).`, { status: s, retryAfterMs: 30_000 })
    throw new MtError('bad_request', `LibreTranslate rejected the request (HTTP ${s}: ${msg}).`, { status: s })
  }

  /** The server's code for a catalogue locale ("zh-CN" → "zh-Hans" or "zh", whichever it offers). */
  private async code(locale: string, signal: AbortSignal): Promise<string> {
    const url = this.url()
    if (!this.languages || this.languages.url !== url) {
      const res = await mtFetch(`${url}/languages`, { method: 'GET' }, signal)
      await this.check(res)
      const list = (await res.json()) as Array<{ code: string; targets?: string[] }>
      this.languages = { url, codes: new Map(list.map((l) => [l.code, l.targets ?? []])) }
    }
    const codes = this.languages.codes
    const candidates = /^zh(-CN|-Hans|-SG)?$/i.test(locale) ? ['zh-Hans', 'zh'] : /^zh-(TW|HK|Hant)$/i.test(locale) ? ['zh-Hant', 'zt'] : [locale, locale.split('-')[0]]
    const found = candidates.find((c) => codes.has(c))
    if (!found) throw new MtError('unsupported', `The LibreTranslate server does not offer ${locale}.`)
    return found
  }

  async translate(req: MtRequest, signal: AbortSignal): Promise<string[]> {
    const url = this.url()
    const source = await this.code(req.sourceLang, signal)
    const target = await this.code(req.targetLang, signal)
    if (!(this.languages?.codes.get(source) ?? []).includes(target)) {
      throw new MtError('unsupported', `The LibreTranslate server cannot translate ${req.sourceLang} → ${req.targetLang}.`)
    }
    // A server on the office network may answer plain http; its API key goes only over https (or to this computer).
    if (await this.s.secrets.get(SECRET.libreKey)) assertSecretEndpoint(url)
    const apiKey = await secretFor(this.s.secrets, SECRET.libreKey, originOf(url))
    const res = await mtFetch(`${url}/translate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ q: req.texts, source, target, format: req.format, ...(apiKey ? { api_key: apiKey } : {}) })
    }, signal)
    await this.check(res)
    const data = (await res.json()) as { translatedText?: string | string[] }
    const out = Array.isArray(data.translatedText) ? data.translatedText : typeof data.translatedText === 'string' ? [data.translatedText] : null
    if (!out || out.length !== req.texts.length) throw new MtError('server', 'LibreTranslate returned an unexpected answer.')
    return out
  }
}
