// Spreadsheet import and export: inspect a file (cheap preview + suggested mapping), dry-run it
// (every row checked, nothing written), apply it (one transaction, or valid rows only), page
// through the report, download rejected rows in the original format, keep mapping profiles, and
// export the catalogue to CSV or XLSX in a shape that imports back unchanged.
import { z } from 'zod'
import { Currency } from '../domain/units.ts'
import { call } from './define.ts'
import { Download, FileRef } from './files.ts'
import { JobRef } from './jobs.ts'
import { Id, ProductStatus } from '../domain/product.ts'
import { LocalizedName } from '../domain/catalog-structure.ts'
import { isTarget } from '../domain/spreadsheet/targets.ts'
import { DATE_ORDERS, NUMBER_FORMATS } from '../domain/spreadsheet/values.ts'
import { UiLanguage } from '../domain/locales.ts'

export const MAX_COLUMNS = 1000

export const SourceFormat = z.enum(['csv', 'xlsx'])
export const TextEncoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'])
export const Delimiter = z.enum([',', ';', '\t', '|'])

/** How to read the file; everything left out is detected. */
export const ReadOptions = z.object({
  format: SourceFormat.optional(),
  encoding: TextEncoding.optional(),
  delimiter: Delimiter.optional(),
  /** Sheet name (XLSX); default: the first visible sheet. */
  sheet: z.string().max(200).optional(),
  /** Row number of the header; 0 = the file has no header (columns are named A, B, C …). */
  headerRow: z.number().int().min(0).max(10_000).optional(),
  /** Header rows joined into one name ("Prezzo / EUR"). */
  headerRows: z.number().int().min(1).max(3).optional()
})
export type ReadOptions = z.infer<typeof ReadOptions>

export const Target = z.string().max(120).refine(isTarget, { message: 'not a known import target' })

export const ColumnMapping = z.object({
  index: z.number().int().min(0).max(MAX_COLUMNS - 1),
  header: z.string().max(500),
  target: Target,
  /** Unit for values written without one (weights, sizes, number attributes), e.g. "g". */
  unit: z.string().max(20).optional(),
  /** Read a text attribute as a date and store it as YYYY-MM-DD. */
  asDate: z.boolean().optional()
})
export type ColumnMapping = z.infer<typeof ColumnMapping>

export const ImportSettings = z.object({
  /** Number convention of text cells ("1.234,56" = it); detected when absent. */
  numberFormat: z.enum(NUMBER_FORMATS).optional(),
  dateOrder: z.enum(DATE_ORDERS).optional(),
  /** What an empty cell does to an existing product: keep its value (default) or clear it. */
  emptyCells: z.enum(['keep', 'clear']).default('keep'),
  /** Create categories named in the file that do not exist yet. */
  createCategories: z.boolean().default(true),
  /**
   * Create the families a family column names that do not exist yet (a shop export's attribute
   * sets: Magento "Top", "Bottom"); off, such a row is refused naming the known families.
   */
  createFamilies: z.boolean().default(false),
  /** Attribute family (code) for new products when the file has no family column. */
  family: z.string().max(64).optional(),
  /** Currency of prices written without one, when the header names none either (default: the firm's). */
  currency: Currency.optional(),
  /** Status of new products when the file has no status column. */
  status: ProductStatus.default('draft')
})
export type ImportSettings = z.infer<typeof ImportSettings>

export const ImportSpec = z.object({
  file: FileRef,
  read: ReadOptions.default({}),
  columns: z.array(ColumnMapping).max(MAX_COLUMNS),
  settings: ImportSettings.default({ emptyCells: 'keep', createCategories: true, createFamilies: false, status: 'draft' })
})
export type ImportSpec = z.input<typeof ImportSpec>

export const Warning = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional()
})

export const Suggestion = ColumnMapping.extend({ confidence: z.number().min(0).max(1) })

