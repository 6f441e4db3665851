// One pass over a file inside one transaction: every row is mapped, matched by SKU and written
// through the product store (same validation, history, search index and hooks as a manual edit),
// each row in its own savepoint so a bad row is undone alone. The end decides: a dry run always
// rolls back; "all or nothing" commits only when no row was rejected; "valid rows" commits the
// good ones. Runs as an exclusive job, so the open transaction is never shared with other writers.
import type { z } from 'zod'
import { AppError } from '../../../../shared/contract/errors.ts'
import { msg } from '../../../../shared/messages/message.ts'
import type { ApplyMode, ReportRow, RowIssue, Summary } from '../../../../shared/contract/spreadsheet.ts'
import { isEmptyCell } from '../../../../shared/domain/spreadsheet/cells.ts'
import type { Services } from '../../core.ts'
import { PartialWriteError } from '../../catalog/product-store.ts'
import type { RunningJob } from '../../jobs/runner.ts'
import { sheetError } from '../errors.ts'
import { DEFAULT_LIMITS, type ReadLimits } from '../limits.ts'
import { frameTable } from '../read/framed.ts'
import { openTable, type TableRow } from '../read/table.ts'
import { CategoryResolver } from './categories.ts'
import { FamilyMaker } from './families.ts'
import type { Family } from '../../../../shared/domain/catalog-structure.ts'
import type { ImportRecord, ImportStore } from './import-store.ts'
import { buildPlan, columnForPath } from './plan.ts'
import { conflictingColumn, type FirstRow } from './repeated-rows.ts'
import { mapRow, skuOf, type MappedRow } from './row-mapper.ts'
import { VariantRows } from './variant-rows.ts'
import type { ImportSettings } from '../../../../shared/contract/spreadsheet.ts'

export type RunMode = 'dry-run' | ApplyMode

/** Gives the event loop a turn this often, so progress, cancel and the UI keep moving. */
const SLICE_MS = 25

interface Pending {
  row: number
  mapped: MappedRow
  existingId: string | null
  /** The SKU's first row in this file (to pass the written product id on to rows that add images). */
  first: FirstRow
}

export interface RunResult {
  summary: Summary
  report: ReportRow[]
}

/** The checkpoint an import records with its rows, in the same transaction. */
export interface ImportCommitted {
  committed: true
  summary: Summary
}

