// Size guards for files we are asked to read. Above them the user gets a clear message instead of
// an exhausted machine (2 GB exports, zip bombs, runaway rows).
export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number
  maxRows: number
  maxColumns: number
  /** Largest CSV record, in characters (a stray quote otherwise swallows the rest of the file). */
  maxRecordChars: number
  /** Largest uncompressed part of an .xlsx, and of all its parts together. */
  maxEntryBytes: number
  maxTotalUncompressedBytes: number
  /** An .xlsx part bigger than `ratioCheckAboveBytes` may not expand more than this many times. */
  maxCompressionRatio: number
  ratioCheckAboveBytes: number
  /** Characters kept for all shared strings of a workbook (they must stay in memory). */
  maxSharedStringChars: number
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 1024 ** 3,
  maxRows: 1_000_000,
  maxColumns: 1_000,
  maxRecordChars: 1_000_000,
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalUncompressedBytes: 4 * 1024 ** 3,
  maxCompressionRatio: 200,
  ratioCheckAboveBytes: 32 * 1024 ** 2,
  maxSharedStringChars: 300_000_000
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`
  if (n >= 1024) return `${Math.round(n / 1024)} KB`
  return `${n} bytes`
}
