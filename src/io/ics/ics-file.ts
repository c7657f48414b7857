/**
 * The ICS calendar file (RFC 5545): the plan's tasks, and on request the legal milestones, as events
 * for Outlook and Google Calendar; and events from those apps read back as tasks. This module holds
 * the names that mark a file, an event or a property as ours (export writes them, import looks for
 * them); the work is done in:
 * - ics-export.ts (`serializeIcs`), with ics-folding.ts (line folding, text cleaning) and
 *   ics-time-zone.ts (the VTIMEZONE we write, and the Temporal-like values ical-generator takes);
 * - ics-import.ts (`parseIcs`), with ics-blocks.ts (the file cut into events), ics-temporal.ts (dates,
 *   times and zones to Vietnam wall-clock), ics-recurrence-import.ts (RRULE to the plan's series),
 *   ics-recurrence-budget.ts (the caps on ical.js's expansion) and ics-import-model.ts (the shapes
 *   these pass each other).
 *
 * Libraries: ical-generator writes the events, ical.js reads.
 * - ical-generator rather than `ics`: it writes TZID times (`ics` writes only UTC or floating times),
 *   so timed tasks carry TZID=Asia/Ho_Chi_Minh with our own VTIMEZONE and no time zone database; it
 *   escapes TEXT values; it accepts Temporal-like date objects, so an all-day date goes out exactly as
 *   the plan wrote it and never passes through a JS Date in the machine's zone; and it is typed and
 *   maintained. We write the rest: the VCALENDAR around the events and the line folding (the
 *   library's takes seconds at 10,000 tasks, see `frameCalendar`), and the recurrence lines (RRULE,
 *   EXDATE, RECURRENCE-ID), which the library can't write in an all-day series' DATE form.
 * - ical.js (Mozilla's, used by Thunderbird) reads: it unfolds and unescapes, turns the file's own
 *   VTIMEZONEs into zones (no time zone database, no global registry) and expands RRULEs. Its
 *   expansions have no limits of their own, so we cap them (ics-recurrence-budget.ts): a hostile
 *   file must not freeze the tab.
 *
 * Times: timed tasks are Vietnam wall-clock times (see types.ts; every plan's `timeZone` is
 * Asia/Ho_Chi_Minh) and go out as that wall-clock time with TZID=Asia/Ho_Chi_Minh plus our own
 * VTIMEZONE (UTC+07:00, no DST since 1975): a calendar in Vietnam shows exactly the plan's times and
 * one elsewhere converts them. Imported times are converted to Vietnam's wall clock the same way.
 *
 * Formula injection: text fields are NOT prefixed with an apostrophe here. Calendars never evaluate
 * formulas, a prefix would show in every event title, and it would break the round trip; what matters
 * in ICS is that user text can never become structure, so every text is escaped as TEXT (`\,` `\;`
 * `\\` `\n`), control characters are dropped, and no HTML description (X-ALT-DESC) is ever written.
 *
 * Shipped, never to change (calendars match a re-import by UID, and we read our own files back): the
 * UID forms `${task.id}@election-campaign-planner` and
 * `milestone-${milestoneId}-${plan.id}@election-campaign-planner`, and the X-ELECTION-PLANNER-* names.
 */
export const UID_SUFFIX = '@election-campaign-planner'
// ical-generator writes `PRODID:-` followed by this.
export const PRODUCT_ID = '//election-campaign-planner//VI'
export const X_STATUS = 'X-ELECTION-PLANNER-STATUS'
export const X_DESCRIPTION = 'X-ELECTION-PLANNER-DESCRIPTION'
export const X_MILESTONE = 'X-ELECTION-PLANNER-MILESTONE'
