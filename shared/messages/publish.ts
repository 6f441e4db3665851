// Readiness and pavilion problems as sentences (the app's publish screen and `vetrina publish
// --dry-run`): a problem code with params, or a refusal carrying Alibaba.com's own code and words.
import type { TFunction } from 'i18next'
import type { ReadinessProblem } from '../domain/publish.ts'

export function problemText(p: Pick<ReadinessProblem, 'code' | 'params'>, t: TFunction): string {
  if (p.code.startsWith('pavilion_') && p.code !== 'pavilion_audit_rejected') {
    return String(t('publish:problem.pavilion', { pavilionCode: p.params.pavilionCode ?? p.code.slice('pavilion_'.length), detail: p.params.detail ?? '' }))
  }
  const key = `publish:problem.${p.code}`
  return String(t(t(key, { defaultValue: '' }) ? key : 'publish:problem.other', { ...p.params }))
}

/** The short name of a problem code for the readiness chart. */
export function problemShortText(code: string, t: TFunction): string {
  if (code.startsWith('pavilion_') && code !== 'pavilion_audit_rejected') return String(t('publish:problemShort.pavilion'))
  const key = `publish:problemShort.${code}`
  return String(t(t(key, { defaultValue: '' }) ? key : 'publish:problemShort.other'))
}
