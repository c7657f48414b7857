/**
 * The accessible name of a task's event (calendar) or bar (timeline): what a sighted user reads off
 * its place in the grid and its colour, said in words: title, dates (dd/mm/yyyy), D-n, channel,
 * status. FullCalendar's default name is the title alone.
 */
import { formatElectionOffset, offsetFromElectionDay } from '@/domain/dates/election-offset'
import { formatDateOrDateTime } from '@/domain/dates/format-date'
import { datePart } from '@/domain/dates/local-date'
import { lastDay } from '@/domain/plan/task-dates'
import type { Channel, LocalDate, Task } from '@/domain/types'
import type { Messages } from '@/lib/i18n/messages-vi'

export interface TaskEventLabelInput {
  task: Pick<Task, 'title' | 'status' | 'channelId'>
  /** The shown piece's own dates (an occurrence's, not the series'). */
  start: string
  end: string
  allDay: boolean
}

/** The details after the title, e.g. `từ 01/04/2021 đến 05/04/2021, D-52, kênh Pano, trạng thái: Đang thực hiện`. */
export function taskEventDetails(
  { task, start, end, allDay }: TaskEventLabelInput,
  context: { electionDay: LocalDate; channels: readonly Pick<Channel, 'id' | 'name' | 'nameEn'>[]; language: 'vi' | 'en'; messages: Messages },
): string {
  const { messages } = context
  const from = formatDateOrDateTime(start)
  const to = allDay ? formatDateOrDateTime(lastDay({ start, end, allDay })) : formatDateOrDateTime(end)
  const parts = [
    messages.calendar.eventDates(from, to),
    formatElectionOffset(offsetFromElectionDay(datePart(start), context.electionDay)),
  ]
  const channel = task.channelId ? context.channels.find((c) => c.id === task.channelId) : undefined
  if (channel) parts.push(messages.calendar.eventChannel(context.language === 'en' && channel.nameEn ? channel.nameEn : channel.name))
  parts.push(messages.calendar.eventStatus(messages.status[task.status]))
  return parts.join(', ')
}
