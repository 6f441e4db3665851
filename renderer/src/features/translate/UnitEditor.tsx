// One unit, side by side: source (glossary terms highlighted, tags as chips), what changed in the
// source since it was translated, the target with its character counter, QA and suggestions.
// Keyboard-first: Ctrl+Enter confirms and moves on, Ctrl+Alt+Enter approves, Alt+↑/↓ moves,
// Alt+C copies the source, Ctrl+Alt+1…9 inserts suggestion N.
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { checkInline, markedToInline } from '../../../../shared/domain/translation/inline.ts'
import { AppError } from '../../api/client.ts'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { DiffView, MarkedText, visibleLength } from './marked.tsx'
import { useWorkspace } from './store.ts'

/** The error in the user's language (errorText finds translation codes in translate:errors). */
export function trError(err: unknown, t: ReturnType<typeof useTranslation>['t']): string {
  return errorText(err, t)
}

export function UnitEditor() {
  const { t } = useTranslation()
  const ws = useWorkspace()
  const d = ws.detail
  const ref = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    ref.current?.focus()
  }, [d?.productId, d?.field, d?.locale])

  if (!d) return <div className="empty">{t('translate:editor.none')}</div>

  const save = async (status: 'translated' | 'reviewed' | 'approved', advance: boolean) => {
    try {
      await ws.save(status)
      toast(t(`translate:editor.saved.${status}`))
      if (advance) await ws.move(1)
    } catch (err) {
      if (err instanceof AppError && err.code === 'translation_qa_blocked') {
        if (confirm(t('translate:editor.overrideConfirm', { problem: err.issues?.[0]?.message ?? err.message }))) {
          try {
            await ws.save(status, true)
            if (advance) await ws.move(1)
          } catch (again) {
            toast(trError(again, t), 'err')
          }
        }
        return
      }
      toast(trError(err, t), 'err')
    }
  }
  const insert = (text: string) => {
    ws.setDraft(text)
    ref.current?.focus()
  }
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && e.ctrlKey) {
      e.preventDefault()
      void save(e.altKey ? 'approved' : 'translated', true)
    } else if (e.altKey && !e.ctrlKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault()
      void ws.move(e.key === 'ArrowDown' ? 1 : -1)
    } else if (e.altKey && !e.ctrlKey && (e.key === 'c' || e.key === 'C' || e.code === 'KeyC')) {
      e.preventDefault()
      insert(d.source)
    } else if (e.ctrlKey && e.altKey && /^Digit[1-9]$/.test(e.code)) {
      const s = d.suggestions.find((x) => x.n === Number(e.code.slice(5)))
      if (s) {
        e.preventDefault()
        insert(s.text)
      }
    }
  }

  const length = visibleLength(ws.draft)
  const max = d.limits.maxChars
  const tagProblems = d.field === 'description' && ws.draft
    ? checkInline(markedToInline(ws.draft), d.codes.map((c) => ({ ...c, open: '' })))
    : []
  const termTitle = (h: (typeof d.terms)[number]) => (h.kind === 'dnt' ? t('translate:terms.dnt') : h.kind === 'forbidden' ? t('translate:terms.forbidden') : `→ ${h.target}`)

  return (
    <div className="tr-editor" data-testid="unit-editor">
      <div className="tr-pane">
        <h3>
          <span>{d.sku}</span>·<span>{t(`translate:field.${d.field}`)}</span>·<span>{d.locale}</span>
          <span className={`badge status-${d.status}`} data-testid="unit-status">{t(`translate:status.${d.status}`)}</span>
          {d.stale && <span className="badge warn" data-testid="stale-badge">{t('translate:stale')}</span>}
          <span className="spacer" />
          <span className="muted">{d.categoryPath}</span>
        </h3>
        <div className="muted" style={{ fontSize: 12 }}>{d.productTitle}</div>
      </div>

      <div className="tr-pane">
        <h3>{t('translate:editor.source')} (it)</h3>
        <div className="tr-source" data-testid="source-text"><MarkedText text={d.source} hits={d.terms} termTitle={termTitle} /></div>
      </div>

      {d.stale && d.sourceDiff && (
        <div className="tr-pane tr-stale" data-testid="source-diff">
          <h3>{t('translate:editor.sourceChanged')}</h3>
          <DiffView parts={d.sourceDiff} />
        </div>
      )}

      <div className="tr-pane">
        <h3>
          {t('translate:editor.target')} ({d.locale})
          <span className="spacer" />
          <span className={`counter${max && length > max ? ' over' : ''}`} data-testid="char-counter">{max ? `${length} / ${max}` : length}</span>
        </h3>
        <textarea
          ref={ref}
          className="tr-target"
          data-testid="target"
          aria-label={t('translate:editor.target')}
          value={ws.draft}
          spellCheck
          lang={d.locale}
          onChange={(e) => ws.setDraft(e.target.value)}
          onKeyDown={onKey}
          rows={d.field === 'description' ? 8 : d.field === 'title' ? 2 : 4}
        />
        {d.field === 'description' && <div className="muted" style={{ fontSize: 12 }}>{t('translate:editor.tagsHint', { tags: d.codes.map((c) => `${c.id}=${c.tag}`).join(' ') })}</div>}
        {tagProblems.map((p) => <div key={`${p.code}${p.id}`} className="error" role="alert" style={{ fontSize: 12 }}>{t(`translate:qaText.${p.key}`, { ...p.params, defaultValue: p.message })}</div>)}
        <div className="row" style={{ marginTop: 8, flexWrap: 'wrap' }}>
          <button className="btn primary" disabled={ws.saving} onClick={() => void save('translated', true)} data-testid="confirm">{t('translate:editor.confirm')}</button>
          <button className="btn" disabled={ws.saving} onClick={() => void save('reviewed', true)}>{t('translate:editor.review')}</button>
          <button className="btn" disabled={ws.saving} onClick={() => void save('approved', true)} data-testid="approve">{t('translate:editor.approve')}</button>
          <button className="btn" onClick={() => insert(d.source)}>{t('translate:editor.copySource')}</button>
          <span className="spacer" />
          <button className="btn small" onClick={() => void ws.move(-1)} aria-label={t('translate:editor.prev')}>↑</button>
          <button className="btn small" onClick={() => void ws.move(1)} aria-label={t('translate:editor.next')}>↓</button>
        </div>
        <div className="tr-keys" style={{ marginTop: 6 }}>
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> {t('translate:keys.confirm')} · <kbd>Ctrl</kbd>+<kbd>Alt</kbd>+<kbd>Enter</kbd> {t('translate:keys.approve')} ·{' '}
          <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> {t('translate:keys.move')} · <kbd>Alt</kbd>+<kbd>C</kbd> {t('translate:keys.copy')} ·{' '}
          <kbd>Ctrl</kbd>+<kbd>Alt</kbd>+<kbd>1…9</kbd> {t('translate:keys.insert')}
        </div>
      </div>

      {d.qa.length > 0 && (
        <div className="tr-pane" data-testid="qa">
          <h3>{t('translate:editor.qa')}{d.qaOverride && <span className="badge warn">{t('translate:editor.overridden')}</span>}</h3>
          <ul className="tr-qa" style={{ margin: 0, paddingLeft: 18 }}>
            {d.qa.map((q, i) => <li key={i} className={q.severity}>{t(`translate:qa.${q.code}`)}: {q.key ? t(`translate:qaText.${q.key}`, { ...q.params, defaultValue: q.message }) : q.message}</li>)}
          </ul>
        </div>
      )}

      <div className="tr-pane" data-testid="suggestions">
        <h3>{t('translate:editor.suggestions')}</h3>
        {d.suggestions.length === 0 && <div className="muted">{t('translate:editor.noSuggestions')}</div>}
        {d.suggestions.map((s) => (
          <div className="tr-sugg" key={s.n}>
            <span className="n">{s.n}</span>
            <div>
              <div className="muted" style={{ fontSize: 12 }}>{s.label}{s.score !== null && s.tier === 'fuzzy' ? ` · ${s.score}%` : ''}</div>
              <div><MarkedText text={s.text} /></div>
              {s.diff && s.diff.length > 0 && <div style={{ fontSize: 12 }}>{t('translate:editor.matchSource')}: <DiffView parts={s.diff} /></div>}
            </div>
            <button className="btn small" onClick={() => insert(s.text)} aria-label={t('translate:editor.insert', { n: s.n })}>{t('translate:editor.insertShort')}</button>
          </div>
        ))}
      </div>
    </div>
  )
}
