// Publishing to the Made in Italy Pavilion (Alibaba.com): readiness, the outbox of listings,
// targets and credentials, rate limits.
import { z } from 'zod'
import { call } from './define.ts'
import { JobRef } from './jobs.ts'
import { Id } from '../domain/product.ts'
import { ListingLanguage, ListingState, Listing, PublishSettings, PublishTarget, ReadinessProblem } from '../domain/publish.ts'
import { Message, MessageParams } from '../messages/message.ts'

export const ProductReadiness = z.object({
  productId: Id,
  sku: z.string(),
  title: z.string(),
  language: ListingLanguage,
  ready: z.boolean(),
  /** Published before and unchanged since (nothing would be sent). */
  unchanged: z.boolean(),
  listingState: ListingState.nullable(),
  problems: z.array(ReadinessProblem)
})
export type ProductReadiness = z.infer<typeof ProductReadiness>

export const ReadinessSummary = z.object({
  ready: z.number().int(),
  blocked: z.number().int(),
  warnings: z.number().int(),
  /** Of the ready ones, those not fully checked until the category rules are downloaded. */
  pending: z.number().int(),
  /** Problem code → how many listings have it (for the chart). */
  byProblem: z.record(z.string(), z.number().int())
})

const CredentialState = z.object({ set: z.boolean(), appKey: z.string().nullable() })

export const PublishStatus = z.object({
  target: PublishTarget,
  gateway: z.string(),
  paused: z.boolean(),
  /** The queue stopped because the sign-in or the app credentials are not accepted. */
  authProblem: z.object({ target: PublishTarget, code: z.string(), params: MessageParams.optional(), message: z.string(), at: z.string() }).nullable(),
  counts: z.record(z.string(), z.number().int()),
  /** Listings the outbox still has to send. */
  pending: z.number().int(),
  inAudit: z.number().int(),
  /** Seconds until the queue is empty at the recent pace (null while unknown). */
  etaSeconds: z.number().nullable(),
  ratePerSecond: z.number(),
  credentials: z.object({ sandbox: CredentialState, alibaba: CredentialState })
})
export type PublishStatus = z.infer<typeof PublishStatus>

export const PavilionNode = z.object({ id: z.string(), parentId: z.string(), name: z.string(), cnName: z.string(), level: z.number().int(), leaf: z.boolean() })
export type PavilionNode = z.infer<typeof PavilionNode>
export const CategoryHit = z.object({
  node: PavilionNode,
  /** Root first, the node last. */
  path: z.array(PavilionNode),
  score: z.number(),
  via: z.enum(['name', 'chinese', 'italian', 'remembered'])
})
export type CategoryHit = z.infer<typeof CategoryHit>
/** How much of the tree is cached; branches still to fetch are fetched by a job or on demand. */
export const CategoryTreeState = z.object({ nodes: z.number().int(), leaves: z.number().int(), pendingBranches: z.number().int(), downloading: z.boolean() })

export const ProductPublishState = z.object({
  productId: Id,
  /** Every listing language of the current target can be published now. */
  ready: z.boolean(),
  /** Not fully checked: the category rules are not downloaded yet. */
  pending: z.boolean(),
  /** Problems that block a listing (all languages). */
  problems: z.number().int(),
  /** The first blocking problem, for a short explanation in the list. */
  firstProblem: ReadinessProblem.nullable(),
  listings: z.array(z.object({ target: PublishTarget, language: ListingLanguage, state: ListingState, publishedAt: z.string().nullable() }))
})
export type ProductPublishState = z.infer<typeof ProductPublishState>

const Selection = z.object({
  /** Products to act on; omitted = every top-level product. */
  productIds: z.array(Id).max(100_000).optional(),
  target: PublishTarget.optional()
})

