// @vitest-environment jsdom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LanguageContext } from '@/components/use-messages'
import { CATALOGS } from '@/lib/i18n/catalog'
import { DocumentDetailsEditor } from '@/features/settings/components/document-details-editor'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const t = CATALOGS.vi.documentDetails
const initial = usePlannerStore.getState()
let container: HTMLDivElement
let root: Root

function setLocality(locality: string, place = ''): void {
  const plan = selectActivePlan(usePlannerStore.getState())
  usePlannerStore.setState({ plans: { ...usePlannerStore.getState().plans, [plan.id]: { ...plan, locality, document: { ...plan.document, place } } } })
}

function renderEditor(): void {
  act(() => root.render(<LanguageContext.Provider value="vi"><DocumentDetailsEditor /></LanguageContext.Provider>))
}

/** Types into a controlled input the way React listens for it. */
function typeInto(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  act(() => {
    setter.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

function placeInput(): HTMLInputElement {
  const label = Array.from(container.querySelectorAll('label')).find((l) => l.textContent === t.fields.place)!
  // useId's ids hold colons: look the input up by id, not through a CSS selector.
  return container.ownerDocument.getElementById(label.htmlFor) as HTMLInputElement
}

describe('the document details editor and the Word file’s place', () => {
  beforeEach(() => {
    container = document.createElement('div')
    document.body.append(container)
    root = createRoot(container)
  })
  afterEach(() => {
    act(() => root.unmount())
    container.remove()
    usePlannerStore.setState(initial, true)
  })

  it('asks for a place when neither the details nor the plan’s locality give one', () => {
    setLocality('')
    renderEditor()
    expect(container.querySelector('[data-testid="document-place-missing"]')?.textContent).toBe(t.placeMissing)
    typeInto(placeInput(), 'Buôn Ma Thuột')
    expect(container.querySelector('[data-testid="document-place-missing"]')).toBeNull()
  })

  it('says the locality will be used while the place is empty', () => {
    setLocality('Tỉnh Đắk Lắk')
    renderEditor()
    expect(container.querySelector('[data-testid="document-place-missing"]')).toBeNull()
    expect(container.textContent).toContain(t.placeFromLocality('Đắk Lắk'))
    expect(container.textContent).toContain(t.issuedOnFromExport)
  })
})
