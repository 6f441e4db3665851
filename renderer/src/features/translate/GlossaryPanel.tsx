// Glossary per language pair: preferred renderings, do-not-translate names, forbidden terms;
// import from TBX or CSV (owner).
import { BookOpen, FileUp, Plus, Trash2 } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GlossaryTerm } from '../../../../shared/domain/translation/glossary.ts'
import { TERM_KINDS, type TermKind } from '../../../../shared/domain/translation/glossary.ts'
import { problemText } from './problem-text.ts'
import { api, transport } from '../../api/client.ts'
import { DEFAULT_TARGETS, useApp } from '../../app/store.ts'
import { Button } from '../../ui/Button.tsx'
import { Card } from '../../ui/Card.tsx'
import { EmptyState } from '../../ui/EmptyState.tsx'
import { FilePicker } from '../../ui/FilePicker.tsx'
import { Select } from '../../ui/Select.tsx'
import { toast, toastUndo } from '../../ui/toasts.ts'
import { trError } from './UnitEditor.tsx'
import { languageOf } from '../../i18n/language-names.ts'

export function GlossaryPanel() {
  const { t } = useTranslation()
  const role = useApp((a) => a.role)
  const targets = useApp((a) => a.settings?.targetLocales ?? DEFAULT_TARGETS)
  const [lang, setLang] = useState(targets[0] ?? 'en')
  const [items, setItems] = useState<GlossaryTerm[]>([])
  const [draft, setDraft] = useState({ kind: 'preferred' as TermKind, source: '', target: '', note: '' })
  const load = () => void api.translation.listTerms({ targetLang: lang }).then((r) => setItems(r.items)).catch((err) => toast(trError(err, t), 'err'))
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [lang])

  const add = async () => {
    try {
      await api.translation.saveTerm({ sourceLang: 'it', targetLang: draft.kind === 'dnt' ? '*' : lang, kind: draft.kind, source: draft.source, target: draft.target, note: draft.note })
      setDraft({ ...draft, source: '', target: '', note: '' })
      load()
    } catch (err) {
      toast(trError(err, t), 'err')
    }
  }
  const importFile = async (file: File) => {
    try {
      const ref = await transport.upload(file)
      const r = await api.translation.importGlossary({ file: ref, targetLang: lang })
      toast(t('translate:glossary.imported', { imported: r.imported, updated: r.updated, skipped: r.skipped }))
      for (const p of r.problems.slice(0, 3)) toast(problemText(p, t), 'err')
      load()
    } catch (err) {
      toast(trError(err, t), 'err')
    }
  }

  // A removed term can be put back as it was.
  const remove = async (term: GlossaryTerm) => {
    try {
      await api.translation.deleteTerm({ id: term.id })
      load()
      toastUndo(t('ui:translate.termRemoved', { term: term.source || term.target }), t('ui:toast.undo'), async () => {
        try {
          await api.translation.saveTerm({ sourceLang: term.sourceLang, targetLang: term.targetLang, kind: term.kind, source: term.source, target: term.target, note: term.note, caseSensitive: term.caseSensitive })
          load()
        } catch (err) {
          toast(trError(err, t), 'err')
        }
      })
    } catch (err) {
      toast(trError(err, t), 'err')
    }
  }

  return (
    <Card testId="glossary">
      <div className="toolbar">
        <Select inline aria-label={t('translate:glossary.lang')} value={lang} onChange={setLang}
          options={targets.map((l) => ({ value: l, label: `${languageOf('it')} › ${languageOf(l)}` }))} />
        <span className="spacer" />
        {role === 'owner' && (
          <FilePicker accept=".tbx,.xml,.csv,.txt" icon={FileUp} label={t('translate:glossary.import')} showName={false} testId="glossary-file" onPick={([f]) => f && void importFile(f.file)} />
        )}
      </div>
      <div className="toolbar">
        <Select<TermKind> inline aria-label={t('translate:glossary.kind')} value={draft.kind} onChange={(v) => setDraft({ ...draft, kind: v })}
          options={TERM_KINDS.map((k) => ({ value: k, label: t(`translate:terms.${k}`) }))} />
        <input className="input" placeholder={t('translate:glossary.source')} aria-label={t('translate:glossary.source')} value={draft.source} onChange={(e) => setDraft({ ...draft, source: e.target.value })} />
        {draft.kind !== 'dnt' && <input className="input" placeholder={t('translate:glossary.target')} aria-label={t('translate:glossary.target')} value={draft.target} onChange={(e) => setDraft({ ...draft, target: e.target.value })} />}
        <input className="input" placeholder={t('translate:glossary.note')} aria-label={t('translate:glossary.note')} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />
        <Button variant="primary" icon={Plus} disabled={!draft.source.trim()} onClick={() => void add()}>{t('translate:glossary.add')}</Button>
      </div>
      {items.length === 0 ? (
        <EmptyState compact icon={BookOpen} title={t('translate:glossary.empty')} body={t('ui:empty.glossaryBody')} />
      ) : (
      <div className="table-wrap" style={{ maxHeight: '60vh' }}>
      <table className="table">
        <thead><tr><th>{t('translate:glossary.kind')}</th><th>{t('translate:glossary.source')}</th><th>{t('translate:glossary.target')}</th><th>{t('translate:glossary.note')}</th><th /></tr></thead>
        <tbody>
          {items.map((x) => (
            <tr key={x.id}>
              <td>{t(`translate:terms.${x.kind}`)}</td><td>{x.source}</td><td>{x.target}</td><td className="muted">{x.note}</td>
              <td><Button size="sm" variant="ghost" tone="danger" icon={Trash2} onClick={() => void remove(x)}>{t('translate:glossary.delete')}</Button></td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      )}
    </Card>
  )
}
