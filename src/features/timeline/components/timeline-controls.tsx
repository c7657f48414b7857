/**
 * The timeline's own controls, inside the view (the toolbar belongs to the calendar feature):
 * rows by unit or by channel, the zoom, and whether supporting units show the task too.
 */
import { useId } from 'react'
import { TIMELINE_ZOOMS } from '@/domain/dates/calendar-period'
import { useMessages } from '@/components/use-messages'
import { usePlannerStore } from '@/store/use-planner-store'
import type { TimelineOptions } from '@/store/planner-state'

const ROW_MODES: TimelineOptions['rows'][] = ['units', 'channels']

export function TimelineControls({ options }: { options: TimelineOptions }) {
  const setTimelineOptions = usePlannerStore((s) => s.setTimelineOptions)
  const t = useMessages().timeline
  const rowsLabelId = useId()
  const zoomLabelId = useId()

  return (
    <div className="timeline-controls">
      <div className="toolbar-group" role="group" aria-labelledby={rowsLabelId}>
        <span id={rowsLabelId} className="timeline-controls-label">{t.rowsLabel}</span>
        {ROW_MODES.map((mode) => (
          <button key={mode} type="button" aria-pressed={options.rows === mode} className={options.rows === mode ? 'is-active' : ''}
            onClick={() => setTimelineOptions({ rows: mode })}>
            {t.rows[mode]}
          </button>
        ))}
      </div>
      <div className="toolbar-group" role="group" aria-labelledby={zoomLabelId}>
        <span id={zoomLabelId} className="timeline-controls-label">{t.zoomLabel}</span>
        {TIMELINE_ZOOMS.map((zoom) => (
          <button key={zoom} type="button" aria-pressed={options.zoom === zoom} className={options.zoom === zoom ? 'is-active' : ''}
            onClick={() => setTimelineOptions({ zoom })}>
            {t.zoom[zoom]}
          </button>
        ))}
      </div>
      <label className={`timeline-support-toggle${options.rows === 'units' ? '' : ' is-disabled'}`}>
        <input type="checkbox" checked={options.showSupport} disabled={options.rows !== 'units'}
          onChange={(event) => setTimelineOptions({ showSupport: event.target.checked })} />
        {t.showSupport}
      </label>
    </div>
  )
}
