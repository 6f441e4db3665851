// A product's photos: an ordered list of main images (at most 6, the first is the primary,
// the one the pavilion shows first) followed by other photos. Every change rewrites the
// product's arrangement in one transaction. Also provides the publishing area with each
// product's pavilion-ready main images and their warnings.
import type { ProductPhotos, PhotoRole, ProductPhoto } from '../../../shared/contract/photos.ts'
import { PAVILION } from '../../../shared/domain/photo-presets.ts'
import { AppError, ErrorCodes } from '../../../shared/contract/errors.ts'
import type { Clock } from '../platform/clock.ts'
import type { ListingImage, ProductMediaProvider } from '../platform/product-media.ts'
import type { Db } from '../store/db.ts'
import { PhotoErrorCodes, photoError } from './errors.ts'
import type { PhotoLibrary } from './library.ts'
import type { MediaStore } from './media-store.ts'
import type { PhotoStore, RenditionRow } from './photo-store.ts'
import type { PresetStore } from './presets.ts'

interface LinkRow { photo_id: string; role: PhotoRole; position: number }
interface Arrangement { main: string[]; extra: string[] }

export class ProductPhotoService implements ProductMediaProvider {
  private readonly db: Db
  private readonly store: PhotoStore
  private readonly library: PhotoLibrary
  private readonly media: MediaStore
  private readonly presets: PresetStore
  private readonly clock: Clock
  private readonly stmts

  constructor(deps: { db: Db; store: PhotoStore; library: PhotoLibrary; media: MediaStore; presets: PresetStore; clock: Clock }) {
    this.db = deps.db
    this.store = deps.store
    this.library = deps.library
    this.media = deps.media
    this.presets = deps.presets
    this.clock = deps.clock
    const db = this.db
    this.stmts = {
      links: db.prepare("SELECT photo_id, role, position FROM product_photos WHERE product_id = ? ORDER BY CASE role WHEN 'main' THEN 0 ELSE 1 END, position"),
      product: db.prepare('SELECT id FROM products WHERE id = ?'),
      photo: db.prepare('SELECT id FROM photos WHERE id = ?'),
      clear: db.prepare('DELETE FROM product_photos WHERE product_id = ?'),
      addedAt: db.prepare('SELECT photo_id, added_at FROM product_photos WHERE product_id = ?'),
      insert: db.prepare('INSERT INTO product_photos (product_id, photo_id, role, position, added_at) VALUES (?, ?, ?, ?, ?)'),
      mains: db.prepare(
        `SELECT pp.photo_id, r.*, p.name AS photo_name FROM product_photos pp
         JOIN renditions r ON r.photo_id = pp.photo_id AND r.preset = 'main' JOIN photos p ON p.id = pp.photo_id
         WHERE pp.product_id = ? AND pp.role = 'main' ORDER BY pp.position LIMIT ${PAVILION.maxMainImages}`
      )
    }
  }

  get(productId: string): ProductPhotos {
    this.assertProduct(productId)
    const links = this.stmts.links.all(productId) as LinkRow[]
    const rows = this.store.summaryRows(links.map((l) => l.photo_id))
    const warnings = this.store.warningsFor(links.map((l) => l.photo_id))
    const out: ProductPhotos = { productId, main: [], extra: [] }
    for (const l of links) {
      const row = rows.get(l.photo_id)
      if (!row) continue
      const main = this.store.rendition(l.photo_id, 'main')
      const item: ProductPhoto = {
        photo: this.library.summary(row, warnings.get(l.photo_id) ?? []),
        role: l.role,
        primary: l.role === 'main' && out.main.length === 0,
        main: main ? this.library.rendition(main) : null
      }
      out[l.role].push(item)
    }
    return out
  }

  /** Appends photos: as main images while there is room (when asked), the rest as other photos. */
  attach(productId: string, photoIds: string[], as: PhotoRole): ProductPhotos {
    this.db.transaction(() => this.attachInTx(productId, photoIds, as))()
    return this.get(productId)
  }

  attachInTx(productId: string, photoIds: string[], as: PhotoRole): void {
    const current = this.arrangement(productId)
    const present = new Set([...current.main, ...current.extra])
    for (const id of unique(photoIds)) {
      this.assertPhoto(id)
      if (present.has(id)) continue
      present.add(id)
      if (as === 'main' && current.main.length < PAVILION.maxMainImages) current.main.push(id)
      else current.extra.push(id)
    }
    this.write(productId, current)
  }

  detach(productId: string, photoIds: string[]): ProductPhotos {
    const drop = new Set(photoIds)
    this.db.transaction(() => {
      const current = this.arrangement(productId)
      this.write(productId, { main: current.main.filter((id) => !drop.has(id)), extra: current.extra.filter((id) => !drop.has(id)) })
    })()
    return this.get(productId)
  }

