// Readiness and pavilion problems as sentences (the app's publish screen and `vetrina publish
// --dry-run`): a problem code with params, or a refusal carrying Alibaba.com's own code and words.
import type { TFunction } from 'i18next'
import { WARNING_CODES } from '../domain/photo-quality.ts'
import type { ReadinessProblem } from '../domain/publish.ts'
import { photoWarningText } from './photos.ts'

const has = (t: TFunction, key: string) => !!t(key, { defaultValue: '' })

/** Names a variant axis code as its family does in the user's language ("Colore"); the code when unknown. */
export type AxisNames = (code: string) => string | undefined

export function problemText(p: Pick<ReadinessProblem, 'code' | 'params'>, t: TFunction, axisName: AxisNames = () => undefined): string {
  if (p.code.startsWith('pavilion_') && p.code !== 'pavilion_audit_rejected') {
    return String(t('publish:problem.pavilion', { pavilionCode: p.params.pavilionCode ?? p.code.slice('pavilion_'.length), detail: p.params.detail ?? '' }))
  }
  // A photo's quality warning in the photos area's own sentence with its numbers, never its code.
  if (p.code === 'image_quality' && typeof p.params.warning === 'string') {
    const { index, warning, ...params } = p.params
    const sentence = (WARNING_CODES as readonly string[]).includes(warning)
      ? photoWarningText({ code: warning as (typeof WARNING_CODES)[number], params: params as Record<string, string | number> }, t)
      : String(t(has(t, `publish:imageWarning.${warning}`) ? `publish:imageWarning.${warning}` : 'publish:problem.other'))
    return String(t('publish:problem.image_quality', { index, warning: sentence }))
  }
  // A variant axis is named as its family names it, not by its code.
  const name = (v: unknown) => (typeof v === 'string' ? axisName(v) ?? v : v)
  const params = { ...p.params, axis: name(p.params.axis), ...(p.code === 'variant_axis_twice' ? { other: name(p.params.other) } : {}) }
  return String(t(has(t, `publish:problem.${p.code}`) ? `publish:problem.${p.code}` : 'publish:problem.other', params))
}

/** The short name of a problem code for the readiness chart. */
export function problemShortText(code: string, t: TFunction): string {
  if (code.startsWith('pavilion_') && code !== 'pavilion_audit_rejected') return String(t('publish:problemShort.pavilion'))
  return String(t(has(t, `publish:problemShort.${code}`) ? `publish:problemShort.${code}` : 'publish:problemShort.other'))
}
