// The .xlsx container: a ZIP read with yauzl (random access, sizes checked against what the
// entries declare). Zip bombs are refused from the central directory, before anything is inflated.
import type { Readable } from 'node:stream'
import type yauzl from 'yauzl'
import { sheetError } from '../errors.ts'
import { formatBytes, type ReadLimits } from '../limits.ts'
import { onFirstUse } from '../../platform/on-first-use.ts'

const openZip = onFirstUse<typeof yauzl>('yauzl')

const MAX_ENTRIES = 20_000

export class ZipArchive {
  private readonly zip: yauzl.ZipFile
  /** Entries by lower-case name (producers differ in case; Excel does not care). */
  readonly entries: Map<string, yauzl.Entry>

  private constructor(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>) {
    this.zip = zip
    this.entries = entries
  }

  static async open(path: string, limits: ReadLimits): Promise<ZipArchive> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      openZip().open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, z) => {
        if (err || !z) reject(corrupt(err))
        else resolve(z)
      })
    })
    const entries = new Map<string, yauzl.Entry>()
    let total = 0
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: yauzl.Entry) => {
          if (entries.size >= MAX_ENTRIES) return reject(sheetError('xlsx_corrupt', 'The workbook holds too many parts to be a spreadsheet.'))
          const size = entry.uncompressedSize
          total += size
          const ratio = entry.compressedSize > 0 ? size / entry.compressedSize : size > 0 ? Infinity : 1
          if (size > limits.maxEntryBytes || total > limits.maxTotalUncompressedBytes ||
              (size > limits.ratioCheckAboveBytes && ratio > limits.maxCompressionRatio)) {
            return reject(sheetError('zip_bomb', `The workbook would expand to ${formatBytes(Math.max(size, total))} (part "${entry.fileName}"), far more than a spreadsheet needs; it was not opened.`, {
              part: entry.fileName, size: Math.max(size, total)
            }))
          }
          entries.set(entry.fileName.replace(/\\/g, '/').replace(/^\//, '').toLowerCase(), entry)
          zip.readEntry()
        })
        zip.once('end', () => resolve())
        zip.once('error', (err: Error) => reject(corrupt(err)))
        zip.readEntry()
      })
    } catch (err) {
      zip.close()
      throw err
    }
    return new ZipArchive(zip, entries)
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase())
  }

  size(name: string): number {
    return this.entries.get(name.toLowerCase())?.uncompressedSize ?? 0
  }

  async stream(name: string): Promise<Readable> {
    const entry = this.entries.get(name.toLowerCase())
    if (!entry) throw sheetError('xlsx_incomplete', `The workbook has no part "${name}"; it may be damaged.`, { part: name })
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) reject(corrupt(err))
        else resolve(stream)
      })
    })
  }

  /** A small part (rels, workbook, styles) as text; refuses parts above `maxBytes`. */
  async text(name: string, maxBytes = 64 * 1024 * 1024): Promise<string> {
    if (this.size(name) > maxBytes) throw sheetError('xlsx_corrupt', `The part "${name}" of the workbook is unexpectedly large.`, { part: name })
    const chunks: Buffer[] = []
    const stream = await this.stream(name)
    try {
      for await (const chunk of stream) chunks.push(chunk as Buffer)
    } catch (err) {
      throw corrupt(err as Error)
    }
    return Buffer.concat(chunks).toString('utf8')
  }

  close(): void {
    this.zip.close()
  }
}

export function corrupt(err: Error | null | undefined): Error {
  if (err && 'code' in err && String((err as { code: unknown }).code).startsWith('spreadsheet_')) return err
  return sheetError('xlsx_corrupt', `The workbook cannot be opened; it is damaged or truncated (${err?.message ?? 'unknown reason'}). Open it in Excel and save it again.`, {
    detail: err?.message ?? null
  })
}
