// Why a file of a batch was refused or skipped, and the batch's skip line, in the user's
// language (shared with the CLI: shared/messages/photos.ts, shared/domain/photo-skips.ts).
export { skippedText } from '../../../../shared/domain/photo-skips.ts'
export { fileErrorText } from '../../../../shared/messages/photos.ts'
