// Translation calls: the translator's workspace (units, statuses, stale source with diff, QA),
// translation memory, glossary, machine translation and XLIFF/TMX/TBX exchange.
// Calls a translator may use in browser mode declare roles ['owner', 'translator'].
import { z } from 'zod'
import { call } from './define.ts'
import { Download, FileRef } from './files.ts'
import { JobRef } from './jobs.ts'
import { Id } from '../domain/product.ts'
import { LocaleCode } from '../domain/locales.ts'
import { TranslationField, UnitStatus } from '../domain/translation/units.ts'
import { TermKind } from '../domain/translation/glossary.ts'
import { QA_CODES } from '../domain/translation/qa.ts'

const both = ['owner', 'translator'] as const

export const UnitKey = z.object({ productId: Id, field: TranslationField, locale: LocaleCode })
export type UnitKey = z.infer<typeof UnitKey>

/** Which units a list, a bulk action, an export or a machine translation applies to. */
export const UnitSelection = z.object({
  locales: z.array(LocaleCode).max(10).optional(),
  statuses: z.array(UnitStatus).optional(),
  /** true: only stale units; false: only up-to-date ones. */
  stale: z.boolean().optional(),
  /** Only units with QA problems (errors, or any problem). */
  qa: z.enum(['errors', 'any']).optional(),
  fields: z.array(TranslationField).optional(),
  productIds: z.array(Id).max(100_000).optional(),
  /** This category and its descendants. */
  categoryId: Id.optional(),
  /** SKU or text in the Italian source. */
  query: z.string().max(200).optional(),
  /** Explicit units (bulk actions on a hand-picked set). */
  units: z.array(UnitKey).max(100_000).optional()
})
export type UnitSelection = z.input<typeof UnitSelection>

export const QaIssue = z.object({
  code: z.enum(QA_CODES),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  key: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional()
})
export type QaIssue = z.infer<typeof QaIssue>

export const DiffPart = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })

export const UnitSummary = UnitKey.extend({
  sku: z.string(),
  productTitle: z.string(),
  categoryId: z.string().nullable(),
  status: UnitStatus,
  stale: z.boolean(),
  /** Source and target in editor form (descriptions: text with <1>…</1> tag markers). */
  source: z.string(),
  target: z.string(),
  qaErrors: z.number().int(),
  qaWarnings: z.number().int(),
  rev: z.number().int(),
  updatedAt: z.string()
})
export type UnitSummary = z.infer<typeof UnitSummary>

export const TmMatch = z.object({
  id: z.number().int(),
  /** context: same product and field (101%); exact (100%); numbers: differs only in numbers; fuzzy. */
  tier: z.enum(['context', 'exact', 'numbers', 'fuzzy']),
  score: z.number(),
  source: z.string(),
  target: z.string(),
  /** The match's source against the current source. */
  diff: z.array(DiffPart),
  origin: z.string(),
  /** For "numbers" matches: the target with the numbers of the current source put in. */
  adapted: z.string().optional()
})
export type TmMatch = z.infer<typeof TmMatch>

export const Suggestion = z.object({
  n: z.number().int(),
  kind: z.enum(['tm', 'mt']),
  label: z.string(),
  text: z.string(),
  score: z.number().nullable(),
  tier: z.string().nullable(),
  diff: z.array(DiffPart).optional()
})

export const InlineCodeInfo = z.object({ id: z.string(), kind: z.enum(['pair', 'ph']), tag: z.string() })

export const TermHit = z.object({
  termId: z.number().int(), kind: TermKind, index: z.number().int(), length: z.number().int(), target: z.string(), note: z.string()
})

export const UnitDetail = UnitSummary.extend({
  /** The Italian text the current translation was made from (null while untranslated). */
  baseSource: z.string().nullable(),
  /** Word diff of baseSource → current source, when stale. */
  sourceDiff: z.array(DiffPart).nullable(),
  qa: z.array(QaIssue),
  qaOverride: z.string().nullable(),
  origin: z.string().nullable(),
  limits: z.object({ maxChars: z.number().int().optional(), ascii: z.boolean().optional(), maxItems: z.number().int().optional() }),
  codes: z.array(InlineCodeInfo),
  terms: z.array(TermHit),
  suggestions: z.array(Suggestion),
  categoryPath: z.string()
})
export type UnitDetail = z.infer<typeof UnitDetail>

