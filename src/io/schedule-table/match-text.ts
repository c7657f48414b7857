/** Text as people type names (of columns, units, statuses), reduced so that spellings compare equal. */

/** Lower case, no diacritics (đ → d), punctuation as spaces: for matching names people type. */
export function normaliseForMatching(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}
