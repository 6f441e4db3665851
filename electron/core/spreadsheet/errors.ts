// Errors of the spreadsheet area: stable codes (the UI translates them) with plain-English messages
// that say what is wrong with the file and what to do about it.
import { AppError } from '../../../shared/contract/errors.ts'

type Params = Record<string, string | number | boolean | null>

export function sheetError(code: string, message: string, params?: Params): AppError {
  // codes: passed on
  return new AppError(`spreadsheet_${code}`, message, params ? { params } : {})
}
