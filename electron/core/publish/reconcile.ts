// A write whose outcome is unknown (timeout, lost reply, crash between sending and recording)
// is looked up on the pavilion before anything is re-sent, so a listing is never created twice.
import type { ListingRow } from './listing-store.ts'
import type { PavilionApi, ProductBrief } from './pavilion-api.ts'

/** Products created this long before our request was sent still count (clock skew between us and the gateway). */
const SKEW_MS = 15 * 60_000
const MAX_PAGES = 20

/** `yyyy-MM-dd HH:mm:ss` in GMT+8, the platform's date format. */
export function formatPlatformTime(ms: number): string {
  const d = new Date(ms + 8 * 3600_000)
  const p = (x: number) => String(x).padStart(2, '0')
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
}

export function parsePlatformTime(s: string | undefined): number | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s) : null
  if (!m) return null
  const [, y, mo, d, h, mi, sec] = m.map(Number)
  return Date.UTC(y, mo - 1, d, h - 8, mi, sec)
}

/** Photobank URLs compared without scheme and host (the gateway may answer with another CDN host). */
function imagePath(url: string): string {
  return url.trim().replace(/^(https?:)?\/\/[^/]+/i, '')
}

export interface ReconcileDeps {
  api: PavilionApi
  listLanguage: string
  /** The listing (other than this one) that already owns a pavilion product. */
  claimedBy(remoteId: string): string | null
}

/**
 * After an `add` with unknown outcome: the product we sent, if the pavilion has it — same title
 * and category, same main images in the same order, created after we sent it and not already
 * owned by another listing. The oldest match wins.
 */
export async function findCreatedProduct(listing: ListingRow, deps: ReconcileDeps, signal?: AbortSignal): Promise<ProductBrief | null> {
  const title = listing.pending_title ?? ''
  const images = (JSON.parse(listing.pending_images ?? '[]') as string[]).map(imagePath)
  const since = Date.parse(listing.pending_since ?? new Date(0).toISOString()) - SKEW_MS
  const matches: ProductBrief[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await deps.api.listProducts({
      language: deps.listLanguage, page, pageSize: 30, subject: title, categoryId: listing.cat_id ?? undefined, modifiedFrom: formatPlatformTime(since)
    }, signal)
    for (const p of res.products) {
      if (p.subject !== title) continue
      const created = parsePlatformTime(p.gmt_create)
      if (created !== null && created < since) continue
      const theirs = (p.main_image?.images ?? []).map(imagePath)
      if (images.length && (theirs.length !== images.length || theirs.some((u, i) => u !== images[i]))) continue
      const plain = p.id ?? p.product_id
      const owner = deps.claimedBy(plain)
      if (owner && owner !== listing.id) continue
      matches.push(p)
    }
    if (page * 30 >= res.total_item || res.products.length === 0) break
  }
  matches.sort((a, b) => Number(a.id ?? 0) - Number(b.id ?? 0))
  return matches[0] ?? null
}

/**
 * After an `update` with unknown outcome: it went through if the product was modified after we
 * sent it and is in audit (every write starts an audit). Re-sending an update would not
 * duplicate anything anyway, but it would hit "product in audit".
 */
export async function updateWasApplied(listing: ListingRow, deps: ReconcileDeps, signal?: AbortSignal): Promise<{ applied: boolean; product: ProductBrief }> {
  const product = await deps.api.getProduct(listing.remote_encrypted_id ?? listing.remote_id!, deps.listLanguage, signal)
  const modified = parsePlatformTime(product.gmt_modified)
  const sent = Date.parse(listing.pending_since ?? new Date(0).toISOString())
  const inAudit = ['auditing', 'new', 'modified'].includes(product.status)
  return { applied: inAudit && modified !== null && modified >= sent - 60_000 && product.subject === listing.pending_title, product }
}
