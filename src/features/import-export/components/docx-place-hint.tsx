/**
 * The export dialog's note for the Word format when the plan has no place (neither the document
 * details' place nor a locality): the file's "địa danh, ngày …" line would then carry a blank to fill
 * in by hand, so the dialog says where to enter one before the file is made. Nothing otherwise.
 *
 * Mount it in the export dialog under the format choice: `{format === 'docx' ? <DocxPlaceHint /> : null}`.
 */
import { useMessages } from '@/components/use-messages'
import { documentPlace } from '@/io/docx/place-and-date'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

export function DocxPlaceHint() {
  const place = usePlannerStore((s) => documentPlace(selectActivePlan(s)))
  const t = useMessages().exportDialog
  if (place !== '') return null
  return <p role="note" className="field-error" data-testid="docx-place-missing">{t.docxPlaceMissing}</p>
}
