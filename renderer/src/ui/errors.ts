// Contract errors as sentences in the user's language. The logic is shared with the CLI
// (shared/messages/errors.ts); this module keeps the UI's import path.
export { errorKey as codeKey, errorKey, errorText, fieldLabel, issueText, issueWithField, issuesByPath, type FieldNames } from '../../../shared/messages/errors.ts'
