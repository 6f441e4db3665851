// Errors and validation issues as sentences: the code picks the sentence (errors:<code>, or the
// area's own group for area codes such as spreadsheet_… or photo_…), its params fill it in, and a
// field path ("trade.ladder.2.minQty") becomes the field's name ("Tier 3: minimum quantity").
// Used by the UI and the CLI alike; nothing here falls back to the core's English message.
import type { TFunction } from 'i18next'
import { AppError, isAppErrorData, type AppErrorData, type ErrorIssue } from '../contract/errors.ts'
import { fieldLabel, type FieldNames } from './field-path.ts'

export { fieldLabel, type FieldNames }

// Each area keeps its error sentences beside its other messages: [code prefix, namespace, group].
const AREA_ERRORS: Array<[prefix: string, ns: string, group: string]> = [
  ['spreadsheet_', 'import', 'error'],
  ['photo_', 'photos', 'error'],
  ['publish_', 'publish', 'error'],
  ['translation_', 'translate', 'errors'],
  ['xliff_', 'translate', 'errors'],
  ['tmx_', 'translate', 'errors'],
  ['glossary_', 'translate', 'errors'],
  ['mt_', 'translate', 'errors'],
  ['browser_mode_', 'translate', 'errors'],
  ['file_access_', 'desktop', 'errors'],
  ['system_', 'settings', 'errors']
]

/** The i18n key holding the sentence for an error code. */
export function errorKey(code: string): string {
  const area = AREA_ERRORS.find(([prefix]) => code.startsWith(prefix))
  return area ? `${area[1]}:${area[2]}.${code}` : `errors:${code}`
}

/** The i18n key holding the sentence for a validation issue code (zod's or a rule's). */
export function issueKey(code: string): string {
  return `errors:issue.${code}`
}

function errorData(err: unknown): AppErrorData | null {
  if (err instanceof AppError) return err.toData()
  return isAppErrorData(err) ? err : null
}

/** One issue as a sentence, e.g. "at least 1", "already used by another product". */
export function issueText(issue: ErrorIssue, t: TFunction): string {
  const params = issue.params ?? {}
  const key = issue.code && t(issueKey(issue.code), { defaultValue: '' }) ? issueKey(issue.code) : 'errors:issue.invalid'
  // zod says what kind of value was too small or big ("string", "number", "array"): i18next's
  // context picks the sentence for it (too_small_string …), else the general one.
  return String(t(key, { ...params, context: typeof params.origin === 'string' ? params.origin : undefined }))
}

/** An issue with the name of its field: "Tier 3: minimum quantity — at least 1". */
export function issueWithField(issue: ErrorIssue, t: TFunction, names?: FieldNames): string {
  const label = issue.path ? fieldLabel(issue.path, t, names) : null
  return label ? `${label}: ${issueText(issue, t)}` : issueText(issue, t)
}

/** Any error as one sentence in the user's language. */
export function errorText(err: unknown, t: TFunction, names?: FieldNames): string {
  const data = errorData(err)
  if (!data) return String(t('errors:internal'))
  const issues = data.issues ?? []
  if (data.code === 'validation' && issues.length > 0) {
    const more = issues.length > 1 ? ` ${t('errors:moreIssues', { count: issues.length - 1 })}` : ''
    return `${t('errors:validation')}: ${issueWithField(issues[0], t, names)}${more}`
  }
  const key = errorKey(data.code)
  // "Not found" says what was not found when it knows (errors:not_found_sku …).
  const context = data.code === 'not_found' && typeof data.params?.sku === 'string' ? 'sku' : undefined
  // With its parameters: a sentence with a count exists only as its plural forms (xliff_invalid_one …).
  const options = { ...(data.params ?? {}), context }
  if (t(key, { ...options, defaultValue: '' })) return String(t(key, options))
  if (data.code === 'validation') return String(t('errors:validation'))
  return String(t('errors:internal'))
}

/** Field path → first issue text, for showing errors next to fields. */
export function issuesByPath(err: unknown, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {}
  for (const i of errorData(err)?.issues ?? []) out[i.path] ??= issueText(i, t)
  return out
}