export const Inspection = z.object({
  fileName: z.string(),
  fileSize: z.number().int(),
  format: SourceFormat,
  encoding: TextEncoding.nullable(),
  /** How the encoding was found: bom, utf16-pattern, valid-utf8, ascii, not-utf8 (a guess), chosen. */
  encodingEvidence: z.string().nullable(),
  delimiter: Delimiter.nullable(),
  sheets: z.array(z.object({ name: z.string(), hidden: z.boolean() })),
  sheet: z.string().nullable(),
  headerRow: z.number().int(),
  headerRows: z.number().int(),
  headers: z.array(z.string()),
  /** The first data rows, as the user would read them. */
  sampleRows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  numberFormat: z.enum(NUMBER_FORMATS),
  numberFormatDetected: z.boolean(),
  dateOrder: z.enum(DATE_ORDERS),
  /** The suggested (or the profile's) mapping, one entry per column. */
  columns: z.array(Suggestion),
  /** The read options that produced this preview (pass them on to dryRun). */
  read: ReadOptions,
  /** Settings saved with the profile used, if any. */
  settings: ImportSettings.partial(),
  warnings: z.array(Warning),
  /** Data rows with values (after the header), when asked for with countRows: the whole file is read. */
  rowCount: z.number().int().nullable().default(null)
})
export type Inspection = z.infer<typeof Inspection>

/** What became of a row; "merged": a later row of a SKU that added its images to that product. */
export const OUTCOMES = ['created', 'updated', 'unchanged', 'merged', 'rejected'] as const
export const Outcome = z.enum(OUTCOMES)
export type Outcome = z.infer<typeof Outcome>

export const RowIssue = z.object({
  /** Column header as in the file ("" when the problem is the whole row). */
  column: z.string(),
  /** Product field, e.g. "trade.ladder.0.price". */
  field: z.string(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  severity: z.enum(['error', 'warning'])
})
export type RowIssue = z.infer<typeof RowIssue>

export const ReportRow = z.object({
  row: z.number().int(),
  sku: z.string().nullable(),
  outcome: Outcome,
  productId: z.string().nullable(),
  /** Fields changed (updated rows). */
  changes: z.number().int(),
  issues: z.array(RowIssue)
})
export type ReportRow = z.infer<typeof ReportRow>

export const Summary = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Later rows of a SKU that only added images to it (one row per image, as shop platforms export). */
  merged: z.number().int().default(0),
  rejected: z.number().int(),
  /** Rows with warnings (they are imported). */
  warned: z.number().int(),
  newCategories: z.array(z.string()),
  /** Families created from the family column (createFamilies). */
  newFamilies: z.array(z.string()).default([]),
  warnings: z.array(Warning),
  /** Attribute columns left out of some rows because the row's family lacks the attribute (or the row has none). */
  leftOut: z.array(z.object({ column: z.string(), attribute: z.string(), family: z.string().nullable(), rows: z.number().int() })).default([]),
  /** Whether the catalogue was changed by this run. */
  written: z.boolean()
})
export type Summary = z.infer<typeof Summary>

export const IMPORT_STATES = ['checking', 'checked', 'applying', 'applied', 'rolled-back', 'failed', 'cancelled'] as const
export const ApplyMode = z.enum(['all-or-nothing', 'valid-rows'])
export type ApplyMode = z.infer<typeof ApplyMode>

