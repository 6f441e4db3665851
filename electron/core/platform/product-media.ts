// The seam between photos and publishing: the photos area provides each product's pavilion-ready
// main images; the publishing area reads them. Whoever provides it sets `provider` at start-up.
export interface ListingImage {
  /** The photo's id in Vetrina. */
  id: string
  /** SHA-256 of the rendition bytes (photobank uploads are cached by it). */
  sha256: string
  /** Absolute path of the pavilion-ready rendition (JPEG). */
  path: string
  width: number
  height: number
  bytes: number
  mime: 'image/jpeg' | 'image/png'
  /** Quality warnings (codes such as "blurry", "touches_edge") that the readiness gate reports. */
  warnings: string[]
  /** Each warning's numbers (width, needed, sharpness …), by code, so its sentence can be written. */
  warningParams?: Record<string, Record<string, string | number | boolean | null>>
  /** The photo's file name, so a problem can say which photo it is. */
  name?: string
  /**
   * Problems that make the image unusable on the pavilion (the readiness gate blocks the listing):
   * "too_small" — the main image is below the pavilion's minimum side (640 px).
   */
  blocking?: string[]
}

export interface ProductMediaProvider {
  /** Up to 6 main images in display order (first = primary); [] when the product has none. */
  mainImages(productId: string): ListingImage[]
}

export class ProductMedia {
  provider: ProductMediaProvider | null = null

  mainImages(productId: string): ListingImage[] {
    return this.provider?.mainImages(productId) ?? []
  }
}
