// Attribute columns the check left out of some rows because the row's family lacks the attribute
// (a shop export's "Material" column on its wine rows, say). Nothing is refused for it: the clerk
// either adds the attribute to that family in one click, or leaves the column out; both check the
// file again at once.
import { Columns3, ListPlus } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Summary } from '../../../../shared/contract/spreadsheet.ts'
import type { Family } from '../../../../shared/domain/catalog-structure.ts'
import { api } from '../../api/client.ts'
import { Button } from '../../ui/Button.tsx'
import { Notice } from '../../ui/Card.tsx'
import { errorText } from '../../ui/errors.ts'
import { toast } from '../../ui/toasts.ts'
import { useImport } from './store.ts'

type Gap = Summary['leftOut'][number]

export function LeftOutColumns(props: { gaps: Gap[] }) {
  const { t, i18n } = useTranslation()
  const { columns, file, read, settings, set } = useImport()
  const [busy, setBusy] = useState<string | null>(null)
  const [families, setFamilies] = useState<Family[]>([])
  useEffect(() => void api.catalog.listFamilies({}).then((r) => setFamilies(r.items)).catch(() => undefined), [])
  if (props.gaps.length === 0) return null
  const name = (labels: Record<string, string> | undefined, code: string) => labels?.[i18n.language] ?? labels?.it ?? labels?.en ?? code

  const familyName = (code: string) => {
    const f = families.find((x) => x.code === code)
    return f ? name(f.label, code) : code
  }
  const attributeName = (code: string) => {
    const a = families.flatMap((f) => f.attributes).find((x) => x.code === code)
    return a ? name(a.label, code) : code
  }
  /** Checks the file again with these columns (a new dry run). */
  const recheck = async (cols = columns) => {
    if (!file) return
    const r = await api.spreadsheet.dryRun({ file, read, columns: cols, settings })
    set({ columns: cols, importId: r.importId, dryJobId: r.jobId, applyJobId: null, step: 'check' })
  }
  const run = async (key: string, fn: () => Promise<void>) => {
    setBusy(key)
    try {
      await fn()
    } catch (err) {
      toast(errorText(err, t), 'err')
    } finally {
      setBusy(null)
    }
  }
  const addToFamily = (gap: Gap) =>
    run(`add:${gap.column}:${gap.family}`, async () => {
      const families: Family[] = (await api.catalog.listFamilies({})).items
      const family = families.find((f) => f.code === gap.family)
      const def = families.flatMap((f) => f.attributes).find((a) => a.code === gap.attribute)
      if (!family || !def) return
      await api.catalog.saveFamily({ id: family.id, code: family.code, label: family.label, attributes: [...family.attributes, def] })
      toast(t('import:leftOut.added', { attribute: name(def.label, def.code), family: name(family.label, family.code) }), 'success')
      await recheck()
    })
  const leaveOut = (gap: Gap) =>
    run(`ignore:${gap.column}`, () => recheck(columns.map((c) => (c.header === gap.column ? { ...c, target: 'ignore' } : c))))

  return (
    <Notice tone="warning" testId="left-out">
      <p style={{ marginTop: 0 }}><strong>{t('import:leftOut.title')}</strong></p>
      <ul className="left-out-list">
        {props.gaps.map((gap) => (
          <li key={`${gap.column}-${gap.attribute}-${gap.family}`} data-testid="left-out-item">
            <span>
              {gap.family
                ? t('import:leftOut.notInFamily', { count: gap.rows, column: gap.column, attribute: attributeName(gap.attribute), family: familyName(gap.family) })
                : t('import:leftOut.noFamily', { count: gap.rows, column: gap.column })}
            </span>
            <span className="row wrap">
              {gap.family && (
                <Button size="sm" icon={ListPlus} busy={busy === `add:${gap.column}:${gap.family}`} disabled={!file} onClick={() => void addToFamily(gap)} testId="left-out-add">
                  {t('import:leftOut.add', { attribute: attributeName(gap.attribute), family: familyName(gap.family) })}
                </Button>
              )}
              {!gap.family && (
                <Button size="sm" icon={Columns3} onClick={() => set({ step: 'mapping' })}>{t('import:leftOut.chooseFamily')}</Button>
              )}
              <Button size="sm" variant="ghost" busy={busy === `ignore:${gap.column}`} disabled={!file} onClick={() => void leaveOut(gap)} testId="left-out-ignore">
                {t('import:leftOut.ignore', { column: gap.column })}
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </Notice>
  )
}
