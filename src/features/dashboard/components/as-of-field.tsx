/**
 * The dashboard's "as of" day, typed as dd/mm/yyyy like every date in the app (a native date input
 * shows the browser's own order, mm/dd/yyyy on an English Chromium). The figures follow as soon as
 * the text is a real day; a half-typed or impossible one waits, marked invalid, and "Hôm nay" or a
 * new day from outside (a drill-down link) replaces the text.
 */
import { useState } from 'react'
import { formatDate, parseDisplayDate } from '@/domain/dates/format-date'
import { isValidLocalDate } from '@/domain/dates/local-date'
import type { LocalDate } from '@/domain/types'

export function AsOfField({ label, value, onChange, hint }: { label: string; value: LocalDate; onChange: (day: LocalDate) => void; hint: string }) {
  const [text, setText] = useState(() => formatDate(value))
  const [shown, setShown] = useState(value)
  // A day set from outside (Hôm nay, the address) replaces what was typed.
  if (shown !== value) {
    setShown(value)
    setText(formatDate(value))
  }
  const typed = parseDisplayDate(text)
  const valid = typed !== null && isValidLocalDate(typed)
  return (
    <label className="dashboard-asof">
      <span>{label}</span>
      <input
        type="text"
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        title={hint}
        value={text}
        aria-invalid={!valid}
        data-testid="dash-asof"
        size={11}
        onChange={(e) => {
          setText(e.target.value)
          const day = parseDisplayDate(e.target.value)
          if (day !== null && isValidLocalDate(day)) {
            setShown(day)
            onChange(day)
          }
        }}
      />
    </label>
  )
}
