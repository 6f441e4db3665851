// Writes a one-sheet .xlsx as a stream (yazl for the ZIP; the sheet XML is generated row by row),
// so exporting 100,000 products never holds the workbook in memory. Text goes in as inline strings.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { PassThrough } from 'node:stream'
import { finished } from 'node:stream/promises'
import type yazl from 'yazl'
import type { Cell } from '../../../../shared/domain/spreadsheet/cells.ts'
import { columnLetter } from '../xlsx/sheet-reader.ts'
import { onFirstUse } from '../../platform/on-first-use.ts'

const zipWriter = onFirstUse<typeof yazl>('yazl')

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'

function escapeXml(text: string): string {
  return text
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_') // a literal "_x0041_" must not read back as "A"
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    // Control characters, CR included: XML readers turn a literal CR into LF, Excel writes it as _x000D_.
    .replace(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
}

const STATIC_PARTS: Array<[string, (sheet: string) => string]> = [
  ['[Content_Types].xml', () =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'],
  ['_rels/.rels', () =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
  ['xl/workbook.xml', (sheet) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${escapeXml(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
  ['xl/_rels/workbook.xml.rels', () =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`],
  ['xl/styles.xml', () =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>']
]

export class XlsxWriter {
  private readonly zip = new (zipWriter().ZipFile)()
  private readonly sheet = new PassThrough()
  private readonly done: Promise<void>
  private rowNumber = 0
  private headerRows: number

  /** `headerRows` rows at the top are shown bold and frozen. */
  constructor(path: string, sheetName = 'Vetrina', headerRows = 1) {
    this.headerRows = headerRows
    for (const [name, make] of STATIC_PARTS) this.zip.addBuffer(Buffer.from(make(sheetName.slice(0, 31))), name)
    this.zip.addReadStream(this.sheet, 'xl/worksheets/sheet1.xml')
    this.zip.end()
    const out = createWriteStream(path)
    this.zip.outputStream.pipe(out)
    this.done = finished(out)
    const pane = headerRows > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
      : ''
    this.sheet.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}">${pane}<sheetData>`)
  }

  async addRow(cells: Cell[]): Promise<void> {
    const r = ++this.rowNumber
    const style = r <= this.headerRows ? ' s="1"' : ''
    let xml = `<row r="${r}">`
    cells.forEach((c, i) => {
      if (c === null || c === undefined || c === '') return
      const ref = `${columnLetter(i)}${r}`
      if (typeof c === 'number' && Number.isFinite(c)) xml += `<c r="${ref}"${style}><v>${c}</v></c>`
      else if (typeof c === 'boolean') xml += `<c r="${ref}"${style} t="b"><v>${c ? 1 : 0}</v></c>`
      else if (typeof c === 'object' && 'error' in c) xml += `<c r="${ref}"${style} t="e"><v>${escapeXml(c.error)}</v></c>`
      else {
        const text = typeof c === 'object' ? c.date : String(c)
        xml += `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`
      }
    })
    if (!this.sheet.write(`${xml}</row>`)) await once(this.sheet, 'drain')
  }

  async close(): Promise<void> {
    this.sheet.end('</sheetData></worksheet>')
    await this.done
  }
}
