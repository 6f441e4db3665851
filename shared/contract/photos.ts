// Photos: add files and folders (a persisted batch job), the library with quality warnings,
// renditions made from presets, and each product's ordered photos (up to 6 pavilion main images).
import { z } from 'zod'
import { call } from './define.ts'
import { FileRef } from './files.ts'
import { Id, Sku } from '../domain/product.ts'
import { PhotoPresets, PresetId, PresetsPatch } from '../domain/photo-presets.ts'
import { PhotoAnalysis, PhotoWarning, WarningCode } from '../domain/photo-quality.ts'

export const PHOTO_FORMATS = ['jpeg', 'png', 'webp', 'avif', 'tiff', 'gif', 'heic'] as const
export const PhotoFormat = z.enum(PHOTO_FORMATS)

/** A file in the media folder; `relPath` is relative to it, with forward slashes. */
export const MediaFile = z.object({
  relPath: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  mime: z.string()
})
export type MediaFile = z.infer<typeof MediaFile>

export const Rendition = MediaFile.extend({
  preset: PresetId,
  sha256: z.string(),
  /** False when the preset changed since it was made (a new one is on its way). */
  current: z.boolean()
})
export type Rendition = z.infer<typeof Rendition>

export const PhotoSummary = z.object({
  id: Id,
  /** The file name it was added with. */
  name: z.string(),
  format: PhotoFormat,
  /** Upright size of the original. */
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  warnings: z.array(PhotoWarning),
  thumb: MediaFile.nullable(),
  productCount: z.number().int()
})
export type PhotoSummary = z.infer<typeof PhotoSummary>

export const PhotoSource = z.object({
  relPath: z.string(),
  mime: z.string(),
  /** EXIF orientation of the original (1 when none). */
  orientation: z.number().int(),
  colourSpace: z.string(),
  bitDepth: z.number().int(),
  hasAlpha: z.boolean(),
  hasProfile: z.boolean(),
  pages: z.number().int()
})

export const PhotoDetail = PhotoSummary.extend({
  source: PhotoSource,
  analysis: PhotoAnalysis,
  renditions: z.array(Rendition),
  products: z.array(z.object({ id: Id, sku: z.string(), role: z.enum(['main', 'extra']) })),
  nearDuplicates: z.array(z.object({ id: Id, name: z.string(), distance: z.number().int(), thumb: MediaFile.nullable() }))
})
export type PhotoDetail = z.infer<typeof PhotoDetail>

export const PhotoRole = z.enum(['main', 'extra'])
export type PhotoRole = z.infer<typeof PhotoRole>

export const ProductPhoto = z.object({
  photo: PhotoSummary,
  role: PhotoRole,
  /** The first main image: the one the pavilion shows first. */
  primary: z.boolean(),
  /** The pavilion-ready main image (null until it is made). */
  main: Rendition.nullable()
})
export type ProductPhoto = z.infer<typeof ProductPhoto>

export const ProductPhotos = z.object({
  productId: Id,
  /** Pavilion main images, in order (at most 6). */
  main: z.array(ProductPhoto),
  /** Other photos of the product, in order. */
  extra: z.array(ProductPhoto)
})
export type ProductPhotos = z.infer<typeof ProductPhotos>

export const BATCH_ITEM_STATES = ['pending', 'added', 'duplicate', 'failed', 'skipped'] as const
export const BatchItem = z.object({
  seq: z.number().int(),
  name: z.string(),
  source: z.string(),
  state: z.enum(BATCH_ITEM_STATES),
  photoId: z.string().nullable(),
  /**
   * Why the file was refused (a photo_… code) or skipped (not_image, symlink, hidden, special): a
   * code the UI translates (with its params) and an English message.
   */
  error: z.object({ code: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])) }).nullable()
})
export type BatchItem = z.infer<typeof BatchItem>

export const PhotoSort = z.enum(['newest', 'oldest', 'name'])

const ProductTarget = z.object({ productId: Id.optional(), sku: Sku.optional() })

