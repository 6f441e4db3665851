// Detects the text encoding of a file people made in a spreadsheet or a word processor: a byte-order
// mark decides; UTF-16 without one shows as NUL bytes in every other position; otherwise valid UTF-8
// is UTF-8 and anything else is taken as Windows-1252 (what Italian Windows programs write). Used by
// the spreadsheet reader and the glossary import; the user can always override the guess.
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const
export type TextEncoding = (typeof TEXT_ENCODINGS)[number]

export interface EncodingGuess {
  encoding: TextEncoding
  /** How we know: a BOM, the byte pattern, valid UTF-8, plain ASCII, or a fallback. */
  evidence: 'bom' | 'utf16-pattern' | 'valid-utf8' | 'ascii' | 'not-utf8'
}

export function bomLength(head: Uint8Array, encoding: TextEncoding): number {
  if (encoding === 'utf-8' && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 3
  if (encoding === 'utf-16le' && head[0] === 0xff && head[1] === 0xfe) return 2
  if (encoding === 'utf-16be' && head[0] === 0xfe && head[1] === 0xff) return 2
  return 0
}

/** Drops an incomplete UTF-8 sequence cut by the end of the sample. */
function trimPartialUtf8(buf: Uint8Array): Uint8Array {
  let i = buf.length - 1
  let back = 0
  while (i >= 0 && back < 4 && (buf[i] & 0xc0) === 0x80) {
    i--
    back++
  }
  if (i < 0) return buf
  const lead = buf[i]
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1
  return need > back + 1 ? buf.subarray(0, i) : buf
}

export function detectEncoding(sample: Uint8Array): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', evidence: 'bom' }
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', evidence: 'bom' }
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', evidence: 'bom' }
  const n = Math.min(sample.length, 4096) & ~1
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++
    if (sample[i + 1] === 0) oddZeros++
  }
  const pairs = n / 2
  if (pairs >= 2 && oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return { encoding: 'utf-16le', evidence: 'utf16-pattern' }
  if (pairs >= 2 && evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return { encoding: 'utf-16be', evidence: 'utf16-pattern' }
  let ascii = true
  for (const b of sample) {
    if (b >= 0x80) {
      ascii = false
      break
    }
  }
  if (ascii) return { encoding: 'utf-8', evidence: 'ascii' }
  return isUtf8(trimPartialUtf8(sample)) ? { encoding: 'utf-8', evidence: 'valid-utf8' } : { encoding: 'windows-1252', evidence: 'not-utf8' }
}

/** Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF). */
export function isUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (len === 0 || i + len > bytes.length) return false
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return false
    const second = bytes[i + 1]
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return false
    i += len
  }
  return true
}
