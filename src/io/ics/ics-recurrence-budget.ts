/**
 * The caps on ical.js's RRULE expansion, per event and per file: ical.js has no limits of its own.
 */
import type ICAL from 'ical.js'
import type { ParseContext } from '@/io/ics/ics-import-model'

/**
 * ical.js loops forever on some impossible rules (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30): it keeps
 * stepping a day at a time looking for a match, about 25 µs a step. We cap the candidates it may try:
 * 3,000 per event covers any DAILY rule over the two-year window (730 days) with room to spare, and
 * 50,000 per file (a hundred weekly series over two years use a fifth of it) keeps a hostile file to
 * about a second.
 */
const RECURRENCE_CANDIDATES_PER_EVENT = 3_000
export const RECURRENCE_CANDIDATES_PER_FILE = 50_000

/**
 * Caps the candidates ical.js may try in this iterator, per event and per file; the returned function
 * tells which cap was hit, if any. NOTE: replaces the method on this iterator only; returning true
 * ends ical.js's inner search loop, so the occurrence it then returns must be ignored.
 */
export function capIterator(iterator: ICAL.RecurIterator, context: ParseContext): () => 'event' | 'file' | null {
  let left = Math.min(RECURRENCE_CANDIDATES_PER_EVENT, context.recurrenceBudget)
  let exhaustedBy: 'event' | 'file' | null = null
  const checkRules = iterator.check_contracting_rules.bind(iterator)
  iterator.check_contracting_rules = () => {
    left -= 1
    context.recurrenceBudget -= 1
    if (left > 0) return checkRules()
    exhaustedBy ??= context.recurrenceBudget <= 0 ? 'file' : 'event'
    return true
  }
  return () => exhaustedBy
}
