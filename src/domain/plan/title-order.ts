/**
 * The order of task titles wherever tasks are listed (the list view, exports, a follower's copy):
 * Vietnamese collation, so "Ăn" follows "An" and "Đ" follows "D" as a reader expects.
 *
 * One `Intl.Collator`, made on first use, not `a.localeCompare(b, 'vi')`: with a locale argument
 * every call resolves the locale and its collator again, ~5× slower; sorting a month of the
 * 10,000-task plan took ~100 ms of a phone's main thread (4× CPU, issue 11) on load and on each
 * switch to the list. Same order: the specification defines localeCompare by this collator.
 */
let collator: Intl.Collator | null = null

export function compareTitles(a: string, b: string): number {
  collator ??= new Intl.Collator('vi')
  return collator.compare(a, b)
}
