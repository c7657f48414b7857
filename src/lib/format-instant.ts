/** An instant (ms) in the viewer's local time, as Vietnamese officials write it: dd/mm/yyyy HH:mm. */
import { dayjs } from '@/lib/dayjs'

export function formatInstant(ms: number): string {
  return dayjs(ms).format('DD/MM/YYYY HH:mm')
}

export function formatClockTime(ms: number): string {
  return dayjs(ms).format('HH:mm')
}