export const GlossaryTerm = z.object({
  id: z.number().int(),
  sourceLang: LocaleCode,
  targetLang: z.union([LocaleCode, z.literal('*')]),
  kind: TermKind,
  source: z.string().max(200),
  target: z.string().max(200),
  note: z.string().max(1000),
  caseSensitive: z.boolean()
})
export const TermInput = GlossaryTerm.partial({ id: true, note: true, caseSensitive: true, target: true }).extend({
  sourceLang: LocaleCode.default('it'),
  source: z.string().trim().max(200)
})

export const MT_PROVIDERS = ['deepl', 'libretranslate', 'alibaba'] as const
export const MtProviderName = z.enum(MT_PROVIDERS)
export type MtProviderName = z.infer<typeof MtProviderName>

export const MtProviderInfo = z.object({
  name: MtProviderName,
  label: z.string(),
  enabled: z.boolean(),
  configured: z.boolean(),
  baseUrl: z.string().nullable(),
  /** How Italian reaches the target: "direct" or "via English". */
  route: z.string(),
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
})

export const ImportProblem = z.object({
  unitId: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  line: z.number().int().nullable().optional(),
  /** What the sentence for the code needs (unit, lang, line, count …). */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional()
})
export type ImportProblem = z.infer<typeof ImportProblem>

export const XliffImportReport = z.object({
  dryRun: z.boolean(),
  version: z.string(),
  sourceLang: z.string(),
  targetLang: z.string(),
  units: z.number().int(),
  applied: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  staleOnImport: z.number().int(),
  problems: z.array(ImportProblem)
})
export type XliffImportReport = z.infer<typeof XliffImportReport>

const Counts = z.object({ imported: z.number().int(), skipped: z.number().int(), problems: z.array(ImportProblem) })