export async function runImport(
  s: Services,
  imp: ImportRecord,
  mode: RunMode,
  job: Pick<RunningJob<unknown>, 'id' | 'signal' | 'progress' | 'throwIfStopped' | 'checkpointNow'>,
  limits: ReadLimits = DEFAULT_LIMITS
): Promise<RunResult> {
  const plan = buildPlan(imp.spec.columns)
  const settings = imp.spec.settings as z.output<typeof ImportSettings>
  const table = await openTable(imp.file, imp.spec.read, limits)
  const started = Date.now()
  try {
    const numericColumns = plan.columns.filter((c) => !['text', 'sku', 'parent', 'category', 'images', 'axis'].includes(c.target.kind)).map((c) => c.index)
    let fraction = 0
    const framed = await frameTable(table, { ...imp.spec.read, numberFormat: settings.numberFormat, dateOrder: settings.dateOrder, sampleColumns: numericColumns }, {
      signal: job.signal,
      onProgress: (f) => {
        fraction = f
      }
    })
    const locale = { numberFormat: framed.numberFormat, dateOrder: framed.dateOrder }
    const families = s.families.list()
    const ctx = { source: 'import' as const, detail: job.id, emit: false }
    const report: ReportRow[] = []
    const seen = new Map<string, FirstRow>()
    const rejectedSkus = new Map<string, number>()
    /** Rows waiting for their parent (parent SKU in lower case → rows, in file order), written right after it. */
    const waiting = new Map<string, Pending[]>()
    const newCategories: string[] = []
    const counts = { rows: 0, created: 0, updated: 0, unchanged: 0, merged: 0, rejected: 0, warned: 0 }
    const written = new Set<string>()
    const imageStmts = {
      clear: s.db.prepare('DELETE FROM spreadsheet_image_refs WHERE product_id = ?'),
      add: s.db.prepare('INSERT INTO spreadsheet_image_refs (product_id, position, ref, import_id, created_at) VALUES (?, ?, ?, ?, ?)')
    }

    const leftOut = new Map<string, { column: string; attribute: string; family: string | null; rows: number }>()
    const record = (r: ReportRow) => {
      report.push(r)
      for (const i of r.issues) {
        if (i.code !== 'attribute_not_in_family' && i.code !== 'family_required') continue
        const attribute = String(i.params?.attribute ?? '')
        const family = i.code === 'attribute_not_in_family' ? String(i.params?.family ?? '') : null
        const key = `${i.column}\u0000${attribute}\u0000${family}`
        const gap = leftOut.get(key) ?? { column: i.column, attribute, family, rows: 0 }
        gap.rows++
        leftOut.set(key, gap)
      }
      counts[r.outcome]++
      if (r.issues.some((i) => i.severity === 'warning')) counts.warned++
      if (r.outcome === 'rejected' && r.sku) {
        rejectedSkus.set(r.sku.toLowerCase(), r.row)
        const first = seen.get(r.sku.toLowerCase())
        if (first?.row === r.row) {
          first.rejected = true
          // Rows that had added images to it (before a deferred row was rejected) share its fate.
          for (const m of first.merged) {
            counts.merged--
            counts.rejected++
            m.outcome = 'rejected'
            m.issues = [rowIssue('first_row_rejected', `row ${first.row}, the first row of ${r.sku}, was rejected; fix it and import both rows again`, { firstRow: first.row }, plan.sku.header, 'sku')]
          }
        }
      }
    }
    const setImages = (productId: string, refs: string[], from: number) => {
      if (from === 0) imageStmts.clear.run(productId)
      const now = s.clock.now().toISOString()
      refs.forEach((ref, i) => imageStmts.add.run(productId, from + i, ref, imp.id, now))
    }
    const reject = (row: number, sku: string | null, issues: RowIssue[]) => record({ row, sku, outcome: 'rejected', productId: null, changes: 0, issues })
    const rowIssue = (code: string, message: string, params?: RowIssue['params'], column = '', field = ''): RowIssue => ({ column, field, code, message, params, severity: 'error' })

    const makeFamilies = new FamilyMaker(s.families, families)
    /**
     * Writes one pending row. `forRow`: the row is the parent a group row made; its outcome is
     * counted and noted on that row (whose report entry it is), its failure makes that row fail.
     */
    const write = (p: Pending, resolver: CategoryResolver, forRow?: MappedRow): void => {
      const { mapped } = p
      let created: Array<{ key: string; path: string }> = []
      let createdFamily: Family | null = null
      // A row that creates categories or a family gets its own savepoint so a failure takes them back
      // too; other rows write without one (FTS5 flushes its index at every savepoint).
      const ownSavepoint = (!!mapped.categoryPath?.length && !resolver.has(mapped.categoryPath)) || (!!mapped.newFamily && !makeFamilies.has(mapped.newFamily))
      try {
        const body = () => {
          const patch = mapped.patch
          if (mapped.newFamily) {
            const f = makeFamilies.resolve(mapped.newFamily)
            createdFamily = f.created
            patch.familyId = f.id
          }
          if (mapped.categoryPath) {
            if (mapped.categoryPath.length === 0) patch.categoryId = null
            else {
              const r = resolver.resolve(mapped.categoryPath)
              created = r.created
              patch.categoryId = r.id
            }
          }
          layout.prepare(mapped)
          if (mapped.parentSku !== null) patch.parentId = mapped.parentSku === '' ? null : s.products.findIdBySku(mapped.parentSku)
          const out = s.products.write(p.existingId, p.existingId ? patch : { ...patch, sku: mapped.sku }, ctx, { savepoint: false })
          if (mapped.images) setImages(out.id, mapped.images, 0)
          return out
        }
        const result = ownSavepoint ? s.db.transaction(body)() : body()
        for (const c of created) newCategories.push(c.path)
        written.add(result.id)
        p.first.productId = result.id
        if (mapped.images) p.first.images = [...mapped.images]
        if (forRow) {
          const outcome = result.created ? 'created' : result.changes > 0 ? 'updated' : 'unchanged'
          counts[outcome]++
          if (outcome !== 'unchanged') forRow.issues.push({ column: '', field: '', code: `group_parent_${outcome}`, message: `main product ${mapped.sku} ${outcome}`, params: { sku: mapped.sku }, severity: 'warning' })
        } else {
          record({
            row: p.row, sku: mapped.sku, productId: result.id, changes: result.created ? 0 : result.changes,
            outcome: result.created ? 'created' : result.changes > 0 ? 'updated' : 'unchanged',
            issues: mapped.issues
          })
        }
      } catch (err) {
        resolver.forget(created)
        makeFamilies.forget(createdFamily)
        if (err instanceof PartialWriteError && !ownSavepoint) {
          throw sheetError('write_failed', `The import stopped at row ${p.row} (${mapped.sku}): ${(err.cause as Error)?.message ?? err.message}. Nothing was imported.`, { row: p.row, sku: mapped.sku })
        }
        if (err instanceof PartialWriteError) err = err.cause
        if (!(err instanceof AppError)) throw err
        const issues = err.issues?.length
          ? err.issues.map((i) => {
              const col = columnForPath(plan, i.path)
              // The SKU pattern deserves its own words, not zod's generic "invalid format".
              const code = i.path === 'sku' && i.code === 'invalid_format' ? 'sku_format' : i.code ?? err.code
              // codes: passed on (validation issues)
              return rowIssue(code, i.message, { ...(i as { params?: RowIssue['params'] }).params }, col?.header ?? '', i.path)
            })
          // codes: passed on (errors)
          : [rowIssue(err.code, err.message.replace(/\.$/, ''), err.params)]
        if (forRow) forRow.issues.push(...issues.map((i) => ({ ...i, message: `main product ${mapped.sku}: ${i.message}` })))
        else reject(p.row, mapped.sku, [...mapped.issues.filter((i) => i.severity === 'warning'), ...issues])
        return
      }
      // Its variants that came before it in the file go in now, so few rows are ever held back.
      const children = waiting.get(mapped.sku.toLowerCase())
      if (children) {
        waiting.delete(mapped.sku.toLowerCase())
        for (const child of children) settle(child, resolver)
      }
    }

    /** A row that waited for its parent: written under it, or refused when the parent is nowhere. */
    const settle = (p: Pending, resolver: CategoryResolver): void => {
      const parentSku = p.mapped.parentSku!
      if (s.products.findIdBySku(parentSku)) return write(p, resolver)
      const rejectedAt = rejectedSkus.get(parentSku.toLowerCase())
      const column = plan.columns.find((c) => c.target.kind === 'parent')?.header ?? ''
      reject(p.row, p.mapped.sku, [rejectedAt
        ? rowIssue('parent_rejected', `the parent product ${parentSku} was rejected on row ${rejectedAt}`, { parent: parentSku, parentRow: rejectedAt }, column, 'parentId')
        : rowIssue('parent_not_found', `no product with SKU ${parentSku} in the catalogue or in this file`, { parent: parentSku }, column, 'parentId')])
    }

    const handle = (row: TableRow, resolver: CategoryResolver): void => {
      if (row.cells.every((c) => isEmptyCell(c))) return
      const skuCell = row.cells[plan.sku.index]
      const mappedEmpty = plan.columns.every((c) => isEmptyCell(row.cells[c.index]))
      if (mappedEmpty) return // a row with data only in ignored columns carries nothing to import
      counts.rows++
      const existingSku = skuOf(skuCell)
      let existingId = existingSku ? s.products.findIdBySku(existingSku) : null
      const mapped = mapRow(row.cells, { plan, locale, settings, families, existing: existingId ? s.products.fields(existingId) : null })
      for (const c of plan.columns) {
        const cell = row.cells[c.index]
        if (typeof cell === 'string' && cell.includes('\ufffd')) {
          mapped.issues.push({ column: c.header, field: c.field, code: 'unreadable_characters', message: `holds characters that cannot be read as ${table.encoding} (shown as "\ufffd"); the file is probably in another encoding`, params: { encoding: table.encoding ?? '' }, severity: 'warning' })
        }
      }
      const extra = extraCells(row, framed.header.headers.length)
      if (extra) mapped.issues.push({ column: '', field: '', code: 'extra_cells', message: `the row has ${extra.count} values but the header has ${extra.width} columns; the extra values were ignored`, params: extra, severity: 'warning' })
      if (layout.active) {
        const groupParent = layout.arrange(mapped, row.cells)
        if (mapped.sku !== existingSku) existingId = mapped.sku ? s.products.findIdBySku(mapped.sku) : null
        if (groupParent) {
          const parentFirst: FirstRow = { row: row.row, cells: row.cells, productId: null, rejected: false, images: null, merged: [] }
          seen.set(groupParent.sku.toLowerCase(), parentFirst)
          if (groupParent.issues.some((i) => i.severity === 'error')) mapped.issues.push(...groupParent.issues)
          else write({ row: row.row, mapped: groupParent, existingId: s.products.findIdBySku(groupParent.sku), first: parentFirst }, resolver, mapped)
        }
      }
      if (!mapped.sku) return reject(row.row, null, [rowIssue('sku_missing', 'the SKU is empty', undefined, plan.sku.header, 'sku'), ...mapped.issues])
      const k = mapped.sku.toLowerCase()
      const first = seen.get(k)
      if (first !== undefined) return repeated(row, mapped, first)
      const firstRow: FirstRow = { row: row.row, cells: row.cells, productId: null, rejected: false, images: null, merged: [] }
      seen.set(k, firstRow)
      const errors = mapped.issues.filter((i) => i.severity === 'error')
      if (errors.length) return reject(row.row, mapped.sku, mapped.issues)
      const pending: Pending = { row: row.row, mapped, existingId, first: firstRow }
      if (mapped.parentSku && (!s.products.findIdBySku(mapped.parentSku) || layout.parentRowAfter(mapped.parentSku, row.row))) {
        // Its parent comes later in the file (or is not there at all: then it is refused at the end).
        const key = mapped.parentSku.toLowerCase()
        waiting.set(key, [...(waiting.get(key) ?? []), pending])
        return
      }
      write(pending, resolver)
    }

    /** A later row of a SKU: its images go to the product of the first row, unless it contradicts that row. */
    const repeated = (row: TableRow, mapped: MappedRow, first: FirstRow): void => {
      const conflict = conflictingColumn(plan, first.cells, row.cells)
      if (conflict) {
        return reject(row.row, mapped.sku, [rowIssue('duplicate_sku_in_file',
          `the SKU ${mapped.sku} already appears on row ${first.row} of this file, with another value in ${conflict.header}`,
          { firstRow: first.row, column: conflict.header }, conflict.header, conflict.field)])
      }
      if (first.rejected) {
        return reject(row.row, mapped.sku, [rowIssue('first_row_rejected', `row ${first.row}, the first row of ${mapped.sku}, was rejected; fix it and import both rows again`, { firstRow: first.row }, plan.sku.header, 'sku')])
      }
      const added = mapped.images ?? []
      const pending = first.productId ? null : [...waiting.values()].flat().find((d) => d.first === first)
      if (added.length && pending) pending.mapped.images = [...(pending.mapped.images ?? []), ...added]
      else if (added.length && first.productId) {
        setImages(first.productId, added, first.images?.length ?? 0)
        first.images = [...(first.images ?? []), ...added]
      }
      const merged: ReportRow = { row: row.row, sku: mapped.sku, outcome: 'merged', productId: first.productId, changes: added.length, issues: [] }
      first.merged.push(merged)
      record(merged)
    }

    const layout = new VariantRows({ plan, families, products: s.products, ctx, defaultFamily: settings.family })
    // Parents that list their variants (Magento's configurable_variations) may come after them:
    // one quick read of the SKU and list columns first, so each variant knows its parent in time.
    const scanShare = layout.listsVariants ? 10 : 0
    if (scanShare) await scanAhead(imp, limits, layout, plan.sku.index, job, (f) => job.progress(Math.floor(f * scanShare), 100, null))

    const summaryOf = (committed: boolean): Summary => ({
      ...counts, newCategories: [...new Set(newCategories)], newFamilies: [...new Set(makeFamilies.created)], warnings: table.warnings(), leftOut: [...leftOut.values()],
      written: committed && counts.created + counts.updated > 0
    })
    s.db.exec('BEGIN IMMEDIATE')
    let committed = false
    try {
      const resolver = new CategoryResolver(s.categories, settings.createCategories)
      let sliceStart = Date.now()
      for await (const row of framed.rows) {
        handle(row, resolver)
        if (Date.now() - sliceStart > SLICE_MS) {
          job.throwIfStopped()
          job.progress(scanShare + Math.floor(fraction * (100 - scanShare)), 100, msg('import:job.rowsRead', { count: counts.rows }))
          await new Promise((r) => setImmediate(r))
          sliceStart = Date.now()
        }
      }
      job.throwIfStopped()
      const left = [...waiting.values()].flat().sort((a, b) => a.row - b.row)
      waiting.clear()
      for (const p of left) settle(p, resolver)
      const keep = mode === 'valid-rows' || (mode === 'all-or-nothing' && counts.rejected === 0)
      if (keep) {
        // Recorded in the same transaction as the rows: if Vetrina is killed after the commit but
        // before the job is marked done, the next start finishes it as done (ImportCommitted).
        job.checkpointNow({ committed: true, summary: summaryOf(true) } satisfies ImportCommitted)
        s.db.exec('COMMIT')
        committed = true
      } else s.db.exec('ROLLBACK')
    } catch (err) {
      if (s.db.inTransaction) s.db.exec('ROLLBACK')
      throw err
    } finally {
      // Families made by a run that was rolled back (a dry run) must not linger in the store's cache.
      if (!committed && makeFamilies.created.length) s.families.forgetCache()
    }
    report.sort((a, b) => a.row - b.row)
    if (counts.rows === 0) throw sheetError('no_data_rows', 'The file has a header but no data rows to import.')
    if (committed && written.size > 0) s.events.emit('data.changed', { entity: 'product', all: true })
    if (committed && makeFamilies.created.length) s.events.emit('data.changed', { entity: 'family', all: true })
    s.log.info(`import ${imp.id} (${mode}): ${counts.rows} rows in ${Date.now() - started} ms, ${counts.rejected} rejected`)
    return { report, summary: summaryOf(committed) }
  } finally {
    table.close()
  }
}

