/** Formula injection: user text written into spreadsheet cells, and read back. */

const FORMULA_TRIGGER = /^'*[=+\-@\t\r]/
const NEUTRALISED = /^'+[=+\-@\t\r]/

/**
 * Neutralises text that a spreadsheet would run as a formula (=, +, - and @ start a formula; a tab or
 * carriage return in front can hide one), by putting a single quote before it. Why a quote: it is
 * the spreadsheets' own "this is text" marker — Excel and LibreOffice show such a cell as the text
 * that follows (typing '=1+1 in a cell gives the text =1+1), never evaluate it, and keep it text when
 * the cell is edited again. Only user text goes through here; our own numbers are never negative.
 *
 * Text that already starts with quotes before a trigger ("'=x") gets one more, so that
 * `restoreNeutralisedText` can undo exactly one and every text survives a round trip.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text
}

/** Undoes `neutraliseFormula` on a cell read back from a file. */
export function restoreNeutralisedText(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text
}
