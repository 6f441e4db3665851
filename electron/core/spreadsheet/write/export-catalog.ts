// Exports the catalogue (or a filtered selection, variants following their parents) to CSV or XLSX.
// Two passes: the first finds which columns are used, the second writes one row per product.
import { SOURCE_LOCALE } from '../../../../shared/domain/locales.ts'
import type { Cell } from '../../../../shared/domain/spreadsheet/cells.ts'
import { fixedTargetCodes } from '../../../../shared/domain/spreadsheet/targets.ts'
import type { Services } from '../../core.ts'
import { CsvWriter } from './csv-writer.ts'
import { categoryPaths, orderColumns, productCells, type ExportLookups } from './product-cells.ts'
import { groupRow, type VariantLayout } from './variant-layout.ts'
import { XlsxWriter } from './xlsx-writer.ts'

export interface ExportRequest {
  format: 'csv' | 'xlsx'
  filter: { query?: string; status?: Array<'draft' | 'ready' | 'archived'>; categoryId?: string | null; ids?: string[] }
  locales?: string[]
  csvLocale: 'it' | 'en'
  /** Products with variants: parent row then variant rows (default), or one row per variant with a group column. */
  variantLayout?: VariantLayout
}

export interface ExportProgress {
  signal?: AbortSignal
  progress?: (done: number, total: number) => void
}

/** Product ids to export, parents before their variants. */
export function selectProducts(s: Services, filter: ExportRequest['filter']): string[] {
  const noFilter = !filter.query && !filter.status?.length && filter.categoryId === undefined && !filter.ids
  if (noFilter) {
    // Each parent followed by its variants, in the order they were made.
    return (s.db.prepare(`SELECT p.id FROM products p LEFT JOIN products q ON q.id = p.parent_id
      ORDER BY coalesce(q.sku, p.sku) COLLATE NOCASE, coalesce(q.id, p.id), p.parent_id IS NOT NULL, p.seq`).all() as { id: string }[]).map((r) => r.id)
  }
  let top: string[]
  if (filter.ids) top = filter.ids
  else {
    top = []
    let cursor: string | null = null
    do {
      const page = s.productList.list({
        query: filter.query ?? '', status: filter.status, categoryId: filter.categoryId, parent: 'top', sort: 'sku', direction: 'asc', limit: 500, cursor
      } as Parameters<typeof s.productList.list>[0])
      top.push(...page.items.map((p) => p.id))
      cursor = page.nextCursor
    } while (cursor)
  }
  const variants = s.db.prepare('SELECT id FROM products WHERE parent_id = ? ORDER BY seq')
  const out: string[] = []
  const seen = new Set<string>()
  for (const id of top) {
    if (seen.has(id)) continue
    seen.add(id)
    out.push(id)
    for (const v of variants.all(id) as { id: string }[]) if (!seen.has(v.id)) seen.add(v.id), out.push(v.id)
  }
  return out
}

export async function exportCatalog(s: Services, req: ExportRequest, path: string, run: ExportProgress = {}): Promise<{ rows: number; columns: number }> {
  const ids = selectProducts(s, req.filter)
  const locales = req.locales?.length ? req.locales : [SOURCE_LOCALE, ...s.settings.app().targetLocales]
  const paths = categoryPaths(s.categories.list())
  const skuStmt = s.db.prepare('SELECT sku FROM products WHERE id = ?')
  const imagesStmt = s.db.prepare('SELECT ref FROM spreadsheet_image_refs WHERE product_id = ? ORDER BY position')
  const look: ExportLookups = {
    skuOf: (id) => (skuStmt.get(id) as { sku: string } | undefined)?.sku ?? null,
    categoryPath: (id) => paths.get(id) ?? null,
    family: (id) => s.families.get(id),
    images: (id) => (imagesStmt.all(id) as { ref: string }[]).map((r) => r.ref)
  }
  const group = req.variantLayout === 'group'
  const parentCells = new Map<string, Map<string, Cell>>()
  /** A product's cells; in the group layout a variant's row carries its parent's, a parent has none (null). */
  const cellsOf = (id: string): Map<string, Cell> | null => {
    const product = s.products.get(id)
    if (group && product.variantCount > 0 && !product.parentId) return null
    const own = rawCells(product)
    if (!group || !product.parentId) return own
    let parent = parentCells.get(product.parentId)
    if (!parent) {
      parentCells.clear()
      parent = rawCells(s.products.get(product.parentId))
      parentCells.set(product.parentId, parent)
    }
    return groupRow(String(parent.get('sku')), parent, own)
  }
  const rawCells = (product: ReturnType<typeof s.products.get>) => {
    const cells = productCells(product, look)
    for (const code of [...cells.keys()]) {
      const locale = code.split('/')[1]
      if (/^(title|shortDescription|description|keywords)\//.test(code) && !locales.includes(locale)) cells.delete(code)
    }
    return cells
  }
  const used = new Set<string>(['sku'])
  for (let i = 0; i < ids.length; i++) {
    for (const code of cellsOf(ids[i])?.keys() ?? []) used.add(code)
    if (i % 500 === 0) {
      if (run.signal?.aborted) throw new Error('cancelled')
      run.progress?.(i / 2, ids.length)
      await new Promise((r) => setImmediate(r))
    }
  }
  const columns = orderColumns(used, group ? ['group', ...fixedTargetCodes()] : fixedTargetCodes(), locales)
  const writer = req.format === 'xlsx'
    ? new XlsxWriter(path, 'Catalogo')
    : new CsvWriter(path, req.csvLocale === 'it'
      ? { delimiter: ';', encoding: 'utf-8', decimal: ',', yes: 'sì', no: 'no', bom: true }
      : { delimiter: ',', encoding: 'utf-8', decimal: '.', yes: 'yes', no: 'no', bom: true })
  await writer.addRow(columns)
  let rows = 0
  for (let i = 0; i < ids.length; i++) {
    const cells = cellsOf(ids[i])
    if (!cells) continue
    rows++
    await writer.addRow(columns.map((c): Cell => cells.get(c) ?? null))
    if (i % 500 === 0) {
      if (run.signal?.aborted) throw new Error('cancelled')
      run.progress?.(ids.length / 2 + i / 2, ids.length)
    }
  }
  await writer.close()
  return { rows, columns: columns.length }
}
