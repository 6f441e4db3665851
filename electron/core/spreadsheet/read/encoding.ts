// The encoding of a CSV: detection lives in shared/domain/text/encoding.ts (the glossary import uses
// it too); this adds what only the spreadsheet reader needs.
export { bomLength, detectEncoding, TEXT_ENCODINGS, type EncodingGuess, type TextEncoding } from '../../../../shared/domain/text/encoding.ts'

/** Share of NUL and other control bytes in a text sample: high means "this is not a text file".
 *  Undecodable characters (U+FFFD) do not count: they mean text in another encoding, which is a warning. */
export function controlByteShare(text: string): number {
  if (text.length === 0) return 0
  let bad = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) bad++
  }
  return bad / text.length
}
