// Turns contract errors into sentences in the user's language: a translation for the error code
// (errors:<code>, or the area's own list for area codes such as spreadsheet_… or photo_…) or issue
// code (errors:issue.<code>) when there is one, else the core's message.
import type { TFunction } from 'i18next'
import type { ErrorIssue } from '../../../shared/contract/errors.ts'
import { AppError } from '../../../shared/contract/errors.ts'

// Each area keeps its own error sentences beside its other strings: [code prefix, namespace, group].
const AREA_ERRORS: Array<[prefix: string, ns: string, group: string]> = [
  ['spreadsheet_', 'import', 'error'],
  ['photo_', 'photos', 'error'],
  ['publish_', 'publish', 'error'],
  ['translation_', 'translate', 'errors'],
  ['xliff_', 'translate', 'errors'],
  ['mt_', 'translate', 'errors'],
  ['browser_mode_', 'translate', 'errors'],
  ['system_', 'settings', 'errors']
]

/** The i18n key holding the sentence for an error code. */
export function codeKey(code: string): string {
  const area = AREA_ERRORS.find(([prefix]) => code.startsWith(prefix))
  return area ? `${area[1]}:${area[2]}.${code}` : `errors:${code}`
}

export function errorText(err: unknown, t: TFunction): string {
  if (err instanceof AppError) {
    const base = t(codeKey(err.code), { ...(err.params ?? {}), defaultValue: '' })
    const first = err.issues?.[0]
    if (err.code === 'validation' && first) return `${t('errors:validation')}: ${first.path ? `${first.path} — ` : ''}${issueText(first, t)}`
    return base || err.message
  }
  return (err as Error)?.message ?? String(err)
}

export function issueText(issue: ErrorIssue, t: TFunction): string {
  if (!issue.code) return issue.message
  return t(`errors:issue.${issue.code}`, { ...(issue.params ?? {}), defaultValue: issue.message })
}

/** Field path → first issue text, for showing errors next to fields. */
export function issuesByPath(err: unknown, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {}
  if (err instanceof AppError) for (const i of err.issues ?? []) out[i.path] ??= issueText(i, t)
  return out
}
