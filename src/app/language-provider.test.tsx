// @vitest-environment jsdom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import { LanguageProvider } from '@/app/language-provider'
import { useMessages } from '@/components/use-messages'
import { CATALOGS } from '@/lib/i18n/catalog'
import { usePlannerStore } from '@/store/use-planner-store'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

function Probe() {
  return <p>{useMessages().appName}</p>
}

describe('LanguageProvider', () => {
  const initial = usePlannerStore.getState().language
  afterEach(() => usePlannerStore.setState({ language: initial }))

  it('passes the store\'s language down, and follows it when it changes', () => {
    const container = document.createElement('div')
    const root = createRoot(container)
    act(() => usePlannerStore.setState({ language: 'en' }))
    act(() => root.render(<LanguageProvider><Probe /></LanguageProvider>))
    expect(container.textContent).toBe(CATALOGS.en.appName)
    act(() => usePlannerStore.setState({ language: 'vi' }))
    expect(container.textContent).toBe(CATALOGS.vi.appName)
    act(() => root.unmount())
  })
})
