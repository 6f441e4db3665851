// An open .xlsx: its sheets, and a way to stream the rows of one of them (as often as needed).
import type { ReadLimits } from '../limits.ts'
import { sheetError } from '../errors.ts'
import { readSharedStrings, readSheetRows, type SheetRow, type SheetStats } from './sheet-reader.ts'
import { readWorkbook, type SheetInfo, type WorkbookInfo } from './workbook.ts'
import { ZipArchive } from './zip.ts'

export class XlsxBook {
  private readonly zip: ZipArchive
  private readonly info: WorkbookInfo
  private readonly limits: ReadLimits
  private shared: string[] | null = null

  private constructor(zip: ZipArchive, info: WorkbookInfo, limits: ReadLimits) {
    this.zip = zip
    this.info = info
    this.limits = limits
  }

  static async open(path: string, limits: ReadLimits): Promise<XlsxBook> {
    const zip = await ZipArchive.open(path, limits)
    try {
      return new XlsxBook(zip, await readWorkbook(zip), limits)
    } catch (err) {
      zip.close()
      throw err
    }
  }

  get sheets(): SheetInfo[] {
    return this.info.sheets
  }

  get warnings(): WorkbookInfo['warnings'] {
    return this.info.warnings
  }

  get date1904(): boolean {
    return this.info.date1904
  }

  /** The sheet asked for by name, else the first visible one. */
  sheet(name?: string): SheetInfo {
    if (name !== undefined) {
      const found = this.info.sheets.find((s) => s.name === name) ?? this.info.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())
      if (!found) {
        throw sheetError('sheet_not_found', `The workbook has no sheet "${name}". Its sheets are: ${this.info.sheets.map((s) => s.name).join(', ')}.`, { sheet: name })
      }
      return found
    }
    return this.info.sheets.find((s) => !s.hidden) ?? this.info.sheets[0]
  }

  async *rows(sheet: SheetInfo, opts: { signal?: AbortSignal; onProgress?: (read: number, total: number) => void }, stats: SheetStats): AsyncGenerator<SheetRow> {
    if (!this.zip.has(sheet.part)) throw sheetError('xlsx_incomplete', `The workbook is damaged: sheet "${sheet.name}" is missing.`, { sheet: sheet.name })
    if (!this.shared) {
      this.shared = this.info.sharedStringsPart ? await readSharedStrings(this.zip, this.info.sharedStringsPart, this.limits, opts.signal) : []
    }
    yield* readSheetRows(this.zip, sheet.part, {
      date1904: this.info.date1904, styleKinds: this.info.styleKinds, sharedStrings: this.shared, limits: this.limits,
      signal: opts.signal, onProgress: opts.onProgress
    }, stats)
  }

  close(): void {
    this.zip.close()
  }
}
