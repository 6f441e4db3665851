// Glossary per language pair: preferred renderings, do-not-translate names, forbidden terms;
// import from TBX or CSV (owner).
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GlossaryTerm } from '../../../../shared/domain/translation/glossary.ts'
import { TERM_KINDS, type TermKind } from '../../../../shared/domain/translation/glossary.ts'
import { problemText } from './problem-text.ts'
import { api, transport } from '../../api/client.ts'
import { DEFAULT_TARGETS, useApp } from '../../app/store.ts'
import { toast } from '../../ui/toasts.ts'
import { trError } from './UnitEditor.tsx'

export function GlossaryPanel() {
  const { t } = useTranslation()
  const role = useApp((a) => a.role)
  const targets = useApp((a) => a.settings?.targetLocales ?? DEFAULT_TARGETS)
  const [lang, setLang] = useState(targets[0] ?? 'en')
  const [items, setItems] = useState<GlossaryTerm[]>([])
  const [draft, setDraft] = useState({ kind: 'preferred' as TermKind, source: '', target: '', note: '' })
  const fileRef = useRef<HTMLInputElement>(null)
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

  return (
    <div className="card" data-testid="glossary">
      <div className="toolbar">
        <select className="input" aria-label={t('translate:glossary.lang')} value={lang} onChange={(e) => setLang(e.target.value)}>
          {targets.map((l) => <option key={l} value={l}>it → {l}</option>)}
        </select>
        <span className="spacer" />
        {role === 'owner' && (
          <>
            <button className="btn" onClick={() => fileRef.current?.click()}>{t('translate:glossary.import')}</button>
            <input ref={fileRef} type="file" hidden accept=".tbx,.xml,.csv,.txt" onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
          </>
        )}
      </div>
      <div className="toolbar">
        <select className="input" aria-label={t('translate:glossary.kind')} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as TermKind })}>
          {TERM_KINDS.map((k) => <option key={k} value={k}>{t(`translate:terms.${k}`)}</option>)}
        </select>
        <input className="input" placeholder={t('translate:glossary.source')} aria-label={t('translate:glossary.source')} value={draft.source} onChange={(e) => setDraft({ ...draft, source: e.target.value })} />
        {draft.kind !== 'dnt' && <input className="input" placeholder={t('translate:glossary.target')} aria-label={t('translate:glossary.target')} value={draft.target} onChange={(e) => setDraft({ ...draft, target: e.target.value })} />}
        <input className="input" placeholder={t('translate:glossary.note')} aria-label={t('translate:glossary.note')} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />
        <button className="btn primary" onClick={() => void add()}>{t('translate:glossary.add')}</button>
      </div>
      <table className="table">
        <thead><tr><th>{t('translate:glossary.kind')}</th><th>{t('translate:glossary.source')}</th><th>{t('translate:glossary.target')}</th><th>{t('translate:glossary.note')}</th><th /></tr></thead>
        <tbody>
          {items.map((x) => (
            <tr key={x.id}>
              <td>{t(`translate:terms.${x.kind}`)}</td><td>{x.source}</td><td>{x.target}</td><td className="muted">{x.note}</td>
              <td><button className="btn small danger" onClick={() => void api.translation.deleteTerm({ id: x.id }).then(load)}>{t('translate:glossary.delete')}</button></td>
            </tr>
          ))}
          {items.length === 0 && <tr><td colSpan={5} className="muted">{t('translate:glossary.empty')}</td></tr>}
        </tbody>
      </table>
    </div>
  )
}