export const translation = {
  listUnits: call({
    summary: 'Translation units with filters (status, stale, QA problems, product, category), paged.',
    roles: both,
    input: UnitSelection.extend({
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0)
    }),
    output: z.object({ items: z.array(UnitSummary), total: z.number().int() })
  }),
  getUnit: call({
    summary: 'One unit with everything the workspace shows: source diff, QA, glossary terms, suggestions.',
    roles: both,
    input: UnitKey,
    output: UnitDetail
  }),
  saveUnit: call({
    summary: 'Save a translation (and confirm it as translated, reviewed or approved).',
    roles: both,
    input: UnitKey.extend({
      text: z.string().max(70_000),
      status: z.enum(['translated', 'reviewed', 'approved']).default('translated'),
      /** Approve although QA found errors. */
      override: z.boolean().default(false),
      expectedRev: z.number().int().optional()
    }),
    output: UnitDetail
  }),
  setStatus: call({
    summary: 'Confirm, review or approve many units at once (stale ones are confirmed as up to date).',
    roles: both,
    input: z.object({ selection: UnitSelection, status: z.enum(['translated', 'reviewed', 'approved']), override: z.boolean().default(false) }),
    output: z.object({ changed: z.number().int(), skipped: z.array(z.object({ unit: UnitKey, reason: z.string() })) })
  }),
  pretranslate: call({
    summary: 'Fill untranslated units from the translation memory (exact and context matches).',
    roles: both,
    input: z.object({ selection: UnitSelection, minTier: z.enum(['context', 'exact']).default('exact') }),
    output: z.object({ filled: z.number().int(), considered: z.number().int() })
  }),
  stats: call({
    summary: 'Unit counts per locale: by status, stale, with QA problems.',
    roles: both,
    input: z.object({}).default({}),
    output: z.object({
      locales: z.array(z.object({
        locale: z.string(),
        byStatus: z.record(z.string(), z.number().int()),
        stale: z.number().int(),
        qaErrors: z.number().int(),
        qaWarnings: z.number().int(),
        total: z.number().int()
      }))
    })
  }),
  recheckQa: call({ summary: 'Run QA again on every unit (after glossary or limit changes).', roles: both, input: z.object({}).default({}), output: JobRef }),

  tmLookup: call({
    summary: 'Translation-memory matches for a text: context, exact, numbers-only and fuzzy, with the source diff.',
    roles: both,
    input: z.object({
      targetLocale: LocaleCode,
      text: z.string().max(70_000),
      productId: Id.optional(),
      field: TranslationField.optional(),
      limit: z.number().int().min(1).max(20).default(5),
      minScore: z.number().min(30).max(100).default(50)
    }),
    output: z.object({ matches: z.array(TmMatch) })
  }),
  tmImport: call({ summary: 'Import a TMX file into the translation memory.', input: z.object({ file: FileRef }), output: JobRef, paths: { file: 'read' } }),
  tmExport: call({
    summary: 'Export the translation memory as TMX.',
    roles: both,
    input: z.object({ targetLocales: z.array(LocaleCode).optional() }).default({}),
    output: JobRef
  }),
  tmStats: call({
    summary: 'Entries in the translation memory per language pair.',
    roles: both,
    input: z.object({}).default({}),
    output: z.object({ pairs: z.array(z.object({ sourceLang: z.string(), targetLang: z.string(), entries: z.number().int() })) })
  }),

  listTerms: call({
    summary: 'Glossary terms for a language pair (do-not-translate terms apply to every pair).',
    roles: both,
    input: z.object({ targetLang: LocaleCode.optional(), kind: TermKind.optional(), query: z.string().max(200).optional() }).default({}),
    output: z.object({ items: z.array(GlossaryTerm) })
  }),
  saveTerm: call({ summary: 'Add or change a glossary term.', roles: both, input: TermInput, output: GlossaryTerm }),
  deleteTerm: call({ summary: 'Remove a glossary term.', roles: both, input: z.object({ id: z.number().int() }), output: z.object({ deleted: z.literal(true) }) }),
  importGlossary: call({
    summary: 'Import glossary terms from TBX or CSV (source, target, kind, note).',
    input: z.object({ file: FileRef, format: z.enum(['tbx', 'csv']).optional(), targetLang: LocaleCode.optional() }),
    paths: { file: 'read' },
    output: Counts.extend({ updated: z.number().int() })
  }),

  mtProviders: call({ summary: 'Machine-translation providers and whether they are set up.', roles: both, input: z.object({}).default({}), output: z.object({ items: z.array(MtProviderInfo) }) }),
  configureMt: call({
    summary: 'Set up a machine-translation provider (keys go to the keychain).',
    input: z.object({
      provider: MtProviderName,
      enabled: z.boolean().optional(),
      baseUrl: z.string().url().max(500).nullable().optional(),
      apiKey: z.string().max(500).nullable().optional(),
      accessKeyId: z.string().max(200).nullable().optional(),
      accessKeySecret: z.string().max(500).nullable().optional(),
      /** Alibaba: provider translating Italian to English first ("english" reuses the English copy). */
      pivot: z.enum(['english', 'deepl', 'libretranslate']).optional(),
      /** Requests per second sent to this provider. */
      rateLimit: z.number().min(0.1).max(100).optional()
    }),
    output: MtProviderInfo
  }),
  machineTranslate: call({
    summary: 'Queue machine translation for units; results arrive as "machine" and never overwrite human work.',
    roles: both,
    input: z.object({ selection: UnitSelection, provider: MtProviderName }),
    output: JobRef.extend({ units: z.number().int() })
  }),

  createTranslatorLink: call({
    summary: 'A browser-mode link for a translator: the workspace only, no catalogue editing (browser mode must be running).',
    input: z.object({
      label: z.string().trim().min(1).max(60).default('translator'),
      /** How long the link works (it can be revoked before, in Settings). */
      validDays: z.number().int().min(1).max(90).default(7)
    }),
    output: z.object({
      label: z.string(),
      links: z.array(z.string()),
      /** Links that open from another PC of the office (empty unless browser mode listens there). */
      officeLinks: z.array(z.string()),
      /**
       * The office network: on (officeLinks work), noAddress (listening, but this PC has no office
       * address now: cable out?), off (this PC only; Settings → office network turns it on),
       * restart (turned on in Settings; takes effect when browser mode starts again).
       */
      officeNetwork: z.enum(['on', 'noAddress', 'off', 'restart']),
      /** When the link stops working, and its id (Settings lists and revokes links). */
      expiresAt: z.string().optional(),
      id: z.string().optional()
    })
  }),

  xliffExport: call({
    summary: 'Export units to XLIFF 2.0 or 1.2 (one file per target locale).',
    roles: both,
    input: z.object({ version: z.enum(['2.0', '1.2']).default('2.0'), selection: UnitSelection.default({}) }),
    output: JobRef
  }),
  xliffImport: call({
    summary: 'Import translations from an XLIFF file; with dryRun it only validates and reports.',
    input: z.object({ file: FileRef, dryRun: z.boolean().default(false), force: z.boolean().default(false) }),
    paths: { file: 'read' },
    output: JobRef
  })
}

export const XliffExportResult = z.object({ files: z.array(Download.extend({ locale: z.string(), units: z.number().int() })) })
