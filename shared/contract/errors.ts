// Errors cross every transport as plain data with a stable code; the UI turns the code and its
// params into a sentence in the user's language (renderer i18n namespace "errors").

export interface ErrorIssue {
  /** Dotted path of the offending field, e.g. "trade.ladder.1.minQty". Empty for the whole input. */
  path: string
  message: string
  /** Stable code the UI translates (zod's "too_small", or a rule such as "ladder_ascending"). */
  code?: string
  params?: Record<string, string | number | boolean | null>
}

export interface AppErrorData {
  code: string
  message: string
  params?: Record<string, string | number | boolean | null>
  issues?: ErrorIssue[]
}

/** Error codes used across areas. Areas may add their own (prefixed with the area name). */
export const ErrorCodes = {
  validation: 'validation',
  notFound: 'not_found',
  conflict: 'conflict',
  duplicateSku: 'duplicate_sku',
  forbidden: 'forbidden',
  unauthorized: 'unauthorized',
  unknownMethod: 'unknown_method',
  dbNewer: 'db_newer_version',
  dbCorrupt: 'db_corrupt',
  badBackup: 'bad_backup',
  cancelled: 'cancelled',
  offline: 'offline',
  internal: 'internal'
} as const

export class AppError extends Error {
  readonly code: string
  readonly params?: AppErrorData['params']
  readonly issues?: ErrorIssue[]

  constructor(code: string, message: string, extra: { params?: AppErrorData['params']; issues?: ErrorIssue[] } = {}) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.params = extra.params
    this.issues = extra.issues
  }

  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message }
    if (this.params) data.params = this.params
    if (this.issues) data.issues = this.issues
    return data
  }

  static fromData(data: AppErrorData): AppError {
    // codes: passed on
    return new AppError(data.code, data.message, { params: data.params, issues: data.issues })
  }
}

export function isAppErrorData(value: unknown): value is AppErrorData {
  return typeof value === 'object' && value !== null && typeof (value as AppErrorData).code === 'string' &&
    typeof (value as AppErrorData).message === 'string'
}

/** The envelope every transport uses for a call result. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData }

/** Turns zod issues into contract issues with translatable codes and their parameters. */
export function issuesFromZod(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code: string } & Record<string, unknown>>): ErrorIssue[] {
  return issues.map((i) => {
    const params: Record<string, string | number | boolean | null> = {}
    for (const k of ['minimum', 'maximum', 'origin', 'expected', 'format'] as const) {
      const v = i[k]
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') params[k] = v
      else if (typeof v === 'bigint') params[k] = Number(v)
    }
    const rule = (i.params as { rule?: string } | undefined)?.rule
    const issue: ErrorIssue = { path: i.path.map(String).join('.'), message: i.message, code: rule ?? i.code }
    if (Object.keys(params).length) issue.params = params
    return issue
  })
}
