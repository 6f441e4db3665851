// One unit, side by side: source (glossary terms highlighted, tags as chips), what changed in the
// source since it was translated, the target with its character counter, QA and suggestions.
// Keyboard-first: Ctrl+Enter confirms and moves on, Ctrl+Alt+Enter approves, Alt+↑/↓ moves,
// Alt+C copies the source, Ctrl+Alt+1…9 inserts suggestion N.
import { ArrowDown, ArrowUp, Check, CheckCheck, ClipboardCopy, Eye, Languages } from 'lucide-react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { checkInline, markedToInline } from '../../../../shared/domain/translation/inline.ts'
import { AppError } from '../../api/client.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { confirm } from '../../ui/confirm.tsx'
import { EmptyState } from '../../ui/EmptyState.tsx'
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

  if (!d) return <div className="tr-editor"><EmptyState icon={Languages} title={t('translate:editor.none')} /></div>

  // Every way of saving (buttons, Ctrl+Enter, Ctrl+Alt+Enter) saves and opens the next unit.
  const save = async (status: 'translated' | 'reviewed' | 'approved') => {
    try {
      await ws.saveAndNext(status)
      toast(t(`translate:editor.saved.${status}`), 'success')
    } catch (err) {
      if (err instanceof AppError && err.code === 'translation_qa_blocked') {
        const issue = err.issues?.[0]
        const ok = await confirm({
          title: t('ui:translate.overrideTitle'),
          body: t('ui:translate.overrideBody', { check: issue?.code ? t(`translate:qa.${issue.code}`) : t('translate:editor.qa'), count: Number(err.params?.errors ?? 1) }),
          confirmLabel: t(`ui:translate.override.${status}`),
          danger: true
        })
        if (!ok) return
        try {
          await ws.saveAndNext(status, true)
          toast(t(`translate:editor.saved.${status}`), 'success')
        } catch (again) {
          toast(trError(again, t), 'err')
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
      void save(e.altKey ? 'approved' : 'translated')
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
          {d.stale && <Badge tone="warning" testId="stale-badge">{t('translate:stale')}</Badge>}
          <span className="spacer" />
          <span className="muted">{d.categoryPath}</span>
        </h3>
        <div className="muted small">{d.productTitle}</div>
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
        {d.field === 'description' && <div className="muted small">{t('translate:editor.tagsHint', { tags: d.codes.map((c) => `${c.id}=${c.tag}`).join(' ') })}</div>}
        {tagProblems.map((p) => <div key={`${p.code}${p.id}`} className="error" role="alert">{t(`translate:qaText.${p.key}`, { ...p.params, defaultValue: p.message })}</div>)}
        <div className="row wrap" style={{ marginTop: 'var(--space-2)' }}>
          <Button variant="primary" icon={Check} disabled={ws.saving} onClick={() => void save('translated')} testId="confirm">{t('translate:editor.confirm')}</Button>
          <Button icon={Eye} disabled={ws.saving} onClick={() => void save('reviewed')}>{t('translate:editor.review')}</Button>
          <Button icon={CheckCheck} disabled={ws.saving} onClick={() => void save('approved')} testId="approve">{t('translate:editor.approve')}</Button>
          <Button variant="ghost" icon={ClipboardCopy} onClick={() => insert(d.source)}>{t('translate:editor.copySource')}</Button>
          <span className="spacer" />
          <Button size="sm" icon={ArrowUp} onClick={() => void ws.move(-1)} label={t('translate:editor.prev')} />
          <Button size="sm" icon={ArrowDown} onClick={() => void ws.move(1)} label={t('translate:editor.next')} />
        </div>
        <div className="tr-keys" style={{ marginTop: 'var(--space-2)' }}>
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> {t('translate:keys.confirm')} · <kbd>Ctrl</kbd>+<kbd>Alt</kbd>+<kbd>Enter</kbd> {t('translate:keys.approve')} ·{' '}
          <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> {t('translate:keys.move')} · <kbd>Alt</kbd>+<kbd>C</kbd> {t('translate:keys.copy')} ·{' '}
          <kbd>Ctrl</kbd>+<kbd>Alt</kbd>+<kbd>1…9</kbd> {t('translate:keys.insert')}
        </div>
      </div>

      {d.qa.length > 0 && (
        <div className="tr-pane" data-testid="qa">
          <h3>{t('translate:editor.qa')}{d.qaOverride && <Badge tone="warning">{t('translate:editor.overridden')}</Badge>}</h3>
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
              <div className="muted small">{s.label}{s.score !== null && s.tier === 'fuzzy' ? ` · ${s.score}%` : ''}</div>
              <div><MarkedText text={s.text} /></div>
              {s.diff && s.diff.length > 0 && <div className="small">{t('translate:editor.matchSource')}: <DiffView parts={s.diff} /></div>}
            </div>
            <Button size="sm" onClick={() => insert(s.text)} aria-label={t('translate:editor.insert', { n: s.n })}>{t('translate:editor.insertShort')}</Button>
          </div>
        ))}
      </div>
    </div>
  )
}
