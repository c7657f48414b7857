/**
 * The "Nguồn" machine cell of the spreadsheet formats (CSV, XLSX): a task's source, for re-import.
 *
 * A template task's `source.note` is the template's research note (English, written for whoever
 * checks the template: "Row 3 of campaign-2021-tasks.md — … mid-January 2021 is assumed."). It
 * belongs in the app and in the JSON backup, not in a file an official opens. Such a source (equal to
 * the source of one of the template's entries) is written as a reference to that entry, with its page
 * addresses and verified flag but without the note:
 *
 *   {"template":"vn-2021/draft-communication-plan-comments","urls":["https://…"],"verified":"partly"}
 *
 * and the import takes the note back from the template, so the round trip stays lossless. Any other
 * source (one the user's data brought, or a template note changed since) is written whole, as JSON.
 * The two forms cannot be confused: a whole source always has "note", a reference never does.
 */
import { CAMPAIGN_2021_TEMPLATE_ID } from '@/domain/templates/campaign-2021'
import { CAMPAIGN_2021_TASK_SEEDS } from '@/domain/templates/campaign-2021-tasks'
import type { SourceNote } from '@/domain/types'

const REFERENCE_KEY = 'template'

interface TemplateSource {
  /** "vn-2021/<seed key>": which template entry, stable as the seed keys are (they make task ids). */
  reference: string
  source: SourceNote
}

interface TemplateSourceIndex {
  byNote: ReadonlyMap<string, readonly TemplateSource[]>
  byReference: ReadonlyMap<string, TemplateSource>
}

let index: TemplateSourceIndex | null = null

/** Built on first use: the template's entries by note (to recognise) and by reference (to restore). */
function templateSources(): TemplateSourceIndex {
  if (index) return index
  const byNote = new Map<string, TemplateSource[]>()
  const byReference = new Map<string, TemplateSource>()
  for (const seed of CAMPAIGN_2021_TASK_SEEDS) {
    const entry = { reference: `${CAMPAIGN_2021_TEMPLATE_ID}/${seed.key}`, source: seed.source }
    byReference.set(entry.reference, entry)
    const same = byNote.get(seed.source.note)
    if (same) same.push(entry)
    else byNote.set(seed.source.note, [entry])
  }
  index = { byNote, byReference }
  return index
}

/** The cell's text: empty for no source, a reference for a template's source, else the source as JSON. */
export function formatSourceCell(source: SourceNote | null): string {
  if (source === null) return ''
  const candidates = templateSources().byNote.get(source.note)
  const entry = candidates?.find((candidate) => sameSource(candidate.source, source))
  if (entry) return JSON.stringify({ [REFERENCE_KEY]: entry.reference, urls: source.urls, verified: source.verified })
  return JSON.stringify(source)
}

/** The same note (already matched), pages and flag, and no other field (a source keeps unknown fields). */
function sameSource(template: SourceNote, source: SourceNote): boolean {
  return source.verified === template.verified && Object.keys(source).length === 3
    && source.urls.length === template.urls.length && source.urls.every((url, i) => url === template.urls[i])
}

/**
 * The source a cell's parsed JSON stands for: a reference becomes the template entry's note with the
 * cell's addresses and flag (edited in the sheet or not); a reference this version does not know
 * (a later template's) keeps them with an empty note. Anything else is returned as it is, for
 * `restoreTask` to judge.
 */
export function readSourceCell(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const record = value as Record<string, unknown>
  if ('note' in record || typeof record[REFERENCE_KEY] !== 'string') return value
  const { [REFERENCE_KEY]: reference, ...rest } = record
  const entry = templateSources().byReference.get(reference as string)
  return { note: entry?.source.note ?? '', ...rest }
}
