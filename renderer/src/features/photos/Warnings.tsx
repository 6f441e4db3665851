// Quality warnings in words: a compact badge list for thumbnails and a full explanation with
// what to do, in the user's language.
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { PhotoWarning } from '../../../../shared/domain/photo-quality.ts'
import { photoWarningText } from '../../../../shared/messages/photos.ts'

export function warningLabel(w: PhotoWarning, t: TFunction): string {
  return t(`photos:warning.${w.code}.short`)
}

export function warningText(w: PhotoWarning, t: TFunction): string {
  return photoWarningText(w, t)
}

export function WarningBadges(props: { warnings: PhotoWarning[]; max?: number }) {
  const { t } = useTranslation()
  const shown = props.warnings.slice(0, props.max ?? 3)
  const more = props.warnings.length - shown.length
  return (
    <span className="photo-badges">
      {shown.map((w) => (
        <span key={w.code} className="badge warn" title={warningText(w, t)} data-testid={`warning-${w.code}`}>{warningLabel(w, t)}</span>
      ))}
      {more > 0 && <span className="badge">+{more}</span>}
    </span>
  )
}

export function WarningList(props: { warnings: PhotoWarning[] }) {
  const { t } = useTranslation()
  if (props.warnings.length === 0) return <p className="muted" data-testid="no-warnings">{t('photos:warning.none')}</p>
  return (
    <ul className="photo-warnings">
      {props.warnings.map((w) => (
        <li key={w.code}><span className="badge warn">{warningLabel(w, t)}</span> {warningText(w, t)}</li>
      ))}
    </ul>
  )
}