export const ImportInfo = z.object({
  id: Id,
  fileName: z.string(),
  format: SourceFormat,
  state: z.enum(IMPORT_STATES),
  mode: ApplyMode.nullable(),
  spec: z.unknown(),
  /** Summary of the last run (dry run or apply). */
  summary: Summary.nullable(),
  dryRunJobId: z.string().nullable(),
  applyJobId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type ImportInfo = z.infer<typeof ImportInfo>

export const Profile = z.object({
  name: z.string().trim().min(1).max(80),
  read: ReadOptions.omit({ sheet: true }).default({}),
  /** Matched to a new file's columns by header name. */
  columns: z.array(ColumnMapping.omit({ index: true })).max(MAX_COLUMNS),
  settings: ImportSettings.partial().default({})
})
export type Profile = z.infer<typeof Profile>

export const ExportFilter = z.object({
  query: z.string().max(200).optional(),
  status: z.array(ProductStatus).optional(),
  categoryId: Id.nullable().optional(),
  ids: z.array(Id).max(100_000).optional()
})

export const ExportInput = z.object({
  format: SourceFormat.default('xlsx'),
  filter: ExportFilter.default({}),
  /** Catalogue languages to include (default: Italian and the target languages). */
  locales: z.array(z.string()).max(10).optional(),
  /** CSV only: "it" = ";" and 1.234,5 (Excel in Italian); "en" = "," and 1234.5. */
  csvLocale: z.enum(['it', 'en']).default('it'),
  /** Where to write the file (desktop and CLI); browser mode downloads it. */
  path: z.string().max(4096).optional(),
  /** Language of the downloaded file's name ("catalogo-…", "catalogue-…"). */
  language: UiLanguage.default('it'),
  /** Products with variants: "rows" = the parent's row then its variants' rows (parent column); "group" = one row per variant with a group column. */
  variantLayout: z.enum(['rows', 'group']).default('rows')
})

export const TargetInfo = z.object({
  code: z.string(),
  group: z.enum(['product', 'text', 'attribute', 'axis', 'trade', 'logistics', 'origin', 'images', 'ignore']),
  label: LocalizedName.optional(),
  /** Attribute type, for attribute targets. */
  type: z.string().optional(),
  units: z.array(z.string()).optional(),
  /** Families that define this attribute. */
  families: z.array(z.string()).optional()
})

const ByImport = z.object({ importId: Id })

export const spreadsheet = {
  inspect: call({
    summary: 'Read the start of a file: format, encoding, separator, sheets, header, sample rows and a suggested mapping.',
    input: z.object({ file: FileRef, read: ReadOptions.default({}), profile: z.string().max(80).optional(), countRows: z.boolean().optional() }),
    output: Inspection,
    paths: { file: 'read' }
  }),
  targets: call({
    summary: 'Every place a column can go (fields, texts per language, attributes, trade terms …).',
    input: z.object({}).default({}),
    output: z.object({ items: z.array(TargetInfo), locales: z.array(z.string()) })
  }),
  dryRun: call({
    summary: 'Check every row of a file against the catalogue without writing anything; runs as a job.',
    input: ImportSpec.extend({ saveProfile: z.string().trim().min(1).max(80).optional() }),
    output: z.object({ importId: Id, jobId: z.string() }),
    paths: { file: 'read' }
  }),
  apply: call({
    summary: 'Write a checked import: all rows in one transaction, or the valid rows only; runs as a job.',
    input: z.object({ importId: Id, mode: ApplyMode.default('all-or-nothing') }),
    output: z.object({ importId: Id, jobId: z.string() })
  }),
  importFile: call({
    summary: 'Check and write a file in one go (the CLI without --dry-run); runs as a job.',
    input: ImportSpec.extend({ mode: ApplyMode.default('all-or-nothing') }),
    output: z.object({ importId: Id, jobId: z.string() }),
    paths: { file: 'read' }
  }),
  getImport: call({ summary: 'One import and its latest summary.', input: ByImport, output: ImportInfo }),
  listImports: call({
    summary: 'Recent imports, newest first.',
    input: z.object({ limit: z.number().int().min(1).max(200).default(20) }),
    output: z.object({ items: z.array(ImportInfo) })
  }),
  report: call({
    summary: 'The rows of an import report, in file order, optionally only some outcomes; paged.',
    input: ByImport.extend({
      outcomes: z.array(Outcome).optional(),
      /** Only rows with warnings. */
      warned: z.boolean().optional(),
      afterRow: z.number().int().default(0),
      limit: z.number().int().min(1).max(1000).default(200)
    }),
    output: z.object({ items: z.array(ReportRow), nextAfterRow: z.number().int().nullable(), summary: Summary.nullable() })
  }),
  reportFile: call({
    summary: 'The full report as a CSV or XLSX file to download, in the given language (headers, outcomes, problems).',
    input: ByImport.extend({ format: SourceFormat.default('xlsx'), language: UiLanguage.default('it') }),
    output: Download
  }),
  rejectedFile: call({
    summary: 'The rejected rows in the format of the original file (header included), to fix and import again; what to fix is written in the given language.',
    input: ByImport.extend({ language: UiLanguage.default('it') }),
    output: Download
  }),
  listProfiles: call({ summary: 'Saved column mappings.', input: z.object({}).default({}), output: z.object({ items: z.array(Profile) }) }),
  saveProfile: call({ summary: 'Save (or replace) a named column mapping.', input: Profile, output: Profile }),
  deleteProfile: call({ summary: 'Delete a saved mapping.', input: z.object({ name: z.string().min(1).max(80) }), output: z.object({ deleted: z.boolean() }) }),
  exportCatalog: call({
    summary: 'Export the catalogue (or a selection) to CSV or XLSX; runs as a job whose result is the file.',
    input: ExportInput,
    output: JobRef,
    paths: { path: 'write' }
  })
}
