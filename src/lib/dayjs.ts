/**
 * The one place dayjs is imported and configured (a lint rule forbids importing `dayjs` elsewhere).
 * Plugins are registered once so every module sees the same behaviour.
 */
import dayjs from 'dayjs'
import customParseFormat from 'dayjs/plugin/customParseFormat'
import utc from 'dayjs/plugin/utc'

dayjs.extend(customParseFormat)
dayjs.extend(utc)

export { dayjs }
export type { Dayjs } from 'dayjs'
