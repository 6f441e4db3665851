// Looks at the first bytes of a file to tell a CSV from an .xlsx, and recognises what we cannot
// read (password-protected workbooks, old .xls, OpenDocument, PDFs, images) to say so clearly.
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { extname } from 'node:path'
import { bomLength, detectEncoding } from '../../../../shared/domain/text/encoding.ts'
import { sheetError } from '../errors.ts'
import { formatBytes, type ReadLimits } from '../limits.ts'

export type SourceFormat = 'csv' | 'xlsx'

export const SAMPLE_BYTES = 64 * 1024

export function readHead(path: string, bytes = SAMPLE_BYTES): Buffer {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(bytes)
    const n = readSync(fd, buf, 0, bytes, 0)
    return buf.subarray(0, n)
  } finally {
    closeSync(fd)
  }
}

function readRange(path: string, start: number, length: number): Buffer {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(length)
    const n = readSync(fd, buf, 0, length, start)
    return buf.subarray(0, n)
  } finally {
    closeSync(fd)
  }
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const ZIP_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1')
const EMPTY_ZIP = Buffer.from('PK\u0005\u0006', 'latin1')
const BINARY_MAGIC: Array<[string, Buffer]> = [
  ['PDF', Buffer.from('%PDF')],
  ['PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ['JPEG image', Buffer.from([0xff, 0xd8, 0xff])],
  ['GIF image', Buffer.from('GIF8')],
  ['gzip archive', Buffer.from([0x1f, 0x8b])],
  ['7-Zip archive', Buffer.from('7z\u00bc\u00af', 'latin1')],
  ['RAR archive', Buffer.from('Rar!')]
]

/** An encrypted OOXML file is an OLE container holding these two streams (names in UTF-16LE). */
function isEncryptedOoxml(path: string, size: number): boolean {
  const marker = Buffer.from('EncryptionInfo', 'utf16le')
  const head = readRange(path, 0, Math.min(size, 4 * 1024 * 1024))
  if (head.includes(marker)) return true
  if (size > head.length) return readRange(path, Math.max(0, size - 4 * 1024 * 1024), 4 * 1024 * 1024).includes(marker)
  return false
}

/** Translation files people pick in the spreadsheet import by mistake, by their XML root element. */
const EXCHANGE_ROOTS: Record<string, string> = { tmx: 'tmx', xliff: 'xliff', martif: 'tbx', tbx: 'tbx' }

/** The root element of a file that starts like XML ("tmx", "xliff" …) and whether it has an XML declaration. */
export function xmlRootOf(head: Buffer): { root: string; declared: boolean } | null {
  const { encoding } = detectEncoding(head)
  const text = new TextDecoder(encoding).decode(head.subarray(bomLength(head, encoding)))
  const m = /^\s*(<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|<\?[\s\S]*?\?>)\s*)*<([A-Za-z_][\w.:-]*)[\s>/]/.exec(text)
  return m ? { root: m[2].slice(m[2].indexOf(':') + 1).toLowerCase(), declared: !!m[1] } : null
}

/** Decides how to read a file, or explains why it cannot be read. Checks size and emptiness first. */
export function sniffFormat(path: string, limits: ReadLimits, requested?: SourceFormat): SourceFormat {
  const size = statSync(path).size
  if (size === 0) throw sheetError('empty_file', 'The file is empty.')
  if (size > limits.maxFileBytes) {
    throw sheetError('file_too_large', `The file is ${formatBytes(size)}; Vetrina imports files up to ${formatBytes(limits.maxFileBytes)}. Split it into smaller files.`, {
      size, max: limits.maxFileBytes
    })
  }
  const head = readHead(path, 8)
  if (head.subarray(0, 8).equals(OLE_MAGIC)) {
    if (isEncryptedOoxml(path, size)) {
      throw sheetError('xlsx_encrypted', 'This workbook is protected by a password. Open it in Excel, remove the password (File › Info › Protect Workbook), save it and import it again.')
    }
    throw sheetError('xls_legacy', 'This is an old Excel 97–2003 file (.xls). Open it in Excel or LibreOffice, save it as .xlsx or CSV and import it again.')
  }
  if (head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).equals(EMPTY_ZIP)) return 'xlsx'
  for (const [name, magic] of BINARY_MAGIC) {
    if (head.subarray(0, magic.length).equals(magic)) throw sheetError('not_a_spreadsheet', `This is a ${name}, not a spreadsheet. Choose a CSV or .xlsx file.`, { kind: name })
  }
  const xml = xmlRootOf(readHead(path, 16 * 1024))
  const kind = xml ? EXCHANGE_ROOTS[xml.root] : undefined
  if (kind) {
    throw sheetError('exchange_file', `This is a ${kind.toUpperCase()} translation file, not a spreadsheet: import it in the Translation section (command line: vetrina ${kind === 'xliff' ? 'xliff' : kind === 'tmx' ? 'tm' : 'glossary'} import).`, { kind })
  }
  if (xml?.declared) throw sheetError('not_a_spreadsheet', `This is an XML file (<${xml.root}>), not a spreadsheet. Choose a CSV or .xlsx file.`, { kind: 'XML' })
  const ext = extname(path).toLowerCase()
  if (requested === 'xlsx' || ext === '.xlsx' || ext === '.xlsm') {
    throw sheetError('xlsx_corrupt', 'The file is named like an Excel workbook but is not one (it may be damaged or truncated). Open it in Excel and save it again.')
  }
  return 'csv'
}
