// Publishing to the pavilion: targets, listing states, readiness problems and settings.
// A listing is one product on one target in one language (English is the main listing; the
// Chinese copy is published where the target supports it).
import { z } from 'zod'
import { MessageParams } from '../messages/message.ts'

export const PUBLISH_TARGETS = ['sandbox', 'alibaba'] as const
export const PublishTarget = z.enum(PUBLISH_TARGETS)
export type PublishTarget = z.infer<typeof PublishTarget>

export const LISTING_LANGUAGES = ['en', 'zh-CN'] as const
export const ListingLanguage = z.enum(LISTING_LANGUAGES)
export type ListingLanguage = z.infer<typeof ListingLanguage>

/** The pavilion's `language` value for each listing language. */
export const PAVILION_LANGUAGE: Record<ListingLanguage, { schema: string; list: string }> = {
  en: { schema: 'en_US', list: 'ENGLISH' },
  'zh-CN': { schema: 'zh', list: 'CHINESE' }
}

export const LISTING_STATES = [
  'queued', 'uploading_images', 'submitting', 'in_audit', 'published', 'failed', 'needs_fixing', 'unpublishing', 'offline', 'cancelled'
] as const
export const ListingState = z.enum(LISTING_STATES)
export type ListingState = z.infer<typeof ListingState>

/** States in which the outbox still has work to do for a listing. */
export const ACTIVE_LISTING_STATES: readonly ListingState[] = ['queued', 'uploading_images', 'submitting', 'unpublishing']

export const PROBLEM_SEVERITIES = ['error', 'warning', 'pending'] as const

/**
 * One reason a listing cannot go (error), might look poor (warning) or cannot be fully checked
 * yet (pending: e.g. the category rules were never downloaded). `field` is the product field to
 * fix, as a dotted path the editor understands ("texts.en.title", "trade.moq", "images").
 */
export const ReadinessProblem = z.object({
  code: z.string(),
  severity: z.enum(PROBLEM_SEVERITIES),
  field: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({})
})
export type ReadinessProblem = z.infer<typeof ReadinessProblem>

/**
 * What a listing shows beside its problems: blocked by an error ("da correggere"); free of errors
 * but not fully checked, because a check is pending ("da verificare": it can be queued, the
 * category rules still have to say yes); or ready ("pronta"). Advice (warnings) changes nothing.
 * The same rule as the readiness chart (ready and checked / not fully checked / to fix).
 */
export type ReadinessState = 'ready' | 'unverified' | 'blocked'

export function readinessState(r: { blocked: boolean; pending: boolean }): ReadinessState {
  return r.blocked ? 'blocked' : r.pending ? 'unverified' : 'ready'
}

export function readinessStateOf(problems: ReadonlyArray<Pick<ReadinessProblem, 'severity'>>): ReadinessState {
  return readinessState({ blocked: problems.some((p) => p.severity === 'error'), pending: problems.some((p) => p.severity === 'pending') })
}

export const READINESS_CODES = [
  'not_top_level', 'no_category', 'category_not_mapped', 'rules_not_downloaded', 'rules_unusable',
  'title_missing', 'title_too_long', 'title_characters', 'keywords_missing', 'keyword_characters', 'keywords_too_long',
  'images_missing', 'images_too_many', 'image_too_large', 'image_too_small', 'image_quality', 'attribute_required', 'attribute_option',
  'unit_missing', 'unit_unknown', 'moq_missing', 'moq_below_minimum', 'ladder_missing', 'ladder_order', 'ladder_too_many',
  'price_range', 'currency_rate_missing', 'lead_time_missing', 'description_missing', 'custom_attributes_limit', 'schema_rule',
  'variants_not_supported', 'variant_axis_unmapped', 'variant_axis_twice', 'variant_value_unmapped', 'variant_option_stale', 'variant_custom_not_allowed',
  'variant_custom_too_long', 'variant_options_clash', 'variant_image_missing', 'variant_values_too_many', 'variant_value_missing',
  'variant_price_missing', 'variant_price_range', 'variants_too_many', 'variant_prices_differ'
] as const

const url = z.string().trim().regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'must be an http(s) address such as https://open-api.alibaba.com')

export const PublishSettings = z.object({
  target: PublishTarget,
  sandbox: z.object({
    /** null: the sandbox built into Vetrina (started on demand, its own file in the data folder). */
    url: url.nullable(),
    chinese: z.boolean()
  }),
  alibaba: z.object({ url, chinese: z.boolean() }),
  /** Calls per second to the gateway (client-side throttle). */
  ratePerSecond: z.number().min(0.1).max(1000),
  /** Listings sent at the same time. */
  concurrency: z.number().int().min(1).max(64),
  /** EUR → USD rate for listings priced in euro (Alibaba.com shows USD prices). */
  eurToUsd: z.number().positive().max(100).nullable(),
  /** Temporary failures of one listing before it is marked failed (retryable by hand). */
  maxFailures: z.number().int().min(1).max(100),
  /** How often listings in audit are checked. */
  auditPollSeconds: z.number().min(0.01).max(3600),
  timeoutSeconds: z.number().min(1).max(600)
})
export type PublishSettings = z.infer<typeof PublishSettings>

export const DEFAULT_PUBLISH_SETTINGS: PublishSettings = {
  target: 'sandbox',
  sandbox: { url: null, chinese: true },
  alibaba: { url: 'https://open-api.alibaba.com', chinese: false },
  ratePerSecond: 2,
  concurrency: 2,
  eurToUsd: null,
  maxFailures: 8,
  auditPollSeconds: 30,
  timeoutSeconds: 30
}

export const Listing = z.object({
  id: z.string(),
  productId: z.string(),
  sku: z.string().nullable(),
  title: z.string(),
  /** Variants published as this listing's SKUs (0 for a single-offer listing). */
  variantCount: z.number().int(),
  target: PublishTarget,
  language: ListingLanguage,
  intent: z.enum(['publish', 'unpublish']),
  state: ListingState,
  jobId: z.string().nullable(),
  jobState: z.string().nullable(),
  remoteId: z.string().nullable(),
  remoteStatus: z.string().nullable(),
  remoteDisplay: z.string().nullable(),
  /** A write was sent and its outcome is not known yet: it is reconciled before anything is re-sent. */
  reconciling: z.boolean(),
  problems: z.array(ReadinessProblem),
  /** Why it failed or waits: a code with params (publish:error.<code>) and the English for logs. */
  error: z.object({ code: z.string(), message: z.string(), params: MessageParams.optional() }).nullable(),
  failures: z.number().int(),
  runAfter: z.string().nullable(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable()
})
export type Listing = z.infer<typeof Listing>
