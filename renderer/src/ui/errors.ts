// Turns contract errors into sentences in the user's language: a translation for the error code
// (errors:<code>) or issue code (errors:issue.<code>) when there is one, else the core's message.
import type { TFunction } from 'i18next'
import type { ErrorIssue } from '../../../shared/contract/errors.ts'
import { AppError } from '../../../shared/contract/errors.ts'

export function errorText(err: unknown, t: TFunction): string {
  if (err instanceof AppError) {
    const key = `errors:${err.code}`
    const base = t(key, { ...(err.params ?? {}), defaultValue: '' })
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