export const photos = {
  add: call({
    summary: 'Add photo files and folders (folders are searched for images); runs as a batch job.',
    input: ProductTarget.extend({
      sources: z.array(FileRef).min(1, 'choose at least one file or folder').max(5000),
      /** Attach to the product as main images (while there is room) or as other photos. */
      as: PhotoRole.default('main')
    }),
    paths: { 'sources.*': 'read-any' },
    output: z.object({ jobId: z.string(), files: z.number().int() })
  }),
  list: call({
    summary: 'The photo library, newest first by default, with warnings and thumbnails.',
    roles: ['owner', 'translator'],
    input: z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      warning: WarningCode.optional(),
      productId: Id.optional(),
      unattached: z.boolean().optional(),
      search: z.string().max(200).optional(),
      sort: PhotoSort.default('newest')
    }),
    output: z.object({ items: z.array(PhotoSummary), total: z.number().int() })
  }),
  get: call({ summary: 'One photo with its renditions, measurements and products.', roles: ['owner', 'translator'], input: z.object({ id: Id }), output: PhotoDetail }),
  delete: call({
    summary: 'Delete photos from the library (and from the products that use them).',
    input: z.object({ ids: z.array(Id).min(1).max(1000) }),
    output: z.object({ deleted: z.number().int() })
  }),
  rendition: call({
    summary: 'A rendition of a photo, made now if it is missing or out of date.',
    roles: ['owner', 'translator'],
    input: z.object({ id: Id, preset: PresetId }),
    output: Rendition
  }),
  presets: call({ summary: 'The rendition presets.', input: z.object({}).default({}), output: PhotoPresets }),
  updatePresets: call({
    summary: 'Change rendition presets; renditions made with the old settings are made again in a job.',
    input: PresetsPatch,
    output: z.object({ presets: PhotoPresets, jobId: z.string().nullable() })
  }),
  batch: call({
    summary: 'Per-file results of a photo batch job.',
    input: z.object({
      jobId: z.string().min(1),
      states: z.array(z.enum(BATCH_ITEM_STATES)).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200)
    }),
    output: z.object({
      items: z.array(BatchItem),
      total: z.number().int(),
      counts: z.record(z.enum(BATCH_ITEM_STATES), z.number().int()),
      /** Skipped files per reason (not_image, symlink, hidden, special). */
      skippedBy: z.record(z.string(), z.number().int())
    })
  }),
  stats: call({
    summary: 'Counts for the library header.',
    roles: ['owner', 'translator'],
    input: z.object({}).default({}),
    output: z.object({
      total: z.number().int(),
      withWarnings: z.number().int(),
      unattached: z.number().int(),
      byWarning: z.record(WarningCode, z.number().int())
    })
  }),
  primaryThumbs: call({
    summary: "The thumbnail of each product's first main image, for lists.",
    roles: ['owner', 'translator'],
    input: z.object({ productIds: z.array(Id).max(1000) }),
    output: z.object({ items: z.array(z.object({ productId: Id, photos: z.number().int(), thumb: MediaFile.nullable() })) })
  }),
  productPhotos: call({ summary: "A product's photos: main images and others, in order.", roles: ['owner', 'translator'], input: z.object({ productId: Id }), output: ProductPhotos }),
  attach: call({
    summary: 'Attach library photos to a product (at the end of the main images while there is room).',
    input: z.object({ productId: Id, photoIds: z.array(Id).min(1).max(500), as: PhotoRole.default('main') }),
    output: ProductPhotos
  }),
  detach: call({
    summary: 'Remove photos from a product (they stay in the library).',
    input: z.object({ productId: Id, photoIds: z.array(Id).min(1).max(500) }),
    output: ProductPhotos
  }),
  arrange: call({
    summary: "Set the order of a product's photos: which are main images (at most 6) and in what order.",
    input: z.object({ productId: Id, main: z.array(Id).max(500), extra: z.array(Id).max(500) }),
    output: ProductPhotos
  }),
  setPrimary: call({
    summary: "Make a photo the product's first main image.",
    input: z.object({ productId: Id, photoId: Id }),
    output: ProductPhotos
  })
}
