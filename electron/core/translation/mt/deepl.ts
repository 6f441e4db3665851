// DeepL API v2: Italian → Chinese/English directly, with a glossary built from our preferred and
// do-not-translate terms (DeepL glossaries are immutable: a changed glossary is uploaded anew).
import { createHash } from 'node:crypto'
import type { Services } from '../../core.ts'
import { assertSecretEndpoint, originOf, secretFor } from '../../platform/endpoints.ts'
import { readMtConfig, SECRET } from './config.ts'
import { MtError, errorText, mtFetch, retryAfterMs } from './errors.ts'
import type { MtProvider, MtRequest } from './provider.ts'
import { z } from 'zod'

const GlossaryCache = z.record(z.string(), z.object({ hash: z.string(), id: z.string() }))
const CACHE_KEY = 'translation.mt.deeplGlossaries'

export function deeplTargetLang(locale: string, englishVariant: string): string {
  if (/^zh(-CN|-Hans|-SG)?$/i.test(locale)) return 'ZH-HANS'
  if (/^zh-(TW|HK|Hant)$/i.test(locale)) return 'ZH-HANT'
  if (locale === 'en') return englishVariant
  if (/^pt(-BR)?$/.test(locale)) return locale === 'pt' ? 'PT-PT' : 'PT-BR'
  return locale.toUpperCase()
}

/** DeepL's address: the one set, else the free or the pro API by the key's suffix. */
export function deeplUrl(baseUrl: string | null, key: string): string {
  return (baseUrl ?? (key.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com')).replace(/\/+$/, '')
}

/** DeepL glossaries use bare language codes. */
function glossaryLang(locale: string): string {
  return locale.split('-')[0].toLowerCase()
}

export class DeeplProvider implements MtProvider {
  readonly name = 'deepl' as const
  readonly label = 'DeepL'
  readonly maxBatch = 50
  readonly maxChars = 100_000
  private readonly s: Services

  constructor(s: Services) {
    this.s = s
  }

  async configured(): Promise<boolean> {
    return !!(await this.s.secrets.get(SECRET.deeplKey))
  }

  async probeUrl(): Promise<string | null> {
    const key = await this.s.secrets.get(SECRET.deeplKey)
    if (!key) return null
    return `${(readMtConfig(this.s).deepl.baseUrl ?? (key.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com')).replace(/\/+$/, '')}/v2/usage`
  }

  sourceFor(): 'it' {
    return 'it'
  }

  private async base(): Promise<{ url: string; key: string }> {
    const stored = await this.s.secrets.get(SECRET.deeplKey)
    if (!stored) throw new MtError('auth', 'DeepL has no API key; add it in the translation settings.')
    const url = deeplUrl(readMtConfig(this.s).deepl.baseUrl, stored)
    // The key goes only over https, and only to the address it was entered for.
    assertSecretEndpoint(url)
    const key = (await secretFor(this.s.secrets, SECRET.deeplKey, originOf(url)))!
    return { url, key }
  }

  private async check(res: Response): Promise<void> {
    if (res.ok) return
    const msg = await errorText(res)
    const s = res.status
    if (s === 429) throw new MtError('rate_limited', `DeepL: too many requests (${msg}).`, { status: s, retryAfterMs: retryAfterMs(res, 5000) })
    if (s === 456) throw new MtError('quota', `DeepL: the character quota of this account is used up (${msg}).`, { status: s })
    if (s === 403 || s === 401) throw new MtError('auth', `DeepL refused the API key (${msg}).`, { status: s })
    if (s === 413 || s === 414) throw new MtError('too_large', `DeepL: the request is too large (${msg}).`, { status: s })
    if (s >= 500 || s === 529) throw new MtError('server', `DeepL is temporarily unavailable (HTTP ${s}: ${msg}).`, { status: s, retryAfterMs: retryAfterMs(res, 30_000) })
    throw new MtError('bad_request', `DeepL rejected the request (HTTP ${s}: ${msg}).`, { status: s })
  }

  /** The glossary id for the pair, creating (or replacing) it when our terms changed. */
  private async glossaryId(req: MtRequest, signal: AbortSignal): Promise<string | undefined> {
    const rows = req.glossary.filter((t) => t.source && (t.kind === 'dnt' || (t.kind === 'preferred' && t.target)))
    if (!rows.length) return undefined
    const entries = [...new Map(rows.map((t) => [t.source, t.kind === 'dnt' ? t.source : t.target])).entries()]
      .filter(([s, t]) => !/[\t\r\n]/.test(s + t))
      .map(([s, t]) => `${s}\t${t}`).join('\n')
    const hash = createHash('sha256').update(entries).digest('hex').slice(0, 16)
    const pair = `${glossaryLang(req.sourceLang)}>${glossaryLang(req.targetLang)}`
    const cache = this.s.settings.get(CACHE_KEY, GlossaryCache, {})
    if (cache[pair]?.hash === hash) return cache[pair].id
    const { url, key } = await this.base()
    const res = await mtFetch(`${url}/v2/glossaries`, {
      method: 'POST',
      headers: { Authorization: `DeepL-Auth-Key ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `Vetrina ${pair}`, source_lang: glossaryLang(req.sourceLang), target_lang: glossaryLang(req.targetLang), entries, entries_format: 'tsv' })
    }, signal)
    await this.check(res)
    const created = (await res.json()) as { glossary_id?: string }
    if (!created.glossary_id) throw new MtError('server', 'DeepL did not return a glossary id.')
    const old = cache[pair]?.id
    this.s.settings.set(CACHE_KEY, { ...cache, [pair]: { hash, id: created.glossary_id } })
    if (old) {
      // Best effort: a stale glossary only costs one of the account's slots.
      await mtFetch(`${url}/v2/glossaries/${encodeURIComponent(old)}`, { method: 'DELETE', headers: { Authorization: `DeepL-Auth-Key ${key}` } }, signal).catch(() => undefined)
    }
    return created.glossary_id
  }

  async translate(req: MtRequest, signal: AbortSignal): Promise<string[]> {
    const { url, key } = await this.base()
    const cfg = readMtConfig(this.s).deepl
    const glossaryId = await this.glossaryId(req, signal)
    const body: Record<string, unknown> = {
      text: req.texts,
      source_lang: req.sourceLang.toUpperCase(),
      target_lang: deeplTargetLang(req.targetLang, cfg.englishVariant)
    }
    if (req.format === 'html') body.tag_handling = 'html'
    if (glossaryId) body.glossary_id = glossaryId
    const res = await mtFetch(`${url}/v2/translate`, {
      method: 'POST',
      headers: { Authorization: `DeepL-Auth-Key ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    }, signal)
    await this.check(res)
    const data = (await res.json()) as { translations?: Array<{ text: string }> }
    if (!Array.isArray(data.translations) || data.translations.length !== req.texts.length) {
      throw new MtError('server', `DeepL returned ${data.translations?.length ?? 'no'} translations for ${req.texts.length} texts.`)
    }
    return data.translations.map((t) => t.text)
  }
}
