/**
 * The column-mapping step of "Nhập" for a CSV or Excel sheet in someone else's layout: which row
 * holds the column names, which task field each column fills (pre-filled from the names), and a
 * live preview of the first tasks with the rows that cannot be read. The reading itself is pure
 * (io/schedule-table/schedule-import.ts); this only shows it and reports the user's choices.
 */
import { useId } from 'react'
import type { Language } from '@/domain/dates/format-date'
import type { Plan } from '@/domain/types'
import { describeRowIssue } from '@/io/schedule-table/import-messages'
import { REQUIRED_MAPPED_FIELDS } from '@/io/schedule-table/column-mapping'
import { MAPPED_FIELDS, type MappedField } from '@/io/schedule-table/header-matching'
import type { ColumnMapping, RowIssue } from '@/io/schedule-table/import-result'
import type { Messages } from '@/lib/i18n/catalog'
import {
  assignField, columnLetter, HEADER_ROW_CHOICES, rowSummary, shorten, taskTimeLabel,
} from '@/features/import-export/utils/column-mapping-view'
import type { ForeignPreview } from '@/features/import-export/utils/import-protocol'

/** Row issues listed before "… and n more rows". */
const MAX_ISSUES_SHOWN = 20
const IGNORE = ''

export function ColumnMappingStep({
  preview, plan, messages, language, onHeaderRowChange, onMappingChange,
}: {
  /** The sheet under its header row and mapping, as the import worker mapped it (the first tasks and issues). */
  preview: ForeignPreview
  plan: Plan
  messages: Messages
  language: Language
  onHeaderRowChange: (row: number) => void
  onMappingChange: (mapping: ColumnMapping) => void
}) {
  const t = messages.importDialog.mapping
  const uid = useId()
  const fieldName = (field: MappedField) => t.fields[field]
  const { sheet, mapping, mapped, headerChoices } = preview

  const missing = mapped.ok ? [] : mapped.missing
  const unitNames = new Map([...plan.units, ...(mapped.ok ? mapped.newUnits : [])].map((u) => [u.id, u.name]))
  const channelNames = new Map(plan.channels.map((c) => [c.id, language === 'en' && c.nameEn ? c.nameEn : c.name]))
  const shownTasks = mapped.ok ? mapped.tasks : []

  return (
    <section className="column-mapping" aria-labelledby={`${uid}-heading`} data-testid="column-mapping">
      <h3 id={`${uid}-heading`} className="column-mapping-heading">{t.heading}</h3>
      <p className="muted small">{t.intro}</p>

      <div className="field column-mapping-header-row">
        <label className="field-label" htmlFor={`${uid}-header-row`}>{t.headerRow}</label>
        <select id={`${uid}-header-row`} value={sheet.headerRow} data-testid="mapping-header-row"
          onChange={(e) => onHeaderRowChange(Number(e.target.value))}>
          {headerChoices.slice(0, HEADER_ROW_CHOICES).map((row) => (
            <option key={row.number} value={row.number}>{t.rowOption(row.number, rowSummary(row.cells))}</option>
          ))}
        </select>
        {sheet.subHeaderRow !== null ? <span className="muted small">{t.withSubHeader(sheet.subHeaderRow)}</span> : null}
      </div>

      <div className="mapping-table-wrap">
        <table className="mapping-table">
          <thead>
            <tr><th scope="col">{t.column}</th><th scope="col">{t.header}</th><th scope="col">{t.samples}</th><th scope="col">{t.field}</th></tr>
          </thead>
          <tbody>
            {sheet.headers.map((header, index) => {
              const field = mapping[index] ?? null
              return (
                <tr key={index} className={field === null ? 'is-ignored' : undefined}>
                  <td className="mapping-letter">{columnLetter(index)}</td>
                  <td className="mapping-header" title={header}>{shorten(header, 60)}</td>
                  <td className="mapping-samples" title={sheet.samples[index]?.join('\n')}>
                    {(sheet.samples[index] ?? []).map((sample, i) => <span key={i} className="mapping-sample">{shorten(sample, 40)}</span>)}
                  </td>
                  <td className="mapping-field">
                    <select value={field ?? IGNORE} data-testid={`mapping-field-${index}`}
                      aria-label={t.fieldFor(columnLetter(index), shorten(header, 60))}
                      onChange={(e) => onMappingChange(assignField(mapping, index, e.target.value === IGNORE ? null : e.target.value as MappedField))}>
                      <option value={IGNORE}>{t.ignore}</option>
                      {MAPPED_FIELDS.map((f) => (
                        <option key={f} value={f}>{REQUIRED_MAPPED_FIELDS.includes(f) ? `${fieldName(f)} (${t.required})` : fieldName(f)}</option>
                      ))}
                    </select>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>

      {missing.length > 0 ? (
        <p className="form-error-summary" role="alert" data-testid="mapping-missing">{t.missing(missing.map(fieldName).join(', '))}</p>
      ) : null}

      {mapped.ok ? (
        <>
          <h3 className="column-mapping-heading">{t.preview(shownTasks.length, mapped.taskCount)}</h3>
          {shownTasks.length === 0 ? <p className="muted">{t.noTasks}</p> : (
            <div className="mapping-preview-wrap">
              <table className="mapping-preview" data-testid="mapping-preview">
                <thead>
                  <tr>
                    <th scope="col">{t.row}</th><th scope="col">{t.fields.title}</th><th scope="col">{t.time}</th>
                    <th scope="col">{t.fields.lead}</th><th scope="col">{t.fields.support}</th><th scope="col">{t.fields.channel}</th>
                    <th scope="col">{t.fields.status}</th>
                  </tr>
                </thead>
                <tbody>
                  {shownTasks.map((task, i) => (
                    <tr key={task.id}>
                      <td className="mapping-row-number">{mapped.rowNumbers[i]}</td>
                      <td>{task.title}</td>
                      <td className="mapping-time">{taskTimeLabel(task)}</td>
                      <td>{task.leadUnitId ? unitNames.get(task.leadUnitId) : ''}</td>
                      <td>{task.supportUnitIds.map((id) => unitNames.get(id)).join('; ')}</td>
                      <td>{task.channelId ? channelNames.get(task.channelId) : ''}</td>
                      <td>{messages.status[task.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {mapped.newUnits.length > 0 ? (
            <p className="mapping-new-units" data-testid="mapping-new-units">
              {t.newUnits(mapped.newUnits.length, mapped.newUnits.map((u) => u.name).join('; '))}
            </p>
          ) : null}
          <IssueList title={t.rowErrors} issues={mapped.errors} count={mapped.errorCount} testId="mapping-errors" className="import-problems is-error" messages={messages} language={language} />
          <IssueList title={t.rowWarnings} issues={mapped.warnings} count={mapped.warningCount} testId="mapping-warnings" className="import-problems" messages={messages} language={language} />
        </>
      ) : null}
    </section>
  )
}

function IssueList({
  title, issues, count, testId, className, messages, language,
}: {
  title: (n: number) => string
  /** The first issues; `count` is how many there are. */
  issues: readonly RowIssue[]
  count: number
  testId: string
  className: string
  messages: Messages
  language: Language
}) {
  if (count === 0) return null
  return (
    <div className={className} data-testid={testId}>
      <p>{title(count)}</p>
      <ul>
        {issues.slice(0, MAX_ISSUES_SHOWN).map((issue, i) => <li key={i}>{describeRowIssue(issue, language)}</li>)}
      </ul>
      {count > Math.min(issues.length, MAX_ISSUES_SHOWN) ? <p>{messages.importDialog.mapping.more(count - Math.min(issues.length, MAX_ISSUES_SHOWN))}</p> : null}
    </div>
  )
}
