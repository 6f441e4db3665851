// The mapping of an import turned into a plan: each used column with its parsed target, and which
// product field each target feeds (to point validation errors back at the right column).
import type { ColumnMapping } from '../../../../shared/contract/spreadsheet.ts'
import { parseTarget, type Target } from '../../../../shared/domain/spreadsheet/targets.ts'
import { unitInHeader } from '../../../../shared/domain/spreadsheet/suggest.ts'
import { sheetError } from '../errors.ts'

export interface PlannedColumn {
  index: number
  header: string
  code: string
  target: Target
  unit?: string
  asDate: boolean
  /** Product field path this column writes ("texts.it.title", "trade.ladder.0.price"). */
  field: string
}

export interface ImportPlan {
  columns: PlannedColumn[]
  sku: PlannedColumn
  byCode: Map<string, PlannedColumn>
}

export function fieldOf(t: Target): string {
  switch (t.kind) {
    case 'text': return `texts.${t.locale}.${t.field}`
    case 'attribute': return `attributes.${t.code}`
    case 'axis': return `axes.${t.code}`
    case 'axisName': case 'axisValue': case 'variantsSpec': return 'axes'
    case 'group': case 'rowType': return 'parentId'
    case 'trade': return t.key === 'price' ? 'trade.ladder.0.price' : `trade.${t.key}`
    case 'ladder': return `trade.ladder.${t.tier - 1}.${t.key}`
    case 'leadTime': return `trade.leadTimes.${t.band - 1}.${t.key}`
    case 'supply': return `trade.supplyAbility.${t.key}`
    case 'logistics': return `logistics.${t.key}`
    case 'origin': return `origin.${t.key}`
    case 'category': return 'categoryId'
    case 'family': return 'familyId'
    case 'parent': return 'parentId'
    default: return t.kind
  }
}

export function buildPlan(columns: ColumnMapping[]): ImportPlan {
  const used = columns.filter((c) => c.target !== 'ignore')
  const seen = new Map<string, ColumnMapping>()
  for (const c of used) {
    const prev = seen.get(c.target)
    if (prev) {
      throw sheetError('mapping_duplicate_target', `Columns "${prev.header}" and "${c.header}" both go to ${c.target}; map one of them elsewhere or ignore it.`, {
        target: c.target, first: prev.header, second: c.header
      })
    }
    seen.set(c.target, c)
  }
  const planned: PlannedColumn[] = used.map((c) => {
    const target = parseTarget(c.target)!
    return { index: c.index, header: c.header, code: c.target, target, unit: c.unit ?? unitInHeader(c.header) ?? undefined, asDate: c.asDate ?? false, field: fieldOf(target) }
  })
  const sku = planned.find((c) => c.target.kind === 'sku')
  if (!sku) throw sheetError('mapping_no_sku', 'Choose the column that holds the SKU (item code): products are matched by it.')
  return { columns: planned, sku, byCode: new Map(planned.map((c) => [c.code, c])) }
}

/** The column a validation issue belongs to: the one whose field is the closest match to the path. */
export function columnForPath(plan: ImportPlan, path: string): PlannedColumn | undefined {
  let best: PlannedColumn | undefined
  for (const c of plan.columns) {
    if (path === c.field || path.startsWith(`${c.field}.`) || c.field.startsWith(`${path}.`)) {
      if (!best || Math.abs(c.field.length - path.length) < Math.abs(best.field.length - path.length)) best = c
    }
  }
  return best
}
