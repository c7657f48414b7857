/**
 * Whether the phone layout applies (`NARROW_SCREEN_QUERY`), re-rendering when it starts or stops
 * (a phone turned sideways, a window resized). Only for what CSS cannot do; sizes stay in CSS.
 */
import { useSyncExternalStore } from 'react'
import { matchesMedia, NARROW_SCREEN_QUERY, onMediaChange } from '@/lib/media-query'

const subscribe = (onChange: () => void) => onMediaChange(NARROW_SCREEN_QUERY, onChange)
const read = () => matchesMedia(NARROW_SCREEN_QUERY)

export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, read, () => false)
}
