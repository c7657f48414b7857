/**
 * The colour of a task without a channel, the same in every view that colours tasks by channel (the
 * calendar's events, the timeline's bars, a phone month's dots), so "no channel" reads alike everywhere.
 */
export const NO_CHANNEL_COLOR = '#455a64'