/** The look ahead of the variant layouts: every row's SKU and list of variants, nothing written. */
async function scanAhead(
  imp: ImportRecord, limits: ReadLimits, layout: VariantRows, skuIndex: number,
  job: Pick<RunningJob<unknown>, 'signal' | 'throwIfStopped'>, progress: (fraction: number) => void
): Promise<void> {
  const table = await openTable(imp.file, imp.spec.read, limits)
  try {
    let fraction = 0
    const framed = await frameTable(table, imp.spec.read, { signal: job.signal, onProgress: (f) => { fraction = f } })
    let sliceStart = Date.now()
    for await (const row of framed.rows) {
      layout.scanRow(skuOf(row.cells[skuIndex]), row.cells, row.row)
      if (Date.now() - sliceStart > SLICE_MS) {
        job.throwIfStopped()
        progress(fraction)
        await new Promise((r) => setImmediate(r))
        sliceStart = Date.now()
      }
    }
  } finally {
    table.close()
  }
}

/** Values beyond the header's last column (ragged rows): never shifted into other columns. */
function extraCells(row: TableRow, width: number): { count: number; width: number } | null {
  if (width === 0 || row.cells.length <= width) return null
  const beyond = row.cells.slice(width).filter((c) => !isEmptyCell(c)).length
  return beyond > 0 ? { count: width + beyond, width } : null
}
