// @vitest-environment jsdom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import { LanguageContext } from '@/components/use-messages'
import { CATALOGS } from '@/lib/i18n/catalog'
import { DocxPlaceHint } from '@/features/import-export/components/docx-place-hint'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const initial = usePlannerStore.getState()

function withPlace(place: string, locality: string): void {
  const plan = selectActivePlan(usePlannerStore.getState())
  usePlannerStore.setState({ plans: { ...usePlannerStore.getState().plans, [plan.id]: { ...plan, locality, document: { ...plan.document, place } } } })
}

function rendered(): string {
  const container = document.createElement('div')
  const root = createRoot(container)
  act(() => root.render(<LanguageContext.Provider value="en"><DocxPlaceHint /></LanguageContext.Provider>))
  const text = container.textContent ?? ''
  act(() => root.unmount())
  return text
}

describe('the export dialog’s note on the Word file’s place', () => {
  afterEach(() => usePlannerStore.setState(initial, true))

  it('shows only when the plan has neither a place nor a locality', () => {
    withPlace('', '')
    expect(rendered()).toBe(CATALOGS.en.exportDialog.docxPlaceMissing)
    withPlace('', 'Buôn Ma Thuột')
    expect(rendered()).toBe('')
    withPlace('Hà Nội', '')
    expect(rendered()).toBe('')
  })
})
