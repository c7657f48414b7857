/**
 * Text folded for search: "tuyen truyen luu dong" finds "Tuyên truyền lưu động", "dak lak" finds
 * "Đắk Lắk". Canonical decomposition (NFD) splits a letter from its tone and vowel marks, which are
 * then dropped; đ/Đ are letters of their own (NFD leaves them alone), so they are mapped to d by
 * hand. Hand-written because it is three lines: a search library would bring ranking and fuzziness
 * nobody asked for, and its own folding rules for Vietnamese.
 */
const MARKS = /\p{M}+/gu
/** đ Đ, and the look-alikes Ð (eth) and ð that Vietnamese text typed on some keyboards carries. */
const D_LETTERS = /[đĐðÐ]/g
const SPACES = /\s+/g

export function foldText(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(D_LETTERS, 'd').toLowerCase().replace(SPACES, ' ').trim()
}

/** The words of a query, folded; empty words dropped. Every word must be found (in any field). */
export function searchTerms(query: string): string[] {
  const folded = foldText(query)
  return folded === '' ? [] : [...new Set(folded.split(' '))]
}
