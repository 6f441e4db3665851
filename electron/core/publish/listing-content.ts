// What one listing is made of besides the product itself: its variants (published as its SKUs,
// archived ones left out) with their own photos, and the main photos — the product's own, or,
// when it has none, the first photo of each variant. Variants come in the order they were made.
import type { Product } from '../../../shared/domain/product.ts'
import type { Services } from '../core.ts'
import type { ListingImage } from '../platform/product-media.ts'
import { MAX_MAIN_IMAGES } from './mapping.ts'

export interface ListingContent {
  images: ListingImage[]
  /** Undefined for a product without (publishable) variants. */
  variants?: Array<{ product: Product; images: ListingImage[] }>
}

export function listingContent(s: Services, product: Product): ListingContent {
  const images = s.productMedia.mainImages(product.id)
  if (product.parentId || product.variantCount === 0) return { images }
  const ids = s.db.prepare('SELECT id FROM products WHERE parent_id = ? ORDER BY seq').all(product.id) as Array<{ id: string }>
  const variants = ids.map((r) => s.products.get(r.id)).filter((v) => v.status !== 'archived').map((v) => ({ product: v, images: s.productMedia.mainImages(v.id) }))
  if (variants.length === 0) return { images }
  if (images.length > 0) return { images, variants }
  const seen = new Set<string>()
  const fallback: ListingImage[] = []
  for (const v of variants) {
    const first = v.images[0]
    if (first && !seen.has(first.sha256) && fallback.length < MAX_MAIN_IMAGES) {
      seen.add(first.sha256)
      fallback.push(first)
    }
  }
  return { images: fallback, variants }
}
