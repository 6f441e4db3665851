// The cheap first look at a file for the wizard: reads only the first rows (however big the file),
// finds the header and the number conventions, and suggests (or applies a profile's) mapping.
import { basename } from 'node:path'
import type { Inspection, Profile, ReadOptions } from '../../../../shared/contract/spreadsheet.ts'
import { cellText, isEmptyCell } from '../../../../shared/domain/spreadsheet/cells.ts'
import { namesShopFamilies, suggestMapping, type AttributeHint } from '../../../../shared/domain/spreadsheet/suggest.ts'
import type { Family } from '../../../../shared/domain/catalog-structure.ts'
import type { ReadLimits } from '../limits.ts'
import { frameTable } from '../read/framed.ts'
import { openTable } from '../read/table.ts'
import { applyProfile } from './profiles.ts'

const SAMPLE_ROWS = 20

export function attributeHints(families: Family[]): AttributeHint[] {
  const byCode = new Map<string, AttributeHint>()
  for (const f of families) {
    for (const a of f.attributes) {
      const hint = byCode.get(a.code) ?? { code: a.code, labels: [], localizable: a.localizable }
      for (const l of Object.values(a.label)) if (!hint.labels.includes(l)) hint.labels.push(l)
      byCode.set(a.code, hint)
    }
  }
  return [...byCode.values()]
}

export async function inspectFile(path: string, fileName: string | undefined, read: ReadOptions, families: Family[], limits: ReadLimits, profile?: Profile, countRows = false): Promise<Inspection> {
  const effective: ReadOptions = { ...(profile?.read ?? {}), ...read }
  const table = await openTable(path, effective, limits)
  try {
    const framed = await frameTable(table, { headerRow: effective.headerRow, headerRows: effective.headerRows, numberFormat: profile?.settings.numberFormat, dateOrder: profile?.settings.dateOrder })
    let rowCount: number | null = null
    if (countRows) {
      rowCount = 0
      for await (const row of framed.rows) if (row.cells.some((c) => !isEmptyCell(c))) rowCount++
    } else await framed.stop()
    const headers = framed.header.headers
    const columns = profile ? applyProfile(profile, headers) : suggestMapping(headers, attributeHints(families))
    const warnings = table.warnings()
    for (const h of framed.header.shortened) {
      warnings.push({ code: 'header_shortened', message: `The header of column ${h.column} is ${h.length} characters long; it is shown shortened. If it is not a column name, choose the header row.`, params: h })
    }
    const named = headers.filter(Boolean)
    if (new Set(named.map((h) => h.toLowerCase())).size !== named.length) {
      warnings.push({ code: 'duplicate_headers', message: 'Some columns have the same name; check which one each goes to.' })
    }
    if (framed.sample.length === 0) warnings.push({ code: 'no_data_rows', message: 'The file has a header but no data rows.' })
    return {
      fileName: fileName ?? basename(path), fileSize: table.fileSize, format: table.format, encoding: table.encoding, encodingEvidence: table.encodingEvidence,
      delimiter: table.delimiter, sheets: table.sheets, sheet: table.sheet,
      headerRow: framed.header.headerRow, headerRows: framed.header.headerRows, headers,
      sampleRows: framed.sample.slice(0, SAMPLE_ROWS).map((r) => ({ row: r.row, cells: headers.map((_, i) => cellText(r.cells[i] ?? null)) })),
      numberFormat: framed.numberFormat, numberFormatDetected: framed.numberFormatDetected, dateOrder: framed.dateOrder,
      columns,
      read: {
        format: table.format, ...(table.encoding ? { encoding: table.encoding } : {}), ...(table.delimiter ? { delimiter: table.delimiter } : {}),
        ...(table.sheet ? { sheet: table.sheet } : {}), headerRow: framed.header.headerRow, ...(framed.header.headerRows ? { headerRows: framed.header.headerRows } : {})
      },
      // A shop export's attribute sets are its families: create the ones Vetrina lacks, rather than refuse every row.
      settings: profile?.settings ?? (columns.some((c) => c.target === 'family' && namesShopFamilies(c.header)) ? { createFamilies: true } : {}),
      warnings,
      rowCount
    }
  } finally {
    table.close()
  }
}
