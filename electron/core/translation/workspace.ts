// What the workspace shows for a unit: source and target in editor form, the word diff of the
// source it was translated from against the current one, QA, glossary terms and numbered
// suggestions (memory matches first, then machine translations).
import type { UnitDetail, UnitKey, UnitSummary } from '../../../shared/contract/translation.ts'
import { SOURCE_LOCALE } from '../../../shared/domain/locales.ts'
import { highlightTerms } from '../../../shared/domain/translation/glossary.ts'
import { limitsFor } from '../../../shared/domain/translation/units.ts'
import { wordDiff } from '../../../shared/domain/translation/text-diff.ts'
import type { Services } from '../core.ts'
import type { GlossaryStore } from './glossary/glossary-store.ts'
import { editorSource, editorTarget } from './text-forms.ts'
import type { TmStore } from './tm/tm-store.ts'
import { fieldToText } from '../../../shared/domain/translation/units.ts'
import { parseStored, type UnitStore, type UnitView } from './units.ts'

const TIER_LABEL: Record<string, string> = { context: 'TM 101%', exact: 'TM 100%', numbers: 'TM numbers' }

function storedToText(v: UnitView['source'], field: UnitView['field']): string {
  return fieldToText(field, parseStored(field, v))
}

export function summarize(v: UnitView): UnitSummary {
  const src = editorSource(v.field, storedToText(v.source, v.field))
  return {
    productId: v.product_id, field: v.field, locale: v.locale, sku: v.sku, productTitle: v.product_title, categoryId: v.category_id,
    status: v.status, stale: v.stale === 1, source: src.text,
    target: editorTarget(v.field, storedToText(v.target, v.field), src.codes),
    qaErrors: v.qa_errors, qaWarnings: v.qa_warnings, rev: v.rev, updatedAt: v.updated_at
  }
}

export function unitDetail(s: Services, units: UnitStore, tm: TmStore, glossary: GlossaryStore, key: UnitKey): UnitDetail {
  const v = units.view(key)
  const summary = summarize(v)
  const src = editorSource(v.field, storedToText(v.source, v.field))
  const base = v.base_source !== null ? editorSource(v.field, storedToText(v.base_source, v.field)).text : null
  const terms = glossary.forPair(SOURCE_LOCALE, key.locale)
  const sourceText = storedToText(v.source, v.field)
  const matches = tm.lookup({ sourceLang: SOURCE_LOCALE, targetLang: key.locale, text: sourceText, field: v.field, productId: v.product_id, limit: 5, minScore: 60 })
  const suggestions: UnitDetail['suggestions'] = []
  for (const m of matches) {
    const text = m.adapted ?? m.target
    suggestions.push({
      n: suggestions.length + 1, kind: 'tm', label: TIER_LABEL[m.tier] ?? `TM ${m.score}%`, score: m.score, tier: m.tier,
      text: editorTarget(v.field, storedToText(text, v.field), src.codes), diff: m.diff
    })
  }
  const mt = s.db.prepare('SELECT provider, text, source_text FROM tr_suggestions WHERE product_id = ? AND field = ? AND locale = ? ORDER BY created_at DESC')
    .all(key.productId, key.field, key.locale) as Array<{ provider: string; text: string; source_text: string }>
  for (const m of mt) {
    suggestions.push({
      n: suggestions.length + 1, kind: 'mt', label: `MT ${m.provider}${m.source_text !== v.source ? ' (older source)' : ''}`, score: null, tier: null,
      text: editorTarget(v.field, storedToText(m.text, v.field), src.codes)
    })
  }
  const categoryPath = v.category_id ? categoryPathOf(s, v.category_id) : ''
  return {
    ...summary,
    baseSource: base,
    sourceDiff: v.stale === 1 && base !== null ? wordDiff(base, src.text, SOURCE_LOCALE) : null,
    qa: JSON.parse(v.qa),
    qaOverride: v.qa_override,
    origin: v.origin,
    limits: limitsFor(key.locale, v.field, units.limitOverrides()),
    codes: src.codes.map((c) => ({ id: c.id, kind: c.kind, tag: c.tag })),
    terms: highlightTerms(src.text, terms),
    suggestions,
    categoryPath
  }
}

export function categoryPathOf(s: Services, categoryId: string): string {
  const names: string[] = []
  let id: string | null = categoryId
  for (let i = 0; id && i < 20; i++) {
    const row = s.db.prepare('SELECT parent_id, name FROM categories WHERE id = ?').get(id) as { parent_id: string | null; name: string } | undefined
    if (!row) break
    let name = row.name
    try {
      const parsed = JSON.parse(row.name) as Record<string, string>
      name = parsed.it ?? parsed.en ?? Object.values(parsed)[0] ?? row.name
    } catch { /* plain name */ }
    names.unshift(name)
    id = row.parent_id
  }
  return names.join(' › ')
}