export const publish = {
  status: call({ summary: 'Publishing target, queue counts, pause state and sign-in problems.', roles: ['owner', 'translator'], input: z.object({}).default({}), output: PublishStatus }),
  readiness: call({
    summary: 'Checks products against the listing rules and the cached category rules, per language.',
    input: z.object({
      productIds: z.array(Id).max(5000).optional(),
      target: PublishTarget.optional(),
      onlyProblems: z.boolean().default(false),
      limit: z.number().int().min(1).max(5000).default(500),
      offset: z.number().int().min(0).default(0)
    }),
    output: z.object({ items: z.array(ProductReadiness), total: z.number().int(), summary: ReadinessSummary })
  }),
  productStates: call({
    summary: 'For the products a list shows: readiness for the current target and each listing\'s state on every target.',
    roles: ['owner', 'translator'],
    input: z.object({ productIds: z.array(Id).max(1000) }),
    output: z.object({ target: PublishTarget, items: z.array(ProductPublishState) })
  }),
  enqueue: call({
    summary: 'Publish products: ready listings are queued (in one transaction), others are marked needs-fixing.',
    input: Selection,
    output: z.object({ queued: z.number().int(), unchanged: z.number().int(), needsFixing: z.number().int() })
  }),
  unpublish: call({ summary: 'Take listings off display on the pavilion.', input: Selection, output: z.object({ queued: z.number().int() }) }),
  listings: call({
    summary: 'Listings with their state, newest change first.',
    roles: ['owner', 'translator'],
    input: z.object({
      target: PublishTarget.optional(),
      states: z.array(ListingState).optional(),
      productId: Id.optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0)
    }),
    output: z.object({ items: z.array(Listing), total: z.number().int() })
  }),
  listing: call({
    summary: 'One listing with what happened to it.',
    roles: ['owner', 'translator'],
    input: z.object({ id: z.string().min(1) }),
    output: Listing.extend({ history: z.array(z.object({ at: z.string(), event: z.string(), detail: Message.nullable() })) })
  }),
  retry: call({
    summary: 'Queue failed or needs-fixing listings again.',
    input: z.object({ ids: z.array(z.string()).max(100_000).optional(), allFailed: z.boolean().default(false) }),
    output: z.object({ queued: z.number().int() })
  }),
  cancel: call({ summary: 'Cancel queued listings (work already done on the pavilion stays).', input: z.object({ ids: z.array(z.string()).min(1).max(100_000) }), output: z.object({ cancelled: z.number().int() }) }),
  pause: call({ summary: 'Pause the publishing queue.', input: z.object({}).default({}), output: z.object({ paused: z.boolean() }) }),
  resume: call({ summary: 'Resume the publishing queue.', input: z.object({}).default({}), output: z.object({ paused: z.boolean() }) }),
  getSettings: call({
    summary: 'Publishing settings (target, gateways, rate limits).',
    input: z.object({}).default({}),
    output: PublishSettings.extend({ secretsBackend: z.string() })
  }),
  updateSettings: call({ summary: 'Change publishing settings.', input: PublishSettings.partial(), output: PublishSettings }),
  setCredentials: call({
    summary: 'Store the app key, app secret and seller tokens for a target (kept in the OS keychain, never in the catalogue).',
    input: z.object({
      target: PublishTarget,
      appKey: z.string().trim().min(1).max(200),
      appSecret: z.string().trim().min(1).max(500),
      accessToken: z.string().trim().min(1).max(2000),
      refreshToken: z.string().trim().min(1).max(2000).nullable().default(null)
    }),
    output: z.object({ ok: z.boolean() })
  }),
  authorizeUrl: call({
    summary: 'The page where the seller authorizes the app (it shows or sends back a one-time code).',
    input: z.object({ target: PublishTarget.optional(), appKey: z.string().trim().min(1).max(200), redirectUri: z.string().url().max(2000).optional() }),
    output: z.object({ url: z.string() })
  }),
  signIn: call({
    summary: 'Seller sign-in: exchange the one-time code for tokens and keep them with the app key and secret in the keychain.',
    input: z.object({
      target: PublishTarget,
      appKey: z.string().trim().min(1).max(200),
      appSecret: z.string().trim().min(1).max(500),
      code: z.string().trim().min(1).max(2000)
    }),
    output: z.object({ ok: z.boolean(), account: z.string().nullable() })
  }),
  clearCredentials: call({ summary: 'Forget the credentials of a target.', input: z.object({ target: PublishTarget }), output: z.object({ ok: z.boolean() }) }),
  testConnection: call({
    summary: 'Sign a real call to the gateway and report whether it is accepted.',
    input: z.object({ target: PublishTarget.optional() }).default({}),
    output: z.object({ ok: z.boolean(), gateway: z.string(), message: z.string(), code: z.string().nullable(), params: MessageParams.optional(), latencyMs: z.number() })
  }),
  refreshRules: call({ summary: 'Download the pavilion category tree and the rules of every mapped category.', input: z.object({ target: PublishTarget.optional() }).default({}), output: JobRef }),
  categoryChildren: call({
    summary: 'One level of the pavilion category tree (fetched now when not cached yet) with the breadcrumbs to it.',
    roles: ['owner', 'translator'],
    input: z.object({ parentId: z.string().regex(/^\d{1,19}$/).default('0'), target: PublishTarget.optional() }).default({ parentId: '0' }),
    output: z.object({
      path: z.array(PavilionNode),
      items: z.array(PavilionNode),
      /** false: the gateway could not be reached and the cache does not hold this level yet. */
      complete: z.boolean(),
      offline: z.boolean(),
      tree: CategoryTreeState
    })
  }),
  searchCategories: call({
    summary: 'Search the cached pavilion categories by English or Chinese name and by the firm\'s own Italian words.',
    roles: ['owner', 'translator'],
    input: z.object({ query: z.string().trim().max(200), target: PublishTarget.optional(), limit: z.number().int().min(1).max(100).default(20) }),
    output: z.object({ items: z.array(CategoryHit), tree: CategoryTreeState })
  }),
  suggestCategories: call({
    summary: 'Pavilion leaves that fit a product or a Vetrina category (its names, title, family and earlier choices).',
    roles: ['owner', 'translator'],
    input: z.object({ productId: Id.optional(), categoryId: Id.optional(), target: PublishTarget.optional(), limit: z.number().int().min(1).max(20).default(5) }),
    output: z.object({ items: z.array(CategoryHit), tree: CategoryTreeState })
  }),
  linkCategory: call({
    summary: 'Link a Vetrina category to a pavilion leaf (only leaves; the words searched are remembered), or unlink it with null.',
    input: z.object({
      categoryId: Id,
      pavilionCategoryId: z.string().regex(/^\d{1,19}$/, 'pavilion category ids are numbers').nullable(),
      /** What the user typed to find it (remembered for the next search). */
      searchedFor: z.string().max(200).optional(),
      target: PublishTarget.optional()
    }),
    output: z.object({ categoryId: Id, pavilionCategoryId: z.string().nullable(), path: z.array(PavilionNode) })
  }),
  refreshCategoryTree: call({ summary: 'Download the whole pavilion category tree again (a job).', input: z.object({ target: PublishTarget.optional() }).default({}), output: JobRef }),
  categories: call({
    summary: 'The pavilion category tree as last downloaded (for linking categories).',
    roles: ['owner', 'translator'],
    input: z.object({ target: PublishTarget.optional() }).default({}),
    output: z.object({
      items: z.array(z.object({ id: z.string(), parentId: z.string(), name: z.string(), cnName: z.string(), level: z.number().int(), leaf: z.boolean() }))
    })
  })
}
