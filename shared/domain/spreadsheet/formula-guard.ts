// Spreadsheet programs run a cell that starts with = + - @ (or a tab/CR before them) as a formula
// ("CSV injection"). Exports prefix such text with an apostrophe, which Excel and LibreOffice treat
// as "this is text"; imports remove exactly that prefix again, so values round-trip unchanged.
// Text that already starts with apostrophes before such a character ("'=1+1" typed on purpose) gets
// one more, so the import's removal of one apostrophe gives it back intact: the mapping is one-to-one.
const TRIGGER = /^'*[=+\-@\t\r]/
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)*$/

export function neutralizeFormula(text: string): string {
  return TRIGGER.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text
}

/** Undoes `neutralizeFormula`; an apostrophe before ordinary text ("'Nduja") is kept. */
export function restoreNeutralized(text: string): string {
  return text.length > 1 && text[0] === "'" && TRIGGER.test(text.slice(1)) ? text.slice(1) : text
}
