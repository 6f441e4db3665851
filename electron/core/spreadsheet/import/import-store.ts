// Imports and their reports in the database: the import row (file, spec, state, latest summary)
// and one report row per data row, paged by row number and filtered by outcome.
import type { z } from 'zod'
import { AppError, ErrorCodes } from '../../../../shared/contract/errors.ts'
import type { ApplyMode, ImportInfo, ImportSpec, Outcome, ReportRow, RowIssue, Summary } from '../../../../shared/contract/spreadsheet.ts'
import type { Clock } from '../../platform/clock.ts'
import { newId } from '../../platform/clock.ts'
import type { Db } from '../../store/db.ts'

export type ImportState = ImportInfo['state']
export type StoredSpec = z.output<typeof ImportSpec>

interface ImportRow {
  id: string
  file: string
  file_name: string
  format: 'csv' | 'xlsx'
  spec: string
  state: ImportState
  mode: ApplyMode | null
  summary: string | null
  dry_run_job_id: string | null
  apply_job_id: string | null
  created_at: string
  updated_at: string
}

interface ReportDbRow {
  row: number
  sku: string | null
  outcome: Outcome
  product_id: string | null
  changes: number
  warned: number
  issues: string | null
}

export interface ImportRecord {
  id: string
  /** Local path of the file (resolved when the import was created). */
  file: string
  fileName: string
  format: 'csv' | 'xlsx'
  spec: StoredSpec
  state: ImportState
  mode: ApplyMode | null
}

export class ImportStore {
  private readonly db: Db
  private readonly clock: Clock
  private readonly stmts

  constructor(db: Db, clock: Clock) {
    this.db = db
    this.clock = clock
    this.stmts = {
      get: db.prepare('SELECT * FROM spreadsheet_imports WHERE id = ?'),
      insertRow: db.prepare(
        'INSERT INTO spreadsheet_report_rows (import_id, row, sku, outcome, product_id, changes, warned, issues) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
      ),
      clearRows: db.prepare('DELETE FROM spreadsheet_report_rows WHERE import_id = ?')
    }
  }

  create(input: { file: string; fileName: string; format: 'csv' | 'xlsx'; spec: StoredSpec }): string {
    const id = newId('imp')
    const now = this.clock.now().toISOString()
    this.db
      .prepare(`INSERT INTO spreadsheet_imports (id, file, file_name, format, spec, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'checking', ?, ?)`)
      .run(id, input.file, input.fileName, input.format, JSON.stringify(input.spec), now, now)
    return id
  }

  record(id: string): ImportRecord {
    const r = this.row(id)
    return { id: r.id, file: r.file, fileName: r.file_name, format: r.format, spec: JSON.parse(r.spec), state: r.state, mode: r.mode }
  }

  info(id: string): ImportInfo {
    return toInfo(this.row(id))
  }

  list(limit: number): ImportInfo[] {
    return (this.db.prepare('SELECT * FROM spreadsheet_imports ORDER BY created_at DESC, id DESC LIMIT ?').all(limit) as ImportRow[]).map(toInfo)
  }

  update(id: string, patch: { state?: ImportState; mode?: ApplyMode; summary?: Summary | null; dryRunJobId?: string; applyJobId?: string }): void {
    const sets: string[] = ['updated_at = ?']
    const args: unknown[] = [this.clock.now().toISOString()]
    if (patch.state) sets.push('state = ?'), args.push(patch.state)
    if (patch.mode) sets.push('mode = ?'), args.push(patch.mode)
    if (patch.summary !== undefined) sets.push('summary = ?'), args.push(patch.summary ? JSON.stringify(patch.summary) : null)
    if (patch.dryRunJobId) sets.push('dry_run_job_id = ?'), args.push(patch.dryRunJobId)
    if (patch.applyJobId) sets.push('apply_job_id = ?'), args.push(patch.applyJobId)
    this.db.prepare(`UPDATE spreadsheet_imports SET ${sets.join(', ')} WHERE id = ?`).run(...args, id)
  }

  /** Replaces the report of an import (each run reports afresh). */
  writeReport(id: string, rows: ReportRow[]): void {
    this.db.transaction(() => {
      this.stmts.clearRows.run(id)
      for (const r of rows) {
        const warned = r.issues.some((i) => i.severity === 'warning') ? 1 : 0
        this.stmts.insertRow.run(id, r.row, r.sku, r.outcome, r.productId, r.changes, warned, r.issues.length ? JSON.stringify(r.issues) : null)
      }
    })()
  }

  report(id: string, q: { outcomes?: Outcome[]; warned?: boolean; afterRow: number; limit: number }): { items: ReportRow[]; nextAfterRow: number | null } {
    this.row(id)
    const where = ['import_id = ?', 'row > ?']
    const args: unknown[] = [id, q.afterRow]
    if (q.outcomes?.length) {
      where.push(`outcome IN (${q.outcomes.map(() => '?').join(',')})`)
      args.push(...q.outcomes)
    }
    if (q.warned) where.push('warned = 1')
    const rows = this.db.prepare(`SELECT * FROM spreadsheet_report_rows WHERE ${where.join(' AND ')} ORDER BY row LIMIT ?`).all(...args, q.limit + 1) as ReportDbRow[]
    const more = rows.length > q.limit
    const items = rows.slice(0, q.limit).map(toReportRow)
    return { items, nextAfterRow: more ? items[items.length - 1].row : null }
  }

  /** Row numbers with the given outcome (to cut the rejected rows out of the original file). */
  rowNumbers(id: string, outcome: Outcome): Set<number> {
    const rows = this.db.prepare('SELECT row FROM spreadsheet_report_rows WHERE import_id = ? AND outcome = ?').all(id, outcome) as { row: number }[]
    return new Set(rows.map((r) => r.row))
  }

  *allRows(id: string): Generator<ReportRow> {
    for (const r of this.db.prepare('SELECT * FROM spreadsheet_report_rows WHERE import_id = ? ORDER BY row').iterate(id) as Iterable<ReportDbRow>) yield toReportRow(r)
  }

  private row(id: string): ImportRow {
    const r = this.stmts.get.get(id) as ImportRow | undefined
    if (!r) throw new AppError(ErrorCodes.notFound, `No import with id ${id}.`, { params: { id } })
    return r
  }
}

function toReportRow(r: ReportDbRow): ReportRow {
  return { row: r.row, sku: r.sku, outcome: r.outcome, productId: r.product_id, changes: r.changes, issues: r.issues ? (JSON.parse(r.issues) as RowIssue[]) : [] }
}

function toInfo(r: ImportRow): ImportInfo {
  return {
    id: r.id, fileName: r.file_name, format: r.format, state: r.state, mode: r.mode, spec: JSON.parse(r.spec),
    summary: r.summary ? JSON.parse(r.summary) : null, dryRunJobId: r.dry_run_job_id, applyJobId: r.apply_job_id,
    createdAt: r.created_at, updatedAt: r.updated_at
  }
}
