/**
 * The document details the Word export lays out (Decree 30/2020/NĐ-CP): agency, number, place and
 * date, subject, purpose, signer, recipients. Edited as a form and saved in one step (one undo).
 */
import { useId, useState } from 'react'
import { formatDate, parseDisplayDate } from '@/domain/dates/format-date'
import { isValidLocalDate } from '@/domain/dates/local-date'
import type { DocumentDetails } from '@/domain/types'
import { useMessages } from '@/components/use-messages'
import { documentPlace } from '@/io/docx/place-and-date'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

const SHORT_MAX = 300
const LONG_MAX = 10_000
type TextField = Exclude<keyof DocumentDetails, 'issuedOn' | 'recipients'>
const FIELDS: { key: TextField; long?: boolean; rows?: number }[] = [
  { key: 'parentAgency' }, { key: 'issuingAgency' }, { key: 'agencyCode' }, { key: 'number' }, { key: 'place' },
  { key: 'subject', long: true, rows: 2 }, { key: 'purpose', long: true, rows: 4 },
  { key: 'signerAuthority' }, { key: 'signerTitle', rows: 2 }, { key: 'signerName' }, { key: 'draftingUnitCode' },
]

export function DocumentDetailsEditor() {
  const plan = usePlannerStore(selectActivePlan)
  const updateDocumentDetails = usePlannerStore((s) => s.updateDocumentDetails)
  const messages = useMessages()
  const t = messages.documentDetails
  const uid = useId()
  const [draft, setDraft] = useState(() => ({
    ...plan.document,
    issuedOnText: plan.document.issuedOn ? formatDate(plan.document.issuedOn) : '',
    recipientsText: plan.document.recipients.join('\n'),
  }))
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({})
  const [saved, setSaved] = useState(false)

  const save = (event: React.FormEvent) => {
    event.preventDefault()
    const found: Partial<Record<string, string>> = {}
    for (const { key, long } of FIELDS) {
      if (draft[key].length > (long ? LONG_MAX : SHORT_MAX)) found[key] = messages.errors.tooLong
    }
    if (!/^[\p{L}\p{N}.&-]*$/u.test(draft.agencyCode.trim())) found.agencyCode = t.codeHint
    const issuedOn = draft.issuedOnText.trim() === '' ? null : parseDisplayDate(draft.issuedOnText)
    if (issuedOn !== null && !isValidLocalDate(issuedOn)) found.issuedOn = messages.errors.invalidDate
    if (draft.issuedOnText.trim() !== '' && issuedOn === null) found.issuedOn = messages.errors.invalidDate
    setErrors(found)
    setSaved(false)
    if (Object.keys(found).length > 0) return
    const { issuedOnText: _d, recipientsText, ...details } = draft
    updateDocumentDetails({
      ...details,
      agencyCode: details.agencyCode.trim().toUpperCase(),
      issuedOn,
      recipients: recipientsText.split('\n').map((r) => r.trim().replace(/^-\s*/, '').replace(/;$/, '')).filter(Boolean),
    })
    setSaved(true)
  }

  return (
    <section className="settings-section document-details" aria-labelledby={`${uid}-doc`}>
      <h3 id={`${uid}-doc`}>{t.title}</h3>
      <p className="muted small">{t.hint}</p>
      <form onSubmit={save} noValidate className="document-grid">
        {FIELDS.map(({ key, rows }) => (
          <div className="field" key={key}>
            <label className="field-label" htmlFor={`${uid}-${key}`}>{t.fields[key]}</label>
            {rows ? (
              <textarea id={`${uid}-${key}`} rows={rows} value={draft[key]} aria-invalid={errors[key] ? 'true' : undefined}
                onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))} />
            ) : (
              <input id={`${uid}-${key}`} value={draft[key]} aria-invalid={errors[key] ? 'true' : undefined}
                onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))} />
            )}
            {errors[key] ? <span className="field-error">{errors[key]}</span> : null}
            {key === 'place' ? <PlaceHint place={draft.place} locality={plan.locality} id={`${uid}-place-hint`} /> : null}
          </div>
        ))}
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-issuedOn`}>{t.fields.issuedOn}</label>
          <input id={`${uid}-issuedOn`} placeholder="dd/mm/yyyy" value={draft.issuedOnText} aria-invalid={errors.issuedOn ? 'true' : undefined}
            onChange={(e) => setDraft((d) => ({ ...d, issuedOnText: e.target.value }))} />
          {errors.issuedOn ? <span className="field-error">{errors.issuedOn}</span> : null}
          {draft.issuedOnText.trim() === '' ? <span className="muted small">{t.issuedOnFromExport}</span> : null}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-recipients`}>{t.fields.recipients}</label>
          <textarea id={`${uid}-recipients`} rows={4} value={draft.recipientsText} onChange={(e) => setDraft((d) => ({ ...d, recipientsText: e.target.value }))} />
        </div>
        <div className="inline-form">
          <button type="submit" className="primary">{t.save}</button>
          {saved ? <span role="status" className="muted small">{t.saved}</span> : null}
          {Object.keys(errors).length > 0 ? <span role="alert" className="field-error">{messages.editor.fixErrors}</span> : null}
        </div>
      </form>
    </section>
  )
}

/**
 * What the Word file's "địa danh, ngày …" line will say about the place while the field is empty:
 * the plan's locality, or a blank left to fill in by hand — then it asks for a place, since a plan is
 * not issued without one (see io/docx/place-and-date.ts).
 */
function PlaceHint({ place, locality, id }: { place: string; locality: string; id: string }) {
  const t = useMessages().documentDetails
  if (place.trim() !== '') return null
  const fallback = documentPlace({ document: { place: '' }, locality })
  if (fallback !== '') return <span id={id} className="muted small">{t.placeFromLocality(fallback)}</span>
  return <span id={id} role="note" className="field-error" data-testid="document-place-missing">{t.placeMissing}</span>
}