  /** Sets the whole arrangement; it must list exactly the product's photos, each once. */
  arrange(productId: string, next: Arrangement): ProductPhotos {
    this.db.transaction(() => {
      const current = this.arrangement(productId)
      const have = new Set([...current.main, ...current.extra])
      const given = [...next.main, ...next.extra]
      const issues: Array<{ path: string; message: string }> = []
      if (next.main.length > PAVILION.maxMainImages) issues.push({ path: 'main', message: `at most ${PAVILION.maxMainImages} main images` })
      if (new Set(given).size !== given.length) issues.push({ path: '', message: 'a photo is listed twice' })
      given.forEach((id, i) => {
        if (!have.has(id)) issues.push({ path: i < next.main.length ? `main.${i}` : `extra.${i - next.main.length}`, message: `photo ${id} is not attached to this product` })
      })
      if (given.length !== have.size && issues.length === 0) issues.push({ path: '', message: 'every photo of the product must be listed (detach photos to remove them)' })
      if (issues.length) {
        const tooMany = next.main.length > PAVILION.maxMainImages
        throw new AppError(tooMany ? PhotoErrorCodes.tooManyMain : ErrorCodes.validation, `The new photo order is not valid: ${issues[0].message}.`, { issues, params: { max: PAVILION.maxMainImages } })
      }
      this.write(productId, next)
    })()
    return this.get(productId)
  }

  /** Moves a photo to the front of the main images (the last main image makes room if needed). */
  setPrimary(productId: string, photoId: string): ProductPhotos {
    this.db.transaction(() => {
      const current = this.arrangement(productId)
      if (![...current.main, ...current.extra].includes(photoId)) {
        throw photoError(PhotoErrorCodes.notFound, `Photo ${photoId} is not attached to this product.`, { id: photoId })
      }
      const main = [photoId, ...current.main.filter((id) => id !== photoId)]
      const extra = current.extra.filter((id) => id !== photoId)
      while (main.length > PAVILION.maxMainImages) extra.unshift(main.pop()!)
      this.write(productId, { main, extra })
    })()
    return this.get(productId)
  }

  /** For the publishing area: up to 6 pavilion-ready main images, first = primary. */
  mainImages(productId: string): ListingImage[] {
    const rows = this.stmts.mains.all(productId) as Array<RenditionRow & { photo_name: string }>
    const spec = this.presets.specs().main
    const ids = new Set(rows.map((r) => r.photo_id))
    const warnings = this.store.warningsFor([...ids])
    return rows.map((r) => {
      // Below the pavilion's minimum the image is refused there: the listing cannot be published.
      const blocking = Math.min(r.width, r.height) < PAVILION.mainMinSide ? ['too_small'] : []
      const kept = (warnings.get(r.photo_id) ?? [])
        // A near-duplicate matters to the listing only when both pictures are among its main images.
        .filter((w) => w.code !== 'near_duplicate' || [...ids].some((other) => this.library.looksAlike(r.photo_id, other)))
        .filter((w) => !blocking.includes(w.code))
      const codes = kept.map((w) => w.code as string)
      const warningParams = Object.fromEntries(kept.map((w) => [w.code, w.params]))
      if (r.spec !== spec) codes.push('rendition_outdated')
      return {
        id: r.photo_id, sha256: r.sha256, path: this.media.abs(r.rel_path), width: r.width, height: r.height, bytes: r.bytes,
        mime: r.mime === 'image/png' ? 'image/png' : 'image/jpeg', warnings: codes, warningParams, name: r.photo_name, blocking
      }
    })
  }

  /** Reorders a product's photos inside the caller's transaction (same rules as arrange, unchecked). */
  rearrangeInTx(productId: string, fn: (current: Arrangement) => Arrangement): void {
    this.write(productId, fn(this.arrangement(productId)))
  }

  private arrangement(productId: string): Arrangement {
    this.assertProduct(productId)
    const links = this.stmts.links.all(productId) as LinkRow[]
    return { main: links.filter((l) => l.role === 'main').map((l) => l.photo_id), extra: links.filter((l) => l.role === 'extra').map((l) => l.photo_id) }
  }

  private write(productId: string, a: Arrangement): void {
    const addedAt = new Map((this.stmts.addedAt.all(productId) as { photo_id: string; added_at: string }[]).map((r) => [r.photo_id, r.added_at]))
    const now = this.clock.now().toISOString()
    this.stmts.clear.run(productId)
    a.main.forEach((id, i) => this.stmts.insert.run(productId, id, 'main', i, addedAt.get(id) ?? now))
    a.extra.forEach((id, i) => this.stmts.insert.run(productId, id, 'extra', i, addedAt.get(id) ?? now))
  }

  private assertProduct(productId: string): void {
    if (!this.stmts.product.get(productId)) throw new AppError(ErrorCodes.notFound, `No product with id ${productId}`, { params: { id: productId } })
  }

  private assertPhoto(photoId: string): void {
    if (!this.stmts.photo.get(photoId)) throw photoError(PhotoErrorCodes.notFound, `No photo with id ${photoId}.`, { id: photoId })
  }
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)]
}
