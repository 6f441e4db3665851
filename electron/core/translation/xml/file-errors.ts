// Turns a refusal of the XML layer into the error a person reads: a compressed file, bytes that are not
// text, a DTD with its own definitions each get their own code and advice; anything else is "not
// well-formed" under the code of the file kind (tmx_invalid, glossary_invalid, xliff_malformed).
import { AppError } from '../../../../shared/contract/errors.ts'
import type { XmlError } from './xml.ts'

export function xmlFileError(err: XmlError, malformedCode: string, what: string): AppError {
  switch (err.kind) {
    case 'compressed':
      return new AppError('translation_file_compressed', `The ${what} is a compressed ${err.detail} archive: extract the file inside it and import that file.`, { params: { archive: err.detail } })
    case 'encoding':
      return new AppError('translation_file_encoding', `The ${what} is not readable text (${err.reason}) Save it again as UTF-8 in the program that made it.`, { params: { encoding: err.detail } })
    case 'dtd':
      return new AppError('translation_xml_dtd', `The ${what} declares its own DTD definitions on line ${err.line} (entities in the DOCTYPE line); for safety such files are not read. Export it again without them.`, { params: { line: err.line } })
    default:
      // codes: tmx_invalid, glossary_invalid, xliff_malformed
      return new AppError(malformedCode, `The ${what} is not well-formed XML: ${err.message}`, { params: { line: err.line } })
  }
}
