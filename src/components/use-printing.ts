/**
 * Whether the page is being printed (Ctrl+P, the browser's print, "Save as PDF"), and since when.
 *
 * The calendar and the list lay themselves out for paper while this is true. They must do it
 * before the browser takes its print layout, which follows `beforeprint` at once: so the state is
 * committed synchronously (flushSync) inside that event, and FullCalendar measures the print-sized
 * box while the screen stylesheet still applies. `matchMedia('print')` covers the other ways in:
 * browsers that switch media without the event, a print preview laid out again after a settings
 * change, and emulated print media (the end-to-end tests). Printing ends when both say so.
 */
import { useEffect, useState } from 'react'
import { flushSync } from 'react-dom'

export interface Printing {
  /** True from `beforeprint` to `afterprint`, and while print media applies. */
  printing: boolean
  /** When this print began (ms), for the page header; null when not printing. */
  printedAt: number | null
}

const NOT_PRINTING: Printing = { printing: false, printedAt: null }

function printMedia(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia('print') : null
}

export function usePrinting(): Printing {
  const [state, setState] = useState<Printing>(() => (printMedia()?.matches ? { printing: true, printedAt: Date.now() } : NOT_PRINTING))

  useEffect(() => {
    const media = printMedia()
    let inPrintEvent = false
    let inPrintMedia = media?.matches ?? false
    const update = () => {
      const printing = inPrintEvent || inPrintMedia
      // Synchronous: the browser lays the page out for print right after this event's handlers.
      flushSync(() => setState((current) => {
        if (current.printing === printing) return current
        return printing ? { printing: true, printedAt: Date.now() } : NOT_PRINTING
      }))
    }
    const onBeforePrint = () => {
      inPrintEvent = true
      update()
    }
    const onAfterPrint = () => {
      inPrintEvent = false
      update()
    }
    const onMediaChange = (event: MediaQueryListEvent) => {
      inPrintMedia = event.matches
      update()
    }
    window.addEventListener('beforeprint', onBeforePrint)
    window.addEventListener('afterprint', onAfterPrint)
    media?.addEventListener('change', onMediaChange)
    return () => {
      window.removeEventListener('beforeprint', onBeforePrint)
      window.removeEventListener('afterprint', onAfterPrint)
      media?.removeEventListener('change', onMediaChange)
    }
  }, [])

  return state
}
