// Finds the parts of a workbook by following its relationships (as Excel does, so Strict OOXML
// and unusual part names work), and reads the sheet list, the date system and the cell styles.
import { posix } from 'node:path'
import { sheetError } from '../errors.ts'
import { formatKind, type NumberKind } from './dates.ts'
import { attr, child, descendants, parseXml, type XmlNode } from './xml.ts'
import type { ZipArchive } from './zip.ts'

export interface SheetInfo {
  name: string
  hidden: boolean
  /** Path of the sheet part inside the ZIP. */
  part: string
}

export interface WorkbookInfo {
  sheets: SheetInfo[]
  date1904: boolean
  sharedStringsPart: string | null
  /** Number kind per cell style index (the "s" attribute of a cell). */
  styleKinds: NumberKind[]
  /** Problems that did not stop reading (e.g. a workbook without its index, read sheet by sheet). */
  warnings: Array<{ code: string; message: string }>
}

interface Rel { id: string; type: string; target: string }

function relsPathFor(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`)
}

async function readRels(zip: ZipArchive, part: string): Promise<Rel[]> {
  const path = relsPathFor(part)
  if (!zip.has(path)) return []
  const root = parseXml(await zip.text(path), path)
  const base = posix.dirname(part)
  return [...descendants(root, 'Relationship')].map((r) => {
    const target = attr(r, 'Target') ?? ''
    const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target))
    return { id: attr(r, 'Id') ?? '', type: (attr(r, 'Type') ?? '').split('/').pop() ?? '', target: resolved }
  })
}

function styleKinds(root: XmlNode): NumberKind[] {
  const codes = new Map<number, string>()
  for (const f of descendants(root, 'numFmt')) codes.set(Number(attr(f, 'numFmtId')), attr(f, 'formatCode') ?? '')
  const styleSheet = child(root, 'styleSheet')
  const cellXfs = styleSheet ? child(styleSheet, 'cellXfs') : undefined
  if (!cellXfs) return []
  return cellXfs.children.filter((x) => x.local === 'xf').map((xf) => {
    const id = Number(attr(xf, 'numFmtId') ?? 0)
    return formatKind(id, codes.get(id))
  })
}

export async function readWorkbook(zip: ZipArchive): Promise<WorkbookInfo> {
  const warnings: WorkbookInfo['warnings'] = []
  const rootRels = await readRels(zip, '')
  const workbookPart = rootRels.find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml'
  if (workbookPart.toLowerCase().endsWith('.bin') || zip.has('xl/workbook.bin')) {
    throw sheetError('xlsb_not_supported', 'This is an Excel binary workbook (.xlsb). Open it in Excel, save it as "Excel Workbook (.xlsx)" or CSV, and import that file.')
  }
  if (!zip.has(workbookPart)) {
    // Some producers write only the sheets; read them in order rather than refuse the file.
    const parts = [...zip.entries.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    if (parts.length === 0) {
      if (zip.has('mimetype') || zip.has('content.xml')) {
        throw sheetError('ods_not_supported', 'This is an OpenDocument spreadsheet (.ods). Save it as .xlsx or CSV and import it again.')
      }
      throw sheetError('xlsx_incomplete', 'The file is a ZIP archive but not an Excel workbook (no sheets inside).')
    }
    warnings.push({ code: 'workbook_incomplete', message: 'The workbook has no sheet index; its sheets were read in file order.' })
    return {
      sheets: parts.map((p, i) => ({ name: `Sheet${i + 1}`, hidden: false, part: p })),
      date1904: false, sharedStringsPart: zip.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : null,
      styleKinds: zip.has('xl/styles.xml') ? styleKinds(parseXml(await zip.text('xl/styles.xml'), 'xl/styles.xml')) : [], warnings
    }
  }
  const rels = await readRels(zip, workbookPart)
  const byId = new Map(rels.map((r) => [r.id, r]))
  const root = parseXml(await zip.text(workbookPart), workbookPart)
  const pr = [...descendants(root, 'workbookPr')][0]
  const flag = pr ? attr(pr, 'date1904') : undefined
  const date1904 = flag === '1' || flag === 'true'
  const sheets: SheetInfo[] = []
  for (const s of descendants(root, 'sheet')) {
    const rel = byId.get(attr(s, 'id', true) ?? '')
    if (!rel || rel.type !== 'worksheet') continue // chart sheets and dialog sheets hold no table
    const state = attr(s, 'state')
    sheets.push({ name: attr(s, 'name') ?? `Sheet${sheets.length + 1}`, hidden: state === 'hidden' || state === 'veryHidden', part: rel.target })
  }
  if (sheets.length === 0) throw sheetError('xlsx_no_sheets', 'The workbook has no worksheet with a table.')
  const stylesPart = rels.find((r) => r.type === 'styles')?.target
  const kinds = stylesPart && zip.has(stylesPart) ? styleKinds(parseXml(await zip.text(stylesPart), stylesPart)) : []
  const shared = rels.find((r) => r.type === 'sharedStrings')?.target ?? null
  return { sheets, date1904, sharedStringsPart: shared && zip.has(shared) ? shared : null, styleKinds: kinds, warnings }
}
