// Writes CSV with csv-stringify: Italian Excel style (";" and a UTF-8 BOM so Excel reads accents)
// or English style (","), or the encoding and separator of a file being answered (rejected rows).
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import type * as CsvStringify from 'csv-stringify'
import type iconvType from 'iconv-lite'
import type { Cell } from '../../../../shared/domain/spreadsheet/cells.ts'
import { cellText } from '../../../../shared/domain/spreadsheet/cells.ts'
import { onFirstUse } from '../../platform/on-first-use.ts'

const csvStringify = onFirstUse<typeof CsvStringify>('csv-stringify')
const iconv = onFirstUse<typeof iconvType>('iconv-lite')

export interface CsvWriterOptions {
  delimiter: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'
  /** Decimal separator for numbers. */
  decimal: ',' | '.'
  /** Words for booleans. */
  yes: string
  no: string
  bom: boolean
}

export class CsvWriter {
  private readonly stringifier
  private readonly done: Promise<void>
  private readonly opts: CsvWriterOptions

  constructor(path: string, opts: CsvWriterOptions) {
    this.opts = opts
    // csv-stringify quotes a field holding the record delimiter ("\r\n") but not a bare "\n" or "\r":
    // quote every line break ourselves, or any RFC 4180 reader sees more records than products.
    this.stringifier = csvStringify().stringify({ delimiter: opts.delimiter, record_delimiter: 'windows', quoted_match: [/[\r\n]/, /^\s|\s$/] })
    this.stringifier.setEncoding('utf8')
    const out = createWriteStream(path)
    const encoder = iconv().encodeStream(opts.encoding, { addBOM: opts.bom })
    this.stringifier.pipe(encoder).pipe(out)
    this.done = finished(out)
  }

  private text(c: Cell): string {
    if (typeof c === 'number') return this.opts.decimal === ',' ? String(c).replace('.', ',') : String(c)
    if (typeof c === 'boolean') return c ? this.opts.yes : this.opts.no
    return cellText(c)
  }

  async addRow(cells: Cell[]): Promise<void> {
    if (!this.stringifier.write(cells.map((c) => this.text(c)))) await once(this.stringifier, 'drain')
  }

  async close(): Promise<void> {
    this.stringifier.end()
    await this.done
  }
}
