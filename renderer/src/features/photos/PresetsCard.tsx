// Rendition settings (owner): size, quality and background of the pavilion main image and of
// detail images. Saving makes the existing renditions again in a job.
import { Save } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PhotoPresets } from '../../../../shared/domain/photo-presets.ts'
import { PAVILION } from '../../../../shared/domain/photo-sizes.ts'
import { api } from '../../api/client.ts'
import { Button } from '../../ui/Button.tsx'
import { Field } from '../../ui/components.tsx'
import { errorText, issuesByPath } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'

export function PresetsCard() {
  const { t } = useTranslation()
  const [saved, setSaved] = useState<PhotoPresets | null>(null)
  const [draft, setDraft] = useState<PhotoPresets | null>(null)
  const [issues, setIssues] = useState<Record<string, string>>({})
  useEffect(() => {
    void api.photos.presets({}).then((p) => {
      setSaved(p)
      setDraft(p)
    })
  }, [])
  if (!draft || !saved) return null
  const set = (preset: 'main' | 'detail', patch: Partial<PhotoPresets['main']>) => setDraft({ ...draft, [preset]: { ...draft[preset], ...patch } })
  const changed = JSON.stringify(draft) !== JSON.stringify(saved)
  const save = async () => {
    setIssues({})
    try {
      const r = await api.photos.updatePresets({ main: draft.main, detail: draft.detail })
      setSaved(r.presets)
      setDraft(r.presets)
      toast(r.jobId ? t('photos:presets.remaking') : t('photos:presets.saved'))
    } catch (err) {
      setIssues(issuesByPath(err, t))
      toast(errorText(err, t), 'err')
    }
  }
  const num = (v: string) => (v === '' ? 0 : Number(v))
  return (
    <details className="card" data-testid="photo-presets">
      <summary><strong>{t('photos:presets.title')}</strong> <span className="muted">{t('photos:presets.summary', { size: saved.main.size, quality: saved.main.quality })}</span></summary>
      <div className="grid3" style={{ marginTop: 'var(--space-3)' }}>
        <Field label={t('photos:presets.mainSize')} error={issues['main.size'] && t('photos:presets.mainSizeHint', { min: PAVILION.mainMinSide })} hint={t('photos:presets.mainSizeHint', { min: PAVILION.mainMinSide })}>
          {(id) => <input id={id} className="input" type="number" min={PAVILION.mainMinSide} max={4000} step={50} value={draft.main.size} onChange={(e) => set('main', { size: num(e.target.value) })} />}
        </Field>
        <Field label={t('photos:presets.quality')} error={issues['main.quality']}>
          {(id) => <input id={id} className="input" type="number" min={40} max={100} value={draft.main.quality} onChange={(e) => set('main', { quality: num(e.target.value) })} />}
        </Field>
        <Field label={t('photos:presets.background')} error={issues['main.background']}>
          {(id) => <input id={id} className="input" type="color" value={draft.main.background} onChange={(e) => set('main', { background: e.target.value })} />}
        </Field>
        <Field label={t('photos:presets.detailWidth')} error={issues['detail.size'] && t('photos:presets.detailWidthHint', { min: PAVILION.detailMinWidth })} hint={t('photos:presets.detailWidthHint', { min: PAVILION.detailMinWidth })}>
          {(id) => <input id={id} className="input" type="number" min={PAVILION.detailMinWidth} max={4000} step={100} value={draft.detail.size} onChange={(e) => set('detail', { size: num(e.target.value) })} />}
        </Field>
        <Field label={t('photos:presets.detailQuality')} error={issues['detail.quality']}>
          {(id) => <input id={id} className="input" type="number" min={40} max={100} value={draft.detail.quality} onChange={(e) => set('detail', { quality: num(e.target.value) })} />}
        </Field>
      </div>
      <div className="row">
        <span className="muted small">{t('photos:presets.limits')}</span>
        <span className="spacer" />
        <Button disabled={!changed} onClick={() => setDraft(saved)}>{t('common:cancel')}</Button>
        <Button variant="primary" icon={Save} disabled={!changed} onClick={() => void save()}>{t('common:save')}</Button>
      </div>
    </details>
  )
}
